{{%AUTOESCAPE context="HTML"}}<div class="row">
  <div class="col-12 col-lg-8">
    <h1>{{HEADING}}</h1>
    <p class="font-lead">{{TEXT}}</p>
    {{#LINK}}<p><a href="{{HREF}}" class="button button-primary">{{TEXT}}</a></p>{{/LINK}}
  </div>
</div>
