from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BusinessesConfig(AppConfig):
    name = "businesses"
    verbose_name = _("Wijken en ondernemers")

    def ready(self):
        from businesses import signals  # noqa: F401  (connects the moderation e-mails)
