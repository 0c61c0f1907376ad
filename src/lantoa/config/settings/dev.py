from .base import *  # noqa: F403
from .base import LOGGING, PUBLIC_BASE_URL, STORAGES, env

DEBUG = env.bool("DEBUG", default=True)  # scripts/serve-demo.sh runs the demo with DEBUG off
MEDIA_SERVED_BY_DJANGO = True
SECRET_KEY = env.str("SECRET_KEY", default="dev-only-not-secret-lantoa")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["*"])
# What the task worker prints without a request (posters, talk outlines, certificates): the address the demo serves.
WAGTAILADMIN_BASE_URL = PUBLIC_BASE_URL or f"http://127.0.0.1:{env.int('PORT', default=8000)}"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "private": STORAGES["private"],
}

# voice: development-only keys (production must set its own, see prod.py).
VOICE_ENCRYPTION_KEYS = env.list("VOICE_ENCRYPTION_KEYS", default=["1:ZGV2LW9ubHktdm9pY2Uta2V5LW5vdC1zZWNyZXQtMDE="])
VOICE_RECEIPT_SALT = env.str("VOICE_RECEIPT_SALT", default="dev-only-voice-receipt-salt-not-secret")

LOGGING["handlers"]["console"]["formatter"] = env.str("LOG_FORMAT", default="") or "text"
