"""What people search for, counted per normalised query per day, for staff to add synonyms.

`record` runs for every search of the directory (`/ondernemers/`) and of the site
(`/zoeken/`) with text, on its first page: one upsert of a `QueryDayCount` row (the query in
lower case with its spaces collapsed, cut to 100 characters; where; the one neighbourhood
filtered on, if any; searched once more; found nothing or not). Nothing about the visitor is
kept, and text that looks like an e-mail address or a phone number is not kept at all. A page
the page cache answers counts too (`portal.page_cache.count_every_view`); obvious crawlers do
not. Once a day the first search deletes the counts older than KEEP_DAYS (13 months: a year
to compare with, and the month before it).
"""

import re
from datetime import timedelta

from django.core.cache import cache
from django.utils import timezone

from portal.counting import counts_as_visit, delete_before, increment
from portal.page_cache import count_every_view
from search.models import QueryDayCount

MAX_LENGTH = 100
KEEP_DAYS = 400  # a little over 13 months
# An e-mail address, or a phone number (seven or more digits, perhaps with spaces or dashes).
PERSONAL = re.compile(r"\S@\S|\d(?:[\s\-.]?\d){6,}")


def normalise(text):
    return " ".join((text or "").lower().split())[:MAX_LENGTH].strip()


def record(request, kind, text, neighbourhood, found):
    """Count one search (run by the view, or by the page cache for a stored page)."""
    if not counts_as_visit(request):
        return
    query = normalise(text)
    if not query or PERSONAL.search(query):
        return
    today = timezone.localdate()
    increment(
        QueryDayCount,
        {"day": today, "kind": kind, "neighbourhood": neighbourhood[:60], "query": query},
        searches=1,
        empty=0 if found else 1,
    )
    forget_old(today)


def forget_old(today):
    """Delete the counts older than KEEP_DAYS, once a day (the cache says who does it)."""
    if cache.add(f"search-queries-pruned:{today.isoformat()}", True, timeout=2 * 86400):
        delete_before(QueryDayCount, "day", today - timedelta(days=KEEP_DAYS))


def counted(request, response, kind, text, neighbourhood="", found=True, first_page=True):
    """The response, with its search counted now and at every answer from the page cache.
    Only the first page counts: browsing on through the results is the same search."""
    if not first_page or not text:
        return response
    return count_every_view(request, response, record, kind, text, neighbourhood, bool(found))
