"""Every interface string is translated into English, Turkish and Arabic.

The catalogues are checked as committed, and again after `makemessages` has read the source
once more into a copy of them: a string added to the code but not to the catalogues fails
here, not in front of a reader.
"""

import os
import re
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parents[2]
CATALOGUES = ROOT / "locale"
LANGUAGES = ["en", "tr", "ar"]
# What `makemessages` should not read: tests, installed packages, data, generated files
# (dot-directories such as .venv are never read).
NOT_SOURCE = {
    "tests",
    "test-artefacts",
    "node_modules",
    "var",
    "bench",
    "locale",
    "static_collected",
}


def untranslated(po_text):
    """msgids whose translation, or one of its plural forms, is empty or marked fuzzy (the
    header entry excluded). A long msgstr starts with "" and goes on in the next lines."""
    missing = []
    for entry in po_text.split("\n\n"):
        parts = {}
        current = None
        for line in entry.splitlines():
            keyword = re.match(r"^(msgid|msgstr(\[\d\])?) ", line)
            if keyword:
                current = keyword.group(1)
                line = line[keyword.end() :]
                parts[current] = ""
            elif not line.startswith('"'):
                continue
            if current:
                parts[current] += line.strip()[1:-1]
        translations = [text for key, text in parts.items() if key.startswith("msgstr")]
        if parts.get("msgid") and (
            not translations or not all(translations) or "#, fuzzy" in entry
        ):
            missing.append(parts["msgid"])
    return missing


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_is_complete(language):
    po = (CATALOGUES / language / "LC_MESSAGES" / "django.po").read_text(encoding="utf-8")
    assert po.count("msgid ") > 1000
    assert untranslated(po) == []


def test_every_string_in_the_source_is_in_the_catalogues(tmp_path, settings, monkeypatch):
    # The source seen through links from a scratch directory, beside a copy of the catalogues,
    # so that makemessages writes into the copy and never into the repository.
    for entry in ROOT.iterdir():
        if entry.name not in NOT_SOURCE and not entry.name.startswith("."):
            os.symlink(entry, tmp_path / entry.name)
    shutil.copytree(CATALOGUES, tmp_path / "locale")
    settings.LOCALE_PATHS = [tmp_path / "locale"]
    monkeypatch.chdir(tmp_path)
    call_command("makemessages", locale=LANGUAGES, symlinks=True, no_obsolete=True, verbosity=0)
    for language in LANGUAGES:
        po = (tmp_path / "locale" / language / "LC_MESSAGES" / "django.po").read_text("utf-8")
        assert untranslated(po) == [], f"untranslated in {language}"


def test_the_completeness_check_finds_gaps():
    po = (
        'msgid "Kop"\nmsgstr ""\n\n'
        '#, fuzzy\nmsgid "Tekst"\nmsgstr "Text"\n\n'
        'msgid "Taal"\nmsgstr "Language"\n\n'
        'msgid "%(n)s dag"\nmsgid_plural "%(n)s dagen"\nmsgstr[0] "%(n)s gün"\nmsgstr[1] ""\n'
    )
    assert untranslated(po) == ["Kop", "Tekst", "%(n)s dag"]
