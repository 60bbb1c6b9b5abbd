{{%AUTOESCAPE context="HTML"}}{{#VOCABULARY}}<h2 class="mt-8" id="{{ID}}">{{HEADING}}</h2>
<table class="table table--compact samskab-admin-table">
  <caption class="sr-only">{{HEADING}}</caption>
  <thead><tr><th scope="col">[[vocabularies.column.label]]</th><th scope="col">[[vocabularies.column.key]]</th><th scope="col">[[vocabularies.column.origin]]</th><th scope="col">[[admin.actions]]</th></tr></thead>
  <tbody>{{#TERM}}<tr><td>{{LABEL}}</td><td><code>{{KEY}}</code></td>{{#BUILT_IN}}<td>[[vocabularies.built_in]]</td><td></td>{{/BUILT_IN}}{{#OWN}}<td>[[vocabularies.own]]<br><span class="form-hint">{{LABELS}}</span></td><td>{{REMOVE_FORM:none}}</td>{{/OWN}}</tr>{{/TERM}}</tbody>
</table>{{/VOCABULARY}}
<h2 class="mt-8">[[vocabularies.add_heading]]</h2>
<p>[[vocabularies.add_lead]]</p>
{{ADD_FORM:none}}
