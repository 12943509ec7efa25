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
