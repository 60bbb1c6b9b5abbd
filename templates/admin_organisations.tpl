{{%AUTOESCAPE context="HTML"}}{{LIST:none}}
<h2 class="mt-8">[[admin.organisations.create_heading]]</h2>
{{CREATE_FORM:none}}
