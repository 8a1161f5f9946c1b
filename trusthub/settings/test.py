"""Test suite settings: PostgreSQL from DATABASE_URL (the throwaway cluster `make test` starts)."""

import tempfile
from datetime import timedelta
from pathlib import Path

import dj_database_url

from .base import *  # noqa: F403
from .base import cache_settings, require_env

DEBUG = False
SECRET_KEY = "test-only-secret-key"
ALLOWED_HOSTS = ["*"]
DATABASES = {"default": dj_database_url.parse(require_env("DATABASE_URL"))}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Uploaded files go to a throwaway directory (each test that uploads sets its own tmp_path).
MEDIA_ROOT = Path(tempfile.gettempdir()) / "trusthub-test-media"
WHITENOISE_AUTOREFRESH = True
WAGTAILADMIN_BASE_URL = "http://testserver"
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"  # `smtp_server` (conftest.py)
# Tasks run at once, in the test's transaction; reliability tests run the real worker instead.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# In-process cache, emptied before every test (conftest.py): nothing cached leaks between tests.
CACHES = cache_settings("locmem://")
# Admin sign-in as in base.py whatever the environment says; tests turn two-step verification
# on where they need it (tests/test_mfa.py).
ADMIN_MFA_REQUIRED = False
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
