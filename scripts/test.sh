#!/usr/bin/env bash
# `make test`: lint, Django checks, then pytest on a throwaway PostgreSQL cluster (started and
# removed by scripts/with-postgres.sh) with browser tests in headless Chromium.
# Extra arguments go to pytest: bash scripts/test.sh -k product
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=.venv

echo "== ruff"
"$VENV/bin/ruff" check .
"$VENV/bin/ruff" format --check .
echo "== import contracts (layers, no cycles)"
"$VENV/bin/lint-imports"

if [[ -z "${DATABASE_URL:-}" ]]; then
  exec bash scripts/with-postgres.sh bash scripts/test.sh "$@"
fi

echo "== manage.py check"
"$VENV/bin/python" manage.py check
echo "== makemigrations --check"
"$VENV/bin/python" manage.py makemigrations --check --dry-run
echo "== manage.py check --deploy (production settings)"
SECRET_KEY=check-deploy-only-$(date +%s)-not-a-real-secret-key-0123456789abcdef \
  ALLOWED_HOSTS=trust.example.org WAGTAILADMIN_BASE_URL=https://trust.example.org \
  DEFAULT_FROM_EMAIL=privacy@example.org DJANGO_SETTINGS_MODULE=trusthub.settings.production \
  "$VENV/bin/python" manage.py check --deploy --fail-level WARNING

echo "== pytest"
# Browser tests drive a live server from pytest's (sync) Playwright fixtures.
export DJANGO_ALLOW_ASYNC_UNSAFE=true
# One worker per core (pytest-xdist); each builds its own test database and demo site once.
"$VENV/bin/python" -m pytest -n "${PYTEST_WORKERS:-auto}" "$@"
