{{%AUTOESCAPE context="HTML"}}<div class="row">
  <div class="col-12 col-lg-10">
    <h1>{{HEADING}}</h1>
    <p class="font-lead">{{LEAD}}</p>
    <p><a href="/needs" class="function-link">[[public_offers.to_needs]]</a></p>
    {{#NONE}}<p>[[public_offers.none]]</p>{{/NONE}}
    {{#OFFER}}<section class="mt-7">
      <h2 class="h3">{{TITLE}}</h2>
      <p class="samskab-pre-line">{{DESCRIPTION:pre_escape}}</p>
      <dl class="samskab-facts">{{#FACT}}<dt>{{LABEL}}</dt><dd>{{VALUE}}</dd>{{/FACT}}</dl>
    </section>{{/OFFER}}
  </div>
</div>
