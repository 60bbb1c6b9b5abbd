#!/usr/bin/env bash
# Browser tests: starts samskab on a demo database and runs tests/browser/*.test.mjs against it
# with headless Chromium (playwright-core + axe-core).
#
#   tests/browser/run.sh BUILD_DIR [FILE…]   e.g. tests/browser/run.sh build
#   (FILEs: only these test files, e.g. tests/browser/agreements.test.mjs; all by default)
#
# Needs /usr/bin/chromium and node_modules (scripts/install-deps.sh installs both).
# The last line is always "browser: N passed, M failed"; the exit status is non-zero when a
# test failed or none ran.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BUILD="${1:?usage: tests/browser/run.sh BUILD_DIR}"
BUILD="$(cd "$BUILD" && pwd)"
shift
FILES=("$@")
BIN="$BUILD/samskab"
[ -x "$BIN" ] || { echo "browser: $BIN not found; build it first" >&2; echo "browser: 0 passed, 0 failed"; exit 1; }
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || { echo "browser: chromium missing; run scripts/install-deps.sh" >&2; echo "browser: 0 passed, 0 failed"; exit 1; }
[ -d "$ROOT/node_modules/playwright-core" ] || { echo "browser: node_modules missing; run scripts/install-deps.sh" >&2; echo "browser: 0 passed, 0 failed"; exit 1; }

TMP="$(mktemp -d "${TMPDIR:-/tmp}/samskab-browser.XXXXXX")"
SERVER_PID=""
BROWSER_PID=""
stop() {  # stop PID: SIGTERM, up to 5 s to finish, then SIGKILL
  local pid="$1"
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}
cleanup() {
  stop "$BROWSER_PID"
  stop "$SERVER_PID"
  rm -rf "$TMP"
}
trap cleanup EXIT

"$BIN" demo --db "sqlite:$TMP/browser.db" >/dev/null
# Opportunities for the search page's tests (issue 5), posted by the demo's units and organisations.
"$BIN" gen --db "sqlite:$TMP/browser.db" --opportunities 120 --seed 1 >/dev/null
# Accounts of the account tests' own, which they may reset and erase (the demo accounts are shared).
for who in "slet.mig:Slet Mig" "reset.mig:Reset Mig"; do
  printf 'browser-test-password\n' | "$BIN" user add --db "sqlite:$TMP/browser.db" \
    --email "${who%%:*}@demo.samskab.dk" --name "${who#*:}" --role volunteer >/dev/null
done
# The account tests read the outbox (reset links) from the database file.
export SAMSKAB_BROWSER_DB="$TMP/browser.db"

# Port 0: the system picks a free port, and the server's ready line says which.
"$BIN" serve --db "sqlite:$TMP/browser.db" --listen 127.0.0.1:0 --set "log.file=$TMP/server.log" \
  >"$TMP/server.out" 2>&1 &
SERVER_PID=$!

PORT=""
for _ in $(seq 100); do  # at most ~10 s
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then break; fi
  PORT="$(sed -n 's/.*event=ready listen=127\.0\.0\.1:\([0-9]\+\).*/\1/p' "$TMP/server.log" 2>/dev/null | head -n1 || true)"
  if [ -n "$PORT" ] && [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$PORT/readyz")" = 200 ]; then
    break
  fi
  PORT=""
  sleep 0.1
done
if [ -z "$PORT" ]; then
  echo "browser: the server did not become ready" >&2
  cat "$TMP/server.out" "$TMP/server.log" >&2 2>/dev/null || true
  echo "browser: 0 passed, 0 failed"
  exit 1
fi

export BASE_URL="http://127.0.0.1:$PORT"
cd "$ROOT"

# One Chromium for all test files (each file connects to it; see browser-server.mjs).
node tests/browser/browser-server.mjs >"$TMP/browser.out" 2>&1 &
BROWSER_PID=$!
BROWSER_WS_ENDPOINT=""
for _ in $(seq 300); do  # at most ~30 s on a busy machine
  BROWSER_WS_ENDPOINT="$(grep -m1 '^ws://' "$TMP/browser.out" 2>/dev/null || true)"
  [ -n "$BROWSER_WS_ENDPOINT" ] && break
  kill -0 "$BROWSER_PID" 2>/dev/null || break
  sleep 0.1
done
if [ -z "$BROWSER_WS_ENDPOINT" ]; then
  echo "browser: Chromium did not start" >&2
  cat "$TMP/browser.out" >&2 || true
  echo "browser: 0 passed, 0 failed"
  exit 1
fi
export BROWSER_WS_ENDPOINT
# By default the files `node --test tests/browser/` would find, on any Node version.
[ "${#FILES[@]}" -gt 0 ] || FILES=(tests/browser/*.test.mjs)
# Each file may take ten minutes: the axe files visit many pages, and a loaded 2-core machine
# runs three files at once.
status=0
node --test --test-timeout=600000 --test-concurrency=3 \
  --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination="$TMP/tap.txt" \
  "${FILES[@]}" || status=$?

count() { sed -n "s/^# $1 \([0-9]\+\)$/\1/p" "$TMP/tap.txt" | tail -n1; }
passed="$(count pass)"; passed="${passed:-0}"
failed="$(count fail)"; failed="${failed:-0}"
cancelled="$(count cancelled)"; cancelled="${cancelled:-0}"
failed=$((failed + cancelled))

if ! kill -0 "$SERVER_PID" 2>/dev/null; then
  server_status=0
  wait "$SERVER_PID" 2>/dev/null || server_status=$?
  echo "browser: samskab serve died during the tests (exit status $server_status)" >&2
  [ "$failed" -gt 0 ] || failed=1
fi
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  echo "browser: node --test exited with status $status" >&2
  failed=1
fi
if [ "$failed" -gt 0 ]; then
  echo "browser: server output and log (without access lines):" >&2
  tail -n 20 "$TMP/server.out" >&2 || true
  grep -v 'event=access' "$TMP/server.log" | tail -n 20 >&2 || true
fi
echo "browser: $passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
