#!/usr/bin/env bash
# Runs every test: unit, storage contract and HTTP tests (GoogleTest) on SQLite and on a real
# PostgreSQL started here on loopback, the command-line tests, a short fuzz run, and the browser
# tests in Chromium. Prints one closing line "N passed, M failed"; exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
work=$(mktemp -d)
cleanup() {
  bash scripts/pg-cluster.sh stop "$work/pg" >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT

total_passed=0
total_failed=0
add() { total_passed=$((total_passed + $1)); total_failed=$((total_failed + $2)); }
# The last "…: N passed, M failed" line of a suite's output.
count_line() { grep -Eo '[0-9]+ passed, [0-9]+ failed' "$1" | tail -n 1; }

echo "== PostgreSQL: starting a throwaway cluster"
if pg_url=$(bash scripts/pg-cluster.sh start "$work/pg" | tail -n 1); then
  export SAMSKAB_TEST_PG_URL=$pg_url
  echo "   $pg_url"
else
  echo "   could not start PostgreSQL: the PostgreSQL tests will fail" >&2
fi

echo "== unit, storage and HTTP tests (GoogleTest)"
"$build/samskab_tests" --gtest_brief=1 2>&1 | tee "$work/gtest.log"
gtest_status=${PIPESTATUS[0]}
g_passed=$(grep -Eo '\[  PASSED  \] [0-9]+' "$work/gtest.log" | grep -Eo '[0-9]+$' || echo 0)
g_failed=$(grep -Eo '\[  FAILED  \] [0-9]+ test' "$work/gtest.log" | grep -Eo '[0-9]+' | head -1 || true)
g_failed=${g_failed:-0}
if [ "$gtest_status" -ne 0 ] && [ "$g_failed" -eq 0 ]; then g_failed=1; fi  # crashed
add "${g_passed:-0}" "$g_failed"

echo "== command-line tests"
bash tests/cli_test.sh "$build" 2>&1 | tee "$work/cli.log"
read -r c_passed _ c_failed _ <<<"$(count_line "$work/cli.log" || echo '0 passed, 1 failed')"
add "$c_passed" "$c_failed"

echo "== fuzzing (short run; make fuzz runs longer)"
FUZZ_SECONDS=${FUZZ_SECONDS:-15} bash scripts/fuzz.sh 2>&1 | tee "$work/fuzz.log"
read -r f_passed _ f_failed _ <<<"$(count_line "$work/fuzz.log" || echo '0 passed, 1 failed')"
add "$f_passed" "$f_failed"

echo "== browser tests (Chromium)"
bash tests/browser/run.sh "$build" 2>&1 | tee "$work/browser.log"
read -r b_passed _ b_failed _ <<<"$(count_line "$work/browser.log" || echo '0 passed, 1 failed')"
add "$b_passed" "$b_failed"

echo
echo "gtest: ${g_passed:-0} passed, $g_failed failed; cli: $c_passed passed, $c_failed failed;" \
  "fuzz: $f_passed passed, $f_failed failed; browser: $b_passed passed, $b_failed failed"
echo "$total_passed passed, $total_failed failed"
[ "$total_failed" -eq 0 ] && [ "$total_passed" -gt 0 ]
