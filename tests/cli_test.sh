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

check "demo collaborations lie in every quadrant and in the medium band" \
  test "$(sqlite3 "$tmp/demo.db" "SELECT GROUP_CONCAT(q) FROM (SELECT DISTINCT COALESCE(quadrant, level) AS q \
    FROM collaborations WHERE volunteer_type IS NOT NULL ORDER BY q)")" = "1,2,3,4,medium"
check "... once, however often demo runs" test "$(sqlite3 "$tmp/demo.db" "SELECT COUNT(*) FROM collaborations")" = "15"
check "... each recorded in the audit log" test "$(sqlite3 "$tmp/demo.db" \
  "SELECT COUNT(*) FROM audit_log WHERE action = 'collaboration.create'")" = "15"
check "demo's organisation post has one application, however often demo runs" test "$(sqlite3 "$tmp/demo.db" \
  "SELECT COUNT(*) FROM applications a JOIN opportunities o ON o.id = a.opportunity_id WHERE o.organisation_id = 1")" = "1"

# --- the generator -------------------------------------------------------------------------
cp "$tmp/demo.db" "$tmp/gen1.db" && cp "$tmp/demo.db" "$tmp/gen2.db"
"$bin" gen --db "sqlite:$tmp/gen1.db" --organisations 40 --collaborations 60 --seed 9 >"$tmp/out" 2>&1
check "gen adds organisations and collaborations" contains "$tmp/out" "40 organisation(s), 60 collaboration(s)"
"$bin" gen --db "sqlite:$tmp/gen2.db" --organisations 40 --collaborations 60 --seed 9 >/dev/null 2>&1
generated() { sqlite3 "$1" "SELECT GROUP_CONCAT(title || level || COALESCE(quadrant, '-'), '|') FROM collaborations"; }
check "... the same data for the same seed" test "$(generated "$tmp/gen1.db")" = "$(generated "$tmp/gen2.db")"
"$bin" gen --db "sqlite:$tmp/gen2.db" --organisations 40 --collaborations 60 --seed 10 >/dev/null 2>&1
check "... other data for another seed" test "$(sqlite3 "$tmp/gen2.db" \
  "SELECT COUNT(DISTINCT title) FROM collaborations WHERE title LIKE '% (1)'")" -ge 2
# Volunteers (issue 5): accounts, profiles and one change log entry each; seeded.
cp "$tmp/demo.db" "$tmp/vol1.db" && cp "$tmp/demo.db" "$tmp/vol2.db"
# The demo has volunteers of its own (app/market_demo): count on top of them.
demo_profiles=$(sqlite3 "$tmp/demo.db" "SELECT COUNT(*) FROM volunteer_profiles")
demo_changes=$(sqlite3 "$tmp/demo.db" "SELECT COUNT(*) FROM market_changes")
"$bin" gen --db "sqlite:$tmp/vol1.db" --volunteers 300 --seed 4 >"$tmp/out" 2>&1
check "gen --volunteers adds volunteers" contains "$tmp/out" "generated 300 volunteer(s) near 0190"
check "... with a profile and a change log entry each, and no collaborations" test "$(sqlite3 "$tmp/vol1.db" \
  "SELECT (SELECT COUNT(*) FROM volunteer_profiles) || '/' || (SELECT COUNT(*) FROM market_changes) || '/' || \
   (SELECT COUNT(*) FROM collaborations)")" = "$((demo_profiles + 300))/$((demo_changes + 300))/15"
check "... most in and around the capital region (postcodes 1xxx-3xxx)" test "$(sqlite3 "$tmp/vol1.db" \
  "SELECT COUNT(*) FROM volunteer_profiles WHERE postcode BETWEEN '1000' AND '3999'")" -ge 150
"$bin" gen --db "sqlite:$tmp/vol2.db" --volunteers 300 --seed 4 >/dev/null 2>&1
volunteers() { sqlite3 "$1" "SELECT GROUP_CONCAT(u.display_name || p.skills || p.languages || p.availability || \
  COALESCE(p.postcode, '-') || p.child_certificate || p.consent_matching, '|') FROM volunteer_profiles p JOIN users u ON u.id = p.user_id"; }
check "... the same volunteers for the same seed" test "$(volunteers "$tmp/vol1.db")" = "$(volunteers "$tmp/vol2.db")"
"$bin" gen --db "sqlite:$tmp/vol2.db" --volunteers 10 --seed 4 >/dev/null 2>&1
check "... and more of them on a second run" test "$(sqlite3 "$tmp/vol2.db" "SELECT COUNT(*) FROM volunteer_profiles")" = "$((demo_profiles + 310))"
"$bin" gen --db "sqlite:$tmp/vol2.db" --volunteers -3 >"$tmp/out" 2>&1 || true
check "... refusing a negative number" contains "$tmp/out" "negative"
"$bin" gen --db "sqlite:$tmp/vol2.db" --opportunities -2 >"$tmp/out" 2>&1 || true
check "gen --opportunities refuses a negative number" contains "$tmp/out" "negative"
"$bin" gen --db "sqlite:$tmp/oslo-gen.db" --collaborations 5 >"$tmp/out" 2>&1
check "... and refuses an unmigrated database" contains "$tmp/out" "samskab migrate"

"$bin" demo --db "sqlite:$tmp/oslo.db" --municipality no-0301 >"$tmp/out" 2>&1
check "demo activates a Norwegian municipality by its platform code" \
  test "$(sqlite3 "$tmp/oslo.db" "SELECT official_code, name, active FROM municipalities WHERE active = 1")" \
  = "0301|Oslo|1"

# --- generated opportunities (issue 5) ---------------------------------------------------------
cp "$tmp/demo.db" "$tmp/opp1.db" && cp "$tmp/demo.db" "$tmp/opp2.db"
"$bin" gen --db "sqlite:$tmp/opp1.db" --opportunities 300 --seed 4 >"$tmp/out" 2>&1
check "gen --opportunities adds opportunities" contains "$tmp/out" "generated 300 opportunit(ies) in 0190 (seed 4"
"$bin" gen --db "sqlite:$tmp/opp2.db" --opportunities 300 --seed 4 >/dev/null 2>&1
opportunities() { sqlite3 "$1" "SELECT GROUP_CONCAT(title || '|' || COALESCE(postcode, '-') || '|' || availability || status, ';')
  FROM (SELECT * FROM opportunities ORDER BY id)"; }
check "... the same data for the same seed" test "$(opportunities "$tmp/opp1.db")" = "$(opportunities "$tmp/opp2.db")"
check "... in Danish, from units and organisations, mostly open" test "$(sqlite3 "$tmp/opp1.db" \
  "SELECT MIN(language) = 'da' AND MAX(language) = 'da', COUNT(DISTINCT unit_id) > 1, COUNT(DISTINCT organisation_id) > 1,
          SUM(status = 'open') > 200, COUNT(DISTINCT title) > 100 FROM opportunities")" = "1|1|1|1|1"
"$bin" gen --db "sqlite:$tmp/oslo.db" --municipality no-0301 --opportunities 20 >"$tmp/out" 2>&1
check "... in bokmål for a Norwegian municipality" test "$(sqlite3 "$tmp/oslo.db" \
  "SELECT language, COUNT(*) FROM opportunities GROUP BY language")" = "nb|20"

# --- accounts and tokens -------------------------------------------------------------------
db="sqlite:$tmp/demo.db"
printf 'et langt kodeord\n' | "$bin" user add --db "$db" --email Ny.Admin@Furesoe.dk --municipality 0190 \
  --role municipal_admin >"$tmp/out" 2>&1
check "user add reads the password from standard input" contains "$tmp/out" "added with role municipal_admin"
check "... stores the address lower-cased with its role" test "$(sqlite3 "$tmp/demo.db" \
  "SELECT u.email, g.role, g.municipality_code FROM users u JOIN role_grants g ON g.user_id = u.id
   WHERE u.email = 'ny.admin@furesoe.dk'")" = "ny.admin@furesoe.dk|municipal_admin|0190"
check "... and never the password itself" test "$(sqlite3 "$tmp/demo.db" \
  "SELECT COUNT(*) FROM users WHERE password_hash LIKE '\$argon2id\$%' AND email = 'ny.admin@furesoe.dk'")" = 1
printf 'et langt kodeord\n' | "$bin" user add --db "$db" --email ny.admin@furesoe.dk --municipality 0190 \
  --role municipal_admin >"$tmp/out" 2>&1
check "an e-mail address that has an account is refused" contains "$tmp/out" "an account with it exists"
printf 'kort\n' | "$bin" user add --db "$db" --email kort@furesoe.dk --municipality 0190 --role municipal_admin \
  >"$tmp/out" 2>&1
code=$?
check "a short password is refused with exit 2" test "$code" -eq 2
check "... saying how long it must be" contains "$tmp/out" "at least 10 characters"
printf 'et langt kodeord\n' | "$bin" user add --db "$db" --email m@furesoe.dk --municipality 0190 \
  --role municipal_employee >"$tmp/out" 2>&1
check "an employee without --unit is refused" contains "$tmp/out" "--role municipal_employee needs --unit"
printf 'et langt kodeord\n' | "$bin" user add --db "$db" --email m@furesoe.dk --role chef >"$tmp/out" 2>&1
check "an unknown role is refused, naming the roles" contains "$tmp/out" "--role must be one of platform_admin"
check "... and nothing was added" test "$(sqlite3 "$tmp/demo.db" "SELECT COUNT(*) FROM users WHERE email IN
  ('kort@furesoe.dk', 'm@furesoe.dk')")" = 0

"$bin" token create --db "$db" --municipality 0190 --role municipal_employee --name "ESDH" >"$tmp/out" 2>&1
token=$(tail -n1 "$tmp/out")
check "token create prints the token alone on its last line" grep -Eq '^smk_[0-9a-f]{64}$' <<<"$token"
check "... and stores only its hash" test "$(sqlite3 "$tmp/demo.db" \
  "SELECT COUNT(*) FROM api_tokens WHERE token_hash = '$token'")" = 0
"$bin" token create --db "$db" --municipality 0190 --role volunteer >"$tmp/out" 2>&1
code=$?
check "a token for a person's role is refused with exit 2" test "$code" -eq 2

sqlite3 "$tmp/demo.db" "INSERT INTO inquiries (municipality_code, name, email, topic, message, request_id, created_at)
  VALUES ('0190', 'Gammel', 'g@x.dk', 'help', 'for længe siden', 'r', '2020-01-01T00:00:00Z')"
"$bin" retention --db "$db" >"$tmp/out" 2>&1
check "retention deletes a contact message past its year" contains "$tmp/out" "1 contact message(s)"
check "... from the database" test "$(sqlite3 "$tmp/demo.db" "SELECT COUNT(*) FROM inquiries WHERE name = 'Gammel'")" = 0

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
curl -s -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/me" >"$tmp/me.json"
check "the CLI's token works on the API" contains "$tmp/me.json" '"role":"municipal_employee"'
check "... with its municipality" contains "$tmp/me.json" '"municipality_code":"0190"'
check "an unknown token gets 401" test "$(curl -s -o /dev/null -w '%{http_code}' \
  -H 'Authorization: Bearer smk_0000' "http://127.0.0.1:$port/api/v1/me")" = 401
check "/metrics is not public" test "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/metrics")" = 303
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
