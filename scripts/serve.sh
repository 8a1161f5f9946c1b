#!/usr/bin/env bash
# `make serve`: Trust Hub as it runs in production, on this machine: Varnish (the caching proxy,
# deploy/varnish.vcl) on http://127.0.0.1:$PORT in front of APP_SERVERS gunicorn app servers
# (deploy/gunicorn.conf.py, GUNICORN_WORKERS workers each) with the production settings, plus
# the task worker and the scheduler loop. Publishing in /admin/ purges the proxy.
# Without DATABASE_URL it runs on a throwaway PostgreSQL cluster (scripts/with-postgres.sh),
# deleted on exit with everything in it. The processes are started and stopped by deploy/stack.py.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
source scripts/system-packages.sh
ensure_serving_packages
ensure_pdf_packages

if [[ -z "${DATABASE_URL:-}" ]]; then
  echo "No DATABASE_URL: using a throwaway PostgreSQL cluster (deleted when this stops)."
  exec bash scripts/with-postgres.sh bash scripts/serve.sh "$@"
fi

export DJANGO_SETTINGS_MODULE=trusthub.settings.production
export PORT=${PORT:-8000}
if [[ -z "${SECRET_KEY:-}" ]]; then
  SECRET_KEY=$($PY -c 'import secrets; print(secrets.token_urlsafe(50))')
  export SECRET_KEY
  echo "SECRET_KEY: a throwaway key for this local run (set SECRET_KEY to keep sessions)."
fi
# Local defaults for what production takes from the environment (deploy/stack.py uses the same).
export ALLOWED_HOSTS=${ALLOWED_HOSTS:-127.0.0.1,localhost}
export WAGTAILADMIN_BASE_URL=${WAGTAILADMIN_BASE_URL:-http://127.0.0.1:$PORT}
export DEFAULT_FROM_EMAIL=${DEFAULT_FROM_EMAIL:-Trust Hub <trust-hub@localhost>}
export CACHE_URL=${CACHE_URL:-db://trusthub_cache}
export EMAIL_URL=${EMAIL_URL:-console://}
export SECURE_SSL_REDIRECT=${SECURE_SSL_REDIRECT:-false}
export SECURE_COOKIES=${SECURE_COOKIES:-false}
if [[ "$SECURE_COOKIES" == false ]]; then
  echo "SECURE_COOKIES=false: session and CSRF cookies also travel over plain HTTP, so you can"
  echo "sign in at http://127.0.0.1:$PORT/admin/. Never set it on a server on the internet."
fi

$PY manage.py migrate --noinput -v 0
$PY manage.py createcachetable
$PY manage.py load_demo_content --if-empty
if $PY -c 'import django; django.setup(); from django.conf import settings; exit(not getattr(settings, "LOCAL_DEVELOPMENT", False))'; then
  $PY manage.py ensure_local_accounts
else
  echo "No accounts created (the production settings never create them). To sign in, create a"
  echo "superuser while this runs, in another terminal:"
  echo "  DJANGO_SETTINGS_MODULE=$DJANGO_SETTINGS_MODULE DATABASE_URL='$DATABASE_URL' \\"
  echo "  SECRET_KEY=x ALLOWED_HOSTS=x WAGTAILADMIN_BASE_URL=x DEFAULT_FROM_EMAIL=x \\"
  echo "  $PY manage.py createsuperuser"
fi
$PY manage.py collectstatic --noinput -v 0

exec $PY -m deploy.stack
