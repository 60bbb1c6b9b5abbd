{{%AUTOESCAPE context="HTML"}}<p><a href="{{BACK_HREF}}" class="function-link">[[collaborations.back_without_saving]]</a></p>
{{FORM:none}}
