{{%AUTOESCAPE context="HTML"}}<nav aria-label="{{LABEL}}" class="samskab-paging">
  <ul class="nobullet-list inline-list">
    {{#PREVIOUS}}<li><a href="{{HREF}}" class="function-link" rel="prev">[[collaborations.previous]]</a></li>{{/PREVIOUS}}
    <li aria-current="page">[[collaborations.page_of]]</li>
    {{#NEXT}}<li><a href="{{HREF}}" class="function-link" rel="next">[[collaborations.next]]</a></li>{{/NEXT}}
  </ul>
</nav>
