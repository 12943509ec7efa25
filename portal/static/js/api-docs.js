// Starts Swagger UI on /api/docs (search/api_docs.py) from a file of the portal's own, so the
// page needs no inline script under the site's Content-Security-Policy. The settings (the
// address of the OpenAPI description among them) come from the page's JSON data block.
(function () {
  const settings = JSON.parse(document.getElementById("swagger-settings").textContent);
  settings.dom_id = "#swagger-ui";
  settings.presets = [SwaggerUIBundle.presets.apis];
  SwaggerUIBundle(settings);
})();
