"""Follow Wagtail's moderation workflow for businesses and tell the people involved."""

from django.dispatch import receiver
from wagtail.signals import workflow_approved, workflow_rejected, workflow_submitted

from businesses.notifications import notify_moderators_of_submission, notify_owner


def business_of(workflow_state):
    from businesses.models import Business

    instance = workflow_state.content_object
    return instance if isinstance(instance, Business) else None


@receiver(workflow_submitted)
def on_submitted(sender, instance, user=None, **kwargs):
    if business := business_of(instance):
        notify_owner(business, "submitted")
        notify_moderators_of_submission(business, is_new=not business.live)


@receiver(workflow_rejected)
def on_changes_requested(sender, instance, user=None, **kwargs):
    business = business_of(instance)
    if business is None:
        return
    task_state = instance.current_task_state
    notify_owner(business, "changes_requested", comment=(task_state.comment if task_state else "") or "")


@receiver(workflow_approved)
def on_approved(sender, instance, user=None, **kwargs):
    if business := business_of(instance):
        notify_owner(business, "published")
