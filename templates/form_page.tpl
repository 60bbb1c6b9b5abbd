{{%AUTOESCAPE context="HTML"}}<div class="row">
  <div class="col-12 col-lg-8">
    <h1>{{HEADING}}</h1>
    {{#LEAD}}<p class="font-lead">{{TEXT}}</p>{{/LEAD}}
    {{#NOTICE}}<div class="alert alert-success" role="status"><div class="alert-body"><p class="alert-text">{{TEXT}}</p></div></div>{{/NOTICE}}
    {{#FACT}}<p><strong>{{LABEL}}:</strong> {{VALUE}}</p>{{/FACT}}
    {{FORM:none}}
    {{#LINKS}}<ul class="nobullet-list mt-6">{{#LINK}}<li><a href="{{HREF}}" class="function-link">{{TEXT}}</a></li>{{/LINK}}</ul>{{/LINKS}}
  </div>
</div>
