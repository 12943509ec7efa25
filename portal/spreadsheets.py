"""Text in CSV and XLSX files that a spreadsheet program would run as a formula.

A cell that starts with =, +, -, @, a tab or a carriage return may be read as a formula by
Excel, LibreOffice or Google Sheets ("CSV injection", as OWASP calls it): a business named
=HYPERLINK("http://evil","x") would become a live link in a member of staff's spreadsheet.
As OWASP advises, such text is written with a single quote in front, which spreadsheet
programs take as "this is text". Only text changes: -5 as a number stays a number, and dates
stay dates.

Every CSV and XLSX file the portal writes goes through `neutralise`: the open-data downloads
(home.open_data), every admin download through Wagtail's SpreadsheetExportMixin
(`quote_admin_downloads`) and the export of businesses (businesses.spreadsheet), whose import
takes the quote off again with `restore`, so an exported file imports unchanged.
"""

import functools

from wagtail.admin.views.mixins import SpreadsheetExportMixin

# OWASP's list, and a line feed: an XLSX file is XML, which reads a carriage return back as a
# line feed, so without it a quoted "\r..." would come back from an XLSX import as "'\n...".
TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n")


def neutralise(value):
    """`value`, with a leading quote if it is text that starts like a formula."""
    if isinstance(value, str) and value.startswith(TRIGGERS):
        return "'" + value
    return value


def restore(value):
    """The text `neutralise` was given: a leading quote before a trigger character goes."""
    if isinstance(value, str) and value.startswith("'") and value[1:].startswith(TRIGGERS):
        return value[1:]
    return value


def quote_admin_downloads():
    """Every admin download made with Wagtail's SpreadsheetExportMixin passes each cell through
    `neutralise`: the portal's own lists and reports, and Wagtail's (site history, workflow
    reports, locked pages), whose rows name businesses that entrepreneurs typed. Wagtail has
    no setting for it, so its method is wrapped once, at start-up (home.apps)."""

    original = SpreadsheetExportMixin.preprocess_field_value
    if getattr(original, "quotes_formulas", False):
        return

    @functools.wraps(original)
    def preprocess_field_value(self, field, value, export_format):
        return neutralise(original(self, field, value, export_format))

    preprocess_field_value.quotes_formulas = True
    SpreadsheetExportMixin.preprocess_field_value = preprocess_field_value
