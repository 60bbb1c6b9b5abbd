{{%AUTOESCAPE context="HTML"}}<p id="places">{{PLACES}}</p>
{{#CHILDREN}}<div class="alert alert-info"><div class="alert-body"><p class="alert-text">[[application.pipeline_children]]</p></div></div>{{/CHILDREN}}
{{#GROUP}}<h2 class="h3" id="state-{{STATE}}">{{LABEL}} ({{COUNT}})</h2>
{{#EMPTY}}<p>[[application.pipeline_none]]</p>{{/EMPTY}}
{{#ELSEWHERE}}<p>[[orgposts.pipeline_elsewhere]]</p>{{/ELSEWHERE}}
{{#TABLE}}<div class="table--responsive-scroll"><table class="table table--compact samskab-admin-table">
<caption class="sr-only">{{LABEL}}</caption>
<thead><tr><th scope="col">[[application.name]]</th><th scope="col">[[application.contact]]</th><th scope="col">[[application.applied_on]]</th><th scope="col">[[application.motivation]]</th>{{#CERTIFICATE_HEAD}}<th scope="col">[[application.certificate_column]]</th>{{/CERTIFICATE_HEAD}}<th scope="col">[[application.actions]]</th></tr></thead>
<tbody>{{#ROW}}<tr id="application-{{ID}}"><td>{{NAME}}</td><td>{{EMAIL}}{{#PHONE}}<br>{{TEXT}}{{/PHONE}}</td><td>{{APPLIED}}</td><td>{{MOTIVATION}}</td>{{#CERTIFICATE}}<td>{{TEXT}}</td>{{/CERTIFICATE}}<td>{{#ACTION}}<div class="mb-3">{{FORM:none}}</div>{{/ACTION}}
<details class="mt-3"><summary>[[application.messages_heading]] ({{MESSAGE_COUNT}})<span class="sr-only"> {{NAME}}</span></summary>
{{#NO_MESSAGES}}<p>[[application.no_messages]]</p>{{/NO_MESSAGES}}
{{#MESSAGES}}<ul class="nobullet-list">{{#MESSAGE}}<li class="mb-3"><strong>{{FROM}}</strong>, {{AT}}:<br>{{BODY}}</li>{{/MESSAGE}}</ul>{{/MESSAGES}}
{{MESSAGE_FORM:none}}</details></td></tr>{{/ROW}}</tbody>
</table></div>{{/TABLE}}{{/GROUP}}
{{PAGING:none}}
