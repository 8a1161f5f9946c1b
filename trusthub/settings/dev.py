"""Local development: `make run`. SQLite by default, never for production."""

from .base import *  # noqa: F403
from .base import env, env_bool, env_list

# Off by default so `make run` shows what schools see (designed 404 page and so on);
# set DEBUG=true for tracebacks while developing.
DEBUG = env_bool("DEBUG", False)
LOCAL_DEVELOPMENT = True
SECRET_KEY = env("SECRET_KEY", "dev-only-insecure-key-do-not-use-in-production")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1],0.0.0.0")
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# Serve static files straight from static/ without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
