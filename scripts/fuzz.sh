#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (fuzz/CMakeLists.txt) and runs each for FUZZ_SECONDS
# (make test: a short run; make fuzz: 300 s each). Exits non-zero when a target finds a crash.
# Prints "fuzz: N passed, M failed" last.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${FUZZ_SECONDS:-10}
build=build-fuzz
cmake -S fuzz -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=clang++ >/dev/null
ninja -C "$build" >/dev/null
passed=0
failed=0
for target in request_parse form_decode multipart csv_read; do
  work=$(mktemp -d)
  cp fuzz/corpus/$target/* "$work/"
  if "$build/fuzz_$target" -max_total_time="$seconds" -max_len=8192 -timeout=5 -artifact_prefix="$work/" \
       "$work" >"$work/log" 2>&1; then
    passed=$((passed + 1))
    echo "fuzz: $target ran ${seconds}s, $(grep -o 'cov: [0-9]*' "$work/log" | tail -1), no crash"
    rm -rf "$work"
  else
    failed=$((failed + 1))
    echo "fuzz: $target FAILED; log and crashing input in $work" >&2
    tail -30 "$work/log" >&2
  fi
done
echo "fuzz: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
