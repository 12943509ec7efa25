"""The profile steps take what people type, and the check step shows what will be published."""

from bs4 import BeautifulSoup

from tests.helpers import fill_in, start, step_data, step_url


def section(html, section_id):
    return " ".join(
        BeautifulSoup(html, "html.parser").select_one(f"#{section_id}").stripped_strings
    )


def hours_shown(html):
    """{day: "09:00–12:30, 13:30–17:30"} from the hours table on the check step."""
    table = BeautifulSoup(html, "html.parser").select_one("#controle-openingstijden table")
    return {
        row.th.get_text(" ", strip=True).split(" (")[0]: row.td.get_text("", strip=True).replace(
            ",", ", "
        )
        for row in table.select("tbody tr")
    }


def test_the_check_step_shows_the_profile_as_it_will_be_published(owner, lombok):
    draft = start(owner)
    fill_in(
        owner, draft, lombok, until="verhaal",
        basis={"phone": "0301234567", "kvk_number": "1234 5678"},
        adres={"postcode": "3531cj"},
    )  # fmt: skip

    html = owner.get(step_url(draft, "indienen")).content.decode()

    about = section(html, "controle-bedrijf")
    assert "030 123 4567" in about  # the national format, as on the profile
    assert "12345678" in about
    assert "info@anatolie.nl" in about and "https://anatolie.nl" in about
    assert "Vers brood en baklava" in about and "2015" in about
    assert "Kanaalstraat 12, 3531 CJ Utrecht" in section(html, "controle-adres")
    hours = hours_shown(html)
    assert hours["Maandag"] == "08:00–18:00" and hours["Zondag"] == "gesloten"
    languages = section(html, "controle-sector-talen")
    assert "Nederlands" in languages and "Turks" in languages
    assert "'code'" not in html and "{'" not in html  # no raw Python dictionary on the page
    story = section(html, "controle-verhaal")
    assert "Mijn moeder bakte al in Kayseri." in story and "baklava" in story


def test_a_day_like_the_day_before_needs_no_times_of_its_own(owner, lombok):
    draft = start(owner)
    fill_in(owner, draft, lombok, until="adres")
    form = BeautifulSoup(owner.get(step_url(draft, "openingstijden")).content, "html.parser")
    # A new profile starts with Tuesday to Friday like the day before.
    assert form.select_one("#id_day1_same").has_attr("checked")
    assert not form.select_one("#id_day5_same").has_attr("checked")
    assert not form.select_one("#id_day0_same")

    hours = {
        "day0_opens_1": "09:00", "day0_closes_1": "12:30", "day0_opens_2": "13:30",
        "day0_closes_2": "17:30", **{f"day{day}_same": "on" for day in (1, 2, 3, 4)},
        "day5_opens_1": "10:00", "day5_closes_1": "16:00", "day6_closed": "on",
        # Times of a day marked "the same" are not used.
        "day3_opens_1": "06:00", "day3_closes_1": "07:00",
    }  # fmt: skip
    response = owner.post(step_url(draft, "openingstijden"), hours)
    assert response.status_code == 302
    fill_in_rest = step_data(lombok)
    for step in ("sector-talen", "fotos", "verhaal"):
        owner.post(step_url(draft, step), fill_in_rest[step])

    shown = hours_shown(owner.get(step_url(draft, "indienen")).content.decode())
    assert shown == {
        **dict.fromkeys(
            ("Maandag", "Dinsdag", "Woensdag", "Donderdag", "Vrijdag"), "09:00–12:30, 13:30–17:30"
        ),
        "Zaterdag": "10:00–16:00",
        "Zondag": "gesloten",
    }


def test_the_kvk_number_may_be_typed_with_spaces_or_dots(owner, lombok):
    draft = start(owner)
    form = BeautifulSoup(owner.get(step_url(draft, "basis")).content, "html.parser")
    # The field does not cut "1234 5678" to "1234 567".
    assert int(form.select_one("#id_kvk_number")["maxlength"]) >= len("1234.5678")
    for typed in ("1234 5678", "1234.5678", " 12 34 56 78 "):
        fill_in(owner, draft, lombok, until="basis", basis={"kvk_number": typed})
        shown = BeautifulSoup(owner.get(step_url(draft, "basis")).content, "html.parser")
        assert shown.select_one("#id_kvk_number")["value"] == "12345678"
    response = owner.post(
        step_url(draft, "basis"), {**step_data(lombok)["basis"], "kvk_number": "1234 567"}
    )
    assert "8 cijfers" in response.content.decode()


def test_the_address_step_shows_the_postcode_as_written(owner, lombok):
    draft = start(owner)
    fill_in(owner, draft, lombok, until="adres", adres={"postcode": "3531cj"})
    shown = BeautifulSoup(owner.get(step_url(draft, "adres")).content, "html.parser")
    assert shown.select_one("#id_postcode")["value"] == "3531 CJ"
