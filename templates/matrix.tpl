{{%AUTOESCAPE context="HTML"}}{{#LINKS}}<p class="samskab-noprint"><a href="{{OVERVIEW_HREF}}" class="function-link">[[matrix.to_overview]]</a> · <a href="{{PRINT_HREF}}" class="function-link">[[matrix.to_print]]</a></p>{{/LINKS}}
{{#FILTERS}}<details class="samskab-noprint mt-5"{{#OPEN}} open{{/OPEN}}><summary>[[collaborations.filter.heading]]</summary>
<div class="samskab-filters">{{FILTER_FORM:none}}</div></details>{{/FILTERS}}
{{#PRINT}}<p class="samskab-noprint">[[matrix.print_hint]]</p>{{/PRINT}}
<figure class="samskab-matrix-figure">
  {{SVG:none}}
  <figcaption>[[matrix.caption]] {{TOTAL}}</figcaption>
</figure>
<table class="table table--compact">
  <caption>[[matrix.counts_caption]]</caption>
  <thead><tr><th scope="col">[[matrix.quadrant]]</th><th scope="col">[[matrix.description]]</th><th scope="col">[[matrix.count]]</th><th scope="col" class="samskab-noprint">[[matrix.guidance]]</th></tr></thead>
  <tbody>
    {{#COUNT}}<tr><th scope="row">{{NAME}}</th><td>{{TITLE}}</td><td><a href="{{HREF}}">{{COUNT}}</a></td><td class="samskab-noprint"><a href="{{GUIDANCE}}">[[matrix.guidance_link]]</a></td></tr>{{/COUNT}}
    <tr><th scope="row">[[matrix.medium]]</th><td>[[matrix.medium_description]]</td><td><a href="{{MEDIUM_HREF}}">{{MEDIUM_ASSOCIATIONS}} + {{MEDIUM_COMMUNITIES}}</a></td><td class="samskab-noprint"></td></tr>
    <tr><th scope="row">[[matrix.unplaced]]</th><td>[[matrix.unplaced_description]]</td><td>{{UNPLACED}}</td><td class="samskab-noprint"></td></tr>
  </tbody>
</table>
