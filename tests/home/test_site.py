"""Site-wide behaviour: errors, languages, sitemap, robots.txt, favicon, admin, groups."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client
from wagtail.models import GroupPagePermission, Page

pytestmark = pytest.mark.django_db


def test_unknown_url_gives_the_styled_404(client, demo):
    response = client.get("/bestaat-echt-niet/")
    assert response.status_code == 404
    html = BeautifulSoup(response.content, "html.parser")
    assert html.h1.get_text(strip=True) == "Deze pagina bestaat niet (meer)"
    assert html.select_one(".portal-brand__name").get_text(strip=True) == "Gemeente Utrecht"
    assert html.select_one('main a[href="/"]') is not None


def test_unknown_english_url_gives_the_404_in_english(client, demo):
    response = client.get("/en/does-not-exist/")
    assert response.status_code == 404
    html = BeautifulSoup(response.content, "html.parser")
    assert html.html["lang"] == "en"
    assert html.h1.get_text(strip=True) == "This page does not exist (any more)"


def test_server_error_gives_the_styled_500(demo, settings):
    from django.urls import path

    def broken(request):
        raise RuntimeError("kapot")

    import portal.urls

    settings.ROOT_URLCONF = type(
        "urls", (), {"urlpatterns": [path("kapot/", broken), *portal.urls.urlpatterns]}
    )
    client = Client(raise_request_exception=False)
    response = client.get("/kapot/")
    assert response.status_code == 500
    html = BeautifulSoup(response.content, "html.parser")
    assert html.h1.get_text(strip=True) == "Er ging iets mis"
    assert html.select_one('[lang="en"] h2').get_text(strip=True) == "Something went wrong"
    assert html.select_one('[lang="tr"] a')["href"] == "/tr/"
    assert html.select_one('[lang="ar"][dir="rtl"] a')["href"] == "/ar/"


def test_language_switch_links_to_the_translated_page(client, demo):
    html = BeautifulSoup(client.get("/privacyverklaring/").content, "html.parser")
    switch = html.select_one(".utrecht-alternate-lang-nav")
    assert switch.select_one("a[hreflang=en]")["href"] == "/en/privacy-statement/"
    assert switch.select_one('[aria-current="page"]').get_text(strip=True) == "Nederlands"
    alternates = {link["hreflang"]: link["href"] for link in html.select("link[rel=alternate]")}
    assert alternates["nl"] == "http://testserver/privacyverklaring/"
    assert alternates["en"] == "http://testserver/en/privacy-statement/"
    assert set(alternates) == {"nl", "en", "tr", "ar"}
    back = BeautifulSoup(client.get("/en/privacy-statement/").content, "html.parser")
    assert (
        back.select_one(".utrecht-alternate-lang-nav a[hreflang=nl]")["href"]
        == "/privacyverklaring/"
    )


def test_language_switch_falls_back_to_the_home_page_without_translation(client, home):
    from home.models import StandardPage

    page = StandardPage(title="Alleen Nederlands", slug="alleen-nederlands")
    home.add_child(instance=page)
    page.save_revision().publish()
    html = BeautifulSoup(client.get("/alleen-nederlands/").content, "html.parser")
    assert html.select_one(".utrecht-alternate-lang-nav a[hreflang=en]")["href"] == "/en/"


def test_sitemap_lists_live_pages_in_both_languages(client, demo):
    draft = Page.objects.get(slug="over-dit-portaal").specific
    draft.unpublish()
    body = client.get("/sitemap.xml").content.decode()
    assert "/privacyverklaring/</loc>" in body
    assert "/en/privacy-statement/</loc>" in body
    assert "/over-dit-portaal/</loc>" not in body


def test_robots_txt_points_to_the_sitemap_and_keeps_out_of_admin(client, demo):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Disallow: /admin/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def test_favicon_is_served(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith("/static/favicon.ico")


def test_admin_is_branded_with_the_municipality(client, demo):
    response = client.get("/admin/login/")
    html = BeautifulSoup(response.content, "html.parser")
    assert "Inloggen bij het beheer van Gemeente Utrecht" in html.h1.get_text()
    assert "Gemeente Utrecht" in html.title.get_text()


def test_staff_groups_editors_and_moderators(db):
    editors = Group.objects.get(name="Redacteuren")
    moderators = Group.objects.get(name="Moderatoren")
    assert not Group.objects.filter(name__in=["Editors", "Moderators"]).exists()

    def page_permissions(group):
        return set(
            GroupPagePermission.objects.filter(group=group).values_list(
                "permission__codename", flat=True
            )
        )

    assert {"add_page", "change_page"} <= page_permissions(editors)
    assert "publish_page" not in page_permissions(editors)
    assert {"add_page", "change_page", "publish_page", "lock_page"} <= page_permissions(moderators)
    for group in (editors, moderators):
        codenames = set(group.permissions.values_list("codename", flat=True))
        assert {"access_admin", "add_image", "change_mainmenu", "change_footer"} <= codenames
    assert "change_portalsettings" in set(moderators.permissions.values_list("codename", flat=True))
    # Wagtail's moderation workflow asks the moderators for approval.
    from wagtail.models import GroupApprovalTask

    task = GroupApprovalTask.objects.get()
    assert list(task.groups.all()) == [moderators]


def test_an_editor_can_use_the_admin_but_not_publish(client, demo, django_user_model):
    editor = django_user_model.objects.create_user("redacteur", password="x")
    editor.groups.add(Group.objects.get(name="Redacteuren"))
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200
    home = demo.root_page
    assert home.permissions_for_user(editor).can_edit()
    assert not home.permissions_for_user(editor).can_publish()


def test_no_model_changes_without_migrations():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)
