"""The preview picture of a clarification (1200×630 PNG, what Zalo and Facebook show beside a shared link).

Drawn with Pillow in a font with Vietnamese glyphs (DejaVu Sans, installed with the fonts-dejavu package);
without it Pillow's own font is used, which may lack some tone marks.
"""

import hashlib
import io
import textwrap

from django.core.cache import cache
from PIL import Image, ImageDraw, ImageFont

from lantoa.opinion.models import Clarification

WIDTH, HEIGHT = 1200, 630
FONT_PATH = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
BOLD_PATH = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
VERDICT_COLOURS: dict[str, tuple[int, int, int]] = {
    Clarification.Verdict.TRUE: (21, 128, 61),
    Clarification.Verdict.FALSE: (185, 28, 28),
    Clarification.Verdict.PARTLY: (180, 83, 9),
    Clarification.Verdict.UNFOUNDED: (71, 85, 105),
}


def _font(path: str, size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    try:
        return ImageFont.truetype(path, size)
    except OSError:
        return ImageFont.load_default(size=size)


def wrapped(text: str, *, width: int, lines: int) -> list[str]:
    """At most `lines` lines of about `width` characters; text that does not fit ends in "…", so none looks whole."""
    return textwrap.wrap(text, width=width, max_lines=lines, placeholder=" …")


def _draw(clarification: Clarification) -> bytes:
    image = Image.new("RGB", (WIDTH, HEIGHT), (255, 255, 255))
    draw = ImageDraw.Draw(image)
    colour = VERDICT_COLOURS.get(clarification.verdict, (71, 85, 105))
    draw.rectangle((0, 0, WIDTH, 120), fill=colour)
    draw.text((60, 30), clarification.get_verdict_display().upper(), font=_font(BOLD_PATH, 60), fill=(255, 255, 255))
    y = 160
    for line in wrapped(f"“{clarification.claim}”", width=40, lines=3):
        draw.text((60, y), line, font=_font(BOLD_PATH, 44), fill=(15, 23, 42))
        y += 58
    y += 20
    for line in wrapped(clarification.truth, width=62, lines=4):
        draw.text((60, y), line, font=_font(FONT_PATH, 30), fill=(51, 65, 85))
        y += 42
    draw.text((60, HEIGHT - 70), "Lan Tỏa · Thông tin chính thức", font=_font(BOLD_PATH, 30), fill=colour)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def share_png(clarification: Clarification) -> bytes:
    """The picture, drawn once per wording (a correction draws a new one) and per drawing (the "2:" in the key)."""
    wording = f"{clarification.verdict}|{clarification.claim}|{clarification.truth}"
    key = "opinion:share:2:" + hashlib.sha256(wording.encode()).hexdigest()[:32]
    png = cache.get(key)
    if png is None:
        png = _draw(clarification)
        cache.set(key, png, timeout=7 * 24 * 3600)
    return bytes(png)
