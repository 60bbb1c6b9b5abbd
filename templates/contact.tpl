{{%AUTOESCAPE context="HTML"}}<div class="row">
  <div class="col-12 col-lg-8">
    <h1>[[contact.heading]]</h1>
    <p class="font-lead">[[contact.lead]]</p>
    {{#ERRORS}}<div class="alert alert-error" role="alert" aria-labelledby="error-summary-heading" tabindex="-1" id="error-summary" data-module="error-summary">
      <svg class="icon-svg alert-icon" aria-hidden="true" focusable="false"><use href="[[asset:dkfds/img/all-svg-icons.svg]]#error"></use></svg>
      <div class="alert-body">
        <p class="alert-heading" id="error-summary-heading">[[form.error_summary]]</p>
        <ul class="alert-text nobullet-list">
          {{#ERROR}}<li><a href="#{{FIELD}}" class="function-link">{{LABEL}}: {{MESSAGE}}</a></li>{{/ERROR}}{{#FORM_ERROR}}<li>{{MESSAGE}}</li>{{/FORM_ERROR}}
        </ul>
      </div>
    </div>{{/ERRORS}}
    {{! The error summary links each field's problem to its field (#name, #email, …); an expired or
        missing CSRF token is a problem of the whole form and is shown as plain text. }}<form method="post" action="/contact" novalidate hx-boost="true">
      <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
      {{#FIELD_NAME}}<div class="form-group{{#INVALID}} form-error{{/INVALID}}">
        <label class="form-label" for="name">[[contact.name]]</label>
        {{#INVALID}}<span class="form-error-message" id="name-error"><span class="sr-only">[[form.error_prefix]]</span> {{MESSAGE}}</span>{{/INVALID}}
        <input class="form-input" type="text" id="name" name="name" value="{{VALUE}}" maxlength="200" autocomplete="name" required{{#INVALID}} aria-invalid="true" aria-describedby="name-error"{{/INVALID}}>
      </div>{{/FIELD_NAME}}
      {{#FIELD_EMAIL}}<div class="form-group{{#INVALID}} form-error{{/INVALID}}">
        <label class="form-label" for="email">[[contact.email]]</label>
        <span class="form-hint" id="email-hint">[[contact.email_hint]]</span>
        {{#INVALID}}<span class="form-error-message" id="email-error"><span class="sr-only">[[form.error_prefix]]</span> {{MESSAGE}}</span>{{/INVALID}}
        <input class="form-input" type="email" id="email" name="email" value="{{VALUE}}" maxlength="254" autocomplete="email" required aria-describedby="email-hint{{#INVALID}} email-error{{/INVALID}}"{{#INVALID}} aria-invalid="true"{{/INVALID}}>
      </div>{{/FIELD_EMAIL}}
      {{#FIELD_TOPIC}}<div class="form-group{{#INVALID}} form-error{{/INVALID}}">
        <label class="form-label" for="topic">[[contact.topic]]</label>
        {{#INVALID}}<span class="form-error-message" id="topic-error"><span class="sr-only">[[form.error_prefix]]</span> {{MESSAGE}}</span>{{/INVALID}}
        <select class="form-select" id="topic" name="topic"{{#INVALID}} aria-invalid="true" aria-describedby="topic-error"{{/INVALID}}>
          {{#OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/OPTION}}
        </select>
      </div>{{/FIELD_TOPIC}}
      {{#FIELD_MESSAGE}}<div class="form-group{{#INVALID}} form-error{{/INVALID}}">
        <label class="form-label" for="message">[[contact.message]]</label>
        <span class="form-hint" id="message-hint">[[contact.message_hint]]</span>
        {{#INVALID}}<span class="form-error-message" id="message-error"><span class="sr-only">[[form.error_prefix]]</span> {{MESSAGE}}</span>{{/INVALID}}
        <textarea class="form-input" id="message" name="message" rows="6" maxlength="5000" aria-describedby="message-hint{{#INVALID}} message-error{{/INVALID}}"{{#INVALID}} aria-invalid="true"{{/INVALID}}>{{VALUE:pre_escape}}</textarea>
      </div>{{/FIELD_MESSAGE}}
      <p>[[contact.privacy]]</p>
      <button type="submit" class="button button-primary">[[contact.submit]]</button>
    </form>
  </div>
</div>
