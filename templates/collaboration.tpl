{{%AUTOESCAPE context="HTML"}}<p><a href="{{BACK_HREF}}" class="function-link">[[collaborations.back]]</a></p>
{{#ACTIONS}}<p><a href="{{EDIT_HREF}}" class="button button-secondary">[[collaborations.edit]]</a></p>{{/ACTIONS}}
<h2>[[collaborations.placement_heading]]</h2>
<p class="font-lead" id="placement">{{PLACEMENT}}</p>
<p>[[collaborations.volunteer_type]] {{VOLUNTEER_TYPE}}</p>
<h3>[[collaborations.why]]</h3>
<ul id="reasons">{{#REASON}}<li>{{TEXT}}</li>{{/REASON}}</ul>
{{#OVERRIDE}}<div class="alert alert-info" id="override"><div class="alert-body">
  <p class="alert-heading">[[collaborations.override_heading]]</p>
  <p class="alert-text">[[collaborations.override_text]]</p>
  <p class="alert-text samskab-pre-line">{{REASON:pre_escape}}</p>
</div></div>{{/OVERRIDE}}
<h3>[[collaborations.guidance]]</h3>
<ul class="nobullet-list">{{#GUIDANCE}}<li><a href="{{HREF}}" class="function-link">{{TEXT}}</a></li>{{/GUIDANCE}}</ul>
<h2 class="mt-8">[[collaborations.details_heading]]</h2>
<dl class="samskab-facts">{{#FACT}}<dt>{{LABEL}}</dt><dd>{{#TEXT}}<span class="samskab-pre-line">{{VALUE:pre_escape}}</span>{{/TEXT}}{{#LIST}}<ul class="nobullet-list">{{#ITEM}}<li>{{VALUE}}</li>{{/ITEM}}</ul>{{/LIST}}</dd>{{/FACT}}</dl>
{{#ACTIONS}}<h2 class="mt-8">[[collaborations.delete_heading]]</h2>
<p>[[collaborations.delete_text]]</p>
{{DELETE_FORM:none}}{{/ACTIONS}}
