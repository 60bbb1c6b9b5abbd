{{%AUTOESCAPE context="HTML"}}<h2 class="mt-8" id="{{ID}}">{{HEADING}}</h2>{{#NONE}}
<p>[[matches.none]]</p>{{/NONE}}{{#LIST}}
<table class="table table--compact samskab-admin-table">
  <caption class="sr-only">{{HEADING}}</caption>
  <thead><tr><th scope="col">[[matches.column.rank]]</th><th scope="col">[[matches.column.name]]</th><th scope="col">[[matches.column.score]]</th><th scope="col">[[matches.column.reasons]]</th><th scope="col">[[matches.column.mark]]</th></tr></thead>
  <tbody>{{#CANDIDATE}}<tr><td>{{RANK}}</td><td>{{NAME}}{{#PLACE}}<br><span class="form-hint">{{TEXT}}</span>{{/PLACE}}</td><td>{{SCORE}}</td><td><ul class="nobullet-list">{{#REASON}}<li>{{TEXT}}</li>{{/REASON}}</ul></td><td>{{#MARKED}}<p><strong>{{MARK}}</strong></p>{{/MARKED}}{{ACTIONS:none}}</td></tr>{{/CANDIDATE}}</tbody>
</table>{{/LIST}}
