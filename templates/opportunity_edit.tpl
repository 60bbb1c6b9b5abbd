{{%AUTOESCAPE context="HTML"}}{{FORM:none}}
<p class="mt-6"><a href="{{LIST_HREF}}" class="function-link">[[opportunity_form.back]]</a></p>
