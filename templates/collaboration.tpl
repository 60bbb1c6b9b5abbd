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
{{#AGREEMENTS}}<h2 class="mt-8" id="agreements">[[agreements.heading]]</h2>
{{#NO_AGREEMENTS}}<p>[[agreements.none]]</p>{{/NO_AGREEMENTS}}
{{#AGREEMENT}}<h3>{{HEADING}}</h3>
<dl class="samskab-facts"><dt>[[agreements.field.status]]</dt><dd>{{STATUS}}</dd><dt>[[agreements.field.signed_on]]</dt><dd>{{SIGNED_ON}}</dd><dt>[[agreements.field.review_on]]</dt><dd>{{REVIEW_ON}}</dd><dt>[[agreements.field.responsible_user_id]]</dt><dd>{{RESPONSIBLE}}</dd><dt>[[agreements.field.municipality_obligations]]</dt><dd><span class="samskab-pre-line">{{MUNICIPALITY_OBLIGATIONS:pre_escape}}</span></dd><dt>[[agreements.field.partner_obligations]]</dt><dd><span class="samskab-pre-line">{{PARTNER_OBLIGATIONS:pre_escape}}</span></dd></dl>
{{#EDIT}}<p><a href="{{EDIT_HREF}}" class="function-link">[[agreements.edit]]<span class="sr-only"> {{HEADING}}</span></a></p>{{/EDIT}}{{/AGREEMENT}}
{{#NEW}}<p><a href="{{NEW_HREF}}" class="button button-secondary">[[agreements.new]]</a></p>{{/NEW}}{{/AGREEMENTS}}
{{#ACTIONS}}<h2 class="mt-8">[[collaborations.delete_heading]]</h2>
<p>[[collaborations.delete_text]]</p>
{{DELETE_FORM:none}}{{/ACTIONS}}
