"""Staff add and correct a programme's sessions in the admin."""

import pytest

from programmes.models import Category, ProgrammePage, Provider

pytestmark = pytest.mark.django_db


# The editor


def management(prefix, total, initial=0):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


@pytest.fixture
def admin_form(programme_index):
    provider = Provider.objects.create(name="Ondernemersvereniging", kind="vereniging")

    def make(**session_fields):
        data = {
            "title": "Netwerkavond in Lombok",
            "slug": "netwerkavond-in-lombok",
            "summary": "Ondernemers ontmoeten elkaar.",
            "provider": provider.pk,
            "category": Category.objects.get(slug="netwerk").pk,
            "format": "netwerk",
            "is_free": "on",
            "apply_email": "info@example.nl",
            "last_checked": "2026-11-01",
            "body-count": "0",
            "action-publish": "publish",
            **management("sessions", 1),
        }
        session_data = {
            "date": "",
            "start_time": "19:00",
            "end_time": "21:30",
            "place": "Buurthuis De Leeuw, Kanaalstraat 12",
            "online_url": "",
            "repeat": "monthly",
            "until": "",
            "count": "",
            "ORDER": "1",
            "id": "",
            **session_fields,
        }
        data.update({f"sessions-0-{name}": value for name, value in session_data.items()})
        return data

    return make


def test_staff_add_a_session_in_the_admin(
    staff_client, programme_index, admin_form, first_thursday
):
    url = f"/admin/pages/add/programmes/programmepage/{programme_index.pk}/"
    html = staff_client.get(url).content.decode()
    assert "Bijeenkomsten" in html and "elke eerste donderdag" in html
    response = staff_client.post(url, admin_form(date=f"{first_thursday:%Y-%m-%d}"))
    assert response.status_code == 302, response.content.decode()[:3000]
    programme = ProgrammePage.objects.get(slug="netwerkavond-in-lombok", locale__language_code="nl")
    (saved,) = programme.sessions.all()
    assert saved.rrule == "FREQ=MONTHLY;BYDAY=1TH"
    html = staff_client.get("/programmas/netwerkavond-in-lombok/").content.decode()
    assert "Elke eerste donderdag van de maand" in html
    assert f'<time datetime="{first_thursday:%Y-%m-%d}T19:00">' in html

    # Edited: every week, four times.
    edit = f"/admin/pages/{programme.pk}/edit/"
    data = admin_form(date=f"{first_thursday:%Y-%m-%d}", repeat="weekly", count="4", id=saved.pk)
    data.update(management("sessions", 1, initial=1))
    response = staff_client.post(edit, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    (saved,) = ProgrammePage.objects.get(pk=programme.pk).sessions.all()
    assert saved.rrule == "FREQ=WEEKLY;COUNT=4;BYDAY=TH"
    assert "4 keer" in staff_client.get("/programmas/netwerkavond-in-lombok/").content.decode()


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"end_time": "18:00"}, "De eindtijd moet na de begintijd liggen."),
        ({"repeat": "weekly", "until": "2027-01-01"}, "ligt vóór de eerste datum."),
        ({"start_time": "negen uur"}, None),
    ],
)
def test_the_admin_shows_session_errors(staff_client, programme_index, admin_form, fields, message):
    url = f"/admin/pages/add/programmes/programmepage/{programme_index.pk}/"
    response = staff_client.post(url, admin_form(date="2027-01-07", **fields))
    assert response.status_code == 200
    html = response.content.decode()
    if message:
        assert message in html.replace("&#x27;", "'")
    assert "w-field__errors" in html
    assert not ProgrammePage.objects.filter(slug="netwerkavond-in-lombok").exists()
