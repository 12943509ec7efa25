"""A moderator opens "Inzicht" in the Wagtail admin: the dashboard with its panels, every
registered report (also filtered on a neighbourhood, and with bad input), and the form to mark
a business as closed. axe-core finds no violations; the charts draw and have their tables."""

import pytest

from tests.conftest import PASSWORD

from .conftest import AXE_JS, AXE_TAGS, admin_log_in, axe_violations

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def axe_violations_in(page, selector):
    """axe on a part of the page only."""
    page.evaluate(AXE_JS.read_text())
    result = page.evaluate(
        "async ([selector, tags]) => await axe.run({include: [[selector]]},"
        " {runOnly: {type: 'tag', values: tags}})",
        [selector, AXE_TAGS],
    )
    return [f"{v['id']}: {v['help']}" for v in result["violations"]]


def test_a_moderator_reads_the_reports(demo_site, page):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from businesses.models import Business
    from home import insight

    moderator = get_user_model().objects.create_user(
        "moderator", email="moderator@gemeente.nl", password=PASSWORD, is_staff=True
    )
    moderator.groups.add(Group.objects.get(name="Moderatoren"))
    admin_log_in(page, demo_site.url, "moderator", PASSWORD)

    found = {}
    assert page.get_by_role("link", name="Naar het rapport Bedrijven").count() == 1
    # Wagtail's own dashboard has two search forms without names (axe: landmark-unique), so
    # there axe checks the Inzicht panels.
    for panel in page.locator("[id^=insight-]").all():
        found[f"dashboard: {panel.get_attribute('id')}"] = axe_violations_in(
            page, f"#{panel.get_attribute('id')}"
        )
    assert len(found) >= 1

    page.goto(demo_site.url + "/admin/inzicht/")
    found["inzicht"] = axe_violations(page)

    reports = insight.reports()
    assert "bedrijven" in [report.slug for report in reports]
    for report in reports:
        response = page.goto(demo_site.url + f"/admin/inzicht/{report.slug}/")
        assert response.status == 200, report.slug
        figures = page.locator("figure.portal-figure")
        assert figures.count() >= 1, report.slug
        for index in range(figures.count()):
            figure = figures.nth(index)
            assert figure.locator("table caption").count() == 1
            chart = figure.locator("svg[role=img]")
            if chart.count():
                # Drawn with a size, named by its title.
                box = chart.bounding_box()
                assert box["width"] > 200 and box["height"] > 50
                assert chart.locator("title").count() == 1
        found[report.slug] = axe_violations(page)

    page.goto(demo_site.url + "/admin/inzicht/bedrijven/?wijk=lombok")
    assert page.get_by_role("heading", name="Sectoren in Lombok").count() == 1
    found["bedrijven in Lombok"] = axe_violations(page)

    page.goto(demo_site.url + "/admin/inzicht/bedrijven/?van=2025-06-01&tot=2025-01-01&wijk=x")
    assert page.get_by_text("De begindatum ligt na de einddatum").count() >= 1
    found["bedrijven, foute keuze"] = axe_violations(page)

    # The filter form works by keyboard: choose a neighbourhood and submit.
    page.goto(demo_site.url + "/admin/inzicht/bedrijven/")
    page.get_by_label("Wijk", exact=True).select_option("zuilen")
    page.get_by_role("button", name="Tonen").press("Enter")
    page.wait_for_url("**wijk=zuilen**")
    assert page.get_by_role("heading", name="Sectoren in Zuilen").count() == 1

    business = Business.objects.filter(live=True).order_by("pk").first()
    page.goto(demo_site.url + f"/admin/snippets/businesses/business/close/{business.pk}/")
    found["markeren als gestopt"] = axe_violations(page)

    assert found == {name: [] for name in found}
