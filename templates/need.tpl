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
{{#APPROVALS}}<h2 class="mt-8" id="approvals">[[need_approvals.staff_heading]]</h2>
<p>{{LEAD}}</p>
{{#NONE}}<p>[[need_approvals.staff_none]]</p>{{/NONE}}
{{#TABLE}}<div class="table--responsive-scroll"><table class="table table--compact samskab-admin-table">
<caption class="sr-only">[[need_approvals.staff_heading]]</caption>
<thead><tr><th scope="col">[[need_approvals.offer]]</th><th scope="col">[[need_approvals.offer_owner]]</th><th scope="col">[[need_approvals.decision]]</th><th scope="col">[[need_approvals.direct_contact]]</th><th scope="col">[[need_approvals.note]]</th><th scope="col">[[need_approvals.decided_on]]</th></tr></thead>
<tbody>{{#ROW}}<tr id="approval-{{KEY}}"><td>{{OFFER_TITLE}}</td><td>{{OWNER}}</td><td>{{DECISION}}</td><td>{{CONTACT}}</td><td>{{NOTE}}</td><td>{{DECIDED}}</td></tr>{{/ROW}}</tbody>
</table></div>{{/TABLE}}
{{#NO_OFFERS}}<p>[[need_approvals.no_offers]]</p>{{/NO_OFFERS}}{{ASK_FORM:none}}{{/APPROVALS}}
{{! The matching helper's proposals ("Forslag") for this need live at MATCHES_HREF
    (/admin/{municipality}/needs/{id}/matches): its section or summary goes here. }}
<h2 class="mt-8" id="matches">[[needs.matches_heading]]</h2>
<p>[[needs.matches_text]]</p>
<p><a href="{{MATCHES_HREF}}" class="function-link">[[needs.matches_link]]</a></p>
