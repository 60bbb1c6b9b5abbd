{{%AUTOESCAPE context="HTML"}}{{#PUBLIC_LINK}}<p><a href="{{HREF}}" class="function-link">[[organisation.profile.view_public]]</a></p>{{/PUBLIC_LINK}}
{{#DETAILS}}{{HTML:none}}{{/DETAILS}}
{{FORM:none}}
{{#BACK}}<p class="mt-8"><a href="{{HREF}}" class="function-link">[[admin.organisations.back]]</a></p>{{/BACK}}
