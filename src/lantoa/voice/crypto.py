"""Secrets of the voice channel: encryption at rest, receipt codes and their hashes, signed acknowledgements.

Receipt code: 20 characters from a 32-sign alphabet without look-alikes (5 bits each), read aloud in five groups
of four (`K7PA-3MXQ-…`). The first two groups are the *lookup id* (40 bits, not secret on its own); the last three
are the *secret* (60 bits). The database keeps
- `receipt_lookup` = HMAC-SHA256(site salt, lookup id): an indexed column, so a receipt finds its report with one
  query; the HMAC keeps a leaked database from matching a printed card to a row without the site salt;
- `receipt_hash` = scrypt(secret, salt = site salt + lookup id): slow, so even with the database and the salt,
  guessing one secret costs 2^59 scrypt runs on average.
Neither part is ever stored in clear, so a lost receipt cannot be recovered.

A client idempotency key (offline sending) derives the receipt together with the payload: HMAC(site salt, key +
payload digest) → code. A retry with the same key and the same payload gets the same receipt back, although the server
never stored it; the same key with another payload derives another receipt, which does not match the stored hash, so
the first report's receipt can never be obtained by replaying its key. The key stays on the phone only.
"""

import base64
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from functools import cache

import nacl.exceptions
import nacl.secret
from django.conf import settings
from django.core import signing
from django.core.exceptions import ImproperlyConfigured

RECEIPT_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # 32 signs, 5 bits each; no 0/O or 1/I to confuse
RECEIPT_GROUPS = 5
GROUP_SIZE = 4
LOOKUP_CHARS = 8
_TRANSLATE = str.maketrans({"-": None, " ": None, ".": None})
ACK_SALT = "lantoa.voice.ack"
_VERSION_PREFIX = b"v"
Blob = bytes | memoryview  # a BinaryField as read: bytes on SQLite, memoryview on PostgreSQL


class DecryptionError(Exception):
    """A ciphertext that no configured key opens (wrong key set, or tampered data)."""


@dataclass(frozen=True)
class Receipt:
    code: str  # shown once to the worker, never stored

    @property
    def lookup_id(self) -> str:
        return self.code.replace("-", "")[:LOOKUP_CHARS]

    @property
    def secret(self) -> str:
        return self.code.replace("-", "")[LOOKUP_CHARS:]


def _salt() -> bytes:
    salt = settings.VOICE_RECEIPT_SALT
    if len(salt) < 16:
        raise ImproperlyConfigured("Set VOICE_RECEIPT_SALT (32+ random characters) to accept worker reports.")
    return salt.encode()


@cache
def _keys_parsed(raw: tuple[str, ...]) -> tuple[int, dict[int, nacl.secret.SecretBox]]:
    boxes = {}
    for item in raw:
        ident, _sep, encoded = item.partition(":")
        key = base64.b64decode(encoded)
        if not ident.isdigit() or len(key) != nacl.secret.SecretBox.KEY_SIZE:
            raise ImproperlyConfigured("VOICE_ENCRYPTION_KEYS items look like '1:<base64 of 32 bytes>'.")
        boxes[int(ident)] = nacl.secret.SecretBox(key)
    if not boxes:
        raise ImproperlyConfigured("Set VOICE_ENCRYPTION_KEYS to store worker reports encrypted.")
    if max(boxes) > 255:
        raise ImproperlyConfigured("VOICE_ENCRYPTION_KEYS ids go from 1 to 255.")
    return max(boxes), boxes


def _keys() -> tuple[int, dict[int, nacl.secret.SecretBox]]:
    return _keys_parsed(tuple(settings.VOICE_ENCRYPTION_KEYS))


def current_key_id() -> int:
    return _keys()[0]


def encrypt(data: bytes) -> bytes:
    """`v` + key id byte + nonce + ciphertext (XSalsa20-Poly1305)."""
    key_id, boxes = _keys()
    return _VERSION_PREFIX + bytes([key_id]) + bytes(boxes[key_id].encrypt(data))


def decrypt(stored: Blob) -> bytes:
    blob = bytes(stored)
    if not blob.startswith(_VERSION_PREFIX) or len(blob) < 2:
        raise DecryptionError("not a voice ciphertext")
    box = _keys()[1].get(blob[1])
    if box is None:
        raise DecryptionError(f"key {blob[1]} is not configured")
    try:
        return box.decrypt(blob[2:])
    except nacl.exceptions.CryptoError as error:
        raise DecryptionError("ciphertext does not open") from error


def key_id_of(blob: Blob) -> int:
    return bytes(blob)[1]


def encrypt_text(text: str) -> bytes:
    return encrypt(text.encode())


def decrypt_text(blob: Blob | None) -> str:
    return decrypt(blob).decode() if blob else ""


def _group(raw: str) -> str:
    return "-".join(raw[i : i + GROUP_SIZE] for i in range(0, len(raw), GROUP_SIZE))


def _code_from_bytes(data: bytes) -> str:
    number = int.from_bytes(data, "big")
    chars = []
    for _position in range(RECEIPT_GROUPS * GROUP_SIZE):
        number, index = divmod(number, len(RECEIPT_ALPHABET))
        chars.append(RECEIPT_ALPHABET[index])
    return _group("".join(chars))


def receipt_new() -> Receipt:
    return Receipt(code=_code_from_bytes(secrets.token_bytes(16)))


def receipt_for_key(idempotency_key: str, payload_digest: str) -> Receipt:
    """The receipt a client's idempotency key and payload stand for: an exact retry gets the same code back."""
    message = f"receipt:{idempotency_key}\x00{payload_digest}".encode()
    digest = hmac.new(_salt(), message, hashlib.sha256).digest()
    return Receipt(code=_code_from_bytes(digest[:16]))


def receipt_parse(text: str) -> Receipt | None:
    """A typed or spoken receipt, forgiving case, spaces and dashes; None when it cannot be one."""
    raw = (text or "").upper().translate(_TRANSLATE)
    if len(raw) != RECEIPT_GROUPS * GROUP_SIZE or any(ch not in RECEIPT_ALPHABET for ch in raw):
        return None
    return Receipt(code=_group(raw))


def receipt_lookup(receipt: Receipt) -> str:
    return hmac.new(_salt(), b"lookup:" + receipt.lookup_id.encode(), hashlib.sha256).hexdigest()


def _scrypt(receipt: Receipt, n: int) -> str:
    salt = _salt() + receipt.lookup_id.encode()
    return hashlib.scrypt(receipt.secret.encode(), salt=salt, n=n, r=8, p=1, maxmem=64 * 1024 * 1024, dklen=32).hex()


def receipt_hash(receipt: Receipt) -> str:
    return f"scrypt${settings.VOICE_SCRYPT_N}${_scrypt(receipt, settings.VOICE_SCRYPT_N)}"


def receipt_matches(receipt: Receipt, stored: str | None) -> bool:
    """Whether `receipt` opens the row whose hash is `stored`. With no row (`None`) the same scrypt runs against a
    dummy, so a lookup id that exists and one that does not cost the same time."""
    n, expected = settings.VOICE_SCRYPT_N, "0" * 64
    if stored:
        try:
            _scheme, cost, expected = stored.split("$")
            n = int(cost)
        except ValueError:
            stored = None
    try:
        digest = _scrypt(receipt, n)
    except ValueError:
        return False
    return hmac.compare_digest(digest, expected) and stored is not None


def idempotency_digest(key: str) -> str:
    return hmac.new(_salt(), b"idempotency:" + key.encode(), hashlib.sha256).hexdigest()


def keyed_digest(purpose: str, value: str) -> str:
    """A keyed hash for short-lived or per-device tokens (rate buckets, survey tokens)."""
    return hmac.new(settings.SECRET_KEY.encode(), f"{purpose}:{value}".encode(), hashlib.sha256).hexdigest()


def ack_sign(payload: dict[str, str]) -> str:
    """A server-signed acknowledgement: proof of a report that names the report's facts, never the worker."""
    return signing.dumps(payload, salt=ACK_SALT, compress=True)


def ack_verify(token: str) -> dict[str, str] | None:
    try:
        return signing.loads(token.strip(), salt=ACK_SALT)
    except signing.BadSignature:
        return None
