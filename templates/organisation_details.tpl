{{%AUTOESCAPE context="HTML"}}<p class="font-lead">{{KIND}}</p>
{{#DESCRIPTION}}<p class="samskab-pre-line">{{TEXT}}</p>{{/DESCRIPTION}}
<dl class="samskab-facts">
  {{#CVR}}<dt>[[organisation.field.cvr]]</dt><dd>{{VALUE}}</dd>{{/CVR}}
  {{#ADDRESS}}<dt>[[organisation.public.address]]</dt><dd>{{STREET}}<br>{{TOWN}}</dd>{{/ADDRESS}}
  {{#WEBSITE}}<dt>[[organisation.field.website]]</dt><dd><a href="{{HREF}}" class="function-link">{{HREF}}</a></dd>{{/WEBSITE}}
  {{#ICNPO}}<dt>[[organisation.field.icnpo]]</dt><dd lang="en">{{TEXT}}</dd>{{/ICNPO}}
  {{#WELFARE_AREAS}}<dt>[[organisation.field.welfare_areas]]</dt><dd>{{TEXT}}</dd>{{/WELFARE_AREAS}}
  {{#TARGET_GROUPS}}<dt>[[organisation.field.target_groups]]</dt><dd>{{TEXT}}</dd>{{/TARGET_GROUPS}}
</dl>
{{#RESOURCES}}<h2>[[organisation.public.resources]]</h2>
<p class="samskab-pre-line">{{TEXT}}</p>{{/RESOURCES}}
{{#ROLES_CAN}}<h2>[[organisation.public.roles_can]]</h2>
<ul>{{#ROLE}}<li>{{TEXT}}</li>{{/ROLE}}</ul>{{/ROLES_CAN}}
{{#ROLES_CANNOT}}<h2>[[organisation.public.roles_cannot]]</h2>
<ul>{{#ROLE}}<li>{{TEXT}}</li>{{/ROLE}}</ul>{{/ROLES_CANNOT}}
{{#FRAMES}}<h2>[[organisation.public.frames]]</h2>
<p class="samskab-pre-line">{{TEXT}}</p>{{/FRAMES}}
{{#CONTACTS}}<h2>[[organisation.public.contacts]]</h2>
<ul class="nobullet-list">{{#CONTACT}}<li><strong>{{NAME}}</strong>{{#TITLE}}, {{TEXT}}{{/TITLE}}{{#EMAIL}}<br><a href="mailto:{{VALUE}}" class="function-link">{{VALUE}}</a>{{/EMAIL}}{{#PHONE}}<br>{{VALUE}}{{/PHONE}}</li>{{/CONTACT}}</ul>{{/CONTACTS}}
