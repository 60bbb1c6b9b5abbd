{{%AUTOESCAPE context="HTML"}}<p><a href="{{NEW_HREF}}" class="button button-primary">[[collaborations.new]]</a> <a href="{{IMPORT_HREF}}" class="button button-secondary">[[import.link]]</a></p>
<h2 class="h3">[[collaborations.filter.heading]]</h2>
<div class="samskab-filters">{{FILTER_FORM:none}}</div>
{{#RESULTS}}<h2 class="h3 mt-8" id="results-heading">[[collaborations.results_heading]]</h2>
<p>[[collaborations.total]]</p>
<ul class="nobullet-list inline-list samskab-exports">
  <li><a href="{{CSV_HREF}}" class="function-link">[[collaborations.export_csv]]</a></li>
  <li><a href="{{XLSX_HREF}}" class="function-link">[[collaborations.export_xlsx]]</a></li>
</ul>
{{#NONE}}<p>[[collaborations.none]]</p>{{/NONE}}
{{#TABLE}}<div class="table--responsive-scroll"><table class="table table--compact samskab-admin-table">
  <caption class="sr-only">[[collaborations.caption]]</caption>
  <thead><tr>{{#HEAD}}<th scope="col"{{#SORTED}} aria-sort="{{DIRECTION}}"{{/SORTED}}>{{#SORTABLE}}<a href="{{HREF}}" class="samskab-sort">{{LABEL}}</a>{{/SORTABLE}}{{#PLAIN}}{{LABEL}}{{/PLAIN}}</th>{{/HEAD}}</tr></thead>
  <tbody>{{#ROW}}<tr><th scope="row"><a href="{{HREF}}">{{TITLE}}</a></th><td>{{UNITS}}</td><td>{{PARTNERS}}</td><td>{{WELFARE_AREA}}</td><td>{{STATUS}}</td><td>{{LEVEL}}</td><td>{{QUADRANT}}</td></tr>{{/ROW}}</tbody>
</table></div>{{/TABLE}}
{{PAGING:none}}{{/RESULTS}}
