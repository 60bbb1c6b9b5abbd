{{%AUTOESCAPE context="HTML"}}<p class="samskab-noprint"><a href="{{FORM_HREF}}" class="function-link">[[worksheet.back_to_form]]</a></p>
<p class="samskab-noprint">[[worksheet.print_hint]]</p>
<p>[[worksheet.last_saved]] {{UPDATED}}</p>
<p>[[worksheet.print_source]]</p>
{{#PART}}<h2>{{HEADING}}</h2>
{{#QUESTION}}<h3 class="h4">{{TEXT}}</h3>
{{#ANSWER}}<p class="samskab-pre-line">{{TEXT}}</p>{{/ANSWER}}{{#LIST}}<ul>{{#ITEM}}<li>{{TEXT}}</li>{{/ITEM}}</ul>{{/LIST}}{{#NONE}}<p><em>[[worksheet.not_answered]]</em></p>{{/NONE}}
{{/QUESTION}}{{/PART}}
