from .base import *  # noqa: F403
from .base import env

SECRET_KEY = env.str("SECRET_KEY", default="test-only-not-secret-lantoa")
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "private": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
}

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file, not memory: background import threads and the browser tests' server share it.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test.sqlite3")}  # noqa: F405

WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# voice: test-only keys and a cheap KDF (like the fast password hasher above).
VOICE_ENCRYPTION_KEYS = env.list("VOICE_ENCRYPTION_KEYS", default=["1:dGVzdC1vbmx5LXZvaWNlLWtleS1ub3Qtc2VjcmV0LTE="])
VOICE_RECEIPT_SALT = env.str("VOICE_RECEIPT_SALT", default="test-only-voice-receipt-salt-not-secret")
VOICE_SCRYPT_N = env.int("VOICE_SCRYPT_N", default=2**8)

PLANS_DASHBOARD_CACHE_SECONDS = 0  # tests read the figures they have just written
ORGS_WORKER_CONTEXT_CACHE_SECONDS = 0
REACH_BUFFER_SIZE = 1  # each view written at once, as the tests count them (reach/tests/test_buffer.py batches)
GENERATION_CHECK_SECONDS = 0  # each test starts with an empty cache, hence a new content generation
LEGAL_INDEX_CHECK_SECONDS = 0  # tests switch VAR_DIR between cases: look for the index on every search
