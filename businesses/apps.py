from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BusinessesConfig(AppConfig):
    name = "businesses"
    verbose_name = _("Wijken en ondernemers")

    def ready(self):
        from businesses import signals  # noqa: F401  (connects the moderation e-mails)
        from businesses.open_data import router
        from home.open_data.api import add_router
        from portal import page_cache

        # Profiles in progress, claims and reports are between the owner and staff.
        unseen = ["profiledraft", "claimrequest", "outdatedinforeport"]
        page_cache.declare_content("businesses", unseen=unseen)
        add_router("/open-data/", router)
