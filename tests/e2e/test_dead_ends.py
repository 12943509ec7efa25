"""No dead ends (issue 17), as a visitor walks it, in Dutch and Arabic at 375 and 1280 px: a typo
gets "Bedoelde je …?" and its link finds the shop; a search whose filters find nothing keeps
them, shows what it finds without the narrowest one and leads there; and the visitor can tell
the municipality who is missing, which staff then read. Each page passes axe."""

import pytest

from search.models import SearchFeedback
from tests.e2e.conftest import axe_violations, save_screenshot

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

WIDTHS = (375, 1280)


def test_no_dead_ends(demo_site, page):
    found = {}
    for language in ("nl", "ar"):
        prefix = "" if language == "nl" else f"/{language}"
        directory = f"{demo_site.url}{prefix}/ondernemers/"
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 900})
            name = f"{language}-{width}"

            # A typo finds the shop anyway, and the page says how it is spelled.
            page.goto(directory + "?q=piekarna")
            proposal = page.locator(".portal-did-you-mean a")
            assert proposal.inner_text() == "piekarnia"
            found[f"bedoelde-je-{name}"] = axe_violations(page)
            save_screenshot(page, f"bedoelde-je-{name}")
            proposal.click()
            page.wait_for_url("**q=piekarnia**")
            assert "Bakkerij Piekarnia" in page.locator(".portal-directory-card").first.inner_text()
            assert page.locator(".portal-did-you-mean").count() == 0

            # Bakeries in Lombok where Polish is spoken: none. The filters stay chosen, and the
            # page shows what it finds without one of them.
            page.goto(directory + "?q=bakkerij&wijk=lombok&taal=pl")
            assert page.locator(".portal-directory__results > .portal-directory-list").count() == 0
            assert page.locator("input[name=wijk][value=lombok]:checked").count() == 1
            assert page.locator("input[name=taal][value=pl]:checked").count() == 1
            nearest = page.locator(".portal-nearest .portal-directory-card")
            shown = nearest.count()
            assert shown > 0
            found[f"zonder-filter-{name}"] = axe_violations(page)
            save_screenshot(page, f"zonder-filter-{name}")
            page.locator(".portal-nearest a.portal-target-link").click()
            page.wait_for_url("**#resultaten")
            assert page.locator(".portal-directory-card").count() >= shown

        # Nothing at all: tell the municipality who is missing.
        page.set_viewport_size({"width": 375, "height": 900})
        page.goto(directory + "?q=zbigniew")
        page.locator("#id_comment").fill(f"Fietsen Ali, Kanaalstraat ({language})")
        page.wait_for_timeout(3200)  # a person takes a moment; faster posts look like spam
        page.locator(".portal-feedback button[value='0']").click()
        page.wait_for_load_state()
        save_screenshot(page, f"mis-je-een-ondernemer-{language}")
        assert SearchFeedback.objects.filter(
            comment=f"Fietsen Ali, Kanaalstraat ({language})", found=False
        ).exists()
    assert found == {name: [] for name in found}
