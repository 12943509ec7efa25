"""Photos from the public are judged by their content, limited in size and pixels, and cleaned."""

import io
import struct
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from home.uploads import clean_photo
from tests.helpers import image_bytes


def upload(content, name="foto.jpg", content_type="image/jpeg"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def rejection(content, name="foto.jpg"):
    with pytest.raises(ValidationError) as error:
        clean_photo(upload(content, name))
    return error.value.code, " ".join(error.value.messages)


def png_header_only(width, height):
    """A tiny PNG that claims to be width × height: a decompression bomb's calling card."""

    def chunk(kind, data):
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0" * 64))
        + chunk(b"IEND", b"")
    )


@pytest.mark.parametrize("image_format", ["JPEG", "PNG", "WEBP"])
def test_jpeg_png_and_webp_are_accepted(image_format):
    cleaned = clean_photo(upload(image_bytes(image_format=image_format), name="foto.bin"))
    assert Image.open(io.BytesIO(cleaned.read())).format == image_format


def test_a_php_file_named_jpg_is_refused():
    code, message = rejection(b"<?php system($_GET['cmd']); ?>", name="shell.jpg")
    assert code == "not_an_image"
    assert "geen foto" in message


def test_code_hidden_after_a_real_photo_is_dropped():
    polyglot = image_bytes() + b"<?php system($_GET['cmd']); ?>"
    cleaned = clean_photo(upload(polyglot, name="foto.php.jpg")).read()
    assert b"<?php" not in cleaned
    assert Image.open(io.BytesIO(cleaned)).size == (64, 48)


def test_other_image_types_are_refused_by_name():
    code, message = rejection(image_bytes(image_format="GIF", mode="P"), name="foto.jpg")
    assert code == "wrong_type"
    assert "GIF" in message and "JPEG, PNG of WebP" in message


def test_photos_over_10_mb_are_refused():
    code, message = rejection(image_bytes() + b"\0" * (10 * 1024 * 1024))
    assert code == "too_large"
    assert "10 MB" in message


def test_photos_over_40_megapixels_are_refused():
    code, message = rejection(
        image_bytes(size=(8000, 5001), image_format="PNG", mode="1"), name="groot.png"
    )
    assert code == "too_many_pixels"
    assert "40 megapixels" in message


def test_a_decompression_bomb_is_refused_without_decoding_it():
    code, message = rejection(png_header_only(100_000, 100_000), name="bom.png")
    assert code == "too_many_pixels"
    assert "40 megapixels" in message


def test_exif_with_gps_position_is_removed():
    exif = Image.Exif()
    exif[0x010F] = "Telefoonmaker"  # camera make
    exif[0x8825] = {1: "N", 2: (52.0, 5.0, 30.0), 3: "E", 4: (5.0, 6.0, 12.0)}  # GPS
    original = image_bytes(exif=exif.tobytes())
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(0x8825)
    cleaned = Image.open(io.BytesIO(clean_photo(upload(original)).read()))
    assert not cleaned.getexif()
    assert "exif" not in cleaned.info


def test_sideways_photos_are_turned_upright():
    exif = Image.Exif()
    exif[0x0112] = 6  # orientation: rotated 90°
    cleaned = Image.open(
        io.BytesIO(clean_photo(upload(image_bytes(size=(64, 48), exif=exif.tobytes()))).read())
    )
    assert cleaned.size == (48, 64)
