{{%AUTOESCAPE context="HTML"}}{{#NO_MESSAGES}}<p>[[platform.outbox_none]]</p>{{/NO_MESSAGES}}
{{#MESSAGES}}<table class="table table--compact samskab-admin-table">
  <caption class="sr-only">[[platform.outbox_caption]]</caption>
  <thead><tr><th scope="col">[[platform.recipient]]</th><th scope="col">[[platform.subject]]</th><th scope="col">[[platform.created]]</th><th scope="col">[[platform.body]]</th></tr></thead>
  <tbody>{{#MESSAGE}}<tr><td>{{RECIPIENT}}</td><td>{{SUBJECT}}</td><td><time datetime="{{CREATED_ISO}}">{{CREATED}}</time></td><td><pre class="samskab-pre">{{BODY}}</pre></td></tr>{{/MESSAGE}}</tbody>
</table>{{/MESSAGES}}
