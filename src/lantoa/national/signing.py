"""Ed25519 signatures over a canonical JSON form: a province signs its return, the national side verifies it."""

import base64
import json
from typing import Any

import nacl.exceptions
import nacl.signing


def canonical(payload: dict[str, Any]) -> bytes:
    return json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def key_pair_new() -> tuple[str, str]:
    """(private seed, public key), both base64: the seed goes in NATIONAL_SIGNING_KEY, the public key to the national body."""
    key = nacl.signing.SigningKey.generate()
    return base64.b64encode(bytes(key)).decode(), base64.b64encode(bytes(key.verify_key)).decode()


def public_key_of(seed: str) -> str:
    return base64.b64encode(bytes(nacl.signing.SigningKey(base64.b64decode(seed)).verify_key)).decode()


def sign(payload: dict[str, Any], *, seed: str) -> str:
    signed = nacl.signing.SigningKey(base64.b64decode(seed)).sign(canonical(payload))
    return base64.b64encode(signed.signature).decode()


def is_valid(payload: dict[str, Any], *, signature: str, public_key: str) -> bool:
    try:
        verify_key = nacl.signing.VerifyKey(base64.b64decode(public_key, validate=True))
        verify_key.verify(canonical(payload), base64.b64decode(signature, validate=True))
    except (nacl.exceptions.BadSignatureError, nacl.exceptions.ValueError, nacl.exceptions.TypeError, ValueError):
        return False
    return True
