from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Zoeken")

    def ready(self):
        from home.open_data.api import add_router
        from portal import health
        from search import signals  # noqa: F401  (keeps the index current)
        from search.api import router
        from search.health import engine_status

        health.check("search")(engine_status)
        add_router("/", router)
