"""Wagtail's live preview shows a page of the site in a frame of the admin.

The site forbids every frame (`frame-ancestors 'none'`, X-Frame-Options DENY) against
clickjacking; a preview is rendered for staff only, inside the admin on the same site, so it may
be framed by the site itself. Placed after CSPMiddleware and XFrameOptionsMiddleware, so that they
see what this sets.
"""

from csp.constants import SELF


class PreviewFrameMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(request, "is_preview", False):
            response._csp_replace = {"frame-ancestors": [SELF]}
            response["X-Frame-Options"] = "SAMEORIGIN"
        return response
