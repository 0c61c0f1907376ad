from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env


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
