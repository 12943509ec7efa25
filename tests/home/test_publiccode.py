"""publiccode.yml describes the software: standard v0.4, the licence of pyproject.toml, Dutch and
English descriptions within the standard's lengths. (No YAML parser is a dependency of the
portal, so the few keys checked here are read line by line.)"""

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TEXT = (ROOT / "publiccode.yml").read_text(encoding="utf-8")


def folded(language, key):
    """The text of a folded block (`key: >` or `>-`) under description.<language>."""
    section = TEXT.split(f"\n  {language}:\n", 1)[1]
    lines = section.split(f"\n    {key}: >", 1)[1].split("\n")[1:]
    block = []
    for line in lines:
        if line.strip() and not line.startswith("      "):
            break
        block.append(line.strip())
    return re.sub(r"\s+", " ", " ".join(block)).strip()


def test_version_licence_and_languages():
    assert re.search(r'^publiccodeYmlVersion: "0\.4"$', TEXT, re.M)
    licence = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["license"]
    assert re.search(rf"^  license: {re.escape(licence)}$", TEXT, re.M)
    for key in (
        "name",
        "url",
        "platforms",
        "developmentStatus",
        "softwareType",
        "description",
        "legal",
        "maintenance",
        "localisation",
        "dependsOn",
    ):
        assert re.search(rf"^{key}:", TEXT, re.M), key
    for language in ("nl", "en"):
        assert len(folded(language, "shortDescription")) <= 150
        assert 150 <= len(folded(language, "longDescription")) <= 10_000


def test_features_fit_the_standard():
    features = re.findall(r"^      - (.+)$", TEXT, re.M)
    assert len(features) >= 10
    assert all(len(feature) <= 100 for feature in features)
