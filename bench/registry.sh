#!/usr/bin/env bash
# Issue 4's figures (the collaboration registry), on SQLite and on PostgreSQL, side by side with
# the bare SQL they run: `make bench` runs this after bench/run.sh; alone: bash bench/registry.sh
# BUILD_DIR. Each backend gets a fresh database in a temporary directory, the demo municipality and
# `samskab gen`'s 5,000 organisations and 10,000 collaborations (seed 1), then the CSV import's
# figure (samskab_import_bench: 10,000 rows, 3 rounds, into the same database); PostgreSQL is a throwaway
# cluster on loopback (scripts/pg-cluster.sh). Nothing is asserted; the output goes to the terminal
# and to bench/results/registry-<backend>.txt. Knob: BENCH_REGISTRY_ROUNDS (200).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${1:-build}
[[ $BUILD = /* ]] || BUILD=$ROOT/$BUILD
BIN=$BUILD/samskab_registry_bench
ROUNDS=${BENCH_REGISTRY_ROUNDS:-200}
RESULTS=$ROOT/bench/results
[[ -x $BIN && -x $BUILD/samskab_import_bench ]] || { echo "registry bench: no $BIN or samskab_import_bench (build first)" >&2; exit 1; }
mkdir -p "$RESULTS"
TMP=$(mktemp -d)
cleanup() {
  bash "$ROOT/scripts/pg-cluster.sh" stop "$TMP/pg" >/dev/null 2>&1 || true
  rm -rf "$TMP"
}
trap cleanup EXIT

echo "== registry (issue 4) on SQLite"
"$BUILD/samskab" migrate --db "sqlite:$TMP/registry.db" >/dev/null
"$BIN" --db "sqlite:$TMP/registry.db" --rounds "$ROUNDS" | tee "$RESULTS/registry-sqlite.txt"
"$BUILD/samskab_import_bench" --db "sqlite:$TMP/registry.db" | tee -a "$RESULTS/registry-sqlite.txt"

echo "== registry (issue 4) on PostgreSQL"
url=$(bash "$ROOT/scripts/pg-cluster.sh" start "$TMP/pg" | tail -1)
"$BUILD/samskab" migrate --db "$url" >/dev/null
"$BIN" --db "$url" --rounds "$ROUNDS" | tee "$RESULTS/registry-postgresql.txt"
"$BUILD/samskab_import_bench" --db "$url" | tee -a "$RESULTS/registry-postgresql.txt"
