{{%AUTOESCAPE context="HTML"}}{{#NO_ENTRIES}}<p>[[admin.audit.none]]</p>{{/NO_ENTRIES}}
{{#ENTRIES}}<table class="table table--compact samskab-admin-table">
  <caption class="sr-only">[[admin.audit.caption]]</caption>
  <thead><tr><th scope="col">[[admin.audit.time]]</th><th scope="col">[[admin.audit.actor]]</th><th scope="col">[[admin.audit.action]]</th><th scope="col">[[admin.audit.entity]]</th><th scope="col">[[admin.audit.change]]</th></tr></thead>
  <tbody>{{#ENTRY}}<tr id="audit-{{ID}}"><td><time datetime="{{AT_ISO}}">{{AT}}</time></td><td>{{ACTOR}}</td><td><code>{{ACTION}}</code></td><td>{{ENTITY}} {{ENTITY_ID}}</td><td>{{#CHANGE}}<details class="details">
    <summary class="details-summary">[[admin.audit.show]]</summary>
    <div class="details-text">{{#BEFORE}}<p><strong>[[admin.audit.before]]</strong></p><pre class="samskab-pre">{{JSON}}</pre>{{/BEFORE}}{{#AFTER}}<p><strong>[[admin.audit.after]]</strong></p><pre class="samskab-pre">{{JSON}}</pre>{{/AFTER}}</div>
  </details>{{/CHANGE}}</td></tr>{{/ENTRY}}</tbody>
</table>{{/ENTRIES}}
{{#PAGING}}<nav aria-label="[[admin.audit.paging]]">
  <ul class="nobullet-list">{{#NEWEST}}<li><a href="{{HREF}}" class="function-link">[[admin.audit.newest]]</a></li>{{/NEWEST}}{{#OLDER}}<li><a href="{{HREF}}" class="function-link">[[admin.audit.older]]</a></li>{{/OLDER}}</ul>
</nav>{{/PAGING}}
