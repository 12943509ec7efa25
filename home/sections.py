"""Sections that the apps above home add to pages whose templates belong to a lower app: the
home page ("home_page_sections") and a neighbourhood page ("neighbourhood_page_sections"). So
home's and businesses' templates name no app above them (docs/architecture.md).

An app registers a function with Wagtail's hooks, in its wagtail_hooks.py:

    @hooks.register("home_page_sections")
    def featured_programmes(request, page):
        return render_to_string("...", {...}, request=request)  # HTML, or "" for nothing

and the page's template says where they go: `{% page_sections "home_page_sections" page %}`
(home's portal_tags), each in the order registered.
"""

from django.utils.safestring import mark_safe
from wagtail import hooks


def render(hook_name, request, page):
    return mark_safe("".join(section(request, page) for section in hooks.get_hooks(hook_name)))  # noqa: S308 (the sections render templates)
