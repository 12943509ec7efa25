"""The apps' own admin pages for one object (closing a business, running a task again, a mentor
request) refuse staff without their permission before they look the object up: for a missing
object they get the same refusal as for an existing one, so the answer gives nothing away."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client

from home.permissions import MODERATORS

MISSING = [
    "/admin/snippets/businesses/business/close/999999/",
    "/admin/achtergrondtaken/opnieuw/00000000-0000-0000-0000-000000000000/",
    "/admin/mentoraanvragen/999999/",
]


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.django_db
@pytest.mark.parametrize("url", MISSING)
def test_staff_without_permission_are_refused_whether_or_not_the_object_exists(url, make_user):
    # Staff who may open the admin and nothing more.
    readers = Group.objects.create(name="Alleen het beheer")
    readers.permissions.add(Permission.objects.get(codename="access_admin"))
    reader = make_user("lezer@gemeente.nl")
    reader.groups.add(readers)
    for method in ("get", "post"):
        response = getattr(client_for(reader), method)(url)
        # Wagtail's refusal: back to the dashboard, with a message.
        assert (response.status_code, response["Location"]) == (302, "/admin/")
    # Whoever may use the page learns that it does not exist.
    moderator = make_user("moderator@gemeente.nl")
    moderator.groups.add(Group.objects.get(name=MODERATORS))
    assert client_for(moderator).get(url).status_code == 404
