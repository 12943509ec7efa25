"""Photos uploaded by the public: checked by their content and cleaned before they are kept.

A file is accepted when Pillow recognises it as JPEG, PNG or WebP (whatever its name says), it
is at most 10 MB and 40 megapixels, and it decodes. It is then drawn again from its pixels, so
EXIF data (GPS position, camera, owner) and anything hidden after the image data is gone, and
named with a random token.
"""

import io
import secrets
import warnings

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

ALLOWED_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
MAX_BYTES = 10 * 1024 * 1024
MAX_PIXELS = getattr(settings, "WAGTAILIMAGES_MAX_IMAGE_PIXELS", 40_000_000)


def clean_photo(upload):
    """Return a ContentFile with the cleaned image, or raise ValidationError saying why not."""
    if upload.size > MAX_BYTES:
        raise ValidationError(
            _("Deze foto is %(size)s MB. Een foto mag hoogstens 10 MB zijn."),
            code="too_large",
            params={"size": f"{upload.size / 1024 / 1024:.1f}"},
        )
    upload.seek(0)
    data = upload.read()
    try:
        with warnings.catch_warnings():
            # Pillow warns about large images; we check the pixel count ourselves, before decoding.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            image_format = image.format
            width, height = image.size
            if width * height > MAX_PIXELS:
                raise ValidationError(
                    _("Deze foto heeft %(megapixels)s megapixels. Hoogstens 40 megapixels mag."),
                    code="too_many_pixels",
                    params={"megapixels": f"{width * height / 1_000_000:.0f}"},
                )
            if image_format not in ALLOWED_FORMATS:
                raise ValidationError(
                    _("Dit is een %(format)s-bestand. Kies een foto in JPEG, PNG of WebP."),
                    code="wrong_type",
                    params={"format": image_format or "?"},
                )
            image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        # Pillow refuses images far beyond its own limit before we can read their size.
        raise ValidationError(
            _("Deze foto heeft veel te veel pixels. Hoogstens 40 megapixels mag."),
            code="too_many_pixels",
        ) from exc
    except (UnidentifiedImageError, OSError, SyntaxError) as exc:
        raise ValidationError(
            _(
                "Dit bestand is geen foto die we kunnen lezen. Kies een JPEG-, PNG- of WebP-bestand."
            ),
            code="not_an_image",
        ) from exc

    # Turn the photo upright (EXIF orientation), then save only the pixels: no metadata.
    image = ImageOps.exif_transpose(image)
    if image.mode == "P":
        image = image.convert("RGBA")
    if image_format == "JPEG" and image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    clean = Image.new(image.mode, image.size)
    clean.paste(image)
    output = io.BytesIO()
    options = {"quality": 88} if image_format in ("JPEG", "WEBP") else {"optimize": True}
    clean.save(output, format=image_format, **options)
    # A name nobody can guess: until a moderator publishes it, the photo is seen only by its
    # owner and staff, and media files are served without asking who wants them.
    name = f"{secrets.token_hex(16)}.{ALLOWED_FORMATS[image_format]}"
    return ContentFile(output.getvalue(), name=name)
