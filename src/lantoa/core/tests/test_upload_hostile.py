"""Hostile files for every photo upload (worker report photos, event photos): refused in Vietnamese, never decoded
when their header already says they are too large. Imports: orgs and legal `test_import_hostile.py`."""

import io
import struct
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageFile

from lantoa.activities.services.events import photo_shrink
from lantoa.voice.photos import photo_clean


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def pixel_bomb(side: int = 12_000) -> bytes:
    """A 1 KB PNG whose header claims 144 million pixels: below Pillow's own bomb error, so only our check stops it."""
    header = struct.pack(">IIBBBBB", side, side, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(b"\0" * 4096))
        + _chunk(b"IEND", b"")
    )


def jpeg(size: tuple[int, int] = (40, 30)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (10, 120, 40)).save(buffer, format="JPEG")
    return buffer.getvalue()


HOSTILE = {
    "pixel_bomb": pixel_bomb(),
    "truncated_jpeg": jpeg((400, 300))[:300],
    "svg_with_script": b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    "html_named_jpg": b"<!doctype html><title>x</title><script>alert(1)</script>",
    "empty": b"",
    "zip_named_jpg": b"PK\x03\x04" + b"\0" * 100,
}


def voice(data: bytes) -> object:
    return photo_clean(SimpleUploadedFile("anh.jpg", data, content_type="image/jpeg"))


@pytest.fixture
def no_decoding(monkeypatch):
    """Decoding pixels of a bomb would cost gigabytes: fail loudly if anyone starts."""
    real = ImageFile.ImageFile.load

    def guarded(image):
        if image.size[0] * image.size[1] > 50_000_000:
            raise AssertionError("a pixel bomb was decoded")
        return real(image)

    monkeypatch.setattr(ImageFile.ImageFile, "load", guarded)


@pytest.mark.parametrize("upload", [voice, photo_shrink], ids=["voice_photo", "event_photo"])
@pytest.mark.parametrize("name", list(HOSTILE))
def test_a_hostile_photo_is_refused_in_vietnamese_without_decoding(upload, name, no_decoding):
    with pytest.raises(ValidationError) as error:
        upload(HOSTILE[name])
    assert error.value.code is not None and error.value.code.startswith("photo_")
    assert "ảnh" in " ".join(error.value.messages).lower()


@pytest.mark.parametrize("upload", [voice, photo_shrink], ids=["voice_photo", "event_photo"])
def test_a_real_photo_still_passes(upload):
    assert upload(jpeg())
