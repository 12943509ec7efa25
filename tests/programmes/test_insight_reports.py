"""The programme and matching reports in "Inzicht": registered, for staff only, downloadable."""

from html import unescape

import pytest
from django.contrib.auth.models import Group

from home import insight

pytestmark = pytest.mark.django_db


def test_the_reports_are_registered():
    slugs = {report.slug for report in insight.reports()}
    assert {"programmas", "mentoraanvragen"} <= slugs


@pytest.mark.parametrize("slug", ["programmas", "mentoraanvragen"])
def test_the_reports_render_for_staff_and_refuse_others(
    slug, programmes, journeys, moderator_client, client, make_user
):
    url = f"/admin/inzicht/{slug}/"
    response = moderator_client.get(url)
    assert response.status_code == 200
    html = unescape(response.content.decode())
    shown = list(insight.get_report(slug).figures(insight.default_period()))
    assert shown
    for figure in shown:
        assert str(figure.title) in html
    assert "<svg" in html
    response = moderator_client.get(url, {"wijk": "lombok"})
    assert response.status_code == 200
    response = moderator_client.get(url, {"van": "2025-13-40"})
    assert response.status_code == 200 and "geldige datum" in response.content.decode()
    # An editor may use the admin, but not see "Inzicht"; a visitor is sent to log in.
    editor = make_user("redacteur@gemeente.nl", is_staff=True)
    editor.groups.add(Group.objects.get(name="Redacteuren"))
    client.force_login(editor)
    assert client.get(url).status_code in (302, 403)
    client.logout()
    response = client.get(url)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_the_reports_download_as_csv(programmes, journeys, moderator_client):
    response = moderator_client.get(
        "/admin/inzicht/mentoraanvragen/", {"figuur": "koppelen-trechter", "export": "csv"}
    )
    assert response.status_code == 200
    text = (
        b"".join(response.streaming_content).decode("utf-8-sig")
        if response.streaming
        else response.content.decode("utf-8-sig")
    )
    assert text.splitlines()[0].startswith("Stap,Aanvragen")
    assert len(text.splitlines()) == 6
