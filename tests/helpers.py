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
