#!/usr/bin/env bash
# `make test`: ruff, then pytest on a throwaway PostgreSQL cluster (started and removed by
# scripts/with-postgres.sh) with browser tests in headless Chromium. Django's system checks
# (including `check --deploy` on the production settings), the missing-migration check and the
# import-layer contracts run inside the suite: tests/test_project_checks.py and
# home/tests/test_settings.py.
# Extra arguments go to pytest: bash scripts/test.sh -k product
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=.venv
# Let Python cache compiled bytecode (__pycache__, git-ignored): with it turned off, each of the
# run's dozen Python processes compiles Django and Wagtail again (about 15 s of CPU in all).
unset PYTHONDONTWRITEBYTECODE

if [[ -z "${DATABASE_URL:-}" ]]; then
  # Compile Django's and Wagtail's bytecode on every core while ruff runs and the database
  # starts, instead of in each test process as it first imports them.
  SITE=$("$VENV/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
  "$VENV/bin/python" -m compileall -q -j 0 "$SITE/django" "$SITE/wagtail" >/dev/null 2>&1 &
  echo "== ruff"
  "$VENV/bin/ruff" check .
  "$VENV/bin/ruff" format --check .
  source scripts/system-packages.sh
  ensure_serving_packages  # Varnish, for the tests that drive the real stack (tests/test_stack*.py)
  exec bash scripts/with-postgres.sh bash scripts/test.sh "$@"
fi

echo "== pytest"
# Browser tests drive a live server from pytest's (sync) Playwright fixtures.
export DJANGO_ALLOW_ASYNC_UNSAFE=true
# One worker per core (pytest-xdist), each taking the next test as soon as it is free (the order
# is set in conftest.py). The demo site is built once, in the background, as a template database
# that each worker copies (tests/database.py).
"$VENV/bin/python" -m pytest -n "${PYTEST_WORKERS:-auto}" --maxschedchunk=1 "$@"
