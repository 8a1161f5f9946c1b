#!/usr/bin/env bash
# `make run`: a local Trust Hub on the embedded SQLite database, with demo content, the
# background task worker (email alerts, printed to this console) and the scheduler.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
source scripts/system-packages.sh
ensure_pdf_packages  # WeasyPrint's libraries: the site imports it as it starts
export DJANGO_SETTINGS_MODULE=${DJANGO_SETTINGS_MODULE:-trusthub.settings.dev}
# Links in emails (confirm, manage, unsubscribe, notices) point at this server.
export WAGTAILADMIN_BASE_URL=${WAGTAILADMIN_BASE_URL:-http://${HOST:-127.0.0.1}:${PORT:-8000}}

$PY manage.py migrate --noinput -v 0
$PY manage.py load_demo_content --if-empty
$PY manage.py ensure_local_accounts
# Sign-in records (addresses, browsers) are kept 90 days, as the production schedule does.
$PY manage.py axes_reset_logs --age 90 >/dev/null

# Scheduled publishing: publish notices and pages whose "go live" time has passed, every
# minute, as the production scheduler entry does (see README, "Production"); and put right any
# email alerts a killed worker left unsent (never sending one twice).
(
  while sleep 60; do
    $PY manage.py publish_scheduled >/dev/null 2>&1 || true
    $PY manage.py resume_alerts -v 0 >/dev/null 2>&1 || true
  done
) &
SCHEDULER=$!
# The task worker: sends email alerts (the dev settings print them here, on the console).
$PY manage.py db_worker --no-reload -v 0 &
WORKER=$!
trap 'kill $SCHEDULER $WORKER 2>/dev/null || true' EXIT INT TERM
$PY manage.py publish_scheduled >/dev/null

echo "Trust Hub is starting at http://${HOST:-127.0.0.1}:${PORT:-8000}/ (Ctrl+C to stop)"
echo "Email alerts are sent by the task worker and printed here."
$PY manage.py runserver "${HOST:-127.0.0.1}:${PORT:-8000}"
