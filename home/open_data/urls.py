from django.urls import path

from home.open_data.views import open_data_page

urlpatterns = [path("", open_data_page, name="open_data")]
