{{%AUTOESCAPE context="HTML"}}<p>[[import.intro]]</p>
{{#ERROR_LINE}}<p>{{TEXT}}</p>{{/ERROR_LINE}}
{{UPLOAD_FORM:none}}
<p class="mt-6"><a href="{{BACK_HREF}}" class="function-link">[[import.back]]</a></p>
