{{%AUTOESCAPE context="HTML"}}<p>[[need_approvals.partner_intro]]</p>
<h2 class="mt-8" id="pending">[[need_approvals.pending_heading]] ({{PENDING_COUNT}})</h2>
{{#NO_PENDING}}<p>[[need_approvals.pending_none]]</p>{{/NO_PENDING}}
{{#PENDING}}<section class="mt-6" id="approval-{{KEY}}" aria-labelledby="approval-{{KEY}}-heading">
<h3 id="approval-{{KEY}}-heading">{{OFFER_TITLE}}</h3>
<dl class="samskab-facts">
<dt>[[need_approvals.offer_owner]]</dt><dd>{{OWNER}}</dd>
<dt>[[need_approvals.offer_kind]]</dt><dd>{{KIND}}</dd>
{{#OFFER_DESCRIPTION}}<dt>[[need_approvals.offer_description]]</dt><dd class="samskab-pre-line">{{TEXT:pre_escape}}</dd>{{/OFFER_DESCRIPTION}}
<dt>[[need_approvals.need]]</dt><dd>{{NEED_TITLE}} ({{MUNICIPALITY}}, {{UNIT}})</dd>
<dt>[[need_approvals.target_group]]</dt><dd>{{TARGET_GROUP}}</dd>
<dt>[[need_approvals.asked_on]]</dt><dd>{{ASKED}}</dd>
</dl>
{{FORM:none}}</section>{{/PENDING}}
{{PENDING_PAGING:none}}
<h2 class="mt-8" id="decided">[[need_approvals.decided_heading]] ({{DECIDED_COUNT}})</h2>
{{#NO_DECIDED}}<p>[[need_approvals.decided_none]]</p>{{/NO_DECIDED}}
{{#DECIDED_TABLE}}<div class="table--responsive-scroll"><table class="table table--compact samskab-admin-table">
<caption class="sr-only">[[need_approvals.decided_heading]]</caption>
<thead><tr><th scope="col">[[need_approvals.offer]]</th><th scope="col">[[need_approvals.need]]</th><th scope="col">[[need_approvals.decision]]</th><th scope="col">[[need_approvals.direct_contact]]</th><th scope="col">[[need_approvals.note]]</th><th scope="col">[[need_approvals.decided_on]]</th><th scope="col">[[need_approvals.change]]</th></tr></thead>
<tbody>{{#ROW}}<tr id="approval-{{KEY}}"><td>{{OFFER_TITLE}}<br>{{OWNER}}</td><td>{{NEED_TITLE}} ({{MUNICIPALITY}})</td><td>{{DECISION}}</td><td>{{CONTACT}}</td><td>{{NOTE}}</td><td>{{DECIDED}}</td>
<td><details{{#OPEN}} open{{/OPEN}}><summary>[[need_approvals.change]]<span class="sr-only"> {{OFFER_TITLE}}</span></summary>{{FORM:none}}</details></td></tr>{{/ROW}}</tbody>
</table></div>{{/DECIDED_TABLE}}
{{DECIDED_PAGING:none}}
