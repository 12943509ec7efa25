"""Property-based tests: whatever anyone types into a public form or a query string, the
portal answers without a server error and never echoes markup back unescaped.

The forms are not listed by hand: every form on every public page (and on the pages an
entrepreneur sees once logged in) is read from the page itself, so a new form is covered
the day it appears.
"""

import re

import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db

# Markup that must never come back as markup; each is unique enough to search for.
MARKUP = [
    "<script>alert('fuzz')</script>",
    '"><img src=x onerror=alert("fuzz")>',
    "<svg/onload=alert(`fuzz`)>",
]
NASTY = MARKUP + [
    "' OR 1=1 --",
    "1; DROP TABLE businesses_business; --",
    '" * ~ ( AND ) OR [ } \\',
    "\x00",
    "a\u200bb\u200fc\ufeff",
    "\u202eevil\u202c",
    "\u202a\u202b\u202d\u2066\u2067\u2068 name \u2069",  # every kind of bidi control
    "مخبز دمشق",
    "İSTANBUL ıi",
    "🙂" * 50,
    "a" * 10_000,
    "-1",
    "0",
    "99999999999999999999999",
    "1e309",
    "NaN",
    "-5",
    "2026-02-30",
    "31-13-2026",
    "52.09,5.12",
    "abc,def",
    "91,181",
    "../../etc/passwd",
    "%00%0d%0a",
]
values = st.one_of(
    st.sampled_from(NASTY),
    st.text(max_size=200),
    st.integers().map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
)

# Public pages of the demo site; the query parameters that no form shows are added by hand.
PAGES = {
    "/": [],
    "/wijken/": [],
    "/wijken/kanaleneiland/": ["sector", "taal", "open_nu", "page", "per_page"],
    "/wijken/ondiep/restaurant-damascus/": [],
    "/programmas/": [
        "categorie",
        "fase",
        "sector",
        "taal",
        "wijk",
        "gratis",
        "open",
        "q",
        "sortering",
        "archief",
        "page",
    ],  # fmt: skip
    "/programmas/wat-past-bij-mij/": [],
    "/ondernemers/": ["q", "wijk", "sector", "taal", "open_nu", "bij", "straal", "sort", "page"],
    "/api/directory/": ["q", "wijk", "sector", "taal", "open_nu", "bij", "straal", "sort", "page"],
    "/api/directory/suggestions/": ["q"],
    "/open-data/": [],  # its forms lead to the CSV downloads
    "/api/open-data/ondernemers/": ["wijk", "page", "per_page"],
    "/api/open-data/wijkcijfers/": ["wijk", "van", "tot", "page", "per_page"],
    "/api/open-data/programmas/": ["page", "per_page"],
    "/zoeken/": ["q", "page"],
    "/account/signup/": [],
    "/account/login/": [],
    "/account/password/reset/": [],
}
LOGGED_IN_PAGES = ["/mijn-bedrijf/", "/mentor-aanvragen/", "/account/"]


@pytest.fixture
def demo_site(full_demo):
    return full_demo


def forms_on(html, url):
    """(method, action, field names) of each form on a page."""
    found = []
    for form in BeautifulSoup(html, "html.parser").find_all("form"):
        names = sorted(
            {
                field["name"]
                for field in form.find_all(["input", "select", "textarea", "button"])
                if field.get("name") and field["name"] != "csrfmiddlewaretoken"
            }
        )
        action = form.get("action") or url
        found.append(((form.get("method") or "get").lower(), action, names))
    return found


def check(response, sent):
    assert response.status_code < 500, (response.status_code, sent)
    content = b"".join(response.streaming_content) if response.streaming else response.content
    body = content.decode(errors="replace")
    for markup in MARKUP:
        if any(markup in value for values_ in sent.values() for value in values_):
            assert markup not in body, (markup, sent)


def fuzz(client, method, url, names):
    if not names:
        return

    send = client.post if method == "post" else client.get
    for value in NASTY:  # each known-bad value in every field at once, then random mixes
        data = dict.fromkeys(names, value)
        check(send(url, data), {name: [value] for name in names})

    @settings(
        max_examples=10,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    )
    @given(st.dictionaries(st.sampled_from(names), st.lists(values, min_size=1, max_size=3)))
    def submit(data):
        check(send(url, data), data)

    submit()


def test_public_pages_and_forms_take_any_input(client, demo_site):
    for url, extra in PAGES.items():
        response = client.get(url, follow=True)
        assert response.status_code == 200, url
        fuzz(client, "get", url, extra)
        for method, action, names in forms_on(response.content, url):
            fuzz(client, method, action, names)


def test_entrepreneur_forms_take_any_input(client, demo_site, django_user_model):
    from businesses.models import Business

    client.force_login(django_user_model.objects.get(email="ondernemer@example.nl"))
    someone_elses = Business.objects.exclude(owner__email="ondernemer@example.nl").first()
    pages = [
        *LOGGED_IN_PAGES,
        f"/mijn-bedrijf/claimen/{someone_elses.pk}/",
        # A new profile's first step (starting one is a POST).
        client.post("/mijn-bedrijf/nieuw/", follow=True).redirect_chain[-1][0],
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        for method, action, names in forms_on(response.content, url):
            # Logging out or deleting the account would end the test's session.
            if not re.search(r"logout|verwijderen", action):
                fuzz(client, method, action, names)
