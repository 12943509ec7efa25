from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Basis van het portaal")

    def ready(self):
        from home import localize
        from portal import page_cache, spreadsheets, tasks  # noqa: F401 (tasks: its retries)

        page_cache.connect()  # in every process, also cron jobs such as publish_scheduled
        page_cache.declare_content("home", unseen=["consent"])
        localize.connect()
        spreadsheets.quote_admin_downloads()
