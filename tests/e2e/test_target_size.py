"""Links that stand alone below the programme list are targets of at least 24 by 24 px
(WCAG 2.2, 2.5.8 "target size"; Lighthouse's target-size measured the calendar link 17 px high)."""

import pytest

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_the_calendar_and_archive_links_are_big_enough_to_hit(demo_site, page):
    page.set_viewport_size({"width": 375, "height": 667})
    page.goto(demo_site.url + "/programmas/")
    for name in (
        "Zet deze data in je agenda (iCalendar)",
        "Bekijk verlopen programma's in het archief",
    ):
        box = page.get_by_role("link", name=name).bounding_box()
        assert box["height"] >= 24 and box["width"] >= 24, (name, box)
