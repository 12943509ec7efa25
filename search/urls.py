from django.urls import path

from search import views

urlpatterns = [
    path("ondernemers/", views.directory, name="directory"),
    path("ondernemers/reactie/", views.feedback, name="directory_feedback"),
    path("zoeken/", views.site_search, name="site_search"),
]
