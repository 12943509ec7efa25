"""/api/docs: Swagger UI from the portal's own static files, under the site's
Content-Security-Policy.

django-ninja's Swagger page loads Swagger UI from a CDN (without integrity hashes) and starts it
with an inline script, so it had to be left out of the policy. Here Swagger UI comes from npm
(swagger-ui-dist, copied by scripts/build-assets.mjs into static/vendor/swagger-ui/) and a
static file of our own starts it (static/js/api-docs.js), with its settings in a JSON data
block that never runs.
"""

from django.shortcuts import render
from ninja import Swagger


class PortalSwagger(Swagger):
    default_settings = {
        **Swagger.default_settings,
        # The public validator badge would send the description to validator.swagger.io.
        "validatorUrl": None,
    }

    def render_page(self, request, api, **kwargs):
        settings = {**self.settings, "url": self.get_openapi_url(api, kwargs)}
        context = {"api": api, "swagger_settings": settings, "openapi_url": settings["url"]}
        return render(request, "home/api_docs.html", context)
