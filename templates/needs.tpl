{{%AUTOESCAPE context="HTML"}}{{#NEW}}<p><a href="{{HREF}}" class="button button-primary">[[needs.new]]</a></p>{{/NEW}}
<h2 class="h3">[[needs.filter_heading]]</h2>
{{FILTER_FORM:none}}
<p class="mt-6" id="needs-count">{{COUNT}}</p>
{{#NONE}}<p>[[needs.empty]]</p>{{/NONE}}
{{#LIST}}<table class="table table--compact samskab-admin-table">
  <caption class="sr-only">[[needs.caption]]</caption>
  <thead><tr><th scope="col">[[needs.field.title]]</th><th scope="col">[[needs.field.unit_id]]</th><th scope="col">[[needs.field.status]]</th><th scope="col">[[needs.field.visibility]]</th><th scope="col">[[needs.field.places]]</th><th scope="col">[[needs.updated]]</th></tr></thead>
  <tbody>{{#ROW}}<tr><td><a href="{{HREF}}" class="function-link">{{TITLE}}</a></td><td>{{UNIT}}</td><td>{{STATUS}}</td><td>{{VISIBILITY}}</td><td>{{PLACES}}</td><td>{{UPDATED}}</td></tr>{{/ROW}}</tbody>
</table>{{/LIST}}
{{#PREVIOUS}}<p><a href="{{HREF}}" class="function-link" rel="prev">[[needs.previous]]</a></p>{{/PREVIOUS}}
{{#NEXT}}<p><a href="{{HREF}}" class="function-link" rel="next">[[needs.next]]</a></p>{{/NEXT}}
