"""Production settings fail fast without their secrets."""

import json
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


PRINT_SCALE_OUT = (
    "import django, json; django.setup(); from django.conf import settings as s; "
    "d = s.DATABASES['default']; print(json.dumps({'storage': s.STORAGES['default'], "
    "'serve': getattr(s, 'WAGTAILDOCS_SERVE_METHOD', None), 'pool': d.get('OPTIONS', {}).get('pool'), "
    "'age': d['CONN_MAX_AGE'], 'cursors': d['DISABLE_SERVER_SIDE_CURSORS']}))"
)


def test_scale_out_settings_come_from_the_environment():
    """docs/deploy.md: media on S3-compatible storage, psycopg's connection pool, PgBouncer."""
    env = {
        **REQUIRED,
        "MEDIA_S3_BUCKET": "trusthub-media",
        "MEDIA_S3_ENDPOINT_URL": "https://s3.example.net",
        "MEDIA_S3_REGION": "eu-west-2",
        "DATABASE_POOL": "true",
        "DATABASE_POOL_MAX_SIZE": "8",
        "DISABLE_SERVER_SIDE_CURSORS": "true",
    }
    result = _load_production(env, "-c", PRINT_SCALE_OUT)
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    assert found["storage"]["BACKEND"] == "storages.backends.s3.S3Storage"
    assert found["storage"]["OPTIONS"]["bucket_name"] == "trusthub-media"
    assert found["storage"]["OPTIONS"]["endpoint_url"] == "https://s3.example.net"
    assert found["storage"]["OPTIONS"]["default_acl"] == "private"
    assert found["serve"] == "redirect"
    assert found["pool"] == {"min_size": 1, "max_size": 8}
    assert found["age"] == 0  # Django refuses persistent connections with a pool
    assert found["cursors"] is True


def test_without_them_media_stay_on_disk_and_connections_persist():
    result = _load_production(REQUIRED, "-c", PRINT_SCALE_OUT)
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    assert found["storage"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    assert found["pool"] is None and found["age"] == 600 and found["cursors"] is False


PRINT_HSTS = (
    "import django; django.setup(); from django.conf import settings as s; "
    "print(s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_PRELOAD)"
)


def test_hsts_preload_is_off_unless_asked_for():
    assert _load_production(REQUIRED, "-c", PRINT_HSTS).stdout.split() == ["31536000", "False"]
    result = _load_production({**REQUIRED, "SECURE_HSTS_PRELOAD": "true"}, "-c", PRINT_HSTS)
    assert result.stdout.split() == ["31536000", "True"]
