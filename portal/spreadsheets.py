"""Text in CSV and XLSX files that a spreadsheet program would run as a formula.

A cell that starts with =, +, -, @, a tab or a carriage return may be read as a formula by
Excel, LibreOffice or Google Sheets ("CSV injection", as OWASP calls it): a business named
=HYPERLINK("http://evil","x") would become a live link in a member of staff's spreadsheet.
As OWASP advises, such text is written with a single quote in front, which spreadsheet
programs take as "this is text". Only text changes: -5 as a number stays a number, and dates
stay dates.

Every CSV and XLSX file the portal writes goes through `neutralise`: the open-data downloads
(home.open_data), the admin's downloads through Wagtail's SpreadsheetExportMixin (with
`SafeSpreadsheetExportMixin`) and the export of businesses (businesses.spreadsheet), whose
import takes the quote off again with `restore`, so an exported file imports unchanged.
"""

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


class SafeSpreadsheetExportMixin:
    """For admin views with Wagtail's SpreadsheetExportMixin (`list_export`): every cell of
    their CSV and XLSX downloads passes through `neutralise`. Put it before the view class."""

    def preprocess_field_value(self, field, value, export_format):
        return neutralise(super().preprocess_field_value(field, value, export_format))
