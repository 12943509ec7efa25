"""Publishing, unpublishing, editing or deleting a business updates the search index."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import published, unpublished

from businesses.models import Business
from search.tasks import update_directory_index


def queue(business_id):
    transaction.on_commit(lambda: update_directory_index.enqueue(business_id))


@receiver(published, sender=Business)
@receiver(unpublished, sender=Business)
@receiver(post_save, sender=Business)
@receiver(post_delete, sender=Business)
def business_changed(sender, instance, **kwargs):
    queue(instance.pk)
