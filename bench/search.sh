#!/usr/bin/env bash
# Issue 5's search figure, on SQLite and on PostgreSQL: `make bench` runs this after
# bench/registry.sh; alone: bash bench/search.sh BUILD_DIR. Each backend gets a fresh database in
# a temporary directory, the demo municipality and 100,000 generated opportunities (seed 1); the
# program then measures the page's search beside the bare full-text query (see
# bench/search_figures.cpp). PostgreSQL is a throwaway cluster on loopback (scripts/pg-cluster.sh).
# Nothing is asserted; the output goes to the terminal and to bench/results/search-<backend>.txt.
# Knob: BENCH_SEARCH_ROUNDS (200).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${1:-build}
[[ $BUILD = /* ]] || BUILD=$ROOT/$BUILD
BIN=$BUILD/samskab_search_bench
ROUNDS=${BENCH_SEARCH_ROUNDS:-200}
RESULTS=$ROOT/bench/results
[[ -x $BIN ]] || { echo "search bench: no $BIN (build first)" >&2; exit 1; }
mkdir -p "$RESULTS"
TMP=$(mktemp -d)
cleanup() {
  bash "$ROOT/scripts/pg-cluster.sh" stop "$TMP/pg" >/dev/null 2>&1 || true
  rm -rf "$TMP"
}
trap cleanup EXIT

echo "== search (issue 5) on SQLite"
"$BUILD/samskab" migrate --db "sqlite:$TMP/search.db" >/dev/null
"$BIN" --db "sqlite:$TMP/search.db" --rounds "$ROUNDS" | tee "$RESULTS/search-sqlite.txt"

echo "== search (issue 5) on PostgreSQL"
url=$(bash "$ROOT/scripts/pg-cluster.sh" start "$TMP/pg" | tail -1)
"$BUILD/samskab" migrate --db "$url" >/dev/null
"$BIN" --db "$url" --rounds "$ROUNDS" | tee "$RESULTS/search-postgresql.txt"
