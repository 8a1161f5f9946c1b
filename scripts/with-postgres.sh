#!/usr/bin/env bash
# Run a command against a throwaway PostgreSQL cluster: created in a temporary directory,
# started on a free port, exported as DATABASE_URL, stopped and deleted when the command ends.
# Used by `make test` and `make bench`:  bash scripts/with-postgres.sh COMMAND [ARGS...]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/system-packages.sh
ensure_system_packages

PGTMP=$(mktemp -d /tmp/thpg.XXXXXX)
if [[ $(id -u) -eq 0 ]]; then
  chown postgres: "$PGTMP"
  as_pg() { (cd "$PGTMP" && runuser -u postgres -- "$@"); }
else
  as_pg() { (cd "$PGTMP" && "$@"); }
fi
cleanup() {
  if [[ -f "$PGTMP/data/postmaster.pid" ]]; then
    as_pg "$PGBIN/pg_ctl" -D "$PGTMP/data" -m immediate stop >/dev/null 2>&1 || true
  fi
  rm -rf "$PGTMP"
}
trap cleanup EXIT
PGPORT=$(.venv/bin/python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
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
export DJANGO_SETTINGS_MODULE=${DJANGO_SETTINGS_MODULE:-trusthub.settings.test}
"$@"
