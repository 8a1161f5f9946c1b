#!/usr/bin/env bash
# `make run`: a local Trust Hub on the embedded SQLite database, with demo content.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
export DJANGO_SETTINGS_MODULE=${DJANGO_SETTINGS_MODULE:-trusthub.settings.dev}

$PY manage.py migrate --noinput -v 0
$PY manage.py load_demo_content
$PY manage.py ensure_local_admin

echo "Trust Hub is starting at http://${HOST:-127.0.0.1}:${PORT:-8000}/ (Ctrl+C to stop)"
exec $PY manage.py runserver "${HOST:-127.0.0.1}:${PORT:-8000}"
