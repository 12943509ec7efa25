from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Zoeken")

    def ready(self):
        from home.open_data.api import add_router
        from portal import health, page_cache
        from search import signals  # noqa: F401  (keeps the index current)
        from search.api import router
        from search.health import engine_status

        health.check("search")(engine_status)
        # Feedback on the directory and counts of searches show on no public page.
        page_cache.declare_content("search", unseen=["searchfeedback", "querydaycount"])
        add_router("/", router)
