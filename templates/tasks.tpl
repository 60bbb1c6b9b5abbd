{{%AUTOESCAPE context="HTML"}}{{#NONE}}<p id="no-tasks">[[tasks.none]]</p>{{/NONE}}
{{#LIST}}<table class="table table--compact" id="tasks">
<caption class="sr-only">[[tasks.caption]]</caption>
<thead><tr><th scope="col">[[tasks.column.collaboration]]</th><th scope="col">[[tasks.column.municipality]]</th><th scope="col">[[tasks.column.review_on]]</th><th scope="col">[[tasks.column.status]]</th><th scope="col">[[tasks.column.action]]</th></tr></thead>
<tbody>{{#TASK}}<tr><td><a href="{{COLLABORATION_HREF}}">{{COLLABORATION}}</a></td><td>{{MUNICIPALITY}}</td><td>{{REVIEW_ON}}{{#OVERDUE}} <strong>([[tasks.overdue]])</strong>{{/OVERDUE}}</td><td>{{STATUS}}</td><td><a href="{{EDIT_HREF}}" class="function-link">[[tasks.review]]<span class="sr-only"> {{COLLABORATION}}</span></a></td></tr>{{/TASK}}</tbody>
</table>{{/LIST}}
