"""Settings shared by every environment. Environment-specific files import from here."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy

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
    "wagtail_localize",
    "wagtail_localize.locales",
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
    # Admin sign-in security ("Admin sign-in" below).
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # 304s for feeds and exports from the register version alone, before the rest runs. Like
    # WhiteNoise's, they carry validators and caching headers only: the copy they revalidate
    # keeps the policies below.
    "trusthub.middleware.NotModifiedMiddleware",
    # Content-Security-Policy and Permissions-Policy ("Security headers" below).
    "trusthub.csp.PathCSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    # Above the session middleware: sees (and drops) its Vary: Cookie for anonymous visitors.
    "trusthub.middleware.AnonymousVaryMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The page's language is its URL's (/cy/... Welsh, the rest English), never a header's.
    "trusthub.middleware.LanguageFromPathMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Whether this session has passed two-step verification; then send those who must to it.
    "django_otp.middleware.OTPMiddleware",
    "trusthub.core.signin.middleware.TwoStepMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "trusthub.middleware.CacheControlMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes requires: turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
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

# English at today's URLs, Welsh under /cy/ (trusthub/urls.py). Pages, register entries and
# change notices are translated in the admin with wagtail-localize; interface text comes from the
# catalogue in locale/ (compiled by `make` targets, never committed as .mo).
LANGUAGE_CODE = "en-gb"
LANGUAGES = [("en-gb", "English"), ("cy", "Cymraeg")]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
LOCALE_PATHS = [BASE_DIR / "locale"]
# The purges list each URL in every language themselves (subprocessors/cache.py). Wagtail would
# otherwise add an /en-gb/ copy of every Welsh URL, as if English were prefixed too.
WAGTAILFRONTENDCACHE_LANGUAGES = []
# A new translation starts as a draft, whatever its original's state: it goes live only when
# someone allowed to publish it does (the DPO, for register entries and notices).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_ROOT = BASE_DIR / "staticfiles"
STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "media")))
MEDIA_URL = "/media/"
# Where `manage.py backup` (make backup) writes backups, and restore its safety copies (README,
# "Backups"). They hold personal data: keep the directory private.
BACKUP_DIR = Path(env("BACKUP_DIR", str(BASE_DIR / "backups")))

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# "EU" is an ISO 3166 exceptional reservation; suppliers often commit only to "the EU".
COUNTRIES_OVERRIDE = {"EU": gettext_lazy("European Union")}
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

# --- Security headers (README, "Security headers") -------------------------------------------
# Content-Security-Policy (django-csp; trusthub/csp.py chooses by path). Public pages, feeds,
# exports and error pages load only this site's own files: no inline scripts or styles, no
# eval, no nonce (one header for every visitor, so the caching proxy may keep it with the page).
# On in every environment, tests included, so that anything inline shows up at once.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# Wagtail 8's admin and its page previews (measured in Chromium, tests/test_csp_browser.py):
# inline scripts (inline panels, date pickers, scripts in HTML its jQuery inserts) and <style>
# elements its editor adds; its previews are framed by the editor; image uploads show blob:
# previews; the dashboard asks releases.wagtail.org for the latest version. Still no eval.
CONTENT_SECURITY_POLICY_ADMIN = {
    "PATH_PREFIXES": ("/admin/", "/django-admin/"),
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'", "https://releases.wagtail.org"],
        "frame-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    },
}
# No avatars from Gravatar in the admin: they would send a hash of each editor's email address
# to a third party (and need another image origin). Wagtail shows its default avatar instead.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Permissions-Policy (django-permissions-policy): no page of this site uses these features;
# nothing embedded in it (nor an attacker's injected script) may ask for them.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "browsing-topics",
        "camera",
        "display-capture",
        "encrypted-media",
        "geolocation",
        "gyroscope",
        "hid",
        "idle-detection",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
}

# --- Admin sign-in (README, "Admin sign-in security"; trusthub/core/signin/) ------------------
AUTHENTICATION_BACKENDS = [
    # First: refuses every sign-in while the username or the client is locked out, and checks
    # no passwords itself (ModelBackend does). AxesBackend rather than AxesStandaloneBackend:
    # it can also load a session's user, as Wagtail's test helpers expect of the first backend.
    "axes.backends.AxesBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Wrong passwords (django-axes): LOGIN_FAILURE_LIMIT failures within LOGIN_COOLOFF_MINUTES by one
# username (from anywhere), or from one client address (whatever usernames it tries), lock that
# username or that client out for LOGIN_COOLOFF_MINUTES; the failure that reaches the limit is
# answered with the lockout page (HTTP 429), and so is every attempt until the time is up.
AXES_FAILURE_LIMIT = int(env("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(env("LOGIN_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]  # each on its own: either one locks
# Attempts during a lockout are refused unchecked and do not make it longer: it ends when the
# page says it does.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
# A successful sign-in clears that username's failures from that client only (the handler),
# never the client's guesses at other accounts.
AXES_RESET_ON_SUCCESS = False
AXES_HANDLER = "trusthub.core.signin.lockout.SignInAttemptHandler"
AXES_LOCKOUT_CALLABLE = "trusthub.core.signin.lockout.locked_out"
# The client's address: the header named by RATELIMIT_IP_META_KEY behind the proxy (as for the
# rate limits; production.py), else the connection's. django-ipware is not used.
AXES_CLIENT_IP_CALLABLE = "trusthub.core.signin.lockout.client_ip"
# Logs name the client's address, never what was typed as a username (it may be a password).
AXES_SENSITIVE_PARAMETERS = ["username"]

# Two-step verification for the admin (django-otp: an authenticator app, TOTP, and one-time
# recovery codes). ADMIN_MFA_REQUIRED: superusers and members of ADMIN_MFA_REQUIRED_GROUPS must
# set it up and enter a code after their password before using the admin. Off here, so under
# `make run` and in tests; production.py turns it on unless ADMIN_MFA_REQUIRED=false. Anyone
# may set it up from their account settings; once they have, every sign-in asks for a code.
ADMIN_MFA_REQUIRED = env_bool("ADMIN_MFA_REQUIRED", False)
# Group names as in subprocessors/roles.py (DPO); superusers are always included.
ADMIN_MFA_REQUIRED_GROUPS = env_list("ADMIN_MFA_REQUIRED_GROUPS", "Data Protection Officer")
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME
# Wrong codes: after n of them, the next is not checked for 2^(n-1) seconds (per device).
OTP_TOTP_THROTTLE_FACTOR = 1
OTP_STATIC_THROTTLE_FACTOR = 1

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "WARNING")},
    "loggers": {
        "django.server": {"level": "INFO"},
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
        # Sign-in failures and lockouts (warnings), successful sign-ins and sign-outs (info);
        # two-step verification: set-ups, wrong codes, recovery codes used.
        "axes": {"level": "INFO"},
        "axes.apps": {"level": "WARNING"},  # not its version banner at every start
        "trusthub.signin": {"level": "INFO"},
    },
}
