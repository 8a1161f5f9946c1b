#!/usr/bin/env bash
# `make run`: a local Trust Hub on the embedded SQLite database, with demo content.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
export DJANGO_SETTINGS_MODULE=${DJANGO_SETTINGS_MODULE:-trusthub.settings.dev}

$PY manage.py migrate --noinput -v 0
$PY manage.py load_demo_content --if-empty
$PY manage.py ensure_local_accounts

# Scheduled publishing: publish notices and pages whose "go live" time has passed, every
# minute, as the production scheduler entry does (see README, "Production").
(
  while sleep 60; do $PY manage.py publish_scheduled >/dev/null 2>&1 || true; done
) &
SCHEDULER=$!
trap 'kill $SCHEDULER 2>/dev/null || true' EXIT INT TERM
$PY manage.py publish_scheduled >/dev/null

echo "Trust Hub is starting at http://${HOST:-127.0.0.1}:${PORT:-8000}/ (Ctrl+C to stop)"
$PY manage.py runserver "${HOST:-127.0.0.1}:${PORT:-8000}"
