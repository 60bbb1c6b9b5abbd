{{%AUTOESCAPE context="HTML"}}<p><a href="{{BACK_HREF}}" class="function-link">[[collaborations.back_without_saving]]</a></p>
{{FORM:none}}
{{#DELETE}}<h2 class="mt-8">[[agreements.delete_heading]]</h2>
<p>[[agreements.delete_text]]</p>
{{DELETE_FORM:none}}{{/DELETE}}
