{{%AUTOESCAPE context="HTML"}}<div class="row">
  <div class="col-12 col-lg-8">
    <h1>[[start.heading]]</h1>
    <p class="font-lead">[[start.lead]]</p>
    <p>[[start.intro]]</p>
    <a href="/contact" class="button button-primary">[[start.cta]]</a>
  </div>
</div>
<h2 class="mt-8">[[start.offers_heading]]</h2>
<ul class="samskab-offers unstyled-list no-max-width">
  <li class="card samskab-offer">
    <div class="card-content">
      <h3 class="card-heading">[[start.offer.collaborations.title]]</h3>
      <p>[[start.offer.collaborations.text]]</p>
    </div>
  </li>
  <li class="card samskab-offer">
    <div class="card-content">
      <h3 class="card-heading">[[start.offer.needs.title]]</h3>
      <p>[[start.offer.needs.text]]</p>
    </div>
  </li>
  <li class="card samskab-offer">
    <div class="card-content">
      <h3 class="card-heading">[[start.offer.recruitment.title]]</h3>
      <p>[[start.offer.recruitment.text]]</p>
    </div>
  </li>
  <li class="card samskab-offer">
    <div class="card-content">
      <h3 class="card-heading">[[start.offer.grants.title]]</h3>
      <p>[[start.offer.grants.text]]</p>
    </div>
  </li>
  <li class="card samskab-offer">
    <div class="card-content">
      <h3 class="card-heading">[[start.offer.rooms.title]]</h3>
      <p>[[start.offer.rooms.text]]</p>
    </div>
  </li>
  <li class="card samskab-offer">
    <div class="card-content">
      <h3 class="card-heading">[[start.offer.investment.title]]</h3>
      <p>[[start.offer.investment.text]]</p>
    </div>
  </li>
</ul>
<h2 class="mt-8">[[start.who_heading]]</h2>
<div class="row">
  <div class="col-12 col-md-4"><h3>[[start.who_municipal]]</h3><p>[[start.who_municipal_text]]</p></div>
  <div class="col-12 col-md-4"><h3>[[start.who_organisation]]</h3><p>[[start.who_organisation_text]]</p></div>
  <div class="col-12 col-md-4"><h3>[[start.who_volunteer]]</h3><p>[[start.who_volunteer_text]]</p></div>
</div>
<p class="mt-6">[[start.model_note]]</p>
