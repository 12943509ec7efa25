"""Model field helpers every app shares (portal is not an app: no models of its own here)."""

from django.db import models


def optional_foreign_key(to, verbose_name, related_name="+", **options):
    """A reference that may be left empty, and is emptied when what it points to is deleted:
    an image, a page, a member of staff. No way back from the other side unless named."""
    return models.ForeignKey(
        to,
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name=related_name,
        **options,
    )
