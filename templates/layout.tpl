{{%AUTOESCAPE context="HTML"}}<!DOCTYPE html>
<html lang="{{LANG}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="htmx-config" content="{&quot;includeIndicatorStyles&quot;:false}">
<title>{{TITLE}} – {{MUNICIPALITY}} – samskab</title>
<link rel="stylesheet" href="{{DKFDS_CSS}}">
<link rel="stylesheet" href="{{APP_CSS}}">
<script src="{{DKFDS_JS}}" defer></script>
<script src="{{HTMX_JS}}" defer></script>
<script src="{{APP_JS}}" defer></script>
</head>
<body>
<a class="skipnav" href="#main-content">[[layout.skip_to_content]]</a>
<header class="header">
  <div class="portal-info">
    <div class="container portal-info-inner">
      <a href="/" class="logo samskab-logo" title="[[layout.home]]"><span class="samskab-wordmark">samskab</span></a>
    </div>
  </div>
  <div class="solution-info">
    <div class="container solution-info-inner">
      <div class="solution-heading">
        <a href="/" class="samskab-solution-link">{{MUNICIPALITY}}</a>
      </div>
      <p class="additional-info">[[layout.tagline]]</p>
    </div>
  </div>
  <nav class="navigation-menu" aria-label="[[layout.main_menu]]">
    <div class="navigation-menu-inner container">
      <ul class="nav">
        {{#NAV}}<li>{{#ACTIVE}}<a href="{{HREF}}" class="nav-link current" aria-current="page"><span>{{LABEL}}</span></a>{{/ACTIVE}}{{#INACTIVE}}<a href="{{HREF}}" class="nav-link"><span>{{LABEL}}</span></a>{{/INACTIVE}}</li>{{/NAV}}
      </ul>
    </div>
  </nav>
  <div class="language-switcher samskab-languages">
    <div class="container">
      <nav aria-label="[[layout.language_menu]]">
        <ul>
          {{#LANGUAGE}}<li>{{#CURRENT}}<span lang="{{CODE}}" aria-current="true"><strong>{{NAME}}</strong></span>{{/CURRENT}}{{#OTHER}}<a href="/language?set={{CODE}}&amp;return={{RETURN_TO}}" lang="{{CODE}}" hreflang="{{CODE}}">{{NAME}}</a>{{/OTHER}}</li>{{/LANGUAGE}}
        </ul>
      </nav>
    </div>
  </div>
</header>
<main id="main-content" class="container page-container" tabindex="-1">
{{CONTENT:none}}
</main>
<footer>
  <div class="footer">
    <div class="container">
      <div class="row">
        <div class="col-12 col-md-6 footer-col">
          <p><strong>{{MUNICIPALITY}}</strong></p>
          <p>[[layout.footer_about]]</p>
        </div>
        <div class="col-12 col-md-6 footer-col">
          <ul class="unstyled-list inline-list">
            <li><a href="/contact" class="function-link">[[nav.contact]]</a></li>
            <li><a href="/api/v1/openapi.json" class="function-link">[[layout.api]]</a></li>
          </ul>
        </div>
      </div>
    </div>
  </div>
</footer>
</body>
</html>
