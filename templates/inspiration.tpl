{{%AUTOESCAPE context="HTML"}}{{SEARCH_FORM:none}}
{{#RESULTS}}<h2 class="h3 mt-8">[[inspiration.results_heading]]</h2>
<p>[[inspiration.total]]</p>
{{#NONE}}<p>[[inspiration.none]]</p>{{/NONE}}
<ul class="nobullet-list samskab-inspiration">{{#ITEM}}<li class="samskab-inspiration-item">
  <h3><a href="{{HREF}}">{{TITLE}}</a></h3>
  <dl class="samskab-facts">
    <dt>[[overview.column.units]]</dt><dd>{{UNITS}}</dd>
    <dt>[[overview.column.partners]]</dt><dd>{{PARTNERS}}</dd>
    <dt>[[overview.column.quadrant]]</dt><dd>{{QUADRANT}}</dd>
    {{#NOTE}}<dt>[[inspiration.note]]</dt><dd class="samskab-pre-line">{{TEXT:pre_escape}}</dd>{{/NOTE}}
  </dl>
</li>{{/ITEM}}</ul>
{{PAGING:none}}{{/RESULTS}}
