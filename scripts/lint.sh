#!/usr/bin/env bash
# make lint: clang-format (no changes needed) and clang-tidy (.clang-tidy, warnings are errors)
# over our C++ sources. Uses the compile database of the build directory given.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
mapfile -t files < <(git ls-files '*.cpp' '*.h')
echo "lint: clang-format on ${#files[@]} files"
clang-format --dry-run --Werror "${files[@]}"
# clang 14 does not see Boost 1.74's coroutine support (Boost only looks for clang's
# <experimental/coroutine>); these two defines tell Asio what g++ 12 already uses.
coroutines=(--extra-arg=-DBOOST_ASIO_HAS_CO_AWAIT=1 --extra-arg=-DBOOST_ASIO_HAS_STD_COROUTINE=1)
mapfile -t sources < <(git ls-files 'src/*.cpp' 'tests/*.cpp' 'bench/*.cpp' | grep -v '^src/http/server.cpp$')
echo "lint: clang-tidy on $((${#sources[@]} + 1)) files (this takes several minutes)"
printf '%s\n' "${sources[@]}" | xargs -P "$(nproc)" -n 4 clang-tidy -p "$build" --quiet "${coroutines[@]}"
# In server.cpp the static analyser follows Asio's awaitable frames into Boost's headers and
# reports an uninitialised pointer there (a false positive in Boost 1.74's awaitable.hpp).
clang-tidy -p "$build" --quiet "${coroutines[@]}" --checks=-clang-analyzer-core.CallAndMessage src/http/server.cpp
echo "lint: clean"
