{{%AUTOESCAPE context="HTML"}}<div class="row">
  <div class="col-12 col-lg-8">
    <p><a href="{{BACK_HREF}}" class="function-link">[[offers.back_without_saving]]</a></p>
    <h1>{{HEADING}}</h1>
    <p class="font-lead">{{LEAD}}</p>
    {{FORM:none}}
  </div>
</div>
