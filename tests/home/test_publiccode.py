"""publiccode.yml describes the software: standard v0.4, the licence of pyproject.toml, Dutch and
English descriptions within the standard's lengths, and this installation's repository and
contact, as a crawler reads it at /publiccode.yml. (No YAML parser is a dependency of the
portal, so the few keys checked here are read line by line.)"""

import re
import tomllib
from pathlib import Path

import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parents[2]
REPOSITORY = "https://code.utrecht.example/ondernemersportaal.git"


@pytest.fixture
def installation(settings):
    settings.PUBLICCODE_URL = REPOSITORY
    settings.PUBLICCODE_CONTACT_NAME = 'Team "Ondernemen in de wijk"'
    settings.PUBLICCODE_CONTACT_EMAIL = "ondernemen@gemeente.example"


@pytest.fixture
def text(client, installation):
    response = client.get("/publiccode.yml")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/yaml; charset=utf-8"
    return response.content.decode()


def folded(text, language, key):
    """The text of a folded block (`key: >` or `>-`) under description.<language>."""
    section = text.split(f"\n  {language}:\n", 1)[1]
    lines = section.split(f"\n    {key}: >", 1)[1].split("\n")[1:]
    block = []
    for line in lines:
        if line.strip() and not line.startswith("      "):
            break
        block.append(line.strip())
    return re.sub(r"\s+", " ", " ".join(block)).strip()


def test_version_licence_and_languages(text):
    assert re.search(r'^publiccodeYmlVersion: "0\.4"$', text, re.M)
    licence = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["license"]
    assert re.search(rf"^  license: {re.escape(licence)}$", text, re.M)
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
        assert re.search(rf"^{key}:", text, re.M), key
    for language in ("nl", "en"):
        assert len(folded(text, language, "shortDescription")) <= 150
        assert 150 <= len(folded(text, language, "longDescription")) <= 10_000


def test_features_fit_the_standard(text):
    features = re.findall(r"^      - (.+)$", text, re.M)
    assert len(features) >= 10
    assert all(len(feature) <= 100 for feature in features)


def test_the_installation_names_its_repository_and_contact(text):
    assert f'\nurl: "{REPOSITORY}"\n' in text
    assert '    - name: "Team \\u0022Ondernemen in de wijk\\u0022"\n' in text
    assert '      email: "ondernemen@gemeente.example"\n' in text
    assert "{%" not in text and "{{" not in text


@pytest.mark.django_db
def test_without_a_repository_there_is_no_made_up_one(client, settings):
    settings.PUBLICCODE_URL = ""
    assert client.get("/publiccode.yml").status_code == 404


def test_the_command_writes_the_same_file(client, installation, tmp_path):
    out = tmp_path / "publiccode.yml"
    with out.open("w") as file:
        call_command("publiccode", stdout=file)
    assert out.read_text() == client.get("/publiccode.yml").content.decode()
