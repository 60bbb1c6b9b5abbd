{{%AUTOESCAPE context="HTML"}}<div class="row">
  <div class="col-12 col-lg-8">
    <div class="alert alert-success" role="status">
      <div class="alert-body">
        <p class="alert-heading">[[contact.sent_heading]]</p>
        <p class="alert-text">[[contact.sent_text]]</p>
      </div>
    </div>
    <p><a href="/">[[error.back_to_start]]</a></p>
  </div>
</div>
