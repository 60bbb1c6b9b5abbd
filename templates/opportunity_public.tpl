{{%AUTOESCAPE context="HTML"}}<div class="row">
  <div class="col-12 col-lg-8">
    <h1>{{TITLE}}</h1>
    <p class="font-lead">[[opportunity_page.posted_by]] {{POSTER}}</p>
    {{#CHILDREN}}<div class="alert alert-info" role="note"><div class="alert-body"><p class="alert-heading">[[opportunity_page.certificate_required]]</p><p class="alert-text">[[opportunity_page.certificate_text]]</p></div></div>{{/CHILDREN}}
    {{#DESCRIPTION}}<p class="samskab-pre-line">{{TEXT}}</p>{{/DESCRIPTION}}
    <dl class="samskab-facts">{{#FACT}}<dt>{{LABEL}}</dt><dd>{{VALUE}}</dd>{{/FACT}}</dl>
    {{#GRID}}<h2 class="h3 mt-6">[[opportunity_page.when]]</h2>
    <div class="table--responsive-scroll"><table class="table table--compact">
      <caption class="sr-only">[[opportunity_page.when]]</caption>
      <thead><tr><td></td>{{#COLUMN}}<th scope="col">{{LABEL}}</th>{{/COLUMN}}</tr></thead>
      <tbody>{{#ROW}}<tr><th scope="row">{{LABEL}}</th>{{#YES}}<td>[[opportunity_page.yes]]</td>{{/YES}}{{#NO}}<td><span aria-hidden="true">–</span><span class="sr-only">[[opportunity_page.no]]</span></td>{{/NO}}</tr>{{/ROW}}</tbody>
    </table></div>{{/GRID}}
    <p class="mt-8"><a href="{{APPLY_HREF}}" class="button button-primary">[[opportunity_page.apply]]</a></p>
  </div>
</div>
