{{%AUTOESCAPE context="HTML"}}{{#CREATED}}<div class="alert alert-success" role="status" id="new-token">
  <div class="alert-body">
    <p class="alert-heading">[[admin.tokens.created_heading]]: {{NAME}}</p>
    <p class="alert-text"><strong>[[admin.tokens.created_note]]</strong></p>
    <p class="alert-text">[[admin.tokens.secret_label]]: <code class="samskab-secret">{{SECRET}}</code></p>
    <p class="alert-text">[[admin.tokens.usage]]</p>
  </div>
</div>{{/CREATED}}
{{#NO_TOKENS}}<p>[[admin.tokens.none]]</p>{{/NO_TOKENS}}
{{#TOKENS}}<table class="table table--compact samskab-admin-table">
  <caption class="sr-only">[[admin.tokens.caption]]</caption>
  <thead><tr><th scope="col">[[admin.tokens.name]]</th><th scope="col">[[admin.tokens.role]]</th><th scope="col">[[admin.tokens.created]]</th><th scope="col">[[admin.tokens.last_used]]</th><th scope="col">[[admin.tokens.state]]</th><th scope="col">[[admin.actions]]</th></tr></thead>
  <tbody>{{#TOKEN}}<tr><td>{{NAME}}</td><td>{{ROLE}}</td><td><time datetime="{{CREATED_ISO}}">{{CREATED}}</time></td><td>{{#USED}}<time datetime="{{ISO}}">{{TEXT}}</time>{{/USED}}{{#NEVER_USED}}[[admin.tokens.never]]{{/NEVER_USED}}</td><td>{{#REVOKED}}[[admin.tokens.revoked]] <time datetime="{{ISO}}">{{TEXT}}</time>{{/REVOKED}}{{#ACTIVE}}<span class="badge badge-success">[[admin.tokens.active]]</span>{{/ACTIVE}}</td><td>{{#ACTIVE}}{{REVOKE_FORM:none}}{{/ACTIVE}}</td></tr>{{/TOKEN}}</tbody>
</table>{{/TOKENS}}
<h2 class="mt-8">[[admin.tokens.create_heading]]</h2>
{{CREATE_FORM:none}}
