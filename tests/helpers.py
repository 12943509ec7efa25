"""Small helpers the tests share."""

import io
import time

from home.forms import form_token


def started(seconds_ago=10):
    """The token of a spam-protected form opened `seconds_ago` seconds ago (a new one each
    call: a token posts once)."""
    return form_token(time.time() - seconds_ago)


def image_bytes(size=(64, 48), image_format="JPEG", exif=None, mode="RGB"):
    from PIL import Image

    buffer = io.BytesIO()
    options = {"exif": exif} if exif is not None else {}
    Image.new(mode, size, "orange").save(buffer, format=image_format, **options)
    return buffer.getvalue()


def download_my_data(client):
    """'Download mijn gegevens' as the person gets it: (the JSON, {name: bytes} of the ZIP)."""
    import json
    import zipfile

    from django.urls import reverse

    response = client.post(reverse("account_download_data"))
    assert response["Content-Type"] == "application/zip", response["Content-Type"]
    assert "attachment" in response["Content-Disposition"]
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    return json.loads(files.pop("mijn-gegevens.json")), files


def url_patterns(patterns=None, prefix="", groups=0):
    """Every URL pattern of the site as (route, number of parameters, pattern), including
    those inside includes."""
    from django.urls import URLResolver, get_resolver

    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        count = groups + pattern.pattern.regex.groups
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from url_patterns(pattern.url_patterns, route, count)
        else:
            yield route, count, pattern


def form_values(html, selector="form"):
    """What a browser would post from the form in `html`, as it stands: a dict of lists."""
    from bs4 import BeautifulSoup

    form = BeautifulSoup(html, "html.parser").select_one(selector)
    values = {}
    for field in form.select("input[name], select[name], textarea[name]"):
        name, kind = field["name"], field.get("type", "text")
        if field.name == "textarea":
            value = [field.text]
        elif field.name == "select":
            value = [o.get("value", o.text) for o in field.select("option[selected]")]
        elif kind in ("checkbox", "radio"):
            value = [field.get("value", "on")] if field.has_attr("checked") else []
        elif kind in ("submit", "button", "file"):
            continue
        else:
            value = [field.get("value", "")]
        values.setdefault(name, []).extend(value)
    return values
