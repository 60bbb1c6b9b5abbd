{{%AUTOESCAPE context="HTML"}}{{#NOTHING}}<p>[[admin.nothing]]</p>{{/NOTHING}}
{{#TASKS}}<p><a href="/admin/tasks" class="function-link">[[admin.tasks_link]]</a></p>{{/TASKS}}
{{#STAFF}}<h2>{{HEADING}}</h2>
<ul class="nobullet-list">{{#ITEM}}<li><a href="{{HREF}}" class="function-link">{{NAME}}</a></li>{{/ITEM}}</ul>{{/STAFF}}
{{#MUNICIPAL}}<h2 class="mt-8">[[admin.municipalities_heading]]</h2>
<ul class="nobullet-list">{{#ITEM}}<li><a href="{{HREF}}" class="function-link">{{NAME}}</a></li>{{/ITEM}}</ul>{{/MUNICIPAL}}
{{#PLATFORM}}<h2 class="mt-8">[[admin.platform_heading]]</h2>
<ul class="nobullet-list">
  <li><a href="/platform/municipalities" class="function-link">[[platform.municipalities_heading]]</a></li>
  <li><a href="/platform/outbox" class="function-link">[[platform.outbox_heading]]</a></li>
</ul>
{{#ACTIVE}}<h3>[[admin.active_municipalities_heading]]</h3>
<ul class="nobullet-list">{{#ITEM}}<li><a href="{{HREF}}" class="function-link">{{NAME}}</a></li>{{/ITEM}}</ul>{{/ACTIVE}}{{/PLATFORM}}
{{#ORGANISATIONS}}<h2 class="mt-8">[[admin.organisations_heading]]</h2>
<ul class="nobullet-list">{{#ITEM}}<li>{{NAME}}: <a href="{{PROFILE_HREF}}" class="function-link">[[organisation.profile_link]]<span class="sr-only"> {{NAME}}</span></a>, <a href="{{HREF}}" class="function-link">[[organisation.members_link]]<span class="sr-only"> {{NAME}}</span></a>, <a href="{{APPROVALS_HREF}}" class="function-link">[[need_approvals.approvals_link]]<span class="sr-only"> {{NAME}}</span></a></li>{{/ITEM}}</ul>{{/ORGANISATIONS}}
