#!/usr/bin/env bash
# Runs each libFuzzer target for SECONDS (default 60) from a seed corpus made of
# tests/data. Findings are written to _fuzz/findings/; the corpus grows in
# _fuzz/corpus-<target>/. Usage: build-aux/fuzz.sh [SECONDS] [TARGET…]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
cd "$top"

seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(fuzz-csv-import fuzz-plan-read fuzz-plan-roundtrip)

# clang's fuzzer and sanitizer runtimes.
for pkg in clang libclang-rt-14-dev; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed"; then
    apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$pkg"
  fi
done

builddir=_fuzz/build
if [ ! -d "$builddir" ]; then
  CC=clang meson setup "$builddir" -Dfuzzing=true -Db_sanitize=address,undefined \
    -Db_lundef=false -Dbuildtype=debugoptimized
fi
ninja -C "$builddir" "${targets[@]/#/tests/fuzz/}"

mkdir -p _fuzz/findings
for target in "${targets[@]}"; do
  corpus=_fuzz/corpus-$target
  mkdir -p "$corpus"
  if [ "$target" = fuzz-csv-import ]; then
    cp -n tests/data/csv/*.csv "$corpus"/ 2>/dev/null || true
  else
    cp -n tests/data/*.json "$corpus"/ 2>/dev/null || true
    cp -n data/examples/*.json "$corpus"/ 2>/dev/null || true
  fi
  echo "== $target: $seconds s, corpus of $(ls "$corpus" | wc -l) files"
  ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
    "$builddir/tests/fuzz/$target" "$corpus" \
      -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -max_len=262144 \
      -artifact_prefix=_fuzz/findings/"$target"- -print_final_stats=1
  echo "== $target: corpus now $(ls "$corpus" | wc -l) files"
done
