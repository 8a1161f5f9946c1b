"""Production settings fail fast without their secrets."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
REQUIRED = {
    "SECRET_KEY": secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": "trust.example.org",
    "DATABASE_URL": "postgres://u:p@127.0.0.1:5432/trusthub",
    "WAGTAILADMIN_BASE_URL": "https://trust.example.org",
    "DEFAULT_FROM_EMAIL": "privacy@example.org",
}


def _load_production(env, *command):
    # As a server would run: without the test run's DJANGO_ALLOW_ASYNC_UNSAFE.
    ignored = {*REQUIRED, "DJANGO_ALLOW_ASYNC_UNSAFE"}
    clean = {k: v for k, v in os.environ.items() if k not in ignored}
    clean.update(env)
    clean["DJANGO_SETTINGS_MODULE"] = "trusthub.settings.production"
    return subprocess.run(
        [sys.executable, *(command or ("-c", "import django; django.setup(); print('ok')"))],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_production_starts_with_everything_set_and_passes_the_deploy_checks():
    """`manage.py check --deploy` with the production settings: HTTPS, secure cookies, HSTS and
    the rest, with warnings treated as failures."""
    result = _load_production(REQUIRED, "manage.py", "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_fails_fast_naming_each_missing_variable():
    for name in REQUIRED:
        env = {k: v for k, v in REQUIRED.items() if k != name}
        result = _load_production(env)
        assert result.returncode != 0
        assert f"The environment variable {name} must be set" in result.stderr
