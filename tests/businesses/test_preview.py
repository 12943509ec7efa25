"""Staff preview a profile an owner submitted: from the dashboard and beside the edit form."""

from bs4 import BeautifulSoup
from django.urls import reverse

from tests.helpers import form_values, submitted_business


def test_the_dashboards_preview_link_shows_the_submitted_profile(owner, lombok, moderator_client):
    business = submitted_business(owner, lombok)
    dashboard = BeautifulSoup(moderator_client.get("/admin/").content, "html.parser")
    links = [a["href"] for a in dashboard.select("a[href*='/preview/']")]
    assert links, "the dashboard offers no preview of the submitted profile"

    response = moderator_client.get(links[0])

    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    assert page.h1.get_text(strip=True) == business.name
    assert "Vers brood en baklava" in page.get_text()


def test_the_live_preview_may_be_framed_by_the_admin_only(owner, lombok, moderator_client):
    business = submitted_business(owner, lombok)
    edit_url = reverse("wagtailsnippets_businesses_business:edit", args=[business.pk])
    preview_url = reverse("wagtailsnippets_businesses_business:preview_on_edit", args=[business.pk])
    values = form_values(moderator_client.get(edit_url).content, "form[data-edit-form]")
    values["name"] = ["Bakkerij Anatolië en Zonen"]

    posted = moderator_client.post(preview_url, values)
    assert posted.json()["is_valid"], posted.json()
    response = moderator_client.get(preview_url)

    assert response.status_code == 200
    assert "Bakkerij Anatolië en Zonen" in response.content.decode()
    assert "frame-ancestors 'self'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    # The public page itself may still not be framed by anyone.
    public = moderator_client.get(business.get_url())
    assert "frame-ancestors 'none'" in public["Content-Security-Policy"]
    assert public["X-Frame-Options"] == "DENY"


def test_the_work_waiting_for_staff_comes_before_the_statistics(owner, lombok, moderator_client):
    business = submitted_business(owner, lombok)
    dashboard = BeautifulSoup(moderator_client.get("/admin/").content, "html.parser")
    panels = [
        section.get("id") or section.get_text(" ", strip=True)[:40]
        for section in dashboard.select("main section.w-panel, main .w-panel")
    ]
    waiting = next(
        i for i, s in enumerate(dashboard.select("main .w-panel")) if business.name in s.text
    )
    statistics = [i for i, panel in enumerate(panels) if str(panel).startswith("insight-")]
    assert statistics, panels
    assert waiting < min(statistics), panels
