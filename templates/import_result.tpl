{{%AUTOESCAPE context="HTML"}}<h2 class="h3">[[import.result_heading]]</h2>
<p>{{FILE_NAME}}</p>
<table class="table table--compact samskab-import-counts">
  <tbody>
    <tr><th scope="row">[[import.created]]</th><td>{{CREATED}}</td></tr>
    <tr><th scope="row">[[import.duplicates]]</th><td>{{DUPLICATES}}</td></tr>
    <tr><th scope="row">[[import.rejected]]</th><td>{{REJECTED}}</td></tr>
  </tbody>
</table>
<ul class="nobullet-list mt-6">
  <li><a href="{{BACK_HREF}}" class="function-link">[[import.back]]</a></li>
  <li><a href="{{AGAIN_HREF}}" class="function-link">[[import.again]]</a></li>
</ul>
