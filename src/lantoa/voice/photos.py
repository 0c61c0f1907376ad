"""Photos from workers' phones: size-limited, decoded, re-encoded as JPEG so no EXIF (GPS, camera serial) survives."""

import io
from collections.abc import Sequence
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_SIDE = 1600
MAX_PIXELS = 40_000_000  # refuse decompression bombs before decoding


@dataclass(frozen=True)
class CleanPhoto:
    data: bytes
    width: int
    height: int


def photo_count_check(*, count: int) -> None:
    if count > settings.VOICE_PHOTO_MAX_COUNT:
        raise ValidationError(
            _("Chỉ gửi được tối đa %(count)s ảnh."),
            code="too_many_photos",
            params={"count": settings.VOICE_PHOTO_MAX_COUNT},
        )


def _size_check(upload: UploadedFile) -> None:
    if upload.size > settings.VOICE_PHOTO_MAX_BYTES:
        raise ValidationError(
            _("Ảnh lớn quá %(limit)s MB."),
            code="photo_too_large",
            params={"limit": settings.VOICE_PHOTO_MAX_BYTES // (1024 * 1024)},
        )


def photos_clean(uploads: Sequence[UploadedFile]) -> list[CleanPhoto]:
    """Count and sizes are checked for all uploads before any is decoded: decoding is what costs CPU."""
    photo_count_check(count=len(uploads))
    for upload in uploads:
        _size_check(upload)
    return [photo_clean(upload) for upload in uploads]


def photo_clean(upload: UploadedFile) -> CleanPhoto:
    _size_check(upload)
    try:
        with Image.open(upload) as image:
            if image.width * image.height > MAX_PIXELS:
                raise ValidationError(_("Ảnh có kích thước quá lớn."), code="photo_too_large")
            image.load()
            upright = ImageOps.exif_transpose(image)
            upright = upright.convert("RGB")
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as error:
        raise ValidationError(_("Tệp này không phải là ảnh."), code="photo_invalid") from error
    upright.thumbnail((MAX_SIDE, MAX_SIDE))
    # A fresh image from the pixels alone: no EXIF, XMP, ICC or comment block is copied over.
    clean = Image.new("RGB", upright.size)
    clean.paste(upright)
    buffer = io.BytesIO()
    clean.save(buffer, format="JPEG", quality=80, optimize=True)
    return CleanPhoto(data=buffer.getvalue(), width=clean.width, height=clean.height)
