"""Every interface string has an English translation."""

import re
from pathlib import Path

CATALOGUES = Path(__file__).resolve().parents[2] / "locale"


def untranslated(po_text):
    """msgids whose translation is empty or marked fuzzy (the header entry excluded)."""
    missing = []
    for entry in po_text.split("\n\n"):
        parts = {"msgid": "", "msgstr": ""}
        current = None
        for line in entry.splitlines():
            keyword = re.match(r"^(msgid|msgstr)(?:\[\d\])? ", line)
            if keyword:
                current = keyword.group(1)
                line = line[keyword.end() :]
            elif not line.startswith('"'):
                continue
            if current:
                parts[current] += line.strip()[1:-1]
        if parts["msgid"] and (not parts["msgstr"] or "#, fuzzy" in entry):
            missing.append(parts["msgid"])
    return missing


def test_english_catalogue_is_complete():
    po = (CATALOGUES / "en" / "LC_MESSAGES" / "django.po").read_text(encoding="utf-8")
    assert po.count("msgid ") > 50
    assert untranslated(po) == []


def test_the_completeness_check_finds_gaps():
    po = (
        'msgid "Kop"\nmsgstr ""\n\n'
        '#, fuzzy\nmsgid "Tekst"\nmsgstr "Text"\n\n'
        'msgid "Taal"\nmsgstr "Language"\n'
    )
    assert untranslated(po) == ["Kop", "Tekst"]
