#!/usr/bin/env bash
# `make bench`: public pages, exports and feeds at scale (BENCH_ENTRIES register entries,
# BENCH_NOTICES change notices) on a throwaway PostgreSQL cluster. Prints times and query counts.
set -euo pipefail
cd "$(dirname "$0")/.."
exec bash scripts/with-postgres.sh .venv/bin/python scripts/bench.py
