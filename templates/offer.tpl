{{%AUTOESCAPE context="HTML"}}<div class="row">
  <div class="col-12 col-lg-8">
    <p><a href="{{BACK_HREF}}" class="function-link">[[offers.back]]</a></p>
    <h1>{{HEADING}}</h1>
    {{#NOTICE}}<div class="alert alert-success" role="status"><div class="alert-body"><p class="alert-text">{{TEXT}}</p></div></div>{{/NOTICE}}
    {{#DESCRIPTION}}<p class="samskab-pre-line">{{TEXT:pre_escape}}</p>{{/DESCRIPTION}}
    <p><a href="{{EDIT_HREF}}" class="button button-secondary">[[offers.edit]]</a></p>
    {{STATUS_FORM:none}}
    <h2 class="mt-8">[[needs.details_heading]]</h2>
    <dl class="samskab-facts">{{#FACT}}<dt>{{LABEL}}</dt><dd>{{VALUE}}</dd>{{/FACT}}</dl>
    <h2 class="mt-8" id="matches">[[needs.matches_heading]]</h2>
    <p>[[offer_matches.link_text]]</p>
    <p><a href="{{MATCHES_HREF}}" class="function-link">[[offer_matches.link]]</a></p>
  </div>
</div>
