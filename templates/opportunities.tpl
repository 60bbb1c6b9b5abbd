{{%AUTOESCAPE context="HTML"}}{{#NEW}}<p><a href="{{HREF}}" class="button button-primary">[[opportunity_form.new]]</a></p>{{/NEW}}
{{#NONE}}<p>[[opportunity_form.none]]</p>{{/NONE}}
{{#LIST}}<div class="table--responsive-scroll"><table class="table table--compact samskab-admin-table">
  <caption class="sr-only">[[opportunity_form.caption]]</caption>
  <thead><tr><th scope="col">[[opportunity_form.title]]</th><th scope="col">[[opportunity_form.column.poster]]</th><th scope="col">[[opportunity_form.status]]</th><th scope="col">[[opportunity_form.capacity]]</th><th scope="col">[[opportunity_form.column.period]]</th><th scope="col">[[admin.actions]]</th></tr></thead>
  <tbody>{{#ROW}}<tr><td>{{TITLE}}</td><td>{{POSTER}}</td><td>{{STATUS}}</td><td>{{CAPACITY}}</td><td>{{PERIOD}}</td><td>{{#PUBLIC}}<a href="{{HREF}}" class="function-link">[[opportunity_form.show]]<span class="sr-only"> {{TITLE}}</span></a> {{/PUBLIC}}{{#APPLICATIONS}}<a href="{{HREF}}" class="function-link">[[opportunity_form.applications]]<span class="sr-only"> {{TITLE}}</span></a> {{/APPLICATIONS}}{{#EDIT}}<a href="{{HREF}}" class="function-link">[[opportunity_form.edit]]<span class="sr-only"> {{TITLE}}</span></a>{{CLOSE_FORM:none}}{{/EDIT}}</td></tr>{{/ROW}}</tbody>
</table></div>{{/LIST}}
{{PAGING:none}}
