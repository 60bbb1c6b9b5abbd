{{%AUTOESCAPE context="HTML"}}<p><a href="{{LIST_HREF}}" class="function-link">[[worksheet.back]]</a>{{#SAVED}} · <a href="{{PRINT_HREF}}" class="function-link">[[worksheet.to_print]]</a>{{/SAVED}}</p>
{{#SAVED}}<p>[[worksheet.last_saved]] {{UPDATED}}</p>{{/SAVED}}{{#NEW}}<p>[[worksheet.not_saved_yet]]</p>{{/NEW}}
<p>[[worksheet.quadrants_links]]</p>
<ul>{{#QUADRANT}}<li><a href="{{HREF}}">{{TITLE}}</a></li>{{/QUADRANT}}</ul>
{{FORM:none}}
