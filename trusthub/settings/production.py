"""Production settings. Every secret comes from the environment; missing ones stop start-up."""

from pathlib import Path

import dj_database_url
import dj_email_url

from .base import *  # noqa: F403
from .base import BASE_DIR, env, env_bool, require_env

DEBUG = False
SECRET_KEY = require_env("SECRET_KEY")
ALLOWED_HOSTS = [h.strip() for h in require_env("ALLOWED_HOSTS").split(",") if h.strip()]
CSRF_TRUSTED_ORIGINS = [f"https://{h.lstrip('.')}" for h in ALLOWED_HOSTS]
DATABASES = {
    "default": dj_database_url.parse(
        require_env("DATABASE_URL"), conn_max_age=600, ssl_require=False
    )
}
WAGTAILADMIN_BASE_URL = require_env("WAGTAILADMIN_BASE_URL")

# Connections: persistent per worker thread by default; DATABASE_POOL=true uses psycopg's pool in
# each process instead (Django's OPTIONS["pool"]); behind PgBouncer in transaction mode, set
# DISABLE_SERVER_SIDE_CURSORS=true (docs/deploy.md).
if env_bool("DATABASE_POOL", False):
    DATABASES["default"]["CONN_MAX_AGE"] = 0  # the pool keeps the connections
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
        "min_size": int(env("DATABASE_POOL_MIN_SIZE", "1")),
        "max_size": int(env("DATABASE_POOL_MAX_SIZE", "4")),
    }
DATABASES["default"]["DISABLE_SERVER_SIDE_CURSORS"] = env_bool("DISABLE_SERVER_SIDE_CURSORS", False)

# Where collectstatic puts the files WhiteNoise serves (default: staticfiles/ in the checkout).
STATIC_ROOT = Path(env("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Uploaded documents on S3-compatible object storage, shared by every app server, when
# MEDIA_S3_BUCKET is set (credentials: AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY or an instance
# role). Private objects; Wagtail's document view checks privacy, then redirects to a signed URL.
if env("MEDIA_S3_BUCKET"):
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env("MEDIA_S3_BUCKET"),
            "endpoint_url": env("MEDIA_S3_ENDPOINT_URL") or None,
            "region_name": env("MEDIA_S3_REGION") or None,
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
    WAGTAILDOCS_SERVE_METHOD = "redirect"

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(env("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
# Asking browsers to preload HSTS is hard to undo (removal from their lists takes months): only
# when SECURE_HSTS_PRELOAD=true. Off, Django's deploy check would warn; that warning is silenced.
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
if not SECURE_HSTS_PRELOAD:
    SILENCED_SYSTEM_CHECKS = ["security.W021"]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
# Session and CSRF cookies go over HTTPS only. SECURE_COOKIES=false is for a local stack on
# http://127.0.0.1 (`make serve`), where a browser would never send them back.
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
X_FRAME_OPTIONS = "DENY"

DEFAULT_FROM_EMAIL = require_env("DEFAULT_FROM_EMAIL")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
if env("EMAIL_URL"):
    # e.g. smtp+tls://user:password@smtp.example.org:587 (dj-email-url's formats).
    globals().update(dj_email_url.parse(env("EMAIL_URL")))
else:
    EMAIL_HOST = env("EMAIL_HOST", "localhost")
    EMAIL_PORT = int(env("EMAIL_PORT", "25"))
    EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)

# Behind the caching proxy every request comes from 127.0.0.1: the per-visitor rate limits
# (objections, alert sign-ups) read the client address the proxy sets instead, e.g.
# RATELIMIT_IP_META_KEY=HTTP_X_CLIENT_IP with deploy/varnish.vcl.
if env("RATELIMIT_IP_META_KEY"):
    RATELIMIT_IP_META_KEY = env("RATELIMIT_IP_META_KEY")

# Two-step verification is required of superusers and ADMIN_MFA_REQUIRED_GROUPS (the DPO) before
# they use the admin, unless ADMIN_MFA_REQUIRED=false (settings/base.py, "Admin sign-in"). The
# wrong-password lockout reads the client address from RATELIMIT_IP_META_KEY too.
ADMIN_MFA_REQUIRED = env_bool("ADMIN_MFA_REQUIRED", True)

# Purge the CDN/caching proxy when pages are published (optional): Wagtail's HTTPBackend, with
# the PURGEs sent side by side and each within FRONTEND_CACHE_PURGE_TIMEOUT seconds
# (trusthub/frontend_cache.py).
if env("FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "trusthub.frontend_cache.ProxyPurgeBackend",
            "LOCATION": env("FRONTEND_CACHE_PURGE_URL"),
            "TIMEOUT": float(env("FRONTEND_CACHE_PURGE_TIMEOUT", "5")),
        }
    }
