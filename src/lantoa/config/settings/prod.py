from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import MEDIA_ROOT, STORAGES, env


def _required(name: str) -> str:
    value = env.str(name, default="")
    if not value:
        raise ImproperlyConfigured(f"Set the {name} environment variable for production.")
    return value


SECRET_KEY = _required("SECRET_KEY")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[]) or [_required("ALLOWED_HOSTS")]
_required("DATABASE_URL")
PUBLIC_BASE_URL = _required("PUBLIC_BASE_URL").rstrip("/")
WAGTAILADMIN_BASE_URL = PUBLIC_BASE_URL

# Several app servers (gunicorn workers, hosts) must share import progress, rate limits, login throttling and
# dashboard caches: a per-process cache silently breaks all of them, so production does not start without Redis.
if not env.str("REDIS_URL", default=""):
    raise ImproperlyConfigured(
        "Set REDIS_URL (e.g. redis://127.0.0.1:6379/0): production needs a cache shared by every app server "
        "(rate limits, login throttling, import progress). See docs/operations.md."
    )

# Media (see docs/operations.md): MEDIA_ROOT and PRIVATE_MEDIA_ROOT sit on one volume shared by every app server
# (the same mount on each host). nginx serves MEDIA_ROOT under /media/; the private storage is handed out only by
# access-checked views, so it must never lie inside MEDIA_ROOT, where nginx would serve it to anyone.
_private_root = Path(STORAGES["private"]["OPTIONS"]["location"]).resolve()
if _private_root.is_relative_to(Path(MEDIA_ROOT).resolve()):
    raise ImproperlyConfigured(f"PRIVATE_MEDIA_ROOT ({_private_root}) must not lie inside MEDIA_ROOT ({MEDIA_ROOT}).")

DEBUG = False
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

# voice: no default keys here. lantoa.voice.crypto refuses to encrypt or hash receipts until
# VOICE_ENCRYPTION_KEYS and VOICE_RECEIPT_SALT are set (checked at use, so `check --deploy` runs without them).
