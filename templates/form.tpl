{{%AUTOESCAPE context="HTML"}}{{#ERRORS}}<div class="alert alert-error" role="alert" aria-labelledby="error-summary-heading" tabindex="-1" id="error-summary" data-module="error-summary">
  <svg class="icon-svg alert-icon" aria-hidden="true" focusable="false"><use href="[[asset:dkfds/img/all-svg-icons.svg]]#error"></use></svg>
  <div class="alert-body">
    <p class="alert-heading" id="error-summary-heading">[[form.error_summary]]</p>
    <ul class="alert-text nobullet-list">
      {{#ERROR}}<li><a href="#{{FIELD}}" class="function-link">{{LABEL}}: {{MESSAGE}}</a></li>{{/ERROR}}{{#FORM_ERROR}}<li>{{MESSAGE}}</li>{{/FORM_ERROR}}
    </ul>
  </div>
</div>{{/ERRORS}}
<form method="{{METHOD}}" action="{{ACTION}}"{{#ENCTYPE}} enctype="{{VALUE}}"{{/ENCTYPE}} novalidate>
  {{#CSRF}}<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">{{/CSRF}}
  {{#HIDDEN}}<input type="hidden" name="{{NAME}}" value="{{VALUE}}">{{/HIDDEN}}
  {{#FIELD}}{{#HEADING}}<h2 class="h3 samskab-form-heading">{{TEXT}}</h2>{{/HEADING}}<div class="form-group{{#INVALID}} form-error{{/INVALID}}">
    {{#FIELDSET}}<fieldset{{#DESCRIBED}} aria-describedby="{{IDS}}"{{/DESCRIBED}}><legend class="form-label">{{LABEL}}</legend>{{/FIELDSET}}
    {{#LABELLED}}<label class="form-label" for="{{ID}}">{{LABEL}}</label>{{/LABELLED}}
    {{#HINT}}<span class="form-hint" id="{{ID}}-hint">{{TEXT}}</span>{{/HINT}}
    {{#INVALID}}<span class="form-error-message" id="{{ID}}-error"><span class="sr-only">[[form.error_prefix]]</span> {{MESSAGE}}</span>{{/INVALID}}
    {{#INPUT}}<input class="form-input" type="{{TYPE}}" id="{{ID}}" name="{{NAME}}" value="{{VALUE}}" autocomplete="{{AUTOCOMPLETE}}"{{#MAXLENGTH}} maxlength="{{N}}"{{/MAXLENGTH}}{{#DESCRIBED}} aria-describedby="{{IDS}}"{{/DESCRIBED}}{{#ARIA_INVALID}} aria-invalid="true"{{/ARIA_INVALID}}>{{/INPUT}}
    {{#SELECT}}<select class="form-select" id="{{ID}}" name="{{NAME}}"{{#DESCRIBED}} aria-describedby="{{IDS}}"{{/DESCRIBED}}{{#ARIA_INVALID}} aria-invalid="true"{{/ARIA_INVALID}}>{{#OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/OPTION}}</select>{{/SELECT}}
    {{#TEXTAREA}}<textarea class="form-input" id="{{ID}}" name="{{NAME}}" rows="5"{{#MAXLENGTH}} maxlength="{{N}}"{{/MAXLENGTH}}{{#DESCRIBED}} aria-describedby="{{IDS}}"{{/DESCRIBED}}{{#ARIA_INVALID}} aria-invalid="true"{{/ARIA_INVALID}}>{{VALUE:pre_escape}}</textarea>{{/TEXTAREA}}
    {{#CHECKBOX}}<div class="form-group-checkbox"><input class="form-checkbox" type="checkbox" id="{{ID}}" name="{{NAME}}" value="1"{{#CHECKED}} checked{{/CHECKED}}{{#DESCRIBED}} aria-describedby="{{IDS}}"{{/DESCRIBED}}{{#ARIA_INVALID}} aria-invalid="true"{{/ARIA_INVALID}}><label for="{{ID}}">{{LABEL}}</label></div>{{/CHECKBOX}}
    {{#CHECKBOXES}}<ul class="nobullet-list samskab-checkboxes">{{#OPTION}}<li class="form-group-checkbox"><input class="form-checkbox" type="checkbox" id="{{OPTION_ID}}" name="{{NAME}}" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}><label for="{{OPTION_ID}}">{{LABEL}}</label></li>{{/OPTION}}</ul>{{/CHECKBOXES}}
    {{#GRID}}<div class="table--responsive-scroll"><table class="table table--compact samskab-grid"><thead><tr><td></td>{{#COLUMN}}<th scope="col">{{LABEL}}</th>{{/COLUMN}}</tr></thead><tbody>{{#ROW}}<tr><th scope="row">{{LABEL}}</th>{{#CELL}}<td><div class="form-group-checkbox"><input class="form-checkbox" type="checkbox" id="{{CELL_ID}}" name="{{NAME}}" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}><label for="{{CELL_ID}}"><span class="sr-only">{{CELL_LABEL}}</span></label></div></td>{{/CELL}}</tr>{{/ROW}}</tbody></table></div>{{/GRID}}
    {{#FIELDSET}}</fieldset>{{/FIELDSET}}
  </div>{{/FIELD}}
  <button type="submit" class="button {{BUTTON_CLASS}}">{{SUBMIT}}{{#SUBMIT_CONTEXT}}<span class="sr-only"> {{TEXT}}</span>{{/SUBMIT_CONTEXT}}</button>
</form>
