#!/usr/bin/env bash
# samskab's benchmarks (`make bench`, or `bash bench/run.sh BUILD_DIR`). Not part of `make test`:
# nothing here asserts timings; it measures and prints.
#
# In one run, side by side on this machine:
#   1. wrk against samskab and against nginx serving the same bytes from disk: the static asset
#      /static/app/app.css?v=<hash> (URL taken from the start page), the rendered start page /,
#      and one JSON read /api/v1/municipalities/0190. Requests/s, p50, p99, and the ratio.
#   2. samskab's resident memory (VmRSS) idle after start-up and after the load.
#   3. Start-up to ready on an existing database: exec of `samskab serve` to the first 200 from
#      /readyz, repeated; median and max.
#   4. Accounts (issue 3): the start page for a logged-in user against the same page for the
#      public (interleaved rounds); POST /login at full rate against the argon2id bound (the
#      measured cost of one verification and server.hash_threads); and the p99 of the start page
#      while those logins run.
#   5. The Google Benchmark micro-benchmarks ($BUILD/samskab_bench, from bench/*_bench.cpp).
#
# Everything it starts (samskab, nginx) runs from a temporary directory, on 127.0.0.1 only, on
# free ports, and is stopped on exit. The latest raw results go to bench/results/ (git-ignored).
#
# Knobs (environment): BENCH_DURATION (s, default 10), BENCH_CONNECTIONS (64), BENCH_THREADS (2,
# wrk's), BENCH_WARMUP (s, 2), BENCH_ROUNDS (3: measured runs per side and scenario),
# BENCH_STARTUP_RUNS (10), BENCH_HASH_THREADS (1), BENCH_LOGIN_CONNECTIONS (4),
# BENCH_IO_THREADS / BENCH_WORKER_THREADS (samskab's settings, 2 / 2, see
# docs/BENCHMARKS.md), BENCH_NGINX_WORKERS (2), BENCH_MIN_TIME (0.2, micro-benchmarks),
# BENCH_SWEEP=1 (also try other io/worker thread settings on the start page and the JSON read;
# BENCH_SWEEP_SETTINGS="1:1 1:2 ..." as io:workers), BENCH_MICRO=0 (skip the micro-benchmarks),
# BENCH_MICRO_BIN (another samskab_bench), BENCH_QUIET_WAIT (s, 180: how long to wait for other
# load on the machine to drop below BENCH_QUIET_BUSY, 15 %), BENCH_KEEP_TMP=1 (keep the temporary
# directory for inspection).
set -euo pipefail
export LC_ALL=C

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${1:-build}
[[ $BUILD = /* ]] || BUILD=$ROOT/$BUILD
SAMSKAB=$BUILD/samskab
MICRO=${BENCH_MICRO_BIN:-$BUILD/samskab_bench}
RESULTS=$ROOT/bench/results

DURATION=${BENCH_DURATION:-10}
CONNECTIONS=${BENCH_CONNECTIONS:-64}
WRK_THREADS=${BENCH_THREADS:-2}
WARMUP=${BENCH_WARMUP:-2}
ROUNDS=${BENCH_ROUNDS:-3}
STARTUP_RUNS=${BENCH_STARTUP_RUNS:-10}
# Chosen for this 2-core machine; see docs/BENCHMARKS.md ("Server settings").
IO_THREADS=${BENCH_IO_THREADS:-2}
WORKER_THREADS=${BENCH_WORKER_THREADS:-2}
HASH_THREADS=${BENCH_HASH_THREADS:-1}
NGINX_WORKERS=${BENCH_NGINX_WORKERS:-2}
MIN_TIME=${BENCH_MIN_TIME:-0.2}
NGINX=${NGINX:-/usr/sbin/nginx}
MUNICIPALITY=0190

die() { echo "bench: $*" >&2; exit 1; }
[[ -x $SAMSKAB ]] || die "no $SAMSKAB (build first: make build, or cmake + ninja into $BUILD)"
command -v wrk >/dev/null || die "wrk is missing (bash scripts/install-deps.sh)"
command -v curl >/dev/null || die "curl is missing"
[[ -x $NGINX ]] || die "nginx is missing at $NGINX (bash scripts/install-deps.sh)"

TMP=$(mktemp -d /tmp/samskab-bench.XXXXXX)
chmod 755 "$TMP"  # nginx workers may run as another user (nobody) and must read www/
mkdir -p "$RESULTS"
rm -f "$RESULTS"/*.txt "$RESULTS"/*.csv "$RESULTS"/*.tsv "$RESULTS"/*.log
SAMSKAB_PID=
NGINX_PID=

stop_pid() {  # pid: SIGTERM, up to 5 s, then SIGKILL; only the processes this script started
  local pid=$1 i
  [[ -n $pid ]] || return 0
  kill -TERM "$pid" 2>/dev/null || return 0
  for ((i = 0; i < 100; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    read -r -t 0.05 -u "$SLEEP_FD" || true
  done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}
cleanup() {
  local rc=$?
  stop_pid "$SAMSKAB_PID"
  stop_pid "$NGINX_PID"
  if [[ ${BENCH_KEEP_TMP:-0} = 1 ]]; then echo "bench: kept $TMP"; else rm -rf "$TMP"; fi
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# A file descriptor that never delivers data: `read -t S -u $SLEEP_FD` sleeps S seconds without
# forking a process (used for the millisecond polling of the start-up measurement).
exec {SLEEP_FD}<> <(:)
nap() { read -r -t "$1" -u "$SLEEP_FD" || true; }

# One GET over bash's /dev/tcp (no fork, so it can poll every millisecond). Sets HTTP_CODE.
http_code() {
  local port=$1 path=$2 fd line
  HTTP_CODE=
  { exec {fd}<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null || return 0
  printf 'GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' "$path" 1>&"$fd" 2>/dev/null || true
  IFS= read -r -t 2 -u "$fd" line || true
  exec {fd}>&-
  if [[ $line =~ ^HTTP/1\.[01]\ ([0-9]{3}) ]]; then HTTP_CODE=${BASH_REMATCH[1]}; fi
  return 0
}

# A free TCP port on 127.0.0.1 (nothing listening on it), not one handed out before: sets PORT.
USED_PORTS=" "
free_port() {
  local i
  for ((i = 0; i < 200; i++)); do
    PORT=$((20000 + (RANDOM * 32768 + RANDOM) % 40000))
    [[ $USED_PORTS == *" $PORT "* ]] && continue
    if command -v ss >/dev/null; then
      ss -Htln "sport = :$PORT" 2>/dev/null | grep -q . && continue
    fi
    http_code "$PORT" /
    [[ -z $HTTP_CODE ]] || continue
    USED_PORTS+="$PORT "
    return 0
  done
  die "no free port found"
}

free_port
SAMSKAB_PORT=$PORT
free_port
NGINX_PORT=$PORT
DB=$TMP/bench.db

# --- samskab --------------------------------------------------------------------------------

# start_samskab IO WORKERS: starts `samskab serve` in the background, sets SAMSKAB_PID.
start_samskab() {
  "$SAMSKAB" serve --db "sqlite:$DB" --listen "127.0.0.1:$SAMSKAB_PORT" \
    --set "server.io_threads=$1" --set "server.worker_threads=$2" --set "server.hash_threads=$HASH_THREADS" \
    --set "log.file=$TMP/samskab.log" --set "site.assets_dir=$ROOT" \
    >>"$TMP/samskab.stderr" 2>&1 &
  SAMSKAB_PID=$!
}
# Waits (up to 10 s) for /readyz to answer 200.
wait_ready() {
  local i
  for ((i = 0; i < 10000; i++)); do
    http_code "$SAMSKAB_PORT" /readyz
    [[ $HTTP_CODE = 200 ]] && return 0
    kill -0 "$SAMSKAB_PID" 2>/dev/null || die "samskab exited during start-up: $(tail -3 "$TMP/samskab.stderr")"
    nap 0.001
  done
  die "samskab not ready within 10 s"
}
samskab_alive() { [[ -n $SAMSKAB_PID ]] && kill -0 "$SAMSKAB_PID" 2>/dev/null; }
# How samskab ended when it ended without being asked to: sets DEATH ("SIGSEGV", "exit 1").
samskab_death() {
  local rc=0
  wait "$SAMSKAB_PID" 2>/dev/null || rc=$?
  SAMSKAB_PID=
  if ((rc > 128)); then DEATH="SIG$(kill -l $((rc - 128)) 2>/dev/null || echo $((rc - 128)))"; else DEATH="exit $rc"; fi
}
rss_kb() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }
mb() { awk -v kb="$1" 'BEGIN { printf "%.1f", kb / 1024 }'; }

# Other work on the machine distorts every figure here. Wait (bounded) until the CPUs are
# mostly idle for 3 s in a row before measuring; the report states the load either way.
cpu_busy_pct() {  # over 1 s, all CPUs: the share not idle
  local a b
  read -r -a a < <(head -1 /proc/stat)
  nap 1
  read -r -a b < <(head -1 /proc/stat)
  awk -v u=$((b[1] + b[2] + b[3] + b[6] + b[7] + b[8] - a[1] - a[2] - a[3] - a[6] - a[7] - a[8])) \
      -v i=$((b[4] + b[5] - a[4] - a[5])) 'BEGIN { printf "%.0f", (u + i > 0) ? 100 * u / (u + i) : 0 }'
}
QUIET_WAIT=${BENCH_QUIET_WAIT:-180}
wait_quiet() {  # SECONDS: sets BUSY (last sample, %) and QUIET (1 when 3 quiet seconds came in time)
  local quiet=0 waited=0
  QUIET=0
  while ((waited < $1)); do
    BUSY=$(cpu_busy_pct)
    waited=$((waited + 1))
    if ((BUSY <= ${BENCH_QUIET_BUSY:-15})); then quiet=$((quiet + 1)); else quiet=0; fi
    if ((quiet >= 3)); then QUIET=1; return 0; fi
    ((waited % 15 == 0)) && echo "bench: waiting for a quieter machine (CPUs ${BUSY}% busy with other work; up to $1 s)"
  done
  return 0
}
wait_quiet "$QUIET_WAIT"
QUIET_NOTE="CPUs ${BUSY}% busy with other work when the measurements started"
((QUIET)) || QUIET_NOTE+=" (gave up waiting for a quiet machine after ${QUIET_WAIT}s: figures are distorted)"
echo "bench: temporary directory $TMP; samskab on 127.0.0.1:$SAMSKAB_PORT, nginx on 127.0.0.1:$NGINX_PORT"
"$SAMSKAB" demo --db "sqlite:$DB" >/dev/null

start_samskab "$IO_THREADS" "$WORKER_THREADS"
wait_ready
nap 1
RSS_IDLE_KB=$(rss_kb "$SAMSKAB_PID")

# --- the same bytes for nginx ---------------------------------------------------------------

WWW=$TMP/www
mkdir -p "$WWW/static/app" "$WWW/api/v1/municipalities"
BASE=http://127.0.0.1:$SAMSKAB_PORT
curl -fsS --max-time 5 -o "$WWW/index.html" "$BASE/"
CSS_URL=$(grep -o '/static/app/app\.css?v=[0-9a-f]*' "$WWW/index.html" | head -1)
[[ -n $CSS_URL ]] || die "the start page links no /static/app/app.css?v=…"
curl -fsS --max-time 5 -o "$WWW/static/app/app.css" "$BASE$CSS_URL"
API_PATH=/api/v1/municipalities/$MUNICIPALITY
curl -fsS --max-time 5 -o "$WWW$API_PATH" "$BASE$API_PATH"
chmod -R a+rX "$WWW"

mkdir -p "$TMP/nginx-temp"
cat >"$TMP/nginx.conf" <<EOF
# Written by bench/run.sh: nginx serving, from disk, the bytes samskab served.
worker_processes $NGINX_WORKERS;
daemon off;
pid $TMP/nginx.pid;
error_log $TMP/nginx-error.log warn;
events { worker_connections 1024; }
http {
  access_log $TMP/nginx-access.log;
  client_body_temp_path $TMP/nginx-temp/body;
  proxy_temp_path $TMP/nginx-temp/proxy;
  fastcgi_temp_path $TMP/nginx-temp/fastcgi;
  uwsgi_temp_path $TMP/nginx-temp/uwsgi;
  scgi_temp_path $TMP/nginx-temp/scgi;
  types { text/html html; text/css css; }
  default_type application/octet-stream;
  charset utf-8;
  charset_types text/css;
  sendfile on;
  tcp_nopush on;
  tcp_nodelay on;
  server_tokens off;
  # samskab keeps a connection open for any number of requests; so does nginx here.
  keepalive_requests 100000000;
  keepalive_timeout 65s;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $WWW;
    index index.html;
    # The headers samskab sends on every response, so that both send about as many bytes.
    add_header Content-Security-Policy "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'" always;
    add_header X-Content-Type-Options nosniff always;
    add_header Referrer-Policy strict-origin-when-cross-origin always;
    add_header X-Frame-Options DENY always;
    add_header Cross-Origin-Opener-Policy same-origin always;
    add_header Cache-Control no-cache always;
    location = $API_PATH { default_type application/json; }
  }
}
EOF
"$NGINX" -p "$TMP" -e "$TMP/nginx-error.log" -c "$TMP/nginx.conf" -t >/dev/null 2>&1 ||
  die "nginx rejects the configuration: $("$NGINX" -p "$TMP" -e "$TMP/nginx-error.log" -c "$TMP/nginx.conf" -t 2>&1 | tail -2)"
"$NGINX" -p "$TMP" -e "$TMP/nginx-error.log" -c "$TMP/nginx.conf" >>"$TMP/nginx.stderr" 2>&1 &
NGINX_PID=$!
for ((i = 0; i < 500; i++)); do
  http_code "$NGINX_PORT" /
  [[ $HTTP_CODE = 200 ]] && break
  kill -0 "$NGINX_PID" 2>/dev/null || die "nginx exited: $(tail -3 "$TMP/nginx-error.log" 2>/dev/null)"
  nap 0.01
done
[[ $HTTP_CODE = 200 ]] || die "nginx not answering within 5 s"

# CPU time used by other work on the machine during a phase: all busy CPU time (/proc/stat,
# including steal) minus what this script's children (wrk, samskab, nginx, ...) used.
cpu_mark() {  # sets MARK_BUSY (ticks), MARK_CHILDREN (s), MARK_TIME (us)
  local a t
  read -r -a a < <(head -1 /proc/stat)
  MARK_BUSY=$((a[1] + a[2] + a[3] + a[6] + a[7] + a[8]))
  times >"$TMP/times"
  t=$(tail -1 "$TMP/times")
  MARK_CHILDREN=$(awk '{ s = 0; for (i = 1; i <= 2; i++) { split($i, p, "m"); s += p[1] * 60 + p[2] } printf "%.2f", s }' <<<"$t")
  MARK_TIME=${EPOCHREALTIME/./}
}
other_load() {  # sets OTHER_LOAD, from the MARK_* of the phase's start: "N% of the CPUs". Not in $(…):
  # a subshell does not see the CPU time of this shell's children.
  local busy0=$MARK_BUSY children0=$MARK_CHILDREN time0=$MARK_TIME
  cpu_mark
  OTHER_LOAD=$(awk -v busy=$((MARK_BUSY - busy0)) -v hz="$(getconf CLK_TCK)" -v c0="$children0" -v c1="$MARK_CHILDREN" \
      -v us=$((MARK_TIME - time0)) -v n="$(nproc)" 'BEGIN {
    other = busy / hz - (c1 - c0); if (other < 0) other = 0
    printf "%.0f%% of the CPUs (%.1f CPU-s of %.1f)", 100 * other / (us / 1e6 * n), other, us / 1e6 * n }')
}

# Both sides must serve byte-identical bodies, with status 200.
NAMES=(static page api)
LABELS=("static $CSS_URL" "start page /" "JSON API $API_PATH")
PATHS=("$CSS_URL" / "$API_PATH")
for i in 0 1 2; do
  sum_s=$(curl -fsS --max-time 5 "$BASE${PATHS[$i]}" | cksum)
  sum_n=$(curl -fsS --max-time 5 "http://127.0.0.1:$NGINX_PORT${PATHS[$i]}" | cksum)
  [[ $sum_s = "$sum_n" ]] || die "samskab and nginx serve different bytes for ${PATHS[$i]}"
done

# --- wrk ------------------------------------------------------------------------------------

# wrk_run NAME URL SECONDS [WRK ARGS...]: runs wrk (bounded in time; the extra arguments come
# last and win, e.g. -c8), keeps its output in $RESULTS/wrk-NAME.txt and sets RPS, P50, P99 (ms),
# ERRS (socket errors + responses other than 2xx/3xx).
wrk_run() {
  local name=$1 url=$2 seconds=$3 out=$RESULTS/wrk-$1.txt
  shift 3
  timeout $((seconds + 30)) wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"${seconds}s" --latency "$@" "$url" >"$out" 2>&1 || true
  wrk_parse "$out"
}
wrk_parse() {  # FILE: sets RPS P50 P99 ERRS from a wrk --latency report
  read -r RPS P50 P99 ERRS < <(awk '
    function ms(v) {
      if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v + 0
    }
    /^Requests\/sec:/ { rps = $2 }
    $1 == "50%" { p50 = ms($2) }
    $1 == "99%" { p99 = ms($2) }
    /Socket errors:/ { gsub(",", ""); errs += $4 + $6 + $8 + $10 }
    /Non-2xx or 3xx responses:/ { errs += $NF }
    END { printf "%s %s %s %d\n", (rps == "" ? "-" : rps), (p50 == "" ? "-" : p50), (p99 == "" ? "-" : p99), errs }
  ' "$1")
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a + 0 > 0 && b + 0 > 0) printf "%.2f", a / b; else printf "-" }'; }
declare -A R  # results: R[side.name.metric] (space-separated values, one per round)
SUMMARY=$RESULTS/summary.tsv
printf 'round\tscenario\tside\treq_per_s\tp50_ms\tp99_ms\terrors\tstatus\n' >"$SUMMARY"

# measure SIDE NAME URL ROUND: (a warm-up in the first round, then) one measured wrk run.
measure() {
  local side=$1 name=$2 url=$3 round=$4 status=ok
  [[ ${R[$side.$name.status]:-ok} = ok ]] || return 0  # it crashed in an earlier round: that is the result
  if [[ $side = samskab ]] && ! samskab_alive; then
    start_samskab "$IO_THREADS" "$WORKER_THREADS"
    wait_ready
  fi
  if ((round == 1 && WARMUP > 0)); then wrk_run "$side-$name-warmup" "$url" "$WARMUP"; fi
  if [[ $side = samskab ]] && ! samskab_alive; then
    samskab_death
    status="CRASHED ($DEATH) in the warm-up"
  else
    wrk_run "$side-$name-$round" "$url" "$DURATION"
    if [[ $side = samskab ]] && ! samskab_alive; then
      samskab_death
      status="CRASHED ($DEATH)"
    fi
  fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$name" "$side" "$RPS" "$P50" "$P99" "$ERRS" "$status" >>"$SUMMARY"
  echo "bench: round $round, $side $name: $RPS req/s, p50 $P50 ms, p99 $P99 ms, errors $ERRS, $status"
  R[$side.$name.status]=$status
  R[$side.$name.errs]=$((${R[$side.$name.errs]:-0} + ERRS))
  # A server that died under the load has no throughput to report, whatever wrk counted.
  [[ $status = ok ]] || return 0
  R[$side.$name.rps]+="$RPS " R[$side.$name.p50]+="$P50 " R[$side.$name.p99]+="$P99 "
}

cpu_mark
# Rounds interleave the two sides (nginx first in odd rounds, samskab first in even ones), so
# that other work on the machine hits both alike; the table shows medians over the rounds.
for ((round = 1; round <= ROUNDS; round++)); do
  for i in 0 1 2; do
    if ((round % 2)); then order="nginx samskab"; else order="samskab nginx"; fi
    for side in $order; do
      if [[ $side = nginx ]]; then
        measure nginx "${NAMES[$i]}" "http://127.0.0.1:$NGINX_PORT${PATHS[$i]}" "$round"
      else
        measure samskab "${NAMES[$i]}" "$BASE${PATHS[$i]}" "$round"
      fi
    done
  done
done
# Medians over the rounds: M[side.name.metric]; the ratio is the median of the per-round ratios.
median() { printf '%s\n' "$@" | { grep -E '^[0-9.]+$' || true; } | sort -g | awk '{ v[NR] = $1 } END {
  if (NR == 0) { printf "-"; exit }
  printf "%.2f", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
declare -A M
for n in "${NAMES[@]}"; do
  for side in samskab nginx; do
    for metric in rps p50 p99; do
      # shellcheck disable=SC2086  # the values are space-separated numbers
      M[$side.$n.$metric]=$(median ${R[$side.$n.$metric]:-})
    done
    [[ ${R[$side.$n.status]} = ok ]] || M[$side.$n.rps]=CRASH
  done
  read -r -a rps_s <<<"${R[samskab.$n.rps]:-}"
  read -r -a rps_n <<<"${R[nginx.$n.rps]:-}"
  ratios=()
  for ((k = 0; k < ${#rps_s[@]} && k < ${#rps_n[@]}; k++)); do ratios+=("$(ratio "${rps_s[$k]}" "${rps_n[$k]}")"); done
  M[ratio.$n]=$(median "${ratios[@]}")
  [[ ${R[samskab.$n.status]} = ok ]] || M[ratio.$n]=-
done

# After the load: let the last connections close, then read the resident set.
RSS_LOAD_KB='' RSS_LOAD_NOTE=''
if samskab_alive; then
  nap 2
  RSS_LOAD_KB=$(rss_kb "$SAMSKAB_PID")
  [[ ${R[samskab.page.status]} = ok && ${R[samskab.static.status]} = ok ]] ||
    RSS_LOAD_NOTE=" (of a samskab restarted after the crash)"
fi
tail -n 200 "$TMP/samskab.log" >"$RESULTS/samskab-log-tail.log" 2>/dev/null || true
grep -v 'event=access' "$TMP/samskab.log" >"$RESULTS/samskab-events.log" 2>/dev/null || true
stop_pid "$NGINX_PID"
NGINX_PID=
stop_pid "$SAMSKAB_PID"  # stopped (and reaped) so that its CPU time counts as ours below
SAMSKAB_PID=
other_load
OTHER_LOAD_WRK=$OTHER_LOAD

# --- accounts: the logged-in page, and logins at full rate -----------------------------------

start_samskab "$IO_THREADS" "$WORKER_THREADS"
wait_ready
# A session for the demo's municipal admin, through the login form like a browser.
JAR=$TMP/cookies.txt
LOGIN_PAGE=$(curl -fsS --max-time 5 -c "$JAR" "$BASE/login")
CSRF=$(grep -o 'name="csrf_token" value="[0-9a-f]*"' <<<"$LOGIN_PAGE" | head -1 | sed 's/.*value="//; s/"//')
DEMO_PASSWORD=samskab-demo-2026
curl -fsS --max-time 5 -b "$JAR" -c "$JAR" -o /dev/null \
  --data "csrf_token=$CSRF&email=admin%40demo.samskab.dk&password=$DEMO_PASSWORD" "$BASE/login"
SESSION=$(awk '$6 == "samskab_session" { print $7 }' "$JAR")
[[ -n $SESSION ]] || die "could not log in as the demo admin"
# The same page; only the header differs (the user's name and the log-out form).
curl -fsS --max-time 5 -H "Cookie: samskab_session=$SESSION" "$BASE/" | grep -q 'action="/logout"' ||
  die "the start page does not show the logged-in header"
declare -A A  # A[who.metric]: space-separated values, one per round
for ((round = 1; round <= ROUNDS; round++)); do
  if ((round % 2)); then order="public user"; else order="user public"; fi
  for who in $order; do
    if [[ $who = user ]]; then extra=(-H "Cookie: samskab_session=$SESSION"); else extra=(); fi
    if ((round == 1 && WARMUP > 0)); then wrk_run "auth-$who-warmup" "$BASE/" "$WARMUP" "${extra[@]}"; fi
    wrk_run "auth-$who-$round" "$BASE/" "$DURATION" "${extra[@]}"
    echo "bench: round $round, start page for the $who: $RPS req/s, p50 $P50 ms, p99 $P99 ms, errors $ERRS"
    A[$who.rps]+="$RPS " A[$who.p99]+="$P99 " A[$who.errs]=$((${A[$who.errs]:-0} + ERRS))
  done
done
read -r -a rps_u <<<"${A[user.rps]}"
read -r -a rps_p <<<"${A[public.rps]}"
ratios=()
for ((k = 0; k < ${#rps_u[@]} && k < ${#rps_p[@]}; k++)); do ratios+=("$(ratio "${rps_u[$k]}" "${rps_p[$k]}")"); done
# shellcheck disable=SC2086  # space-separated numbers
USER_RPS=$(median ${A[user.rps]}) PUBLIC_RPS=$(median ${A[public.rps]}) USER_P99=$(median ${A[user.p99]})
USER_RATIO=$(median "${ratios[@]}")

# Logins at full rate: 4 connections (enough to keep the hash pool busy) posting the right password (each answer is a 303 and a
# new session), while 8 other connections read the start page; then the start page alone.
LOGIN_CONNECTIONS=${BENCH_LOGIN_CONNECTIONS:-4}
LOGIN_TOKEN=$(printf '%064d' 7)
LOGIN_BODY="csrf_token=$LOGIN_TOKEN&email=admin%40demo.samskab.dk&password=$DEMO_PASSWORD"
printf 'wrk.method = "POST"\nwrk.body = "%s"\nwrk.headers["Content-Type"] = "application/x-www-form-urlencoded"\nwrk.headers["Cookie"] = "samskab_csrf=%s"\n' \
  "$LOGIN_BODY" "$LOGIN_TOKEN" >"$TMP/login.lua"
[[ $(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: samskab_csrf=$LOGIN_TOKEN" --data "$LOGIN_BODY" "$BASE/login") = 303 ]] ||
  die "the login script does not log in"
timeout $((DURATION + 30)) wrk -t1 -c"$LOGIN_CONNECTIONS" -d"${DURATION}s" --timeout 10s --latency -s "$TMP/login.lua" "$BASE/login" \
  >"$RESULTS/wrk-login.txt" 2>&1 &
LOGIN_WRK=$!
nap 1  # the logins reach their full rate first
wrk_run "during-logins" "$BASE/" $((DURATION - 2)) -t1 -c8
DURING_RPS=$RPS DURING_P50=$P50 DURING_P99=$P99 DURING_ERRS=$ERRS
wait "$LOGIN_WRK" || true
wrk_parse "$RESULTS/wrk-login.txt"
LOGIN_RPS=$RPS LOGIN_P50=$P50 LOGIN_P99=$P99 LOGIN_ERRS=$ERRS
wrk_run "without-logins" "$BASE/" $((DURATION - 2)) -t1 -c8
ALONE_RPS=$RPS ALONE_P99=$P99
stop_pid "$SAMSKAB_PID"
SAMSKAB_PID=

# --- optional: other server settings on the start page --------------------------------------

SWEEP_LINES=()
SWEEP_SETTINGS=${BENCH_SWEEP_SETTINGS:-1:1 1:2 1:4 2:1 2:2 2:4}
if [[ ${BENCH_SWEEP:-0} = 1 ]]; then
  declare -A SW
  # Interleaved rounds, each setting after a (bounded) wait for a quiet machine; medians.
  for ((round = 1; round <= ROUNDS; round++)); do
    for setting in $SWEEP_SETTINGS; do
      io=${setting%:*} workers=${setting#*:}
      wait_quiet 60
      ((QUIET)) || SW[noisy]=1
      start_samskab "$io" "$workers"
      wait_ready
      if ((WARMUP > 0)); then wrk_run "sweep-$io-$workers-warmup" "$BASE/" "$WARMUP"; fi
      for name in page api; do
        if [[ $name = page ]]; then path=/; else path=$API_PATH; fi
        samskab_alive || continue
        wrk_run "sweep-$io-$workers-$name-$round" "$BASE$path" "$DURATION"
        if samskab_alive; then
          SW[$setting.$name.rps]+="$RPS " SW[$setting.$name.p99]+="$P99 "
        else
          SW[$setting.$name.crash]=1
        fi
      done
      if samskab_alive; then stop_pid "$SAMSKAB_PID"; else samskab_death; fi
      SAMSKAB_PID=
    done
  done
  for setting in $SWEEP_SETTINGS; do
    line=$(printf 'io_threads=%s worker_threads=%s:' "${setting%:*}" "${setting#*:}")
    for name in page api; do
      if [[ -n ${SW[$setting.$name.crash]:-} ]]; then line+=" $name CRASHED;"; continue; fi
      # shellcheck disable=SC2086  # the values are space-separated numbers
      line+=$(printf ' %s %8s req/s (%s), p99 %s ms;' "$name" "$(median ${SW[$setting.$name.rps]:-})" \
        "${SW[$setting.$name.rps]:-}" "$(median ${SW[$setting.$name.p99]:-})")
    done
    SWEEP_LINES+=("$line")
  done
  [[ -z ${SW[noisy]:-} ]] || SWEEP_LINES+=("(some settings ran on a busy machine: the waits for a quiet one timed out)")
fi

# --- start-up to ready ----------------------------------------------------------------------

stop_pid "$SAMSKAB_PID"
SAMSKAB_PID=
STARTUP_MS=()
INPROCESS_MS=()
for ((run = 0; run < STARTUP_RUNS; run++)); do
  : >"$TMP/samskab.log"
  t0=${EPOCHREALTIME/./}
  start_samskab "$IO_THREADS" "$WORKER_THREADS"
  wait_ready
  t1=${EPOCHREALTIME/./}
  STARTUP_MS+=("$(awk -v d=$((t1 - t0)) 'BEGIN { printf "%.1f", d / 1000 }')")
  stop_pid "$SAMSKAB_PID"
  SAMSKAB_PID=
  INPROCESS_MS+=("$(grep -o 'startup_ms=[0-9.]*' "$TMP/samskab.log" | head -1 | cut -d= -f2)")
done
stats() {  # prints "median max" of the arguments
  printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END {
    if (NR == 0) { print "- -"; exit }
    m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    printf "%.1f %.1f\n", m, v[NR] }'
}
read -r STARTUP_MEDIAN STARTUP_MAX < <(stats "${STARTUP_MS[@]}")
read -r INPROC_MEDIAN INPROC_MAX < <(stats "${INPROCESS_MS[@]}")

# --- micro-benchmarks -----------------------------------------------------------------------

MICRO_STATUS="not built (needs libbenchmark-dev; rebuild)"
if [[ ${BENCH_MICRO:-1} = 1 && -x $MICRO ]]; then
  if timeout 900 "$MICRO" --benchmark_min_time="$MIN_TIME" --benchmark_counters_tabular=true \
      --benchmark_out="$RESULTS/micro.csv" --benchmark_out_format=csv >"$RESULTS/micro.txt" 2>&1; then
    MICRO_STATUS=ok
  else
    MICRO_STATUS="failed (see bench/results/micro.txt)"
  fi
elif [[ ${BENCH_MICRO:-1} != 1 ]]; then
  MICRO_STATUS="skipped (BENCH_MICRO=0)"
fi
# micro NAME: the real time per iteration in ns from the CSV ("-" when absent).
micro() {
  awk -F, -v name="\"$1\"" '$1 == name {
      t = $3; u = $5; f = (u == "us") ? 1000 : (u == "ms") ? 1e6 : (u == "s") ? 1e9 : 1
      printf "%.0f", t * f; found = 1; exit }
    END { if (!found) printf "-" }' "$RESULTS/micro.csv" 2>/dev/null || echo -
}

# --- the report -----------------------------------------------------------------------------

pct() { awk -v a="$1" -v b="$2" 'BEGIN { if (a + 0 > 0 && b + 0 > 0) printf "%.0f%%", 100 * a / b; else printf "-" }'; }
verdict() {
  case $1 in
    yes) echo "MET" ;;
    no) echo "NOT MET" ;;
    *) echo "NOT MEASURED" ;;
  esac
}
# le A B / ge A B: "yes", "no", or "n/a" when A is not a number.
le() { awk -v a="$1" -v b="$2" 'BEGIN { if (a !~ /^[0-9.]+$/) print "n/a"; else print (a + 0 <= b + 0) ? "yes" : "no" }'; }
ge() { awk -v a="$1" -v b="$2" 'BEGIN { if (a !~ /^[0-9.]+$/) print "n/a"; else print (a + 0 >= b + 0) ? "yes" : "no" }'; }

CPU_MODEL=$(lscpu 2>/dev/null | awk -F: '/^Model name/ { gsub(/^ +/, "", $2); print $2; exit }')
REPORT=$RESULTS/latest.txt
{
  echo "samskab benchmark, $(date -u +%Y-%m-%dT%H:%M:%SZ), commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$ROOT" diff --quiet 2>/dev/null || echo ' (uncommitted changes)')"
  echo "machine: $(nproc) CPUs (${CPU_MODEL:-?}), $(awk '/MemTotal/ { printf "%.1f GB RAM", $2 / 1048576 }' /proc/meminfo); wrk, samskab and nginx share them"
  echo "other load: $QUIET_NOTE; during the wrk runs other work used $OTHER_LOAD_WRK"
  echo "load: wrk -t$WRK_THREADS -c$CONNECTIONS -d${DURATION}s --latency, $ROUNDS rounds per side and scenario (after a ${WARMUP}s warm-up), same for both sides"
  echo "samskab: $SAMSKAB serve, io_threads=$IO_THREADS worker_threads=$WORKER_THREADS, access log to a file"
  echo "nginx: $("$NGINX" -v 2>&1 | sed 's/nginx version: //'), worker_processes $NGINX_WORKERS, the same bytes from disk, access log to a file"
  echo
  printf '%-34s %7s | %10s %8s %8s | %10s %8s %8s | %13s\n' "" "body" "samskab" "" "" "nginx" "" "" "samskab/nginx"
  printf '%-34s %7s | %10s %8s %8s | %10s %8s %8s | %13s\n' "scenario" "bytes" "req/s" "p50 ms" "p99 ms" "req/s" "p50 ms" "p99 ms" "req/s"
  printf -- '-%.0s' {1..128}; echo
  for i in 0 1 2; do
    n=${NAMES[$i]}
    f=${PATHS[$i]}; [[ $f = / ]] && f=/index.html
    printf '%-34s %7s | %10s %8s %8s | %10s %8s %8s | %13s\n' "${LABELS[$i]:0:34}" "$(wc -c <"$WWW${f%%\?*}")" \
      "${M[samskab.$n.rps]}" "${M[samskab.$n.p50]}" "${M[samskab.$n.p99]}" \
      "${M[nginx.$n.rps]}" "${M[nginx.$n.p50]}" "${M[nginx.$n.p99]}" "${M[ratio.$n]}"
  done
  echo "(medians of $ROUNDS rounds; the ratio is the median of the per-round ratios; req/s per round:)"
  for i in 0 1 2; do
    n=${NAMES[$i]}
    printf '  %-12s samskab: %-40s nginx: %s\n' "$n" "${R[samskab.$n.rps]:-${R[samskab.$n.status]}}" "${R[nginx.$n.rps]:-${R[nginx.$n.status]}}"
  done
  for i in 0 1 2; do
    n=${NAMES[$i]}
    for side in samskab nginx; do
      if [[ ${R[$side.$n.status]} != ok || ${R[$side.$n.errs]} != 0 ]]; then
        echo "  !! $side ${LABELS[$i]}: ${R[$side.$n.status]}, ${R[$side.$n.errs]} socket errors/non-2xx (raw: bench/results/wrk-$side-$n-*.txt)"
      fi
    done
  done
  echo
  if [[ -n $RSS_LOAD_KB ]]; then rss_load="$(mb "$RSS_LOAD_KB") MB$RSS_LOAD_NOTE"; else rss_load="n/a (the server had crashed)"; fi
  echo "samskab resident memory (VmRSS): idle after start-up $(mb "$RSS_IDLE_KB") MB; idle after the load $rss_load"
  echo "start-up to ready (exec to first 200 from /readyz, existing database, $STARTUP_RUNS runs): median $STARTUP_MEDIAN ms, max $STARTUP_MAX ms"
  echo "  samskab's own startup_ms (main() to listening, from its log): median $INPROC_MEDIAN ms, max $INPROC_MAX ms"
  echo "  all runs (ms): ${STARTUP_MS[*]}"
  if ((${#SWEEP_LINES[@]})); then
    echo
    echo "server settings tried (start page and JSON API, ${DURATION}s each, medians of $ROUNDS rounds; req/s per round in brackets):"
    printf '  %s\n' "${SWEEP_LINES[@]}"
  fi
  echo
  page_pct=$(awk -v r="${M[ratio.page]}" 'BEGIN { if (r ~ /^[0-9.]+$/) printf "%.0f%%", 100 * r; else printf "-" }')
  page_ok=$(ge "${M[ratio.page]}" 0.5)
  [[ ${R[samskab.page.status]} = ok ]] || page_ok=n/a
  p99_ok=$(le "${M[samskab.page.p99]}" 10)
  [[ ${R[samskab.page.status]} = ok ]] || p99_ok=n/a
  rss_ok=$(le "$(mb "$RSS_IDLE_KB")" 40)
  start_ok=$(le "$STARTUP_MEDIAN" 300)
  printf '%-52s %-22s %-10s %s\n' "target" "measured" "target" "verdict"
  printf '%-52s %-22s %-10s %s\n' "start page req/s, as a share of nginx's" "$page_pct" ">= 50%" "$(verdict "$page_ok")"
  printf '%-52s %-22s %-10s %s\n' "start page p99 latency at $CONNECTIONS connections" "${M[samskab.page.p99]} ms" "<= 10 ms" "$(verdict "$p99_ok")"
  printf '%-52s %-22s %-10s %s\n' "idle resident memory after start-up" "$(mb "$RSS_IDLE_KB") MB" "<= 40 MB" "$(verdict "$rss_ok")"
  printf '%-52s %-22s %-10s %s\n' "start-up to ready (median of $STARTUP_RUNS)" "$STARTUP_MEDIAN ms (max $STARTUP_MAX)" "<= 300 ms" "$(verdict "$start_ok")"
  for n in page api; do
    if [[ ${R[samskab.$n.status]} != ok ]]; then
      echo "  !! samskab ${R[samskab.$n.status]} under load on $n; figures for it are missing (see docs/BENCHMARKS.md)"
    fi
  done
  echo
  argon_ms=$(awk -v ns="$(micro BM_Argon2id_Verify_Interactive/real_time)" 'BEGIN { if (ns + 0 > 0) printf "%.1f", ns / 1e6; else printf "-" }')
  bound=$(awk -v ms="$argon_ms" -v n="$HASH_THREADS" 'BEGIN { if (ms + 0 > 0) printf "%.1f", n * 1000 / ms; else printf "-" }')
  echo "accounts (start page /, wrk -t$WRK_THREADS -c$CONNECTIONS, medians of $ROUNDS interleaved rounds; req/s per round in brackets):"
  echo "  public:    $PUBLIC_RPS req/s (${A[public.rps]% })"
  echo "  logged in: $USER_RPS req/s (${A[user.rps]% }), p99 $USER_P99 ms; errors ${A[user.errs]}"
  echo "  POST /login at full rate (wrk -t1 -c$LOGIN_CONNECTIONS): $LOGIN_RPS logins/s, p50 $LOGIN_P50 ms, p99 $LOGIN_P99 ms, errors $LOGIN_ERRS"
  echo "    argon2id bound: server.hash_threads=$HASH_THREADS / $argon_ms ms per verification (micro-benchmark) = $bound logins/s"
  echo "  start page (wrk -t1 -c8) while the logins run: $DURING_RPS req/s, p50 $DURING_P50 ms, p99 $DURING_P99 ms, errors $DURING_ERRS"
  echo "  start page (wrk -t1 -c8) without logins:       $ALONE_RPS req/s, p99 $ALONE_P99 ms"
  user_ok=$(ge "$USER_RATIO" 0.8)
  during_ok=$(le "$DURING_P99" 20)
  login_share=$(awk -v a="$LOGIN_RPS" -v b="$bound" 'BEGIN { if (a + 0 > 0 && b + 0 > 0) printf "%.0f%%", 100 * a / b; else printf "-" }')
  # "Bounded by argon2": the rate comes close to the bound (>= 50%) and never beyond it (+10%).
  login_ok=$(awk -v a="$LOGIN_RPS" -v b="$bound" 'BEGIN { if (!(a + 0 > 0 && b + 0 > 0)) print "n/a"; else print (a <= b * 1.1 && a >= b * 0.5) ? "yes" : "no" }')
  printf '%-52s %-22s %-10s %s\n' "logged-in start page req/s, share of the public one" \
    "$(awk -v r="$USER_RATIO" 'BEGIN { if (r ~ /^[0-9.]+$/) printf "%.0f%%", 100 * r; else printf "-" }')" ">= 80%" "$(verdict "$user_ok")"
  printf '%-52s %-22s %-10s %s\n' "logins/s, share of the argon2id bound" "$login_share" "50-110%" "$(verdict "$login_ok")"
  printf '%-52s %-22s %-10s %s\n' "start page p99 while logins run at full rate" "$DURING_P99 ms" "<= 20 ms" "$(verdict "$during_ok")"
  echo
  echo "micro-benchmarks (in-process, no sockets; $MICRO_STATUS):"
  if [[ $MICRO_STATUS = ok ]]; then
    sed -n '/^---/,$p' "$RESULTS/micro.txt" | sed 's/^/  /'
    echo
    store=$(micro BM_MunicipalityStore_Get) raw=$(micro BM_RawSqlite_MunicipalitySelect)
    page=$(micro BM_StartPage_Dispatch/real_time/threads:1) json=$(micro BM_MunicipalityJson_Dispatch/real_time/threads:1)
    healthz=$(micro BM_Healthz_Dispatch) route=$(micro BM_Router_Resolve_Start)
    page2=$(micro BM_StartPage_Dispatch/real_time/threads:2)
    printf '  %-58s %s\n' "storage layer / raw SQLite (municipality read):" "$(ratio "$store" "$raw")x ($store ns vs $raw ns)"
    printf '  %-58s %s\n' "JSON API request / its storage read:" "$(ratio "$json" "$store")x ($json ns vs $store ns)"
    printf '  %-58s %s\n' "start page / /healthz (rendering + read over fixed cost):" "$(ratio "$page" "$healthz")x ($page ns vs $healthz ns)"
    printf '  %-58s %s\n' "router resolve of / as a share of the start page:" "$(pct "$route" "$page") ($route ns)"
    printf '  %-58s %s\n' "start page, in-process ceiling on one core:" "$(awk -v t="$page" 'BEGIN { if (t + 0 > 0) printf "%.0f req/s", 1e9 / t; else printf "-" }')"
    printf '  %-58s %s\n' "start page, 2 threads (time per page per thread):" "$page2 ns"
  fi
} | tee "$REPORT"
echo "bench: raw results in bench/results/ (wrk-*.txt, summary.tsv, micro.csv, latest.txt)"
