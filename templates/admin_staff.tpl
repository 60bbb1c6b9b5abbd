{{%AUTOESCAPE context="HTML"}}{{#NO_STAFF}}<p>[[admin.staff.none]]</p>{{/NO_STAFF}}
{{#STAFF}}<table class="table table--compact samskab-admin-table">
  <caption class="sr-only">[[admin.staff.caption]]</caption>
  <thead><tr><th scope="col">[[admin.staff.name]]</th><th scope="col">[[admin.staff.email]]</th><th scope="col">[[admin.staff.role]]</th><th scope="col">[[admin.staff.unit]]</th><th scope="col">[[admin.actions]]</th></tr></thead>
  <tbody>{{#MEMBER}}<tr><td>{{NAME}}</td><td>{{EMAIL}}</td><td>{{ROLE}}</td><td>{{UNIT}}</td><td>{{REMOVE_FORM:none}}</td></tr>{{/MEMBER}}</tbody>
</table>{{/STAFF}}
<h2 class="mt-8">[[admin.staff.pending_heading]]</h2>
{{#NO_PENDING}}<p>[[admin.staff.pending_none]]</p>{{/NO_PENDING}}
{{#PENDING}}<table class="table table--compact samskab-admin-table">
  <caption class="sr-only">[[admin.staff.pending_heading]]</caption>
  <thead><tr><th scope="col">[[admin.staff.email]]</th><th scope="col">[[admin.staff.role]]</th><th scope="col">[[admin.staff.unit]]</th><th scope="col">[[admin.staff.expires]]</th></tr></thead>
  <tbody>{{#INVITATION}}<tr><td>{{EMAIL}}</td><td>{{ROLE}}</td><td>{{UNIT}}</td><td><time datetime="{{EXPIRES_ISO}}">{{EXPIRES}}</time></td></tr>{{/INVITATION}}</tbody>
</table>{{/PENDING}}
<h2 class="mt-8">[[admin.staff.invite_heading]]</h2>
{{INVITE_FORM:none}}
