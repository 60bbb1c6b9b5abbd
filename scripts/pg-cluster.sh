#!/usr/bin/env bash
# A throwaway PostgreSQL cluster on loopback for the tests.
#   scripts/pg-cluster.sh start DIR   -> prints the connection URL on its last line
#   scripts/pg-cluster.sh stop DIR
# initdb and postgres refuse to run as root, so as root they run as the `postgres` system
# user that Debian's package creates, in a directory that user owns.
set -euo pipefail
action=${1:?start or stop}
dir=${2:?directory}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -x "$bin/initdb" ] || { echo "pg-cluster: PostgreSQL server binaries not found (apt-get install postgresql)" >&2; exit 1; }

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

free_port() {
  local port
  for _ in $(seq 1 100); do
    # Below the kernel's ephemeral range (32768-60999 here), where outgoing connections take
    # their local ports: a port free to connect to may still be taken for binding there.
    port=$((20000 + RANDOM % 12000))
    if ! (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  echo "pg-cluster: no free port found" >&2
  return 1
}

case "$action" in
  start)
    mkdir -p "$dir"
    if [ "$(id -u)" -eq 0 ]; then
      chown postgres:postgres "$dir"
      chmod a+x "$(dirname "$dir")"  # mktemp makes 0700 folders; postgres must pass through
    fi
    as_owner "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    # fsync off: the cluster is thrown away after the run, so durability buys nothing here.
    # Another process may take the chosen port between the check and the start: try another.
    for attempt in 1 2 3 4 5; do
      port=$(free_port)
      if as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-p $port -c listen_addresses=127.0.0.1 -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
        start >/dev/null; then
        break
      fi
      if [ "$attempt" -eq 5 ] || ! grep -q "Address already in use" "$dir/server.log"; then
        cat "$dir/server.log" >&2
        exit 1
      fi
    done
    echo "$port" >"$dir/port"
    "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -qc "CREATE DATABASE samskab_test" >/dev/null
    echo "postgresql://postgres@127.0.0.1:$port/samskab_test"
    ;;
  stop)
    if [ -d "$dir/data" ]; then
      as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start|stop DIR" >&2
    exit 2
    ;;
esac
