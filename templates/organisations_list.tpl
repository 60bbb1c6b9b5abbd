{{%AUTOESCAPE context="HTML"}}<form method="get" action="{{ACTION}}" class="samskab-search" role="search">
  <div class="form-group">
    <label class="form-label" for="q">[[organisation.directory.search]]</label>
    <span class="form-hint" id="q-hint">[[organisation.directory.search_hint]]</span>
    <input class="form-input" type="search" id="q" name="q" value="{{Q}}" maxlength="200" aria-describedby="q-hint">
  </div>
  <div class="form-group">
    <label class="form-label" for="kind">[[organisation.field.kind]]</label>
    <select class="form-select" id="kind" name="kind"><option value="">[[organisation.directory.kind_all]]</option>{{#KIND}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/KIND}}</select>
  </div>
  <div class="form-group"><button type="submit" class="button button-secondary">[[organisation.directory.submit]]</button></div>
</form>
<p role="status">[[organisation.directory.count]]</p>
{{#NONE}}<p>[[organisation.directory.none]]</p>{{/NONE}}
{{#RESULTS}}<table class="table table--compact">
  <caption class="sr-only">[[organisation.directory.caption]]</caption>
  <thead><tr><th scope="col">[[organisation.field.name]]</th><th scope="col">[[organisation.field.kind]]</th><th scope="col">[[organisation.field.town]]</th>{{#MANAGED_HEAD}}<th scope="col">[[admin.organisations.managed]]</th>{{/MANAGED_HEAD}}</tr></thead>
  <tbody>{{#ROW}}<tr><td><a href="{{HREF}}" class="function-link">{{NAME}}</a></td><td>{{KIND}}</td><td>{{TOWN}}</td>{{#MANAGED}}<td>{{TEXT}}</td>{{/MANAGED}}</tr>{{/ROW}}</tbody>
</table>{{/RESULTS}}
{{#PAGING}}<nav aria-label="[[organisation.directory.pages]]"><ul class="nobullet-list">{{#PREVIOUS}}<li><a href="{{HREF}}" class="function-link">[[organisation.directory.previous]]</a></li>{{/PREVIOUS}}{{#NEXT}}<li><a href="{{HREF}}" class="function-link">[[organisation.directory.next]]</a></li>{{/NEXT}}</ul></nav>{{/PAGING}}
