#!/usr/bin/env bash
# `make bench`, in two parts, each on its own throwaway PostgreSQL cluster:
#   1. scripts/bench.py: public pages, exports and feeds at scale (BENCH_ENTRIES register entries,
#      BENCH_NOTICES change notices), in process, with query counts; then one email alert to
#      BENCH_SUBSCRIBERS subscribers through the real worker and a local SMTP server.
#   2. scripts/bench_http.py: the production-shaped stack (Varnish + two gunicorn app servers)
#      over HTTP with wrk: cached, uncached and 304 rates against static-file baselines, and
#      publish-to-fresh time.
# Prints numbers; asserts nothing. `bash scripts/bench.sh http` (or `pages`) runs one part;
# `bash scripts/bench.sh http 304 fresh` only those parts of the HTTP benchmark.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/system-packages.sh
part=${1:-all}
shift || true
if [[ $part == all || $part == pages ]]; then
  bash scripts/with-postgres.sh .venv/bin/python scripts/bench.py
fi
if [[ $part == all || $part == http ]]; then
  ensure_serving_packages
  bash scripts/with-postgres.sh .venv/bin/python scripts/bench_http.py "$@"
fi
