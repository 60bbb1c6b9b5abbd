#!/usr/bin/env bash
# make lint: clang-format (no changes needed) and clang-tidy (.clang-tidy, warnings are errors)
# over our C++ sources. Uses the compile database of the build directory given.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
mapfile -t files < <(git ls-files '*.cpp' '*.h')
echo "lint: clang-format on ${#files[@]} files"
clang-format --dry-run --Werror "${files[@]}"
mapfile -t sources < <(git ls-files 'src/*.cpp' 'tests/*.cpp' 'bench/*.cpp')
echo "lint: clang-tidy on ${#sources[@]} files (this takes a few minutes)"
printf '%s\n' "${sources[@]}" | xargs -P "$(nproc)" -n 4 clang-tidy -p "$build" --quiet
echo "lint: clean"
