{{%AUTOESCAPE context="HTML"}}<div class="row">
  <div class="col-12 col-lg-8">
    <h1>[[contact.sent_heading]]</h1>
    <div class="alert alert-success" role="status">
      <svg class="icon-svg alert-icon" aria-hidden="true" focusable="false"><use href="[[asset:dkfds/img/all-svg-icons.svg]]#success"></use></svg>
      <div class="alert-body">
        <p class="alert-text">[[contact.sent_text]]</p>
      </div>
    </div>
    <p><a href="/">[[error.back_to_start]]</a></p>
  </div>
</div>
