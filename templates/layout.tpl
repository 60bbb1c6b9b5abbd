{{%AUTOESCAPE context="HTML"}}<!DOCTYPE html>
<html lang="[[=lang]]">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="htmx-config" content="{&quot;includeIndicatorStyles&quot;:false,&quot;responseHandling&quot;:[{&quot;code&quot;:&quot;204&quot;,&quot;swap&quot;:false},{&quot;code&quot;:&quot;[2345]..&quot;,&quot;swap&quot;:true}]}">
<title>{{TITLE}} – {{MUNICIPALITY}} – samskab</title>
<link rel="icon" href="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'%3E%3Crect width='32' height='32' rx='6' fill='%23004993'/%3E%3Cpath d='M21 11.5c-1-1.6-2.9-2.5-5-2.5-2.8 0-4.8 1.5-4.8 3.6 0 4.9 10 2.7 10 7.6 0 2.2-2.1 3.8-5.2 3.8-2.3 0-4.3-1-5.3-2.7' fill='none' stroke='white' stroke-width='2.6' stroke-linecap='round'/%3E%3C/svg%3E">
<link rel="stylesheet" href="[[asset:dkfds/css/dkfds.min.css]]">
<link rel="stylesheet" href="[[asset:app/app.css]]">
<script src="[[asset:dkfds/js/dkfds.min.js]]" defer></script>
<script src="[[asset:htmx/htmx.min.js]]" defer></script>
<script src="[[asset:app/app.js]]" defer></script>
</head>
<body>
<a class="skipnav" href="#main-content">[[layout.skip_to_content]]</a>
<header class="header">
  <div class="portal-info">
    <div class="container portal-info-inner">
      <a href="/" class="samskab-logo" title="[[layout.home]]"><span class="samskab-wordmark">samskab</span></a>
      <nav class="samskab-languages" aria-label="[[layout.language_menu]]">
        <ul class="unstyled-list">
          <li>[[?da]]<span class="samskab-language-current" lang="da" aria-current="true">[[@da:language.name]]</span>[[/?]][[!da]]<a href="/language?set=da&amp;return={{RETURN_TO}}" lang="da" hreflang="da">[[@da:language.name]]</a>[[/!]]</li>
          <li>[[?nb]]<span class="samskab-language-current" lang="nb" aria-current="true">[[@nb:language.name]]</span>[[/?]][[!nb]]<a href="/language?set=nb&amp;return={{RETURN_TO}}" lang="nb" hreflang="nb">[[@nb:language.name]]</a>[[/!]]</li>
          <li>[[?en]]<span class="samskab-language-current" lang="en" aria-current="true">[[@en:language.name]]</span>[[/?]][[!en]]<a href="/language?set=en&amp;return={{RETURN_TO}}" lang="en" hreflang="en">[[@en:language.name]]</a>[[/!]]</li>
        </ul>
      </nav>
    </div>
  </div>
  <div class="solution-info">
    <div class="container solution-info-inner">
      <div class="solution-heading">
        <a href="/">{{MUNICIPALITY}}</a>
      </div>
      <p class="additional-info">[[layout.tagline]]</p>
    </div>
  </div>
  <nav class="navigation-menu samskab-menu" aria-label="[[layout.main_menu]]">
    <div class="navigation-menu-inner container">
      <ul class="mainmenu">
        <li[[?nav:start]] class="active"[[/?]]><a href="/" class="nav-link"[[?nav:start]] aria-current="page"[[/?]]><span>[[nav.start]]</span></a></li>
        <li[[?nav:contact]] class="active"[[/?]]><a href="/contact" class="nav-link"[[?nav:contact]] aria-current="page"[[/?]]><span>[[nav.contact]]</span></a></li>
        [[?user]]<li[[?nav:account]] class="active"[[/?]]><a href="/account" class="nav-link"[[?nav:account]] aria-current="page"[[/?]]><span>[[nav.account]]</span></a></li>[[/?]]
        [[?admin]]<li[[?nav:admin]] class="active"[[/?]]><a href="/admin" class="nav-link"[[?nav:admin]] aria-current="page"[[/?]]><span>[[nav.admin]]</span></a></li>[[/?]]
        [[!user]]<li[[?nav:login]] class="active"[[/?]]><a href="/login" class="nav-link"[[?nav:login]] aria-current="page"[[/?]]><span>[[nav.login]]</span></a></li>[[/!]]
      </ul>
      [[?user]]<form method="post" action="/logout" class="samskab-logout">
        <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
        <span class="samskab-user">[[nav.signed_in_as]] <strong>{{USER_NAME}}</strong></span>
        <button type="submit" class="button button-secondary samskab-logout-button">[[nav.logout]]</button>
      </form>[[/?]]
    </div>
  </nav>
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
            <li><a href="/organisations" class="function-link">[[nav.organisations]]</a></li>
            <li><a href="/opportunities" class="function-link">[[search.nav]]</a></li>
            <li><a href="/needs" class="function-link">[[public_needs.heading]]</a></li>
            <li><a href="/offers" class="function-link">[[public_offers.heading]]</a></li>
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
