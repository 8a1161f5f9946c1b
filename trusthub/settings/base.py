"""Settings shared by every environment. Environment-specific files import from here."""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env(name, default=None):
    value = os.environ.get(name)
    return default if value in (None, "") else value


def env_bool(name, default=False):
    value = env(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


def require_env(name):
    value = env(name)
    if value is None:
        raise ImproperlyConfigured(
            f"The environment variable {name} must be set for this configuration "
            f"(see README.md, 'Environment variables')."
        )
    return value


def cache_settings(url):
    """CACHES from a CACHE_URL (README, "Environment variables"): `locmem://` (this process
    only), `db://TABLE` (django.core.cache.backends.db.DatabaseCache, shared by every app server
    through the database; `manage.py createcachetable` creates the table) or
    `redis://host:port/N` (Django's RedisCache; needs the `redis` package)."""
    scheme, _, location = url.partition("://")
    if scheme == "locmem":
        cache = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": location}
    elif scheme == "db" and location:
        # Room for every filtered variant of the register, feeds and exports.
        cache = {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": location,
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    elif scheme in ("redis", "rediss"):
        cache = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}
    else:
        raise ImproperlyConfigured(
            f"CACHE_URL {url!r} is not locmem://, db://TABLE or redis://host:port/N "
            "(see README.md, 'Environment variables')."
        )
    return {"default": cache}


INSTALLED_APPS = [
    "trusthub.core",
    "home",
    "products",
    "subprocessors",
    "django_countries",
    "django_tasks",
    "django_tasks_db",
    "wagtail_modeladmin",
    "wagtail.contrib.settings",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.frontend_cache",
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
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # 304s for feeds and exports from the register version alone, before the rest runs.
    "trusthub.middleware.NotModifiedMiddleware",
    # Above the session middleware: sees (and drops) its Vary: Cookie for anonymous visitors.
    "trusthub.middleware.AnonymousVaryMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "trusthub.middleware.CacheControlMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "trusthub.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "trusthub.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"), conn_max_age=60
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_ROOT = BASE_DIR / "staticfiles"
STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "media")))
MEDIA_URL = "/media/"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# "EU" is an ISO 3166 exceptional reservation; suppliers often commit only to "the EU".
COUNTRIES_OVERRIDE = {"EU": "European Union"}
COUNTRIES_FIRST = ["GB", "EU", "US"]

WAGTAIL_SITE_NAME = "Trust Hub"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "txt", "csv", "xlsx"]
# How admin date pickers show dates. Editors may also type 2027-01-15: every admin date field
# reads YYYY-MM-DD and DD/MM/YYYY and never swaps in another date (trusthub/core/admin_dates.py).
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"

# Public pages may be cached by browsers (max-age) and by a shared cache/CDN (s-maxage), which is
# purged on publish by Wagtail's frontend cache invalidation.
CACHE_CONTROL_MAX_AGE = int(env("CACHE_CONTROL_MAX_AGE", "300"))
CACHE_CONTROL_S_MAXAGE = int(env("CACHE_CONTROL_S_MAXAGE", "3600"))
# Paths that must never be cached (admin, forms, anything personal).
CACHE_CONTROL_PRIVATE_PREFIXES = (
    "/admin/",
    "/django-admin/",
    "/documents/authenticate_with_password/",
)

# The register version and the cached register, change log, feeds and exports
# (subprocessors/versions.py, representations.py), and the rate limits. One cache shared by every
# process (app servers, the scheduler that publishes): the database by default.
CACHES = cache_settings(env("CACHE_URL", "db://trusthub_cache"))
# How long an app server may answer "304 Not Modified" for a feed or export from the register
# version it read last, without reading it again (seconds; 0: read it for every such request).
# A publish on another server is seen that much later by these answers only.
REGISTER_VERSION_RECHECK = float(env("REGISTER_VERSION_RECHECK", "0.1"))

# Background work (emails to subscribers, acknowledgements): the database queue, worked by
# `manage.py db_worker`. Tests run tasks at once (settings/test.py).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Trust Hub <trust-hub@localhost>")

DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "WARNING")},
    "loggers": {
        "django.server": {"level": "INFO"},
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
    },
}
