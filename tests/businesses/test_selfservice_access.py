"""Only the owner sees or changes a draft or a business; changes only by POST with a CSRF token,
and submissions are rate limited."""

from django.urls import reverse

from businesses.models import Business, ProfileDraft
from businesses.selfservice import drafts
from tests.helpers import fill_in, start, step_data, step_url

# Ownership -------------------------------------------------------------------------------------


def test_nobody_else_sees_or_changes_a_draft(client, owner, make_user, lombok):
    draft = start(owner)
    fill_in(owner, draft, lombok, until="basis")
    client.force_login(make_user("someone@example.nl"))
    for step in drafts.STEP_SLUGS:
        assert client.get(step_url(draft, step)).status_code == 404
        assert client.post(step_url(draft, step), step_data(lombok)[step]).status_code == 404
    assert client.post(reverse("profile_discard", args=[draft.pk])).status_code == 404
    assert "Bakkerij Anatolië" not in client.get(reverse("my_businesses")).content.decode()
    assert ProfileDraft.objects.filter(pk=draft.pk).exists()


def test_nobody_else_edits_a_business(client, entrepreneur, make_user, make_business):
    business = make_business("Toko Lombok", owner=entrepreneur)
    client.force_login(make_user("someone@example.nl"))
    assert client.post(reverse("profile_edit", args=[business.pk])).status_code == 404
    assert client.post(reverse("profile_edit", args=[999999])).status_code == 404
    assert "Toko Lombok" not in client.get(reverse("my_businesses")).content.decode()
    assert not ProfileDraft.objects.exists()


def test_views_that_change_things_only_accept_post(owner, entrepreneur, make_business):
    business = make_business("Toko Lombok", owner=entrepreneur)
    assert owner.get(reverse("profile_start")).status_code == 405
    assert owner.get(reverse("profile_edit", args=[business.pk])).status_code == 405
    assert owner.get(reverse("account_download_data")).status_code == 405


def test_forms_need_a_csrf_token(entrepreneur, lombok):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(entrepreneur)
    assert client.post(reverse("profile_start")).status_code == 403
    assert not ProfileDraft.objects.exists()


def test_submissions_are_rate_limited(owner, entrepreneur, lombok):
    for number in range(11):
        draft = ProfileDraft.objects.create(owner=entrepreneur)
        fill_in(owner, draft, lombok, until="verhaal", basis={"name": f"Zaak {number}"})
        response = owner.post(step_url(draft, "indienen"), {"consent": "on"})
    assert response.status_code == 200
    assert "Probeer het over een uur opnieuw" in response.content.decode()
    assert Business.objects.count() == 10
