"""The neighbourhood's list: only the first card's photo can be on the first screen, so the others
load lazily; every image says its size, so the page does not jump as they arrive."""

import re


def test_photos_after_the_first_card_load_lazily_and_every_image_has_its_size(client, full_demo):
    html = client.get("/wijken/lombok/").content.decode()
    images = re.findall(r"<img\b[^>]*>", html)
    cards = [image for image in images if "portal-business-card__photo" in image]
    assert len(cards) >= 5
    assert 'loading="lazy"' not in cards[0]
    assert all('loading="lazy"' in card and 'decoding="async"' in card for card in cards[1:])
    for image in images:
        assert re.search(r'\swidth="\d+"', image) and re.search(r'\sheight="\d+"', image), image


def srcset_widths(image):
    srcset = re.search(r'\ssrcset="([^"]*)"', image).group(1)
    return [int(width) for width in re.findall(r" (\d+)w(?:,|$)", srcset)]


def test_card_photos_offer_widths_for_phones_and_wide_screens(client, full_demo):
    """A card is 301px wide on a phone of 375px and 384px on a screen of 1280px: the srcset has
    a width for each at 1x, 2x (and 3x on the phone), and `sizes` says which one to take."""
    html = client.get("/wijken/lombok/").content.decode()
    cards = [i for i in re.findall(r"<img\b[^>]*>", html) if "portal-business-card__photo" in i]
    assert cards
    for card in cards:
        assert srcset_widths(card) == [320, 480, 640, 800, 960]
        sizes = re.search(r'\ssizes="([^"]*)"', card).group(1)
        assert sizes.startswith("(min-width: 74em) 384px,") and sizes.endswith("calc(100vw - 74px)")


def test_a_photo_smaller_than_the_widths_names_each_width_once(client, full_demo):
    """Wagtail does not enlarge a photo, so a small one gives several renditions of its own
    width; a srcset may name a width only once."""
    from django.core.files.base import ContentFile
    from wagtail.images import get_image_model

    from businesses.models import BusinessPhoto
    from tests.helpers import image_bytes

    photo = (
        BusinessPhoto.objects.filter(business__neighbourhood__slug="lombok", business__live=True)
        .order_by("business__name", "business__pk", "sort_order")
        .first()
    )
    small = get_image_model().objects.create(
        title="Klein", file=ContentFile(image_bytes(size=(400, 267)), name="klein-etalage.jpg")
    )
    photo.image = small
    photo.save()
    html = client.get("/wijken/lombok/").content.decode()
    (card,) = [i for i in re.findall(r"<img\b[^>]*>", html) if "klein-etalage" in i]
    assert srcset_widths(card) == [320, 400]
