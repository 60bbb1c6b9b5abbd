{{%AUTOESCAPE context="HTML"}}{{#COUNTRY}}<h2 class="mt-8">{{COUNTRY_NAME}}</h2>
<p>[[platform.country_count]]</p>
<table class="table table--compact samskab-admin-table">
  <caption class="sr-only">{{COUNTRY_NAME}}</caption>
  <thead><tr><th scope="col">[[platform.code]]</th><th scope="col">[[platform.name]]</th><th scope="col">[[platform.region]]</th><th scope="col">[[platform.state]]</th><th scope="col">[[admin.actions]]</th></tr></thead>
  <tbody>{{#ROW}}<tr id="m-{{CODE}}"><td>{{OFFICIAL_CODE}}</td><td>{{NAME}}</td><td>{{REGION}}</td><td>{{#ACTIVE}}<span class="badge badge-success">[[platform.active]]</span>{{/ACTIVE}}{{#INACTIVE}}[[platform.inactive]]{{/INACTIVE}}</td><td>{{FORM:none}}</td></tr>{{/ROW}}</tbody>
</table>{{/COUNTRY}}
