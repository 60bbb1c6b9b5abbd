{{%AUTOESCAPE context="HTML"}}<div class="row">
  <div class="col-12 col-lg-8">
    <h1>[[data.heading]]</h1>
    <p class="font-lead">[[data.lead]]</p>
    <p><a href="/account/data.json" class="button button-secondary" download>[[data.download]]</a></p>
    <h2 class="mt-8">[[data.consents_heading]]</h2>
    {{#NO_CONSENTS}}<p>[[data.no_consents]]</p>{{/NO_CONSENTS}}
    {{#CONSENTS}}<table class="table">
      <caption class="sr-only">[[data.consents_heading]]</caption>
      <thead><tr><th scope="col">[[data.purpose]]</th><th scope="col">[[data.version]]</th><th scope="col">[[data.given_at]]</th></tr></thead>
      <tbody>{{#CONSENT}}<tr><td>{{PURPOSE}}</td><td>{{VERSION}}</td><td>{{GIVEN_AT}}</td></tr>{{/CONSENT}}</tbody>
    </table>{{/CONSENTS}}
    <h2 class="mt-8">[[data.erase_heading]]</h2>
    <p>[[data.erase_text]]</p>
    {{ERASE_FORM:none}}
  </div>
</div>
