#!/usr/bin/env bash
# Tests of the samskab command itself: subcommands, configuration errors, schema checks,
# signals. Usage: tests/cli_test.sh BUILD_DIR. Prints "cli: N passed, M failed" last.
set -uo pipefail
build=${1:-build}
bin="$build/samskab"
tmp=$(mktemp -d)
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill -9 "$server_pid" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT
passed=0
failed=0
check() {  # check NAME COMMAND...: passes when COMMAND succeeds
  local name=$1
  shift
  if "$@"; then
    passed=$((passed + 1))
    echo "ok   - $name"
  else
    failed=$((failed + 1))
    echo "FAIL - $name" >&2
  fi
}
contains() { grep -qF -- "$2" "$1"; }
free_port() {
  local port
  for _ in $(seq 1 100); do
    port=$((20000 + RANDOM % 20000))
    (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null || { echo "$port"; return; }
  done
}

"$bin" version >"$tmp/out" 2>&1
check "version prints the version" contains "$tmp/out" "samskab 0."

SAMSKAB_SERVER_WORKER_THREADS=0 "$bin" serve --db "sqlite:$tmp/a.db" >"$tmp/out" 2>&1
code=$?
check "a bad environment value stops start-up with exit 2" test "$code" -eq 2
check "... and names the key and the variable" contains "$tmp/out" \
  "configuration server.worker_threads (environment SAMSKAB_SERVER_WORKER_THREADS): must be a whole number"

printf '[server]\nlisen = "127.0.0.1:1"\n' >"$tmp/bad.toml"
"$bin" serve --config "$tmp/bad.toml" --db "sqlite:$tmp/a.db" >"$tmp/out" 2>&1
check "an unknown key in the configuration file is named" contains "$tmp/out" "server.lisen"

"$bin" migrate --db "mysql://localhost/x" >"$tmp/out" 2>&1
check "an unsupported database URL is refused" contains "$tmp/out" "must start with sqlite: or postgresql://"

"$bin" serve --db "sqlite:$tmp/fresh.db" --listen 127.0.0.1:0 >"$tmp/out" 2>&1
code=$?
check "serve refuses a database that is not migrated" test "$code" -ne 0
check "... and says to run samskab migrate" contains "$tmp/out" "run \`samskab migrate\`"

"$bin" demo --db "sqlite:$tmp/demo.db" >"$tmp/out" 2>&1 && "$bin" demo --db "sqlite:$tmp/demo.db" >>"$tmp/out" 2>&1
check "demo is idempotent" test "$(sqlite3 "$tmp/demo.db" \
  'SELECT country, COUNT(*), SUM(active) FROM municipalities GROUP BY country ORDER BY country')" = $'dk|98|1\nno|357|0'
check "... and keeps the revision of an unchanged municipality" \
  test "$(sqlite3 "$tmp/demo.db" "SELECT revision FROM municipalities WHERE code = '0101'")" = "1"

"$bin" demo --db "sqlite:$tmp/oslo.db" --municipality no-0301 >"$tmp/out" 2>&1
check "demo activates a Norwegian municipality by its platform code" \
  test "$(sqlite3 "$tmp/oslo.db" "SELECT official_code, name, active FROM municipalities WHERE active = 1")" \
  = "0301|Oslo|1"

cp "$tmp/demo.db" "$tmp/newer.db"
sqlite3 "$tmp/newer.db" "INSERT INTO schema_migrations VALUES (9999, 'future', '2030-01-01T00:00:00Z')"
"$bin" serve --db "sqlite:$tmp/newer.db" --listen 127.0.0.1:0 >"$tmp/out" 2>&1
code=$?
check "serve refuses a database newer than itself" test "$code" -ne 0
check "... with a message saying so" contains "$tmp/out" "newer than this samskab"

port=$(free_port)
"$bin" serve --db "sqlite:$tmp/demo.db" --listen "127.0.0.1:$port" >"$tmp/serve.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do
  curl -fs "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break
  sleep 0.05
done
check "serve answers /readyz" curl -fs "http://127.0.0.1:$port/readyz" -o /dev/null
kill -TERM "$server_pid"
stopped=1
for _ in $(seq 1 100); do
  kill -0 "$server_pid" 2>/dev/null || { stopped=0; break; }
  sleep 0.05
done
wait "$server_pid" 2>/dev/null
code=$?
server_pid=""
check "SIGTERM stops the server within 5 s" test "$stopped" -eq 0
check "... with exit status 0" test "$code" -eq 0
check "... and logs the shutdown" contains "$tmp/serve.log" "event=stopped"
check "every log line carries a request id field" test "$(grep -vc ' req=' "$tmp/serve.log")" -eq 0

echo "cli: $passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
