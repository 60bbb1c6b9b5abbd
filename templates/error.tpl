{{%AUTOESCAPE context="HTML"}}<div class="row">
  <div class="col-12 col-lg-8">
    <h1>{{TITLE}}</h1>
    <p class="font-lead">{{MESSAGE}}</p>
    <p>[[error.reference]] <code>{{REQUEST_ID}}</code></p>
    <p><a href="/">[[error.back_to_start]]</a></p>
  </div>
</div>
