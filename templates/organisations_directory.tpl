{{%AUTOESCAPE context="HTML"}}<h1>[[organisation.directory.title]]</h1>
<p class="font-lead">[[organisation.directory.lead]]</p>
{{LIST:none}}
