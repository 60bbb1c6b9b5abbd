{{%AUTOESCAPE context="HTML"}}<h2>[[organisation.invite_heading]]</h2>
{{INVITE_FORM:none}}
