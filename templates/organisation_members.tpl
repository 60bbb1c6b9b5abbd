{{%AUTOESCAPE context="HTML"}}{{#NO_MEMBERS}}<p>[[organisation.no_members]]</p>{{/NO_MEMBERS}}
{{#MEMBERS}}<table class="table table--compact samskab-admin-table">
  <caption class="sr-only">[[organisation.members_caption]]</caption>
  <thead><tr><th scope="col">[[admin.staff.name]]</th><th scope="col">[[admin.staff.email]]</th><th scope="col">[[admin.staff.role]]</th></tr></thead>
  <tbody>{{#MEMBER}}<tr><td>{{NAME}}</td><td>{{EMAIL}}</td><td>{{ROLE}}</td></tr>{{/MEMBER}}</tbody>
</table>{{/MEMBERS}}
<h2 class="mt-8">[[organisation.invite_heading]]</h2>
{{INVITE_FORM:none}}
