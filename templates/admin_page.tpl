{{%AUTOESCAPE context="HTML"}}<h1>{{HEADING}}</h1>
<div class="row">
  {{#SIDENAV}}<div class="col-12 col-lg-3">
    <nav aria-label="{{LABEL}}" class="samskab-sidenav">
      <ul class="sidemenu">{{#ITEM}}<li{{#CURRENT}} class="active current"{{/CURRENT}}><a href="{{HREF}}" class="nav-link"{{#CURRENT}} aria-current="page"{{/CURRENT}}><span>{{TEXT}}</span></a></li>{{/ITEM}}</ul>
    </nav>
  </div>{{/SIDENAV}}
  <div class="col-12 {{COLUMN}}">
    {{#LEAD}}<p class="font-lead">{{TEXT}}</p>{{/LEAD}}
    {{#NOTICE}}<div class="alert alert-success" role="status"><div class="alert-body"><p class="alert-text">{{TEXT}}</p></div></div>{{/NOTICE}}
    {{#PAGE_ERROR}}<div class="alert alert-error" role="alert" id="page-error"><div class="alert-body"><p class="alert-text">{{TEXT}}</p></div></div>{{/PAGE_ERROR}}
    {{BODY:none}}
  </div>
</div>
