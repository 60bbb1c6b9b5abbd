{{%AUTOESCAPE context="HTML"}}<h1>[[search.title]]</h1>
<p class="font-lead">[[search.lead]]</p>
<div class="samskab-search" role="search">{{FORM:none}}</div>
{{#COUNTED}}<h2 class="h3" id="results-heading">[[search.results]]</h2>
<p role="status">[[search.count]]</p>
{{#HORIZON}}<p>[[search.horizon]]</p>{{/HORIZON}}
{{#NONE}}<p>[[search.none]]</p>{{/NONE}}
{{#RESULTS}}<ol class="nobullet-list samskab-results" aria-labelledby="results-heading" start="{{START}}">{{#HIT}}
  <li class="samskab-result">
    <h3 class="h4"><a href="{{HREF}}" class="function-link">{{TITLE}}</a></h3>
    <p class="samskab-result-meta">{{#POSTER}}<span>[[search.posted_by]]: {{NAME}}</span>{{/POSTER}}{{#PLACE}} · <span>[[search.place]]: {{POSTCODE}} {{TOWN}}</span>{{/PLACE}}</p>
    <p class="samskab-snippet">{{#PART}}{{#MATCH}}<mark>{{TEXT}}</mark>{{/MATCH}}{{#PLAIN}}{{TEXT}}{{/PLAIN}}{{/PART}}</p>
  </li>{{/HIT}}
</ol>{{/RESULTS}}
{{#PAGING}}<nav aria-label="[[search.pages]]" class="samskab-paging">
  <ul class="nobullet-list inline-list">
    {{#PREVIOUS}}<li><a href="{{HREF}}" class="function-link" rel="prev">[[search.previous]]</a></li>{{/PREVIOUS}}
    <li aria-current="page">[[search.page_of]]</li>
    {{#NEXT}}<li><a href="{{HREF}}" class="function-link" rel="next">[[search.next]]</a></li>{{/NEXT}}
  </ul>
</nav>{{/PAGING}}{{/COUNTED}}
