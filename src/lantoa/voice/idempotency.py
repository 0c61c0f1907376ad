"""Client idempotency keys for anonymous submissions (a report, a claim) sent by a phone's offline outbox.

The phone draws a key when the form opens and sends it with every try. The receipt derives from the key and the
payload (`crypto.receipt_for_key`), so a retry of the same payload gets the first receipt back although the server
never stored it, and the same key with another payload is refused: replaying a key never reveals a receipt.
Only a keyed hash of the key is stored (`idempotency_hash`, unique), so two racing tries store one row.
"""

import hashlib
import hmac
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar, cast

from django.core.exceptions import ValidationError
from django.db.models import Model, QuerySet
from django.utils.translation import gettext as _

from lantoa.voice import crypto

KEY_FORMAT = re.compile(r"^[A-Za-z0-9_-]{16,100}$")
Row = TypeVar("Row", bound=Model)


class ReceiptColumns(Protocol):
    """What `stored_under` reads of a row besides being a model: the receipt's lookup and hash."""

    receipt_lookup: str
    receipt_hash: str


class IdempotencyConflict(ValidationError):
    """The idempotency key was already used for another payload: the first receipt is never handed out."""


@dataclass(frozen=True)
class Keyed:
    digest: str  # what `idempotency_hash` stores
    receipt: crypto.Receipt  # the receipt this key and payload stand for


def payload_digest(parts: Sequence[str | bytes]) -> str:
    """What a retry must repeat exactly (each part length-prefixed, so the parts cannot run into each other)."""
    digest = hashlib.sha256()
    for part in parts:
        encoded = part.encode() if isinstance(part, str) else part
        digest.update(len(encoded).to_bytes(4, "big") + encoded)
    return digest.hexdigest()


def keyed(idempotency_key: str, *, payload: Sequence[str | bytes]) -> Keyed | None:
    """The key's digest and receipt for this payload; None without a key. A malformed key is refused."""
    if not idempotency_key:
        return None
    if not KEY_FORMAT.match(idempotency_key):
        raise ValidationError(_("Mã gửi lại không hợp lệ."), code="idempotency_key_invalid")
    return Keyed(
        digest=crypto.idempotency_digest(idempotency_key),
        receipt=crypto.receipt_for_key(idempotency_key, payload_digest(payload)),
    )


def stored_under(rows: QuerySet[Row], key: Keyed, *, conflict: str) -> Row | None:
    """The row already stored under this key, if its receipt is this payload's; `conflict` (the message) is raised
    when the key was used for another payload. `rows` have `idempotency_hash`, `receipt_lookup`, `receipt_hash`."""
    existing = rows.filter(idempotency_hash=key.digest).first()
    if existing is None:
        return None
    stored = cast(ReceiptColumns, existing)  # a type variable cannot be bound to a model and a protocol at once
    same_lookup = hmac.compare_digest(stored.receipt_lookup, crypto.receipt_lookup(key.receipt))
    if not crypto.receipt_matches(key.receipt, stored.receipt_hash) or not same_lookup:
        raise IdempotencyConflict(conflict, code="idempotency_conflict")
    return existing
