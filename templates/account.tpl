{{%AUTOESCAPE context="HTML"}}<h1>[[account.heading]]</h1>
{{#NOTICE}}<div class="alert alert-success" role="status"><div class="alert-body"><p class="alert-text">{{TEXT}}</p></div></div>{{/NOTICE}}
<div class="row">
  <div class="col-12 col-lg-8">
    <h2>[[account.details]]</h2>
    <dl class="samskab-facts">
      <dt>[[account.name]]</dt><dd>{{NAME}}</dd>
      <dt>[[account.email]]</dt><dd>{{EMAIL}} {{#VERIFIED}}<span class="badge badge-success">[[account.verified]]</span>{{/VERIFIED}}{{#UNVERIFIED}}<span class="badge badge-warning">[[account.unverified]]</span>{{/UNVERIFIED}}</dd>
    </dl>
    {{#UNVERIFIED}}{{VERIFY_FORM:none}}{{/UNVERIFIED}}
    <h2 class="mt-8">[[account.roles]]</h2>
    {{#NO_ROLES}}<p>[[account.no_roles]]</p>{{/NO_ROLES}}
    <ul class="nobullet-list">{{#ROLE}}<li>{{#LINK}}<a href="{{HREF}}" class="function-link">{{/LINK}}{{ROLE_NAME}}{{#SCOPE}} – {{TEXT}}{{/SCOPE}}{{#LINK}}</a>{{/LINK}}</li>{{/ROLE}}</ul>
    <p><a href="/account/volunteer" class="function-link">[[volunteer_form.account_link]]</a></p>
    <p><a href="/account/applications" class="function-link">[[application.mine_heading]]</a></p>
    <p><a href="/account/offers" class="function-link">[[offers.mine_heading]]</a></p>
    {{#ORGANISATION_POSTS}}<p><a href="{{HREF}}" class="function-link">{{TEXT}}</a></p>{{/ORGANISATION_POSTS}}
    {{#PLATFORM}}<p><a href="/platform/municipalities" class="function-link">[[platform.municipalities_heading]]</a></p>{{/PLATFORM}}
    <h2 class="mt-8">[[account.password_heading]]</h2>
    {{PASSWORD_FORM:none}}
    <h2 class="mt-8">[[account.sessions_heading]]</h2>
    <p>[[account.sessions_text]]</p>
    {{LOGOUT_ALL_FORM:none}}
    <h2 class="mt-8">[[account.data_heading]]</h2>
    <p><a href="/account/data" class="function-link">[[account.data_link]]</a></p>
  </div>
</div>
