"""Production settings fail fast without their secrets."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
REQUIRED = {
    "SECRET_KEY": "x" * 60,
    "ALLOWED_HOSTS": "trust.example.org",
    "DATABASE_URL": "postgres://u:p@127.0.0.1:5432/trusthub",
    "WAGTAILADMIN_BASE_URL": "https://trust.example.org",
    "DEFAULT_FROM_EMAIL": "privacy@example.org",
}


def _load_production(env):
    clean = {k: v for k, v in os.environ.items() if k not in REQUIRED}
    clean.update(env)
    clean["DJANGO_SETTINGS_MODULE"] = "trusthub.settings.production"
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); print('ok')"],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_production_starts_with_everything_set():
    result = _load_production(REQUIRED)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_production_fails_fast_naming_each_missing_variable():
    for name in REQUIRED:
        env = {k: v for k, v in REQUIRED.items() if k != name}
        result = _load_production(env)
        assert result.returncode != 0
        assert f"The environment variable {name} must be set" in result.stderr
