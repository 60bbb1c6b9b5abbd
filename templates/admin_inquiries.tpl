{{%AUTOESCAPE context="HTML"}}{{#NO_INQUIRIES}}<p>[[admin.inquiries.none]]</p>{{/NO_INQUIRIES}}
{{#INQUIRIES}}<table class="table table--compact samskab-admin-table">
  <caption class="sr-only">[[admin.inquiries.caption]]</caption>
  <thead><tr><th scope="col">[[admin.inquiries.received]]</th><th scope="col">[[admin.inquiries.from]]</th><th scope="col">[[admin.inquiries.topic]]</th><th scope="col">[[admin.inquiries.message]]</th></tr></thead>
  <tbody>{{#INQUIRY}}<tr><td><time datetime="{{RECEIVED_ISO}}">{{RECEIVED}}</time></td><td>{{NAME}}<br><a href="mailto:{{EMAIL}}">{{EMAIL}}</a></td><td>{{TOPIC}}</td><td><p class="samskab-pre">{{MESSAGE}}</p></td></tr>{{/INQUIRY}}</tbody>
</table>{{/INQUIRIES}}
