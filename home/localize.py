"""wagtail-localize, adjusted: its page-tree sync ignores rows loaded as they are.

When a LocaleSynchronization is saved, wagtail-localize copies the page tree into its locale.
Rows loaded raw (loaddata, a restored snapshot) may come before the Locale they sync from, and
the copy then fails; they describe trees that are complete already, so there is nothing to sync.
"""

from django.db.models.signals import post_save
from wagtail_localize.models import LocaleSynchronization, sync_trees_on_locale_sync_save


def sync_trees_unless_raw(sender, instance, raw=False, **kwargs):
    if not raw:
        instance.sync_trees()


def connect():
    post_save.disconnect(sync_trees_on_locale_sync_save, sender=LocaleSynchronization)
    post_save.connect(sync_trees_unless_raw, sender=LocaleSynchronization)
