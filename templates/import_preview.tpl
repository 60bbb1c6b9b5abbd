{{%AUTOESCAPE context="HTML"}}<p>{{FILE_NAME}}</p>
<h2 class="h3">[[import.preview_heading]]</h2>
<table class="table table--compact samskab-import-counts">
  <tbody>
    <tr><th scope="row">[[import.rows]]</th><td>{{ROWS}}</td></tr>
    <tr><th scope="row">[[import.valid]]</th><td>{{VALID}}</td></tr>
    <tr><th scope="row">[[import.duplicates]]</th><td>{{DUPLICATES}}</td></tr>
    <tr><th scope="row">[[import.rejected]]</th><td>{{REJECTED}}</td></tr>
  </tbody>
</table>
{{#PROBLEMS}}<h2 class="h3 mt-6" id="problems-heading">[[import.problems_heading]]</h2>
{{#MORE}}<p>{{TEXT}}</p>{{/MORE}}
<div class="table--responsive-scroll"><table class="table table--compact samskab-admin-table">
  <caption class="sr-only">[[import.problems_caption]]</caption>
  <thead><tr><th scope="col">[[import.row]]</th><th scope="col">[[import.problem_column]]</th><th scope="col">[[import.problem]]</th></tr></thead>
  <tbody>{{#PROBLEM}}<tr><td>{{ROW}}</td><td>{{COLUMN}}</td><td>{{MESSAGE}}</td></tr>{{/PROBLEM}}</tbody>
</table></div>{{/PROBLEMS}}
{{#NO_PROBLEMS}}<p>[[import.no_problems]]</p>{{/NO_PROBLEMS}}
<h2 class="h3 mt-6">[[import.mapping_heading]]</h2>
<p>[[import.mapping_intro]]</p>
{{MAPPING_FORM:none}}
{{#RUN}}<h2 class="h3 mt-6">[[import.run]]</h2>
{{RUN_FORM:none}}{{/RUN}}
<p class="mt-6"><a href="{{AGAIN_HREF}}" class="function-link">[[import.again]]</a></p>
