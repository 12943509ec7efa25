"""/api/docs in a browser: Swagger UI, from the portal's own files, shows the operations
under the site's Content-Security-Policy."""

import pytest

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_the_api_documentation_shows_its_operations_without_policy_violations(live_server, page):
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(live_server.url + "/api/docs")
    directory = page.locator(".opblock-summary-path[data-path='/api/directory/']")
    directory.wait_for()
    assert page.locator(".opblock").count() >= 5
    # An operation opens with its parameters.
    directory.click()
    assert page.locator(".parameters-container .parameter__name", has_text="wijk").count() >= 1
    assert page.csp_violations == []
    assert all(url.startswith(live_server.url) for url in requests), requests
