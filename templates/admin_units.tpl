{{%AUTOESCAPE context="HTML"}}{{#NO_UNITS}}<p>[[admin.units.none]]</p>{{/NO_UNITS}}
{{#UNITS}}<table class="table table--compact samskab-admin-table">
  <caption class="sr-only">[[admin.units.caption]]</caption>
  <thead><tr><th scope="col">[[admin.units.name]]</th><th scope="col">[[admin.units.kind]]</th><th scope="col">[[admin.units.parent]]</th><th scope="col">[[admin.actions]]</th></tr></thead>
  <tbody>{{#UNIT}}<tr><td><span class="samskab-depth-{{DEPTH}}">{{NAME}}</span></td><td>{{KIND}}</td><td>{{PARENT}}</td><td>{{DELETE_FORM:none}}</td></tr>{{/UNIT}}</tbody>
</table>{{/UNITS}}
<h2 class="mt-8">[[admin.units.create_heading]]</h2>
{{CREATE_FORM:none}}
