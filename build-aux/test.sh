#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test (display tests under
# Xvfb). The last line it prints is "N passed, N failed", counted from meson's
# test log; it exits non-zero when anything failed.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
cd "$top"

builddir=${BUILDDIR:-_build}
failed_steps=0

"$here/install-deps.sh" || failed_steps=1

if [ $failed_steps -eq 0 ] && [ ! -d "$builddir" ]; then
  meson setup "$builddir" --werror || failed_steps=1
fi
if [ $failed_steps -eq 0 ]; then
  ninja -C "$builddir" || failed_steps=1
fi
rm -f "$builddir/meson-logs/testlog.json"
if [ $failed_steps -eq 0 ]; then
  meson test -C "$builddir" --print-errorlogs --num-processes 2
fi

# A step that failed before any test ran counts as one failure.
python3 "$here/count-tests.py" "$builddir/meson-logs/testlog.json" $failed_steps
