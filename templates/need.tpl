{{%AUTOESCAPE context="HTML"}}<p><a href="{{BACK_HREF}}" class="function-link">[[needs.back]]</a></p>
{{#DESCRIPTION}}<p class="samskab-pre-line">{{TEXT:pre_escape}}</p>{{/DESCRIPTION}}
{{#VULNERABLE}}<div class="alert alert-info" id="vulnerable"><div class="alert-body">
  <p class="alert-heading">[[needs.vulnerable_heading]]</p>
  <p class="alert-text">[[needs.vulnerable_text]]</p>
</div></div>{{/VULNERABLE}}
{{#ACTIONS}}<p><a href="{{EDIT_HREF}}" class="button button-secondary">[[needs.edit]]</a></p>
{{STATUS_FORM:none}}{{/ACTIONS}}
<h2 class="mt-8">[[needs.details_heading]]</h2>
<dl class="samskab-facts">{{#FACT}}<dt>{{LABEL}}</dt><dd>{{#TEXT}}{{VALUE}}{{/TEXT}}{{#LIST}}<ul class="nobullet-list">{{#ITEM}}<li>{{VALUE}}</li>{{/ITEM}}</ul>{{/LIST}}</dd>{{/FACT}}</dl>
{{! The matching helper's proposals ("Forslag") for this need live at MATCHES_HREF
    (/admin/{municipality}/needs/{id}/matches): its section or summary goes here. }}
<h2 class="mt-8" id="matches">[[needs.matches_heading]]</h2>
<p>[[needs.matches_text]]</p>
<p><a href="{{MATCHES_HREF}}" class="function-link">[[needs.matches_link]]</a></p>
