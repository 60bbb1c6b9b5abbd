{{%AUTOESCAPE context="HTML"}}<div class="row">
  <div class="col-12 col-lg-10">
    <h1>[[application.mine_heading]]</h1>
    <p class="font-lead">[[application.mine_lead]]</p>
    {{#NOTICE}}<div class="alert alert-success" role="status"><div class="alert-body"><p class="alert-text">{{TEXT}}</p></div></div>{{/NOTICE}}
    {{#PAGE_ERROR}}<div class="alert alert-error" role="alert" id="page-error"><div class="alert-body"><p class="alert-text">{{TEXT}}</p></div></div>{{/PAGE_ERROR}}
    {{#NONE}}<p id="no-applications">[[application.mine_none]]</p>{{/NONE}}
    {{#APPLICATION}}<section class="mt-7" id="application-{{ID}}" aria-labelledby="application-{{ID}}-heading">
      <h2 class="h3" id="application-{{ID}}-heading">{{TITLE}}</h2>
      <p><strong>[[application.state_column]]:</strong> {{STATE}}<br><strong>[[application.applied_on]]:</strong> {{APPLIED}}</p>
      {{#WITHDRAW}}{{FORM:none}}{{/WITHDRAW}}
      <h3 class="h5 mt-5">[[application.messages_heading]]</h3>
      {{#NO_MESSAGES}}<p>[[application.no_messages]]</p>{{/NO_MESSAGES}}
      {{#MESSAGES}}<ul class="nobullet-list">{{#MESSAGE}}<li class="mb-3"><strong>{{FROM}}</strong>, {{AT}}:<br>{{BODY}}</li>{{/MESSAGE}}</ul>{{/MESSAGES}}
      {{MESSAGE_FORM:none}}
    </section>{{/APPLICATION}}
    {{PAGING:none}}
  </div>
</div>
