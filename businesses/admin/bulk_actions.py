"""Bulk publish and unpublish for the admin list of businesses (moderators only)."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction

from businesses.models import Business


class BusinessBulkAction(SnippetBulkAction):
    models = [Business]
    # One confirmation for both, worded by the action (view.action_type).
    template_name = "businesses/admin/confirm_bulk_action.html"

    # The message after the action: ngettext_lazy(singular, plural, "count").
    success_message = None

    def check_perm(self, snippet):
        return self.request.user.has_perm("businesses.publish_business")

    def get_success_message(self, num_parent_objects, num_child_objects):
        return self.success_message % {"count": num_parent_objects}


class PublishBulkAction(BusinessBulkAction):
    display_name = _("Publiceren")
    action_type = "publish"
    aria_label = _("Geselecteerde bedrijven publiceren")
    action_priority = 10
    success_message = ngettext_lazy(
        "%(count)d bedrijf gepubliceerd.", "%(count)d bedrijven gepubliceerd.", "count"
    )

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        """Publish the latest revision (the draft staff saw), or the current data if none."""
        for business in objects:
            revision = business.latest_revision or business.save_revision(user=user)
            revision.publish(user=user)
        return len(objects), 0


class UnpublishBulkAction(BusinessBulkAction):
    display_name = _("Offline halen")
    action_type = "unpublish"
    aria_label = _("Geselecteerde bedrijven offline halen")
    action_priority = 20
    success_message = ngettext_lazy(
        "%(count)d bedrijf offline gehaald.", "%(count)d bedrijven offline gehaald.", "count"
    )

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        count = 0
        for business in objects:
            if business.live:
                business.unpublish(user=user)
                count += 1
        return count, 0
