#!/usr/bin/env bash
# `make test`: lint, Django checks, then pytest on a throwaway PostgreSQL cluster (started and
# removed here) with browser tests in headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
VENV=$ROOT/.venv

# --- system packages: PostgreSQL server and Chromium --------------------------------------
pg_bindir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
missing=()
PGBIN=$(pg_bindir)
[[ -n "$PGBIN" && -x "$PGBIN/postgres" ]] || missing+=(postgresql)
command -v chromium >/dev/null || [[ -x /usr/bin/chromium ]] || missing+=(chromium)
command -v npm >/dev/null || missing+=(npm)
if ((${#missing[@]})); then
  if [[ $(id -u) -eq 0 ]]; then
    echo "Installing system packages: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    PGBIN=$(pg_bindir)
  else
    echo "Missing system packages: ${missing[*]}. Install them (as root: apt-get install ${missing[*]})." >&2
    exit 1
  fi
fi

# --- npm tooling (axe-core) --------------------------------------------------------------
if [[ ! -f node_modules/axe-core/axe.min.js ]]; then
  npm ci --no-audit --no-fund --loglevel=error
fi

# --- lint and format ---------------------------------------------------------------------
echo "== ruff"
"$VENV/bin/ruff" check .
"$VENV/bin/ruff" format --check .

# --- throwaway PostgreSQL cluster --------------------------------------------------------
PGTMP=$(mktemp -d /tmp/thpg.XXXXXX)
cleanup() {
  if [[ -f "$PGTMP/data/postmaster.pid" ]]; then
    as_pg "$PGBIN/pg_ctl" -D "$PGTMP/data" -m immediate stop >/dev/null 2>&1 || true
  fi
  rm -rf "$PGTMP"
}
trap cleanup EXIT
if [[ $(id -u) -eq 0 ]]; then
  chown postgres: "$PGTMP"
  as_pg() { (cd "$PGTMP" && runuser -u postgres -- "$@"); }
else
  as_pg() { (cd "$PGTMP" && "$@"); }
fi
PGPORT=$("$VENV/bin/python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
as_pg "$PGBIN/initdb" -D "$PGTMP/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
as_pg "$PGBIN/pg_ctl" -D "$PGTMP/data" -l "$PGTMP/pg.log" -w -o \
  "-p $PGPORT -k $PGTMP -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100" \
  start >/dev/null
for _ in $(seq 1 50); do
  "$PGBIN/pg_isready" -q -h 127.0.0.1 -p "$PGPORT" && break
  sleep 0.2
done
"$PGBIN/pg_isready" -h 127.0.0.1 -p "$PGPORT"
"$PGBIN/createdb" -h 127.0.0.1 -p "$PGPORT" -U postgres trusthub
export DATABASE_URL="postgres://postgres@127.0.0.1:$PGPORT/trusthub"
export DJANGO_SETTINGS_MODULE=trusthub.settings.test

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
"$VENV/bin/python" -m pytest "$@"
