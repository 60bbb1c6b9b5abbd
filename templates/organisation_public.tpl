{{%AUTOESCAPE context="HTML"}}<div class="row">
  <div class="col-12 col-lg-8">
    <h1>{{NAME}}</h1>
    {{DETAILS:none}}
    <p class="mt-8"><a href="/organisations" class="function-link">[[organisation.public.back]]</a></p>
  </div>
</div>
