"""The production static storage must accept every file: collectstatic with hashed names
(WhiteNoise's manifest storage) rewrites each reference in CSS and JS and stops on a missing one,
which would stop a deploy (leaflet.js names its source map, which `make assets` must copy)."""

import io

from django.core.management import call_command
from django.test import override_settings


def test_collectstatic_with_hashed_names_finds_every_referenced_file(tmp_path):
    storages = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
    }
    with override_settings(STATIC_ROOT=tmp_path, STORAGES=storages):
        call_command("collectstatic", "--noinput", stdout=io.StringIO())
    assert (tmp_path / "staticfiles.json").exists()
