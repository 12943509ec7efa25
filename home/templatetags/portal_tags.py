from django import template
from django.utils.translation import get_language

from home import sections
from home.models import Footer, MainMenu
from home.navigation import active_locale, for_locale, language_alternates, resolve_links
from portal import page_cache

register = template.Library()


@register.inclusion_tag("home/includes/main_menu.html", takes_context=True)
def main_menu(context):
    request = context["request"]
    # The links are the same on every page (only the current one is marked), so they are kept
    # once per language under the content version, not once per page.
    links = page_cache.cached(
        f"main-menu:{get_language()}:{request.get_host()}", lambda: main_menu_links(request)
    )
    return {"links": links, "current_path": request.path}


def main_menu_links(request):
    locale = active_locale()
    menu = for_locale(MainMenu, locale)
    items = list(menu.items.select_related("link_page")) if menu else []
    return resolve_links(items, request, locale)


@register.inclusion_tag("home/includes/footer.html", takes_context=True)
def footer(context):
    request = context["request"]
    locale = active_locale()
    footer = for_locale(Footer, locale)
    items = list(footer.links.select_related("link_page")) if footer else []
    return {
        "footer": footer,
        "links": resolve_links(items, request, locale),
        "settings": context.get("settings"),
        "request": request,
    }


@register.simple_tag(takes_context=True)
def alternates(context):
    """Usage: {% alternates as languages %} — the page in every language of the site."""
    return language_alternates(context["request"], context.get("page"))


@register.simple_tag(takes_context=True)
def active_filters(context, *names):
    """Usage: {% active_filters "sector" "taal" as active %} — how many values of these query
    parameters the visitor chose, each value once; empty values and "0" count for nothing.

    Read from the query string, so a page in the page cache (keyed on the same parameters) shows
    the same number."""
    data = context["request"].GET
    return sum(
        len({value for value in data.getlist(name) if value.strip() and value != "0"})
        for name in names
    )


@register.simple_tag(takes_context=True)
def page_sections(context, hook_name, page):
    """The sections other apps add to `page` under `hook_name` (home.sections)."""
    return sections.render(hook_name, context["request"], page)
