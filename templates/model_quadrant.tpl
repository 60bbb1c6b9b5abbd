{{%AUTOESCAPE context="HTML"}}<div class="row">
  <div class="col-12 col-lg-8">
    <h1>{{HEADING}}</h1>
    <p class="font-lead">{{LEAD}}</p>
    <table class="table">
      <caption>[[collaboration.quadrant.expect_caption]]</caption>
      <thead><tr><th scope="col">[[collaboration.quadrant.aspect]]</th><th scope="col">[[collaboration.quadrant.expectation]]</th><th scope="col">[[collaboration.quadrant.memo]]</th></tr></thead>
      <tbody>{{#POINT}}<tr><th scope="row">{{ASPECT}}</th><td>{{EXPECTATION}}</td><td>{{TEXT}}</td></tr>{{/POINT}}</tbody>
    </table>
    <p>[[collaboration.quadrant.source]]</p>
    <nav aria-label="[[collaboration.quadrant.nav]]">
      <ul class="nobullet-list">{{#QUADRANT}}<li>{{#CURRENT}}<strong aria-current="page">{{TEXT}}</strong>{{/CURRENT}}{{#LINK}}<a href="{{HREF}}" class="function-link">{{TEXT}}</a>{{/LINK}}</li>{{/QUADRANT}}</ul>
    </nav>
  </div>
</div>
