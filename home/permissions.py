"""The staff groups, the helpers data migrations use to give them permissions, and the
moderators' addresses.

Redacteuren (editors) edit pages, images, documents and snippets; Moderatoren (moderators) can
do all of that and also approve, publish and lock. Each app grants permissions on its own models
in its own data migration with grant_model_permissions().
"""

from django.apps import apps as global_apps
from django.contrib.auth import get_user_model
from django.contrib.auth.management import create_permissions

EDITORS = "Redacteuren"
MODERATORS = "Moderatoren"
STAFF_GROUPS = (EDITORS, MODERATORS)

# Wagtail's own migrations create English-named groups; we take those over, so the default
# moderation workflow keeps pointing at the moderators.
WAGTAIL_GROUP_NAMES = {EDITORS: "Editors", MODERATORS: "Moderators"}


def staff_group(apps, name):
    """Get the group, renaming Wagtail's English default if it is still there."""
    Group = apps.get_model("auth", "Group")
    group = Group.objects.filter(name=name).first()
    if group is None:
        group = Group.objects.filter(name=WAGTAIL_GROUP_NAMES[name]).first()
        if group is not None:
            group.name = name
            group.save(update_fields=["name"])
        else:
            group = Group.objects.create(name=name)
    return group


def ensure_permissions(apps, app_label):
    """Create the permissions of an app now: Django only makes them after all migrations ran."""
    create_permissions(global_apps.get_app_config(app_label), apps=apps, verbosity=0)


def grant_model_permissions(apps, group_name, app_label, model_names, actions):
    """Give a group <action>_<model> permissions, e.g. actions=("add", "change", "view")."""
    ensure_permissions(apps, app_label)
    Permission = apps.get_model("auth", "Permission")
    codenames = [f"{action}_{model}" for model in model_names for action in actions]
    permissions = Permission.objects.filter(
        content_type__app_label=app_label, codename__in=codenames
    )
    staff_group(apps, group_name).permissions.add(*permissions)


def moderator_addresses():
    """The addresses of the active moderators: whom every app tells of work waiting for staff."""
    users = (
        get_user_model().objects.filter(is_active=True, groups__name=MODERATORS).exclude(email="")
    )
    return sorted(set(users.values_list("email", flat=True)))
