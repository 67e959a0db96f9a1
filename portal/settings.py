"""Settings for the regional Industry and Trade conferences portal.

One module for every machine: everything that differs between a laptop and production comes from the
environment (all variables, with their defaults, are in docs/deploy.md):

- ``DATABASE_URL``: defaults to the SQLite file ``db.sqlite3`` in the project; ``DATABASE_REPLICA_URL``
  and ``DATABASE_LOAD_URL`` add a replica to read from and the loader role (``portal/databases.py``).
- ``DJANGO_DEBUG``: off unless set to a true value (1, true, yes, on).
- ``DJANGO_SECRET_KEY``: set it in production; a local key file is used otherwise.
- ``DJANGO_ALLOWED_HOSTS``: comma-separated; defaults to the loopback names.
- ``DJANGO_BEHIND_TLS_PROXY``: the site is served over HTTPS by a proxy that sets X-Forwarded-Proto:
  turns on the HTTPS redirect, secure cookies and HSTS (``DJANGO_HSTS_*``).
"""

import os
from pathlib import Path

from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from portal.databases import databases, export_readers
from portal.environment import env_bool, env_int, env_list, secret_key

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DJANGO_DEBUG", default=False)
SECRET_KEY = secret_key(BASE_DIR / ".secret_key")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])

INSTALLED_APPS = [
    "portal",  # management commands: as_loader, postgres_roles
    "django.contrib.contenttypes",
    "django.contrib.staticfiles",
    "django_filters",
    "rest_framework",
    "drf_spectacular",
    "regions",
    "conferences",
    "api",
    "bench",  # generate_synthetic: the benchmark's data
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Outside everything that can answer early, so 405s and 503s carry the headers too.
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "portal.middleware.ReadOnlyMiddleware",
    "portal.language.AddressLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Nothing accepts a form today; should a write ever be mounted, it would need a CSRF token.
    "django.middleware.csrf.CsrfViewMiddleware",
    # One transaction (one snapshot) around the view and its rendering; 503 on outages.
    "portal.middleware.DatabaseMiddleware",
    # Innermost, inside that transaction: validators, 304s and the page cache (portal/caching.py).
    "portal.caching.DataCacheMiddleware",
]

ROOT_URLCONF = "portal.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "portal.context_processors.data_as_of",
            ],
        },
    },
]

WSGI_APPLICATION = "portal.wsgi.application"

# ATOMIC_REQUESTS stays off: portal.middleware.DatabaseMiddleware gives each request one transaction
# that also covers template rendering (docs/deploy.md, "Consistency during a data reload").
DATABASES = databases(default_url=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
DATABASE_ROUTERS = ["portal.routers.ReplicaRouter"]

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Vietnamese")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["portal.formats"]
USE_I18N = True
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Only the project's own static/: the apps' files (the browsable API's scripts and styles) are unused.
STATICFILES_FINDERS = ["django.contrib.staticfiles.finders.FileSystemFinder"]
STATIC_MANIFEST_ROOT = BASE_DIR / "staticfiles-manifest"  # outside STATIC_ROOT: never served
STORAGES = {
    "staticfiles": {"BACKEND": "portal.static_storage.StaticFilesStorage"},
}

FIXTURE_DIRS = [BASE_DIR / "fixtures"]

# Caching (portal/caching.py, docs/deploy.md "Caching"). Keys contain the data version, so a cache never
# needs clearing after a load and each app server may keep its own: old entries are never read again.
# The model recording each load of the data, read by HTTP caching and /healthz (portal/loaded_data.py).
PORTAL_DATASET_MODEL = "conferences.Dataset"
# How long a worker may answer from the load it last read before reading it again (0: every request).
PORTAL_DATA_VERSION_RECHECK_MS = env_int("PORTAL_DATA_VERSION_RECHECK_MS", default=1000)
# Connections reading one full download at once, each on its own batches (api/row_plans.py).
PORTAL_EXPORT_READERS = env_int("PORTAL_EXPORT_READERS", default=export_readers(DATABASES), minimum=1)
# A list's whole download kept as a file per load (api/download_files.py); empty: every download streams.
PORTAL_DOWNLOADS_DIR = os.environ.get("PORTAL_DOWNLOADS_DIR", str(BASE_DIR / "var" / "downloads")).strip()
# A download is not kept when writing it would leave less than this on the disk.
PORTAL_DOWNLOADS_MIN_FREE_MB = env_int("PORTAL_DOWNLOADS_MIN_FREE_MB", default=1024)
PORTAL_CACHE = env_bool("PORTAL_CACHE", default=True)  # server-side page and fragment caches
PORTAL_CACHE_MAX_AGE = env_int("PORTAL_CACHE_MAX_AGE", default=60)  # seconds a browser or shared cache may reuse a page
CACHES = {
    "default": {  # fragments: facet counts
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "fragments",
        "TIMEOUT": 24 * 3600,
        "OPTIONS": {"MAX_ENTRIES": 2000},
    },
    "pages": {  # whole rendered pages, at most 256 KB each (portal/caching.py): 75 MB per worker at worst
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "pages",
        "TIMEOUT": 24 * 3600,
        "OPTIONS": {"MAX_ENTRIES": 300},
    },
}

FILTERS_EMPTY_CHOICE_LABEL = _("All")

# Security headers, on every machine (docs/deploy.md, "Security headers").
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# The pages use no inline script or style and no images: only the site's own stylesheet, and its own one
# script file (static/js/citations.js, the citations' copy buttons).
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}

# HTTPS, when a TLS-terminating proxy or load balancer is in front and sets X-Forwarded-Proto. Only
# then: on plain HTTP these would redirect to an https:// that does not exist, and HSTS would lock
# browsers out. The app servers must be reachable only through that proxy (it must overwrite the
# header). /healthz stays reachable over plain HTTP for load balancers that probe the app directly.
BEHIND_TLS_PROXY = env_bool("DJANGO_BEHIND_TLS_PROXY", default=False)
if BEHIND_TLS_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = True
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", default=31_536_000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", default=True)
    SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", default=False)
    # Preload is opt-in: once a domain is on browsers' preload lists it takes months to come off. Turning
    # either off is a decision, so its `check --deploy` warning is silenced rather than repeated.
    SILENCED_SYSTEM_CHECKS = [
        *([] if SECURE_HSTS_PRELOAD else ["security.W021"]),
        *([] if SECURE_HSTS_INCLUDE_SUBDOMAINS else ["security.W005"]),
    ]

# Errors go to stderr (gunicorn's access log, on stdout, already has every request and its status).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "filters": {"without_traceback": {"()": "portal.log_filters.WithoutTraceback"}},
    "handlers": {"stderr": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["stderr"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {
        "django": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
        "django.request": {"level": "ERROR"},  # 5xx only: a public site's 404s are not news
        # A bad Host header is answered 400: one line, no traceback.
        "django.security.DisallowedHost": {"filters": ["without_traceback"]},
    },
}

# The read-only JSON API (api/): JSON only, no sessions or users, slugs in URLs.
REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": [],
    "UNAUTHENTICATED_USER": None,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "api.errors.exception_handler",
}

SPECTACULAR_SETTINGS = {
    "TITLE": "Regional Industry and Trade conferences of Vietnam",
    "DESCRIPTION": (
        "Read-only data on the regional conferences of Vietnam's Industry and Trade sector: conference groups, "
        "provinces on both administrative maps, sessions, the figures they reported (each with its unit, period, "
        "qualifier, verbatim quote and source) and the source articles' metadata. Objects are addressed by slug; "
        "values are exact decimal strings in base units."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/",
    "DEFAULT_GENERATOR_CLASS": "api.schema.EnglishSchemaGenerator",
}
