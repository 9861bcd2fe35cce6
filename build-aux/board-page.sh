#!/usr/bin/env bash
# Makes data/screenshots/board-page.png: the coverage board page of the
# example plan, through the command line's PNG export (1684×1190, two pixels
# per point of A4 landscape). Needs no display.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
cd "$top"

builddir=${BUILDDIR:-_build}
plan=${1:-data/examples/acme-robotics.ctoplan.json}
output=${2:-data/screenshots/board-page.png}

[ -d "$builddir" ] || meson setup "$builddir"
ninja -C "$builddir" src/cto-planner

# The date on the page: SOURCE_DATE_EPOCH, else the last commit's, so that
# the image changes only when the plan or the pages do. In English.
if [ -z "${SOURCE_DATE_EPOCH:-}" ]; then
  SOURCE_DATE_EPOCH=$(git log -1 --format=%ct 2>/dev/null || true)
  [ -n "$SOURCE_DATE_EPOCH" ] || SOURCE_DATE_EPOCH=$(date +%s)
fi
export SOURCE_DATE_EPOCH LC_ALL=C.UTF-8
unset LANGUAGE DISPLAY WAYLAND_DISPLAY

mkdir -p "$(dirname "$output")"
"$builddir/src/cto-planner" --export png --output "$output" "$plan"
echo "Wrote $output"
