from django.urls import path

from home.accounts import views as account_views

urlpatterns = [
    path("", account_views.overview, name="account_overview"),
    path("taal/", account_views.change_language, name="account_language"),
    path("naam/", account_views.change_name, name="account_name"),
    path("mijn-gegevens/", account_views.download_data, name="account_download_data"),
    path("verwijderen/", account_views.delete_account, name="account_delete"),
]
