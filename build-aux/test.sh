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
  # them, which a sanitized module cannot be), and the suite "slides" has
  # LibreOffice open the exported decks, so both run in the first build
  # only, as does the suite "unsanitized": tests of what GTK says, which the
  # sanitizers would only make slower. GLib's slice allocator is bypassed so
  # that every block is seen.
  #
  # An allocation's stack is unwound quickly, by frame pointers, except in
  # the suite "recent-files" (tests/meson.build): GLib, GIO and GTK have no
  # frame pointers, so a leak inside them shows only "g_malloc", and GLib's
  # bookmark files leak a date for each plan the window adds to the recent
  # files. There every allocation is unwound in full, five times slower,
  # for tests/lsan.supp to tell that leak from the program's own. A leak of
  # the program's fails its test either way; to see where it was allocated,
  # run that test again with fast_unwind_on_malloc=0 in ASAN_OPTIONS.
  if build "$sanitize_builddir" -Db_sanitize=address,undefined -Dbuildtype=debug; then
    logs=$sanitize_builddir/meson-logs
    rm -f "$logs/testlog.json" "$logs/testlog-unit.json" "$logs/testlog-display.json" \
      "$logs/testlog-recent-files.json"
    export LSAN_OPTIONS=suppressions="$top/tests/lsan.supp":print_suppressions=0
    export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
    export G_SLICE=always-malloc
    asan=detect_leaks=1:abort_on_error=1:strict_string_checks=1
    ASAN_OPTIONS=$asan \
      meson test -C "$sanitize_builddir" --print-errorlogs --num-processes 2 \
        --no-suite metadata --no-suite slides --no-suite display --no-suite unsanitized \
        --timeout-multiplier 3
    cp "$logs/testlog.json" "$logs/testlog-unit.json"
    ASAN_OPTIONS=$asan \
      meson test -C "$sanitize_builddir" --print-errorlogs --num-processes 2 \
        --suite display --no-suite recent-files --no-suite metadata --no-suite unsanitized \
        --timeout-multiplier 5
    cp "$logs/testlog.json" "$logs/testlog-display.json"
    ASAN_OPTIONS=$asan:fast_unwind_on_malloc=0:malloc_context_size=16 \
      meson test -C "$sanitize_builddir" --print-errorlogs --num-processes 2 \
        --suite recent-files --no-suite unsanitized --timeout-multiplier 5
    cp "$logs/testlog.json" "$logs/testlog-recent-files.json"
  else
    failed_steps=$((failed_steps + 1))
  fi
fi

# A step that failed before any test ran counts as one failure.
python3 "$here/count-tests.py" --failed-steps $failed_steps \
  "$builddir/meson-logs/testlog.json" \
  "$sanitize_builddir/meson-logs/testlog-unit.json" \
  "$sanitize_builddir/meson-logs/testlog-display.json" \
  "$sanitize_builddir/meson-logs/testlog-recent-files.json"
