{{%AUTOESCAPE context="HTML"}}<div class="row">
  <div class="col-12 col-lg-9">
    <h1>[[volunteer_form.heading]]</h1>
    <p class="font-lead">[[volunteer_form.lead]]</p>
    {{#NOTICE}}<div class="alert alert-success" role="status"><div class="alert-body"><p class="alert-text">{{TEXT}}</p></div></div>{{/NOTICE}}
    {{#NEW}}<p>[[volunteer_form.new]]</p>{{/NEW}}
    {{#SAVED}}<p>[[volunteer_form.saved_at]] {{UPDATED}}</p>{{/SAVED}}
    {{FORM:none}}
    {{#SAVED}}<h2 class="mt-8">[[volunteer_form.delete_heading]]</h2>
    <p>[[volunteer_form.delete_text]]</p>
    {{DELETE_FORM:none}}{{/SAVED}}
    <p class="mt-6"><a href="/account" class="function-link">[[volunteer_form.back]]</a></p>
  </div>
</div>
