"""The CSV downloads of the open data: one streaming response per dataset, the same format for
all of them (UTF-8, RFC 4180, a header row, the licence in the HTTP headers).

Apart from the registry and the paging (home.open_data) because it is the one part that writes a
file format, with its own rules for cells (spreadsheet formulas, lists, yes/no); the endpoints
(home.open_data.endpoints) call it.
"""

import csv
import numbers

from django.http import StreamingHttpResponse
from django.utils import timezone

from home.open_data import LICENCE_ID, LICENCE_URL, LIST_SEPARATOR
from portal.spreadsheets import neutralise


class _Echo:
    """A file that hands back what is written: csv.writer then yields each line."""

    def write(self, value):
        return value


def cell(value):
    """One CSV cell. Text that a spreadsheet program would run as a formula starts with a
    quote (portal.spreadsheets); numbers are written as they are, so -5 stays a number."""
    if isinstance(value, numbers.Number) and not isinstance(value, bool):
        return str(value)
    return neutralise(as_text(value))


def as_text(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        return LIST_SEPARATOR.join(as_text(item) for item in value)
    return str(value)


def csv_response(key, columns, rows):
    """A streaming CSV download: a header row with `columns`, then each dict of `rows` (an
    iterator, read while the file is sent). UTF-8, comma-separated, RFC 4180 quoting; lists
    are joined with "; "; yes/no as true/false; empty for unknown."""

    def lines():
        # Sent in pieces of about 64 KB, not a write per row: 100,000 small writes would cost
        # the server more than making the rows.
        writer = csv.writer(_Echo(), lineterminator="\r\n")
        piece = [writer.writerow(columns)]
        size = 0
        for row in rows:
            line = writer.writerow([cell(row.get(column)) for column in columns])
            piece.append(line)
            size += len(line)
            if size >= 65536:
                yield "".join(piece)
                piece, size = [], 0
        yield "".join(piece)

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    today = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="{key}-{today}.csv"'
    response["Link"] = f'<{LICENCE_URL}>; rel="license"'
    response["X-License"] = f"{LICENCE_ID} {LICENCE_URL}"
    return response


def csv_openapi(description):
    """openapi_extra for a CSV endpoint: its answer is text/csv, not JSON."""
    return {
        "responses": {
            200: {
                "description": description,
                "content": {"text/csv": {"schema": {"type": "string"}}},
            },
            400: {"description": "Onjuiste invoer: de uitleg staat in de tekst van het antwoord."},
        }
    }
