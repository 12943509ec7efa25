"""Saving, publishing, unpublishing or deleting a business updates the search index.

Publishing and unpublishing save the business row, so post_save covers them too. But post_save
comes before the business's stories, sectors and products are saved (modelcluster saves them
after the row), and Wagtail's own index update reads them from the database then: the old ones.
So once a publication is complete, the business is indexed again, by Wagtail's backends and by
the directory's engine.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.search import index
from wagtail.signals import published

from businesses.directory import Business
from search.tasks import update_directory_index


@receiver(post_save, sender=Business)
@receiver(post_delete, sender=Business)
def business_changed(sender, instance, **kwargs):
    business_id = instance.pk
    transaction.on_commit(lambda: update_directory_index.enqueue(business_id))


@receiver(published, sender=Business)
def business_published(sender, instance, **kwargs):
    index.insert_or_update_object(Business.objects.get(pk=instance.pk))
    business_changed(sender, instance)
