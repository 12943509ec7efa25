from django.urls import path

from home.accounts import views as account_views

setting = account_views.change_setting

urlpatterns = [
    path("", account_views.overview, name="account_overview"),
    path("taal/", setting, {"form_class": account_views.LanguageForm}, name="account_language"),
    path("naam/", setting, {"form_class": account_views.NameForm}, name="account_name"),
    path("mijn-gegevens/", account_views.download_data, name="account_download_data"),
    path("verwijderen/", account_views.delete_account, name="account_delete"),
]
