"""/api/docs: Swagger UI from the portal's own static files, under the site's CSP."""

import json

from bs4 import BeautifulSoup
from django.contrib.staticfiles import finders


def directives(policy):
    return {
        name: values
        for name, *values in (part.split() for part in policy.split(";") if part.strip())
    }


def test_api_docs_run_under_the_sites_content_security_policy(client):
    response = client.get("/api/docs")
    assert response.status_code == 200
    policy = directives(response["Content-Security-Policy"])
    assert policy["script-src"] == ["'self'"]
    html = BeautifulSoup(response.content, "html.parser")
    # No script that runs inline: only files, and the settings as a JSON data block.
    inline = [s for s in html.find_all("script") if not s.get("src")]
    assert [s.get("type") for s in inline] == ["application/json"]
    assert json.loads(inline[0].string)["url"] == "/api/openapi.json"
    # Every file from this site, none from a CDN, and each one there.
    files = [tag.get("src") or tag.get("href") for tag in html.find_all(["script", "link"])]
    files = [name for name in files if name]
    assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in files
    assert "/static/vendor/swagger-ui/swagger-ui.css" in files
    assert "/static/js/api-docs.js" in files
    for name in files:
        assert name.startswith("/static/"), name
        assert finders.find(name.removeprefix("/static/")), f"{name}: run `make assets`"
    assert "//" not in response.content.decode()  # no address of another site
    assert client.get("/api/openapi.json").status_code == 200
