from django import template

from programmes.sessions import describe

register = template.Library()


@register.simple_tag
def next_session(programme):
    """The programme's nearest session to come, in words (programmes.sessions.describe), or
    None. Reads programme.sessions.all(): lists prefetch them."""
    upcoming = programme.upcoming_sessions()
    return describe(upcoming[0]) if upcoming else None
