"""What drops the stored public pages: each app declares its content (page_cache.declare_content),
and what stays between a founder, staff and a mentor drops nothing."""

import pytest

from portal import page_cache
from programmes.models import MatchEvent, MatchRequest, Stage

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_on")]


def cache_state(client, path):
    response = client.get(path)
    assert response.status_code == 200
    return response.headers.get("X-Page-Cache")


def test_every_app_of_the_portal_declares_what_public_pages_show():
    assert {"home", "businesses", "programmes", "search"} <= page_cache.CONTENT_APPS
    assert "programmes.matchrequest" in page_cache.IGNORED_MODELS
    assert "programmes.programmepage" not in page_cache.IGNORED_MODELS


def test_a_mentor_request_keeps_the_visitors_stored_page_and_a_programme_renews_it(
    client, make_programme, entrepreneur, commit
):
    make_programme("Broedplaats Creatief")
    assert cache_state(client, "/programmas/") == "miss"
    assert cache_state(client, "/programmas/") == "hit"
    with commit():
        request = MatchRequest.objects.create(
            founder=entrepreneur, stage=Stage.objects.first(), goal="Een webwinkel beginnen"
        )
        MatchEvent.objects.create(request=request, status=MatchRequest.Status.REQUESTED)
    assert cache_state(client, "/programmas/") == "hit"
    with commit():
        make_programme("Innovatiebudget")
    assert cache_state(client, "/programmas/") == "miss"
    assert "Innovatiebudget" in client.get("/programmas/").content.decode()
