{{%AUTOESCAPE context="HTML"}}<p class="font-lead">[[matches.need]] <strong>{{NEED_TITLE}}</strong></p>
<p>[[matches.explain]]</p>{{#KIND}}
{{SECTION:none}}{{/KIND}}
