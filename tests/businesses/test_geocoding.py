"""A pin for every profile: addresses looked up in PDOK Locatieserver (a local stand-in that
answers as PDOK's documentation describes: tests/pdok.py), shown to the owner in words, carried
into what is published, and never moving a pin a person placed."""

import io
import json
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.urls import reverse

from businesses import geocoding
from businesses.geocoding import Address, TemporaryFailure
from businesses.models import Business, ProfileDraft
from tests.helpers import act, fill_in, start, step_url
from tests.pdok import address_doc, point_for

KANAALSTRAAT = Address.of("Kanaalstraat", 12, "", "3531 CJ", "Utrecht")


# The client ------------------------------------------------------------------------------------


def test_an_address_found_gives_its_point_and_name(fake_pdok):
    location = geocoding.locate(KANAALSTRAAT)
    latitude, longitude = point_for("3531CJ", 12)
    assert (location.latitude, location.longitude) == (
        Decimal(str(latitude)).quantize(Decimal("0.000001")),
        Decimal(str(longitude)).quantize(Decimal("0.000001")),
    )
    assert location.found == "Kanaalstraat 12, 3531 CJ Utrecht"
    [query] = fake_pdok.queries
    assert query["fq"] == "type:adres"
    assert "3531CJ" in query["q"] and "12" in query["q"]
    assert "centroide_ll" in query["fl"]


def test_nothing_found_is_no_pin(fake_pdok):
    fake_pdok.answer_next(docs=[])
    assert geocoding.locate(KANAALSTRAAT) is None
    assert len(fake_pdok.queries) == 1  # an answer, not a failure: not asked again


@pytest.mark.parametrize(
    "doc",
    [
        address_doc("Kanaalstraat", 12, "", "3531CK"),  # another postcode
        address_doc("Kanaalstraat", 14, "", "3531CJ"),  # the neighbours
        {**address_doc("Kanaalstraat", 12, "", "3531CJ"), "type": "weg"},
        {**address_doc("Kanaalstraat", 12, "", "3531CJ"), "centroide_ll": "POINT(2.35 48.85)"},
    ],
)
def test_an_answer_that_is_not_the_address_asked_is_no_pin(fake_pdok, doc):
    fake_pdok.answer_next(docs=[doc])
    assert geocoding.locate(KANAALSTRAAT) is None


def test_the_same_addition_wins_over_the_bare_number(fake_pdok):
    fake_pdok.answer_next(
        docs=[
            address_doc("Kanaalstraat", 12, "", "3531CJ", point=(52.1, 5.1)),
            address_doc("Kanaalstraat", 12, "B", "3531CJ", point=(52.2, 5.2)),
        ]
    )
    location = geocoding.locate(Address.of("Kanaalstraat", 12, "b", "3531CJ", "Utrecht"))
    assert location.latitude == Decimal("52.200000")
    assert location.found == "Kanaalstraat 12B, 3531 CJ Utrecht"


def test_a_temporary_failure_is_tried_again(fake_pdok):
    fake_pdok.answer_next(status=503)
    fake_pdok.answer_next(status=502)
    assert geocoding.locate(KANAALSTRAAT, attempts=3) is not None
    assert len(fake_pdok.queries) == 3


def test_a_failure_that_lasts_is_reported_after_the_attempts(fake_pdok, settings):
    for _ in range(3):
        fake_pdok.answer_next(status=503)
    with pytest.raises(TemporaryFailure):
        geocoding.locate(KANAALSTRAAT, attempts=3)
    assert len(fake_pdok.queries) == 3


def test_a_timeout_is_a_temporary_failure(fake_pdok, settings):
    settings.PDOK_TIMEOUT_SECONDS = 0.2
    fake_pdok.answer_next(delay=1)
    with pytest.raises(TemporaryFailure):
        geocoding.locate(KANAALSTRAAT, attempts=1)
    fake_pdok.answer_next(delay=1)
    assert geocoding.locate(KANAALSTRAAT, attempts=2) is not None  # the second answers at once


def test_an_unreadable_answer_is_a_temporary_failure(fake_pdok):
    fake_pdok.answer_next(payload={"unexpected": True})
    with pytest.raises(TemporaryFailure):
        geocoding.locate(KANAALSTRAAT, attempts=1)


def test_pdok_points_are_longitude_first():
    assert geocoding.parse_point("POINT(5.10412345 52.09123456)") == (
        Decimal("52.091235"),
        Decimal("5.104123"),
    )
    assert geocoding.parse_point("POINT(52.09 5.10)") is None  # swapped: outside the Netherlands
    assert geocoding.parse_point("nonsense") is None


def test_off_without_a_url(settings):
    settings.PDOK_LOCATIESERVER_URL = ""
    assert not geocoding.enabled()
    assert geocoding.locate_business(1) == "nothing"


# The owner's step "Locatie" --------------------------------------------------------------------


def post_steps(client, draft, lombok, capture, until, **changes):
    with capture(execute=True):
        fill_in(client, draft, lombok, until=until, **changes)


def in_words(client, draft):
    html = client.get(step_url(draft, "locatie")).content.decode()
    return BeautifulSoup(html, "html.parser").find(id="locatie-uitleg").get_text(" ", strip=True)


def test_the_owner_sees_the_pin_in_words_without_javascript(
    owner, lombok, fake_pdok, django_capture_on_commit_callbacks
):
    draft = start(owner)
    post_steps(owner, draft, lombok, django_capture_on_commit_callbacks, until="adres")
    html = owner.get(step_url(draft, "locatie")).content.decode()
    latitude, longitude = point_for("3531CJ", 12)
    soup = BeautifulSoup(html, "html.parser")
    words = soup.find(id="locatie-uitleg").get_text(" ", strip=True)
    assert words == f"Gevonden: Kanaalstraat 12, 3531 CJ Utrecht ({latitude:.4f}, {longitude:.4f})"
    assert soup.find("label", attrs={"for": "id_latitude"})
    assert float(soup.find(id="id_latitude")["value"]) == latitude
    assert float(soup.find(id="id_longitude")["value"]) == longitude
    assert soup.find(id="locatie-kaart").has_attr("hidden")  # only JavaScript shows the map


def test_without_the_geocoder_the_step_says_staff_place_the_pin(owner, lombok):
    draft = start(owner)
    fill_in(owner, draft, lombok, until="adres")
    html = owner.get(step_url(draft, "locatie")).content.decode()
    assert "Een medewerker van de gemeente zet het erop" in html


def test_an_address_not_found_says_so(owner, lombok, fake_pdok, django_capture_on_commit_callbacks):
    fake_pdok.not_found.add("3531CJ")
    draft = start(owner)
    post_steps(owner, draft, lombok, django_capture_on_commit_callbacks, until="adres")
    html = owner.get(step_url(draft, "locatie")).content.decode()
    assert "We konden je adres niet op de kaart vinden" in html


def test_submitting_carries_the_pin_to_the_map_and_the_distance_search(
    owner, client, lombok, fake_pdok, moderator_client, django_capture_on_commit_callbacks
):
    draft = start(owner)
    post_steps(owner, draft, lombok, django_capture_on_commit_callbacks, until="indienen")
    business = Business.objects.get(name="Bakkerij Anatolië")
    with django_capture_on_commit_callbacks(execute=True):
        act(moderator_client, business, "approve")
    latitude, longitude = point_for("3531CJ", 12)
    on_map_and_nearby(client, lombok, "Bakkerij Anatolië", latitude, longitude)
    assert Business.objects.get(pk=business.pk).location_source == "geocoder"


def on_map_and_nearby(client, lombok, name, latitude, longitude):
    """Read back as a visitor: the neighbourhood page's map data, and the directory API's
    search around the point."""
    html = client.get(lombok.url).content.decode()
    markers = json.loads(BeautifulSoup(html, "html.parser").find(id="ondernemers-kaart").string)
    [marker] = [m for m in markers["markers"] if m["name"] == name]
    assert (marker["lat"], marker["lon"]) == (latitude, longitude)
    answer = client.get(
        "/api/directory/", {"bij": f"{latitude + 0.001},{longitude}", "straal": "1"}
    ).json()
    [result] = [r for r in answer["results"] if r["name"] == name]
    assert result["distance_km"] < 0.2
    far = client.get("/api/directory/", {"bij": "52.37,4.89", "straal": "5"}).json()  # Amsterdam
    assert name not in [r["name"] for r in far["results"]]


def test_a_lookup_that_failed_in_the_wizard_is_done_at_submission(
    owner, client, lombok, fake_pdok, moderator_client, django_capture_on_commit_callbacks
):
    for _ in range(2):  # both attempts of the wizard's lookup
        fake_pdok.answer_next(status=503)
    draft = start(owner)
    post_steps(owner, draft, lombok, django_capture_on_commit_callbacks, until="adres")
    assert "gaf nu geen antwoord" in owner.get(step_url(draft, "locatie")).content.decode()
    post_steps(owner, draft, lombok, django_capture_on_commit_callbacks, until="indienen")
    business = Business.objects.get(name="Bakkerij Anatolië")
    latitude, longitude = point_for("3531CJ", 12)
    assert float(business.latest_revision.as_object().latitude) == latitude  # what staff approve
    with django_capture_on_commit_callbacks(execute=True):
        act(moderator_client, business, "approve")
    on_map_and_nearby(client, lombok, "Bakkerij Anatolië", latitude, longitude)


def test_the_owners_own_pin_is_kept(
    owner, lombok, fake_pdok, moderator_client, django_capture_on_commit_callbacks
):
    draft = start(owner)
    post_steps(owner, draft, lombok, django_capture_on_commit_callbacks, until="adres")
    response = owner.post(step_url(draft, "locatie"), {"latitude": "52,0931", "longitude": "5.1"})
    assert response.status_code == 302
    assert in_words(owner, draft) == "Je hebt de plek zelf gekozen: 52.0931, 5.1000."
    # Saving the same address again keeps it.
    with django_capture_on_commit_callbacks(execute=True):
        owner.post(step_url(draft, "adres"), ProfileDraft.objects.get(pk=draft.pk).data["adres"])
    post_steps(owner, draft, lombok, django_capture_on_commit_callbacks, until="indienen",
               locatie={"latitude": "52.0931", "longitude": "5.1"})  # fmt: skip
    business = Business.objects.get(name="Bakkerij Anatolië")
    assert (business.latitude, business.longitude) == (Decimal("52.093100"), Decimal("5.100000"))
    assert business.location_source == "person"
    asked = len(fake_pdok.queries)
    assert geocoding.locate_business(business.pk) == "nothing"
    call_command("geocode_missing", "--pause", "0", stdout=io.StringIO())
    business.refresh_from_db()
    assert business.latitude == Decimal("52.093100")
    assert len(fake_pdok.queries) == asked


def test_pin_wrong_leaves_it_to_staff_and_the_geocoder_away(
    owner, lombok, fake_pdok, moderator_client, django_capture_on_commit_callbacks
):
    draft = start(owner)
    post_steps(owner, draft, lombok, django_capture_on_commit_callbacks, until="adres")
    owner.post(step_url(draft, "locatie"), {"action": "wrong"})
    post_steps(owner, draft, lombok, django_capture_on_commit_callbacks, until="indienen",
               locatie={"latitude": "", "longitude": ""})  # fmt: skip
    business = Business.objects.get(name="Bakkerij Anatolië")
    assert business.latitude is None and business.location_source == "person"
    call_command("geocode_missing", "--pause", "0", stdout=io.StringIO())
    business.refresh_from_db()
    assert business.latitude is None
    edit = reverse("wagtailsnippets_businesses_business:edit", args=[business.pk])
    html = moderator_client.get(edit).content.decode()
    assert "Nog geen locatie" in html and "De eigenaar zegt dat de gevonden plek niet klopt" in html


def test_a_new_address_in_an_edit_gets_a_new_pin(
    owner, entrepreneur, lombok, make_business, fake_pdok, django_capture_on_commit_callbacks
):
    business = make_business("Toko Lombok", owner=entrepreneur, location_source="person")
    owner.post(reverse("profile_edit", args=[business.pk]))
    draft = ProfileDraft.objects.get(business=business)
    assert in_words(owner, draft) == "Je hebt de plek zelf gekozen: 52.0910, 5.0960."
    address = {**draft.data["adres"], "house_number": "40", "postcode": "3531 CK"}
    with django_capture_on_commit_callbacks(execute=True):
        owner.post(step_url(draft, "adres"), address)
    latitude, longitude = point_for("3531CK", 40)
    assert in_words(owner, draft) == (
        f"Gevonden: Kanaalstraat 40, 3531 CK Utrecht ({latitude:.4f}, {longitude:.4f})"
    )


# Staff -----------------------------------------------------------------------------------------


def test_staff_see_businesses_without_a_location(moderator_client, make_business):
    make_business("Zonder plek", latitude=None, longitude=None)
    make_business("Met plek")
    listing = reverse("wagtailsnippets_businesses_business:list")
    html = moderator_client.get(listing, {"location": "missing"}).content.decode()
    assert "Zonder plek" in html and "Met plek" not in html
    assert "Nog geen locatie" in html


def test_staff_saving_an_address_without_a_pin_gets_it_looked_up(
    make_business, fake_pdok, django_capture_on_commit_callbacks
):
    business = make_business("Zonder plek", latitude=None, longitude=None, live=False)
    with django_capture_on_commit_callbacks(execute=True):
        business.save_revision().publish()
    business.refresh_from_db()
    assert (float(business.latitude), float(business.longitude)) == point_for("3531CJ", 10)
    assert business.location_source == "geocoder"


def test_a_pin_placed_by_staff_is_remembered(make_business):
    from businesses.admin.locations import BusinessAdminForm
    from businesses.wagtail_hooks import BusinessViewSet

    business = make_business("Met plek", latitude=None, longitude=None)
    form_class = BusinessViewSet().get_edit_handler().get_form_class()
    assert issubclass(form_class, BusinessAdminForm)
    data = {"latitude": "52.0900", "longitude": "5.1100"}
    form = form_class(data=data, instance=business, for_user=None)
    form.is_valid()  # other fields are missing; the coordinates are read all the same
    assert business.location_source == "person"


def test_geocode_missing_fills_in_what_is_missing_once(make_business, fake_pdok):
    first = make_business("Zonder plek", latitude=None, longitude=None)
    make_business("Met plek", street="Oudegracht", postcode="3511 AB")
    output = io.StringIO()
    call_command("geocode_missing", "--pause", "0", stdout=output)
    assert "gevonden: 1" in output.getvalue()
    first.refresh_from_db()
    assert (float(first.latitude), float(first.longitude)) == point_for("3531CJ", 10)
    asked = len(fake_pdok.queries)
    call_command("geocode_missing", "--pause", "0", stdout=io.StringIO())
    assert len(fake_pdok.queries) == asked  # nothing left to ask
