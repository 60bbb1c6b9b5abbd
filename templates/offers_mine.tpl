{{%AUTOESCAPE context="HTML"}}<div class="row">
  <div class="col-12 col-lg-10">
    <h1>{{HEADING}}</h1>
    <p class="font-lead">{{LEAD}}</p>
    <p><a href="{{NEW_HREF}}" class="button button-primary">[[offers.new]]</a></p>
    {{#NONE}}<p>[[offers.none]]</p>{{/NONE}}
    {{#LIST}}<table class="table table--compact">
      <caption class="sr-only">[[offers.caption]]</caption>
      <thead><tr><th scope="col">[[offers.field.title]]</th><th scope="col">[[offers.owner]]</th><th scope="col">[[offers.field.kind]]</th><th scope="col">[[offers.field.status]]</th></tr></thead>
      <tbody>{{#ROW}}<tr><td><a href="{{HREF}}" class="function-link">{{TITLE}}</a></td><td>{{OWNER}}</td><td>{{KIND}}</td><td>{{STATUS}}</td></tr>{{/ROW}}</tbody>
    </table>{{/LIST}}
  </div>
</div>
