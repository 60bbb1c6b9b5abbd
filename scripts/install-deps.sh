#!/usr/bin/env bash
# Installs what samskab needs on Debian 12: the Debian packages (apt-get) and the
# pinned npm packages (npm ci from package-lock.json). Idempotent: it installs only
# what is missing, so `make demo` and `make test` can call it every time.
set -euo pipefail
cd "$(dirname "$0")/.."

# Build and runtime libraries, test and benchmark tools. Keep this list sorted.
packages=(
  ccache chromium clang cmake g++ libboost-system1.74-dev libboost1.74-dev libbenchmark-dev
  libcli11-dev libctemplate-dev libfmt-dev libgmock-dev libgtest-dev libclang-rt-14-dev libpq-dev
  libsodium-dev libspdlog-dev libsqlite3-dev libstemmer-dev libtomlplusplus-dev make nginx ninja-build
  libxlsxwriter-dev nlohmann-json3-dev postgresql prometheus-cpp-dev clang-format clang-tidy sqlite3 curl wrk
  zlib1g-dev
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
# Node.js and npm may come from elsewhere than Debian (this machine image has NodeSource's
# nodejs, which bundles npm and conflicts with Debian's npm package): install them only if absent.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  missing+=(nodejs npm)
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "install-deps: installing ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
  # The Debian nginx package starts a system service on port 80; samskab's benchmark runs
  # its own nginx, so the system one is stopped to leave the machine as it was.
  if [[ " ${missing[*]} " == *" nginx "* ]]; then
    "${sudo_cmd[@]}" service nginx stop >/dev/null 2>&1 || true
  fi
fi

# npm packages, pinned by package-lock.json. Re-run only when the lock file changed.
if [ ! -f node_modules/.package-lock.json ] || ! cmp -s package-lock.json node_modules/.samskab-lock; then
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json node_modules/.samskab-lock
fi
