"""The home app's addresses outside the page tree: the site's files for robots and browsers,
and the JSON API (home.open_data.api, with the routers the other apps add)."""

from django.urls import path

from home import views
from home.open_data.api import api
from home.publiccode import publiccode

urlpatterns = [
    path("api/", api.urls),
    path("sitemap.xml", views.sitemap, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("favicon.ico", views.FaviconView.as_view()),
    path("publiccode.yml", publiccode, name="publiccode"),
]
