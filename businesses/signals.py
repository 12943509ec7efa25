"""Follow Wagtail's moderation workflow for businesses and tell the people involved."""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.admin import signal_handlers
from wagtail.models import Revision, TaskState, WorkflowState
from wagtail.signals import (
    published,
    task_submitted,
    workflow_approved,
    workflow_rejected,
    workflow_submitted,
)

from businesses import geocoding
from businesses.models import Business
from businesses.notifications import notify_moderators_of_submission, notify_owner
from businesses.tasks import geocode_business


def business_of(workflow_state):
    instance = workflow_state.content_object
    return instance if isinstance(instance, Business) else None


@receiver(published)
def on_published(sender, instance, revision=None, **kwargs):
    """A business marked as stopped that is published again trades again."""

    if isinstance(instance, Business) and instance.closed_at:
        instance.reopen(user=getattr(revision, "user", None))


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
    notify_owner(
        business, "changes_requested", comment=(task_state.comment if task_state else "") or ""
    )


@receiver(workflow_approved)
def on_approved(sender, instance, user=None, **kwargs):
    if business := business_of(instance):
        notify_owner(business, "published")


# A pin for every business (businesses/geocoding.py): a revision or a publication with an
# address but no coordinates asks the geocoder, in a task after the transaction. An owner's
# submission is a revision; so is staff saving the form in the admin.
@receiver(post_save, sender=Revision)
def on_revision_saved(sender, instance, created=False, **kwargs):
    content = instance.content or {}
    if not (created and geocoding.enabled()) or content.get("latitude") not in (None, ""):
        return
    if instance.base_content_type_id != ContentType.objects.get_for_model(Business).pk:
        return
    geocode_after_commit(instance.object_id)


@receiver(published)
def on_published_without_location(sender, instance, **kwargs):
    if isinstance(instance, Business) and instance.latitude is None and geocoding.enabled():
        geocode_after_commit(instance.pk)


def geocode_after_commit(business_id):
    transaction.on_commit(lambda: geocode_business.enqueue(int(business_id)))


# Wagtail mails staff about every workflow event, in admin language and with admin links, and
# would also mail the entrepreneur who submitted. For business profiles the portal sends its own
# plain-language mails (above, through the tasks framework), so Wagtail's are skipped for them.
# Connecting under Wagtail's dispatch_uids replaces its receivers whichever app is ready first.
WAGTAIL_NOTIFIERS = [
    (task_submitted, TaskState, "group_approval_task_submitted_email_notification", "task_submission_email_notifier"),
    (workflow_submitted, WorkflowState, "workflow_state_submitted_email_notification", "workflow_submission_email_notifier"),
    (workflow_rejected, WorkflowState, "workflow_state_rejected_email_notification", "workflow_rejection_email_notifier"),
    (workflow_approved, WorkflowState, "workflow_state_approved_email_notification", "workflow_approval_email_notifier"),
]  # fmt: skip


def except_for_businesses(notifier_name):
    def receiver(sender, instance=None, **kwargs):
        workflow_state = instance.workflow_state if isinstance(instance, TaskState) else instance
        if business_of(workflow_state) is None:
            return getattr(signal_handlers, notifier_name)(instance=instance, **kwargs)
        return None

    return receiver


def replace_wagtail_notifiers():
    for signal, sender, dispatch_uid, notifier_name in WAGTAIL_NOTIFIERS:
        signal.disconnect(sender=sender, dispatch_uid=dispatch_uid)
        signal.connect(
            except_for_businesses(notifier_name),
            sender=sender,
            dispatch_uid=dispatch_uid,
            weak=False,
        )


replace_wagtail_notifiers()
