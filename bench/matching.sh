#!/usr/bin/env bash
# Issue 5's matching figures, on SQLite and on PostgreSQL: `make bench` runs this after
# bench/registry.sh; alone: bash bench/matching.sh BUILD_DIR. Each backend gets a fresh database in
# a temporary directory with the demo municipality and `samskab gen --volunteers` (1,000,000 by
# default, seed 1; the time `gen` took is printed too), then samskab_matching_bench: the index's
# load and bytes per profile, p50/p95 of a need's top 20 with factors, on PostgreSQL beside the
# same ranking as one SQL query, and precision@10 over the hand-judged cases. PostgreSQL is a
# throwaway cluster on loopback (scripts/pg-cluster.sh). Nothing is asserted; the output goes to
# the terminal and to bench/results/matching-<backend>.txt.
# Knobs: BENCH_MATCHING_VOLUNTEERS (1000000), BENCH_MATCHING_ROUNDS (20), BENCH_MATCHING_BACKENDS
# ("sqlite postgresql").
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${1:-build}
[[ $BUILD = /* ]] || BUILD=$ROOT/$BUILD
BIN=$BUILD/samskab_matching_bench
VOLUNTEERS=${BENCH_MATCHING_VOLUNTEERS:-1000000}
ROUNDS=${BENCH_MATCHING_ROUNDS:-20}
BACKENDS=${BENCH_MATCHING_BACKENDS:-sqlite postgresql}
RESULTS=$ROOT/bench/results
[[ -x $BIN ]] || { echo "matching bench: no $BIN (build first)" >&2; exit 1; }
mkdir -p "$RESULTS"
TMP=$(mktemp -d)
cleanup() {
  bash "$ROOT/scripts/pg-cluster.sh" stop "$TMP/pg" >/dev/null 2>&1 || true
  rm -rf "$TMP"
}
trap cleanup EXIT

run() {  # backend url
  local out=$RESULTS/matching-$1.txt
  echo "== matching (issue 5) on $1"
  "$BUILD/samskab" demo --db "$2" >/dev/null
  "$BUILD/samskab" gen --db "$2" --volunteers "$VOLUNTEERS" --seed 1 | tee "$out"
  "$BIN" --db "$2" --rounds "$ROUNDS" | tee -a "$out"
}

for backend in $BACKENDS; do
  case $backend in
    sqlite) run sqlite "sqlite:$TMP/matching.db" ;;
    postgresql) run postgresql "$(bash "$ROOT/scripts/pg-cluster.sh" start "$TMP/pg" | tail -1)" ;;
  esac
done
