from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammesConfig(AppConfig):
    name = "programmes"
    verbose_name = _("Programma's en begeleiding")

    def ready(self):
        from home.open_data.api import add_router
        from programmes.open_data import router

        add_router("/open-data/", router)
