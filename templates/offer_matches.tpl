{{%AUTOESCAPE context="HTML"}}<div class="row">
  <div class="col-12">
    <p><a href="{{BACK_HREF}}" class="function-link">[[offer_matches.back]]</a></p>
    <h1>{{HEADING}}</h1>
    {{#ERROR}}<div class="alert alert-error" role="alert"><div class="alert-body"><p class="alert-text">{{TEXT}}</p></div></div>{{/ERROR}}
    {{#NOTICE}}<div class="alert alert-success" role="status"><div class="alert-body"><p class="alert-text">{{TEXT}}</p></div></div>{{/NOTICE}}
    <p class="font-lead">[[offer_matches.offer]] <strong>{{OFFER_TITLE}}</strong></p>
    <p>[[offer_matches.lead]]</p>
    <p>[[offer_matches.explain]]</p>{{#KIND}}
    {{SECTION:none}}{{/KIND}}
  </div>
</div>
