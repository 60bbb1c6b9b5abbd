{{%AUTOESCAPE context="HTML"}}{{#NONE}}<p>[[worksheets.none]]</p>{{/NONE}}
{{#LIST}}<table class="table table--compact samskab-admin-table">
  <caption class="sr-only">[[worksheets.caption]]</caption>
  <thead><tr><th scope="col">[[worksheets.column.unit]]</th><th scope="col">[[worksheets.column.year]]</th><th scope="col">[[worksheets.column.updated]]</th><th scope="col">[[admin.actions]]</th></tr></thead>
  <tbody>{{#ROW}}<tr><td>{{UNIT}}</td><td>{{YEAR}}</td><td>{{UPDATED}}</td><td>{{#EDIT}}<a href="{{HREF}}" class="function-link">[[worksheets.edit]]<span class="sr-only"> {{UNIT}} {{YEAR}}</span></a> · {{/EDIT}}<a href="{{PRINT_HREF}}" class="function-link">[[worksheets.print]]<span class="sr-only"> {{UNIT}} {{YEAR}}</span></a></td></tr>{{/ROW}}</tbody>
</table>{{/LIST}}
<h2 class="mt-8">[[worksheets.open_heading]]</h2>
{{#NO_UNITS}}<p>[[worksheets.no_units]]</p>{{/NO_UNITS}}
{{OPEN_FORM:none}}
