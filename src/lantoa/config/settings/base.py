"""Every setting lives here and reads what varies from the environment (12-factor).

dev.py, test.py and prod.py only change defaults for their context.
"""

from datetime import timedelta
from pathlib import Path
from typing import Any

import environ
from django.utils.translation import gettext_lazy as _

PACKAGE_DIR = Path(__file__).resolve().parents[2]
BASE_DIR = PACKAGE_DIR.parents[1]

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env.str("SECRET_KEY", default="")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

# --- Public address -------------------------------------------------------------------------------
# The address workers' phones reach the site at: every absolute link, QR code, share link, document
# and mail is built from it by lantoa.core.links. Empty in the demo: links take the visitor's host,
# and what has no request (mail, commands) uses the demo server's address. Required in production.
PUBLIC_BASE_URL = env.str("PUBLIC_BASE_URL", default="").rstrip("/")
WAGTAILADMIN_BASE_URL = PUBLIC_BASE_URL or "http://127.0.0.1:8000"
# ---------------------------------------------------------------------------------------------------

# --- The province this installation serves (docs/provinces.md) ---
# Its code among the 34 provinces since 01/07/2025 (vietnam-provinces): units, wage regions, routing.
PROVINCE_CODE = env.int("PROVINCE_CODE", default=91)  # the new An Giang, the demo
# Its plan as a data file (plans/data/provincial_plan.toml, the An Giang plan, when empty).
PROVINCIAL_PLAN_FILE = env.str("PROVINCIAL_PLAN_FILE", default="")
# The private Ed25519 seed (base64) this province signs its national returns with (manage.py national_keygen).
NATIONAL_SIGNING_KEY = env.str("NATIONAL_SIGNING_KEY", default="")
# ---

VAR_DIR = Path(env.str("VAR_DIR", default=str(BASE_DIR / "var")))

INSTALLED_APPS = [
    "lantoa.core",
    "lantoa.orgs",
    "lantoa.content",
    "lantoa.legal",
    "lantoa.calculators",
    "lantoa.learning",
    "lantoa.voice",
    "lantoa.opinion",
    "lantoa.activities",
    "lantoa.reach",
    "lantoa.plans",
    "lantoa.national",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_htmx",
    "template_partials",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.gzip.GZipMiddleware",
    # before the session and auth layers, so a cached lesson (content.caching, inserted below) skips them
    "lantoa.orgs.middleware.WorkerContextMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "lantoa.core.slashes.CommonMiddleware",  # Django's, with a 308 for a POST to a path without its slash
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "lantoa.config.urls"
WSGI_APPLICATION = "lantoa.config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "lantoa.orgs.context_processors.worker_context",
            ],
        },
    },
]

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'lantoa.sqlite3'}")}
# Mail (reminders): smtp+tls://user:password@host:587 in production; the demo prints mail to the console.
vars().update(env.email_url("EMAIL_URL", default="consolemail://"))
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Lan Tỏa <no-reply@lantoa.invalid>")
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    # WAL lets a long import write while pages keep reading; IMMEDIATE avoids "database is locked" on upgrade.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
else:
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_USER_MODEL = "orgs.User"
LOGIN_URL = "orgs:login"
WAGTAILADMIN_LOGIN_URL = LOGIN_URL
LOGIN_REDIRECT_URL = "orgs:office-home"
LOGOUT_REDIRECT_URL = "core:home"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 8}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

LANGUAGE_CODE = "vi"
# Vietnamese is the source language; a language is listed only once it has a catalog in locale/.
LANGUAGES = [("vi", _("Tiếng Việt"))]
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# The second folder corrects strings of Wagtail's own Vietnamese catalog (see its django.po).
LOCALE_PATHS = [PACKAGE_DIR / "locale", PACKAGE_DIR / "locale_overrides"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = True
DATE_FORMAT = "d/m/Y"
SHORT_DATE_FORMAT = "d/m/Y"
DATETIME_FORMAT = "d/m/Y H:i"
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(VAR_DIR / "media")))
MEDIA_SERVED_BY_DJANGO = False  # the demo's runserver serves MEDIA_ROOT itself (settings.dev), also with DEBUG off
STORAGES: dict[str, dict[str, Any]] = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    # files only an access-checked view may hand out (uploaded imports, generated reports): never under MEDIA_URL
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": env.str("PRIVATE_MEDIA_ROOT", default=str(VAR_DIR / "private")), "base_url": None},
    },
}
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
CSRF_FAILURE_VIEW = "lantoa.core.views.csrf_failure"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

WAGTAIL_SITE_NAME = "Lan Tỏa"
WAGTAIL_I18N_ENABLED = False
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

# Logs: JSON lines (time, level, logger, message, request_id) on stderr for journald; LOG_FORMAT=text for a person.
LOGGING: dict[str, Any] = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "lantoa.core.logs.RequestIdFilter"}},
    # Each line is masked as a whole once written (receipts, in a traceback too): voice.privacy, below.
    "formatters": {
        "json": {"()": "lantoa.voice.privacy.PrivateJsonFormatter"},
        "text": {
            "()": "lantoa.voice.privacy.PrivateTextFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s",
        },
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": env.str("LOG_FORMAT", default="") or "json",
            "filters": ["request_id"],
        }
    },
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {"django.server": {"level": "WARNING"}},
}

# Legal (lantoa.legal): the search index is built by the task `legal.tasks.index_build` (after `legal_import`,
# `legal_handbook`, an amendment edited or a FAQ published; `manage.py legal_index`) and published in
# LEGAL_INDEX_DIR, which every app server must read: with several app servers, a shared volume (NFS or the like).
LEGAL_INDEX_DIR = env.str("LEGAL_INDEX_DIR", default="")  # empty: VAR_DIR/legal/index
# LEGAL_INDEX_CHECK_SECONDS: how often a process looks for a newly published index version (a stat of one file).
LEGAL_INDEX_CHECK_SECONDS = env.float("LEGAL_INDEX_CHECK_SECONDS", default=3.0)
# LEGAL_SYNONYMS_PATH: an edited everyday-word dictionary (format of retrieval/data/synonyms.txt); empty = shipped one.
LEGAL_SYNONYMS_PATH = env.str("LEGAL_SYNONYMS_PATH", default="")
# LEGAL_DEMO_DIR: folder of law files `load_demo` imports (default: ../shared/legal beside the repository, if present).
LEGAL_DEMO_DIR = env.str("LEGAL_DEMO_DIR", default="")

# --- security: client addresses (lantoa.core.clients) ---
# TRUSTED_PROXIES: IPs/CIDRs of our own reverse proxies, comma-separated; only their X-Forwarded-For entries count.
# Empty (the default): the address is the connecting one and X-Forwarded-For is ignored.
TRUSTED_PROXIES = env.list("TRUSTED_PROXIES", default=[])

# --- voice: anonymous reports (see docs/voice.md) ---
# SecretBox keys for report texts and photos, "id:base64key" comma-separated; the highest id encrypts.
VOICE_ENCRYPTION_KEYS = env.list("VOICE_ENCRYPTION_KEYS", default=[])
# Per-site salt for the receipt KDF and key for the receipt lookup HMAC (32+ random characters).
VOICE_RECEIPT_SALT = env.str("VOICE_RECEIPT_SALT", default="")
# scrypt cost for receipts: n=2**14, r=8 costs ~16 MB and tens of milliseconds per check.
VOICE_SCRYPT_N = env.int("VOICE_SCRYPT_N", default=2**14)
# Anonymous writes per network address per window, by scope, over the defaults in lantoa.core.ratelimit:
# RATE_LIMITS="report=30/600,survey=20/3600" (requests/seconds; hashed buckets in the cache, kept one window).
RATE_LIMITS = {
    scope.strip(): tuple(int(part) for part in rule.split("/"))
    for scope, _sep, rule in (item.partition("=") for item in env.list("RATE_LIMITS", default=[]))
}
VOICE_PHOTO_MAX_BYTES = env.int("VOICE_PHOTO_MAX_BYTES", default=5 * 1024 * 1024)
VOICE_PHOTO_MAX_COUNT = env.int("VOICE_PHOTO_MAX_COUNT", default=3)
# Closed cases (and their texts, photos, messages) are deleted this many days after closing.
VOICE_RETENTION_DAYS = env.int("VOICE_RETENTION_DAYS", default=365)
MIDDLEWARE.insert(0, "lantoa.voice.privacy.VoicePrivacyMiddleware")
LOGGING.setdefault("filters", {})["voice_private"] = {"()": "lantoa.voice.privacy.VoicePrivacyLogFilter"}
LOGGING["handlers"]["console"].setdefault("filters", []).append("voice_private")
# Also on the loggers that quote request paths, so any handler (mail, Sentry, tests) gets the scrubbed record. A
# logger's filters see only what is logged to it by name, not what its children pass up: each child is listed.
for _logger in ("django.request", "django.server", "django.security", "django.security.csrf", "ninja"):
    LOGGING["loggers"].setdefault(_logger, {}).setdefault("filters", []).append("voice_private")
# Django's own handlers (DEFAULT_LOGGING: a plain console line with DEBUG on, mail to ADMINS with DEBUG off) stay on
# the `django` logger unless it is configured: without them every django.* line reaches only our console handler.
LOGGING["loggers"]["django"] = {"handlers": [], "level": "INFO", "propagate": True}
LOGGING["loggers"]["django.server"].update(handlers=[], propagate=True)  # runserver's 4xx/5xx lines, as JSON too

# activities: the QR check-in code on the organiser's phone changes every this many seconds
# (a scan stays valid for two windows, so a worker who scans just before the change is still counted).
ACTIVITIES_CHECKIN_ROTATE_SECONDS = env.int("ACTIVITIES_CHECKIN_ROTATE_SECONDS", default=120)

# orgs: seconds a worker's enterprise (from the /e/<code> cookie) is kept in the cache (how long a rename takes to show)
ORGS_WORKER_CONTEXT_CACHE_SECONDS = env.int("ORGS_WORKER_CONTEXT_CACHE_SECONDS", default=60)

# content: seconds an anonymous lesson page stays in the cache, and how often a process reads the content
# generation (bumped by every publication) from the shared cache: other servers serve a new version that late
CONTENT_PAGE_CACHE_SECONDS = env.int("CONTENT_PAGE_CACHE_SECONDS", default=300)
GENERATION_CHECK_SECONDS = env.float("GENERATION_CHECK_SECONDS", default=2.0)
MIDDLEWARE.insert(
    MIDDLEWARE.index("lantoa.orgs.middleware.WorkerContextMiddleware") + 1,
    "lantoa.content.caching.CachedPageMiddleware",
)

# reach: a random device id cookie (lt_rd) counts a worker reached once a quarter per enterprise, anonymously
MIDDLEWARE.insert(
    MIDDLEWARE.index("lantoa.orgs.middleware.WorkerContextMiddleware") + 1,
    "lantoa.reach.middleware.ReachDeviceMiddleware",
)

# plans: seconds a dashboard may show a source's counts from the cache (reports always count afresh)
# reach: raw page-view events are deleted this many days after the roll-ups counted them (docs/reach.md)
REACH_EVENT_RETENTION_DAYS = env.int("REACH_EVENT_RETENTION_DAYS", default=90)
# reach: a process writes its page views in batches of this many, or after this many seconds (reach/buffer.py)
REACH_BUFFER_SIZE = env.int("REACH_BUFFER_SIZE", default=50)
REACH_BUFFER_SECONDS = env.float("REACH_BUFFER_SECONDS", default=1.0)
PLANS_DASHBOARD_CACHE_SECONDS = env.int("PLANS_DASHBOARD_CACHE_SECONDS", default=60)
# plans: WeasyPrint (PDF exports) logs every layout step at INFO; keep its progress out of the logs.
LOGGING["loggers"].update({"weasyprint": {"level": "WARNING"}, "fontTools": {"level": "WARNING"}})

# --- site security: login throttling (django-axes) ---
INSTALLED_APPS.append("axes")
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "lantoa.core.security.AccountLockBackend",
    "django.contrib.auth.backends.ModelBackend",
]
MIDDLEWARE.append("axes.middleware.AxesMiddleware")
# Counted in the cache (Redis when set, so every app server shares the count): no addresses kept in the database.
AXES_HANDLER = "axes.handlers.cache.AxesCacheHandler"
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]  # `manage.py unlock_login <phone> --address …` lifts it sooner
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "lantoa.core.security.lockout_response"
AXES_CLIENT_IP_CALLABLE = "lantoa.core.clients.client_address"
AXES_CLIENT_STR_CALLABLE = "lantoa.core.security.client_str"
# Per account (core.security): this many failures for one phone number from any address within the window stop
# password sign-in for that number for LOGIN_ACCOUNT_LOCK_MINUTES (`manage.py unlock_login` lifts it sooner).
LOGIN_ACCOUNT_FAILURE_LIMIT = env.int("LOGIN_ACCOUNT_FAILURE_LIMIT", default=20)
LOGIN_ACCOUNT_WINDOW_MINUTES = env.int("LOGIN_ACCOUNT_WINDOW_MINUTES", default=60)
LOGIN_ACCOUNT_LOCK_MINUTES = env.int("LOGIN_ACCOUNT_LOCK_MINUTES", default=30)
if not REDIS_URL:
    # Without Redis the demo runs one process, so the in-memory cache counts every attempt.
    SILENCED_SYSTEM_CHECKS = ["axes.W001"]

# --- site security: passwords and session length ---
AUTH_PASSWORD_VALIDATORS.append({"NAME": "lantoa.orgs.validators.PhoneNumberPasswordValidator"})
# Whoever reads anonymous reports, claims or legal questions (core.sessions.READER_ACTIONS) is logged out after
# 8 h, or 30 min without a request; other accounts keep Django's two weeks (SESSION_COOKIE_AGE).
SESSION_READER_MAX_SECONDS = env.int("SESSION_READER_MAX_SECONDS", default=8 * 3600)
SESSION_READER_IDLE_SECONDS = env.int("SESSION_READER_IDLE_SECONDS", default=30 * 60)
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.contrib.auth.middleware.AuthenticationMiddleware") + 1,
    "lantoa.core.sessions.ReportReaderSessionMiddleware",
)

# --- site security: Content-Security-Policy (django-csp) ---
INSTALLED_APPS.append("csp")
MIDDLEWARE.insert(MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1, "csp.middleware.CSPMiddleware")
CONTENT_SECURITY_POLICY = {
    # Wagtail's and Django's admin screens carry their own inline scripts: they are left without this policy.
    "EXCLUDE_URL_PREFIXES": ["/cms/", "/django-admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        # htmx inserts its indicator <style> and a few templates set a width inline; styles cannot run code.
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "report-uri": "/csp-report",
    },
}

# --- tasks: background work on the database (django-tasks API, django-tasks-db backend; see docs/tasks.md) ---
INSTALLED_APPS += ["django_tasks", "django_tasks_db"]
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# tasks: the worker stamps each running job's heartbeat this often (core/heartbeat.py) ...
TASKS_HEARTBEAT_SECONDS = env.float("TASKS_HEARTBEAT_SECONDS", default=30.0)
# ... and the scheduler fails a running job whose last stamp is older than this: its worker died
TASKS_HEARTBEAT_TIMEOUT_SECONDS = env.float("TASKS_HEARTBEAT_TIMEOUT_SECONDS", default=150.0)
# tasks: a running job that never beat (its worker died as it took it) is failed this many seconds after it started
TASKS_STALE_AFTER_SECONDS = env.int("TASKS_STALE_AFTER_SECONDS", default=3600)
# tasks: the timers the scheduler enqueues: (command, kind, hh:mm in TIME_ZONE[, ISO weekday for weekly])
TASKS_SCHEDULE: list[tuple[Any, ...]] = [
    ("plans_sync", "daily", "00:10"),
    ("legal_index", "daily", "00:05"),  # amendments take effect at midnight: the index holds the wording in force
    ("plans_remind", "daily", "07:30"),
    ("reach_rollup", "hourly", ":05"),
    ("plans_figures", "hourly", ":15"),
    ("compute_hotspots", "hourly", ":25"),
    ("escalate_voice_cases", "hourly", ":55"),
    ("purge_voice_cases", "weekly", "02:30", 7),
    ("purge_job_files", "hourly", ":35"),
    ("public_files", "hourly", ":45"),
]
# --- end tasks ---

# --- operations: request ids, metrics (see docs/operations.md) ---
# Outermost: every response, even one a later middleware answers, carries X-Request-ID and is counted.
MIDDLEWARE[:0] = ["lantoa.core.metrics.RequestCountMiddleware", "lantoa.core.logs.RequestIdMiddleware"]
# /metrics answers a request with "Authorization: Bearer <METRICS_TOKEN>" or from one of these IPs/CIDRs (the
# client address as lantoa.core.clients reads it, behind TRUSTED_PROXIES); both empty = closed to everyone.
METRICS_TOKEN = env.str("METRICS_TOKEN", default="")
METRICS_ALLOWED_ADDRESSES = env.list("METRICS_ALLOWED_ADDRESSES", default=[])
# --- end operations ---
