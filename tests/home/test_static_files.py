"""The production static storage must accept every file: collectstatic with hashed names
(WhiteNoise's manifest storage) rewrites each reference in CSS and JS and stops on a missing one,
which would stop a deploy (leaflet.js names its source map, which `make assets` must copy;
Swagger UI's CSS named one too, which `make assets` strips)."""

import io
import re

from django.core.management import call_command
from django.test import override_settings


def test_collectstatic_with_hashed_names_finds_every_referenced_file(tmp_path, client, db):
    storages = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
    }
    with override_settings(STATIC_ROOT=tmp_path, STORAGES=storages):
        call_command("collectstatic", "--noinput", stdout=io.StringIO())
        # /api/docs finds Swagger UI and its starter under their hashed names.
        html = client.get("/api/docs").content.decode()
    assert (tmp_path / "staticfiles.json").exists()
    names = re.findall(r'(?:src|href)="/static/([^"]+)"', html)
    assert any(re.fullmatch(r"vendor/swagger-ui/swagger-ui-bundle\.\w{12}\.js", n) for n in names)
    assert all((tmp_path / name).exists() for name in names), names


def test_map_pages_name_leaflets_marker_images_by_their_hashed_names(tmp_path, client, full_demo):
    """Leaflet guesses its marker images' folder from leaflet.css's url(images/marker-icon.png);
    under hashed names that guess misses (a 404 for every pin), so the map element carries the
    images' real URLs, which map.js hands to Leaflet."""
    storages = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    with override_settings(STATIC_ROOT=tmp_path, STORAGES=storages):
        call_command("collectstatic", "--noinput", stdout=io.StringIO())
        html = client.get("/wijken/lombok/").content.decode()
    images = dict(
        re.findall(r'data-(marker-icon|marker-icon-2x|marker-shadow)="/static/([^"]+)"', html)
    )
    assert set(images) == {"marker-icon", "marker-icon-2x", "marker-shadow"}, html[:200]
    for kind, name in images.items():
        assert re.fullmatch(rf"vendor/leaflet/images/{kind}\.\w{{12}}\.png", name)
        assert (tmp_path / name).exists()
    assert "L.Icon.Default.mergeOptions" in (tmp_path / "js/map.js").read_text()
