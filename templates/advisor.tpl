{{%AUTOESCAPE context="HTML"}}<form method="get" action="{{ACTION}}" class="samskab-noprint">
  <input type="hidden" name="ask" value="1">
  <fieldset class="mt-5">
    <legend class="h3">[[advisor.kinds_legend]]</legend>
    <p class="form-hint">[[advisor.kinds_hint]]</p>
    <ul class="nobullet-list">{{#KIND}}<li class="form-group-checkbox"><input type="checkbox" class="form-checkbox" id="kind-{{VALUE}}" name="kind" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}><label class="form-label" for="kind-{{VALUE}}">{{LABEL}}</label></li>{{/KIND}}</ul>
  </fieldset>
  <fieldset class="mt-5">
    <legend class="h3">[[advisor.facts_legend]]</legend>
    <p class="form-hint">[[advisor.facts_hint]]</p>
    <ul class="nobullet-list">{{#FACT}}<li class="form-group-checkbox"><input type="checkbox" class="form-checkbox" id="fact-{{VALUE}}" name="fact" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}><label class="form-label" for="fact-{{VALUE}}">{{LABEL}}</label></li>{{/FACT}}</ul>
  </fieldset>
  <button type="submit" class="button button-primary mt-5">[[advisor.ask_submit]]</button>
</form>
{{#RESULT}}<section class="mt-8" aria-labelledby="advisor-result">
  <h2 id="advisor-result">[[advisor.result_heading]]</h2>
  <p class="font-lead">{{PLACEMENT}}</p>
  <ul>{{#REASON}}<li>{{TEXT}}</li>{{/REASON}}</ul>
  {{#POINTS}}<table class="table table--compact mt-5">
    <caption>[[advisor.points_caption]]</caption>
    <thead><tr><th scope="col">[[matrix.quadrant]]</th><th scope="col">[[collaboration.quadrant.aspect]]</th><th scope="col">[[collaboration.quadrant.expectation]]</th><th scope="col">[[collaboration.quadrant.memo]]</th></tr></thead>
    <tbody>{{#POINT}}<tr><td>{{QUADRANT}}</td><th scope="row">{{ASPECT}}</th><td>{{EXPECTATION}}</td><td>{{TEXT}}</td></tr>{{/POINT}}</tbody>
  </table>{{/POINTS}}
  <ul class="nobullet-list mt-5">{{#GUIDANCE}}<li><a href="{{HREF}}" class="function-link">{{TEXT}}</a></li>{{/GUIDANCE}}</ul>
  <h2 class="mt-8">[[advisor.save_heading]]</h2>
  <p>[[advisor.save_lead]]</p>
  {{SAVE_FORM:none}}
</section>{{/RESULT}}
