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
    {{! The matching helper's proposals ("Forslag") for this offer live at MATCHES_HREF
        (/offers/{id}/matches): its section or summary goes here. }}
    <h2 class="mt-8" id="matches">[[needs.matches_heading]]</h2>
    <p>[[offers.matches_text]]</p>
    <p><a href="{{MATCHES_HREF}}" class="function-link">[[offers.matches_link]]</a></p>
  </div>
</div>
