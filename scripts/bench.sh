#!/usr/bin/env bash
# `make bench`: public pages, exports and feeds at scale (BENCH_ENTRIES register entries,
# BENCH_NOTICES change notices) on a throwaway PostgreSQL cluster, then one email alert to
# BENCH_SUBSCRIBERS subscribers through the real worker and a local SMTP server. Prints times,
# query counts, messages per second and how many subscribers received exactly one.
set -euo pipefail
cd "$(dirname "$0")/.."
exec bash scripts/with-postgres.sh .venv/bin/python scripts/bench.py
