"""Demo pictures drawn with Pillow: deterministic (seeded), made by the project itself."""

import io
import random

from PIL import Image, ImageDraw

# Warm shopfront colours and awning stripes; no photos of real people or places.
FACADE_COLOURS = ["#b8553a", "#d9a441", "#5b7f6e", "#8c5a7d", "#c96f4a", "#4f6d8f", "#e0c7a0"]
AWNING_COLOURS = ["#c62828", "#1b5e20", "#0d47a1", "#f9a825", "#6a1b9a", "#00838f"]


def _png(image):
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def _jpeg(image):
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=85)
    return buffer.getvalue()


def street_scene(seed, width=1600, height=1000):
    """A row of small shops under a sky, as JPEG bytes."""
    rng = random.Random(seed)
    image = Image.new("RGB", (width, height), "#cfe3f2")
    draw = ImageDraw.Draw(image)
    for y in range(height // 2):  # sky gradient
        shade = 242 - y * 50 // (height // 2)
        draw.line([(0, y), (width, y)], fill=(200, 225, shade))
    ground = int(height * 0.82)
    draw.rectangle([0, ground, width, height], fill="#9e9e9e")
    draw.rectangle([0, ground, width, ground + 12], fill="#757575")
    x = 0
    while x < width:
        w = rng.randint(180, 300)
        top = rng.randint(int(height * 0.12), int(height * 0.35))
        draw.rectangle([x, top, x + w, ground], fill=rng.choice(FACADE_COLOURS), outline="#3e2723")
        for row in range(top + 30, ground - 320, 110):  # upstairs windows
            for col in range(x + 25, x + w - 60, 80):
                draw.rectangle([col, row, col + 45, row + 70], fill="#fff8e1", outline="#3e2723")
        shop_top = ground - 230
        draw.rectangle(
            [x + 15, shop_top + 60, x + w - 15, ground - 8],
            fill="#e3f2fd",
            outline="#263238",
            width=3,
        )
        awning = rng.choice(AWNING_COLOURS)
        stripes = 6
        for i in range(stripes):
            sx = x + 5 + i * (w - 10) // stripes
            ex = x + 5 + (i + 1) * (w - 10) // stripes
            draw.polygon(
                [(sx, shop_top), (ex, shop_top), (ex + 8, shop_top + 55), (sx + 8, shop_top + 55)],
                fill=awning if i % 2 == 0 else "#fafafa",
            )
        door = x + w // 2 - 25
        draw.rectangle([door, ground - 150, door + 50, ground - 8], fill="#4e342e")
        for _ in range(rng.randint(2, 5)):  # goods in the window
            gx = rng.randint(x + 25, x + w - 55)
            gy = rng.randint(shop_top + 90, ground - 60)
            draw.ellipse([gx, gy, gx + 28, gy + 28], fill=rng.choice(AWNING_COLOURS))
        x += w
    return _jpeg(image)


def municipality_logo(size=256):
    """A plain emblem (not any real municipality's logo), as PNG bytes."""
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle([0, 0, size - 1, size - 1], radius=size // 8, fill="#c62828")
    m = size // 5
    draw.polygon([(m, size // 2), (size // 2, m), (size - m, size // 2)], fill="#ffffff")
    draw.rectangle([m + m // 2, size // 2, size - m - m // 2, size - m], fill="#ffffff")
    draw.rectangle([size // 2 - m // 3, size - m - m, size // 2 + m // 3, size - m], fill="#c62828")
    return _png(image)


def shopfront(seed, name, width=960, height=640):
    """One shop seen from across the street, its name on the sign, as JPEG bytes."""
    from anyascii import anyascii  # Pillow's built-in font has no ı, ş, ğ, ...
    from PIL import ImageFont

    rng = random.Random(seed)
    image = Image.new("RGB", (width, height), rng.choice(FACADE_COLOURS))
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, int(height * 0.86), width, height], fill="#9e9e9e")
    for col in range(60, width - 100, 170):  # upstairs windows
        draw.rectangle([col, 30, col + 90, 150], fill="#fff8e1", outline="#3e2723", width=4)
    sign_top, sign_bottom = 190, 270
    draw.rectangle(
        [40, sign_top, width - 40, sign_bottom], fill="#fafafa", outline="#263238", width=4
    )
    font = ImageFont.load_default(size=46)
    text = anyascii(name)
    text = text if len(text) <= 30 else text[:29] + "..."
    box = draw.textbbox((0, 0), text, font=font)
    draw.text(((width - (box[2] - box[0])) / 2, sign_top + 14), text, fill="#212121", font=font)
    awning = rng.choice(AWNING_COLOURS)
    for i in range(10):
        x0 = 40 + i * (width - 80) // 10
        x1 = 40 + (i + 1) * (width - 80) // 10
        draw.polygon(
            [
                (x0, sign_bottom),
                (x1, sign_bottom),
                (x1 + 10, sign_bottom + 60),
                (x0 + 10, sign_bottom + 60),
            ],
            fill=awning if i % 2 == 0 else "#fafafa",
        )
    window_top, ground = sign_bottom + 70, int(height * 0.86)
    draw.rectangle(
        [60, window_top, width - 260, ground - 10], fill="#e3f2fd", outline="#263238", width=5
    )
    draw.rectangle(
        [width - 220, window_top, width - 80, ground - 4],
        fill="#5d4037",
        outline="#263238",
        width=5,
    )
    for _ in range(rng.randint(4, 9)):  # goods in the window
        gx, gy = rng.randint(80, width - 330), rng.randint(window_top + 30, ground - 60)
        size = rng.randint(24, 48)
        draw.ellipse(
            [gx, gy, gx + size, gy + size], fill=rng.choice(AWNING_COLOURS + FACADE_COLOURS)
        )
    return _jpeg(image)
