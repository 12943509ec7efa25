from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammesConfig(AppConfig):
    name = "programmes"
    verbose_name = _("Programma's en begeleiding")

    def ready(self):
        from home.open_data.api import add_router
        from portal import page_cache
        from programmes.open_data import router

        # Match requests are between a founder, staff and a mentor; day counts are visits.
        unseen = ["matchrequest", "proposal", "mentormatch", "matchevent", "programmedaycount"]
        page_cache.declare_content("programmes", unseen=unseen)
        add_router("/open-data/", router)
