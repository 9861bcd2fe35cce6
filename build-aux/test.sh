#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test (display tests under
# Xvfb) twice: in the ordinary build, with warnings as errors, and in a build
# with AddressSanitizer and UndefinedBehaviorSanitizer, leaks included. The
# last line it prints is "N passed, N failed", counted from meson's test logs
# of both; it exits non-zero when anything failed.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
cd "$top"

builddir=${BUILDDIR:-_build}
sanitize_builddir=${SANITIZE_BUILDDIR:-_build-sanitize}
failed_steps=0

"$here/install-deps.sh" || failed_steps=1

build () {
  local dir=$1
  shift
  if [ ! -d "$dir" ]; then
    meson setup "$dir" --werror "$@" || return 1
  fi
  ninja -C "$dir"
}

if [ $failed_steps -eq 0 ]; then
  build "$builddir" || failed_steps=$((failed_steps + 1))
  rm -f "$builddir/meson-logs/testlog.json"
  [ $failed_steps -eq 0 ] && meson test -C "$builddir" --print-errorlogs --num-processes 2

  # The sanitizers watch the program's own code: the suite "metadata" checks
  # data files with the platform's tools (and preloads a module into one of
  # them, which a sanitized module cannot be), so it runs in the first build
  # only. GLib's slice allocator is bypassed so that every block is seen.
  if build "$sanitize_builddir" -Db_sanitize=address,undefined -Dbuildtype=debug; then
    rm -f "$sanitize_builddir/meson-logs/testlog.json"
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1 \
    LSAN_OPTIONS=suppressions="$top/tests/lsan.supp":print_suppressions=0 \
    UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
    G_SLICE=always-malloc \
      meson test -C "$sanitize_builddir" --print-errorlogs --num-processes 2 \
        --no-suite metadata --timeout-multiplier 3
  else
    failed_steps=$((failed_steps + 1))
  fi
fi

# A step that failed before any test ran counts as one failure.
python3 "$here/count-tests.py" --failed-steps $failed_steps \
  "$builddir/meson-logs/testlog.json" "$sanitize_builddir/meson-logs/testlog.json"
