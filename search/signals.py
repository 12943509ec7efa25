"""Saving, publishing, unpublishing or deleting a business updates the search index.

Publishing and unpublishing save the business row, so post_save covers them too.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from businesses.models import Business
from search.tasks import update_directory_index


@receiver(post_save, sender=Business)
@receiver(post_delete, sender=Business)
def business_changed(sender, instance, **kwargs):
    business_id = instance.pk
    transaction.on_commit(lambda: update_directory_index.enqueue(business_id))
