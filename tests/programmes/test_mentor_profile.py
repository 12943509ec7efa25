"""A mentor keeps their own entry; moderators approve the changes."""

import pytest
from django.urls import reverse

from programmes.models import (
    Need,
)

pytestmark = pytest.mark.django_db


def test_a_mentor_keeps_their_entry_and_moderators_approve(
    client, make_user, mentors, moderator_client, neighbourhoods
):
    from wagtail.models import WorkflowState

    user = make_user("ayla@example.nl")
    ayla = mentors["ayla"]
    ayla.user = user
    ayla.save()
    ayla.save_revision().publish()
    client.force_login(user)
    html = client.get(reverse("mentor_profile")).content.decode()
    assert "Ervaren ondernemer." in html
    data = {
        "bio": "Nu ook hulp bij export.",
        "expertise": [n.pk for n in ayla.expertise.all()] + [Need.objects.get(slug="export").pk],
        "languages": [language.pk for language in ayla.languages.all()],
        "capacity": "3",
        "is_active": "on",
    }
    assert (
        client.post(reverse("mentor_profile"), {**data, "capacity": "0"}).status_code == 200
    )  # invalid: kept, nothing saved
    ayla.refresh_from_db()
    assert not ayla.has_unpublished_changes
    assert client.post(reverse("mentor_profile"), data).status_code == 302
    ayla.refresh_from_db()
    assert ayla.bio == "Ervaren ondernemer." and ayla.capacity == 2  # the live entry waits
    assert ayla.has_unpublished_changes
    state = WorkflowState.objects.get(
        object_id=str(ayla.pk), status=WorkflowState.STATUS_IN_PROGRESS
    )
    url = reverse(
        "wagtailsnippets_programmes_mentor:workflow_action",
        args=[ayla.pk, "approve", state.current_task_state.pk],
    )
    assert moderator_client.post(url, {}).status_code in (200, 302)
    ayla.refresh_from_db()
    assert ayla.bio == "Nu ook hulp bij export." and ayla.capacity == 3
    assert ayla.expertise.filter(slug="export").exists()


def test_only_mentors_have_a_mentor_profile(founder_client):
    assert founder_client.get(reverse("mentor_profile")).status_code == 404
