#!/usr/bin/env bash
# Installs what is missing, builds, and starts CTO Planner on the example plan.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
cd "$top"

"$here/install-deps.sh"
builddir=${BUILDDIR:-_build}
[ -d "$builddir" ] || meson setup "$builddir"
ninja -C "$builddir"
exec "$builddir/src/cto-planner" "$@" data/examples/acme-robotics.ctoplan.json
