{{%AUTOESCAPE context="HTML"}}<div class="row">
  <div class="col-12 col-lg-10">
    <h1>{{HEADING}}</h1>
    <p class="font-lead">{{LEAD}}</p>
    <p><a href="/offers" class="function-link">[[public_needs.to_offers]]</a></p>
    {{#NONE}}<p>[[public_needs.none]]</p>{{/NONE}}
    {{#NEED}}<section class="mt-7">
      <h2 class="h3">{{TITLE}}</h2>
      <p>{{UNIT}}, {{MUNICIPALITY}} · {{PLACE}}</p>
      {{#VULNERABLE}}<p><strong>[[public_needs.vulnerable]]</strong></p>{{/VULNERABLE}}
      <p class="samskab-pre-line">{{DESCRIPTION:pre_escape}}</p>
      <dl class="samskab-facts"><dt>[[needs.field.skills]]</dt><dd>{{SKILLS}}</dd><dt>[[needs.field.places]]</dt><dd>{{PLACES}}</dd></dl>
    </section>{{/NEED}}
  </div>
</div>
