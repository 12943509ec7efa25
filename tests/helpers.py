"""Small helpers the tests share."""

import io
import time

from django.core import signing

from home.forms import SALT


def started(seconds_ago=10):
    """The signed timestamp of a spam-protected form opened `seconds_ago` seconds ago."""
    return signing.dumps(time.time() - seconds_ago, salt=SALT)


def image_bytes(size=(64, 48), image_format="JPEG", exif=None, mode="RGB"):
    from PIL import Image

    buffer = io.BytesIO()
    options = {"exif": exif} if exif is not None else {}
    Image.new(mode, size, "orange").save(buffer, format=image_format, **options)
    return buffer.getvalue()
