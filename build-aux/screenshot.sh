#!/usr/bin/env bash
# Takes data/screenshots/window.png: CTO Planner on the example plan, in a
# 1280×800 X server of its own (Xvfb), with its own session bus.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
cd "$top"

builddir=${BUILDDIR:-_build}
plan=${1:-data/examples/acme-robotics.ctoplan.json}
output=${2:-data/screenshots/window.png}
wait_seconds=${WAIT_SECONDS:-4}

[ -d "$builddir" ] || meson setup "$builddir"
ninja -C "$builddir" src/cto-planner

tmp=$(mktemp -d)
cleanup() {
  [ -n "${app_pid:-}" ] && kill "$app_pid" 2>/dev/null || true
  [ -n "${bus_pid:-}" ] && kill "$bus_pid" 2>/dev/null || true
  [ -n "${xvfb_pid:-}" ] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT

Xvfb -displayfd 3 -screen 0 1280x800x24 -noreset -nolisten tcp 3>"$tmp/display" </dev/null >/dev/null 2>&1 &
xvfb_pid=$!
for _ in $(seq 50); do
  [ -s "$tmp/display" ] && break
  sleep 0.1
done
display=":$(cat "$tmp/display")"

mkdir -p "$tmp/home" "$tmp/config" "$tmp/data" "$tmp/cache" "$tmp/runtime"
chmod 700 "$tmp/runtime"
export DISPLAY="$display" GDK_BACKEND=x11 GSETTINGS_BACKEND=memory GTK_A11Y=none \
  HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data" \
  XDG_CACHE_HOME="$tmp/cache" XDG_RUNTIME_DIR="$tmp/runtime" NO_AT_BRIDGE=1

# The pointer in a corner, so no tooltip or hover shows.
xdotool mousemove 1279 799 2>/dev/null || true

# A session bus of its own, ended by process id when done.
dbus-daemon --session --fork --print-address=3 --print-pid=4 \
  3>"$tmp/bus-address" 4>"$tmp/bus-pid" </dev/null >/dev/null 2>&1
bus_pid=$(cat "$tmp/bus-pid")
DBUS_SESSION_BUS_ADDRESS=$(cat "$tmp/bus-address")
export DBUS_SESSION_BUS_ADDRESS

"$builddir/src/cto-planner" "$plan" </dev/null >"$tmp/app.log" 2>&1 &
app_pid=$!
sleep "$wait_seconds"

mkdir -p "$(dirname "$output")"
import -window root "$output"
if [ -s "$tmp/app.log" ]; then
  echo "The program said:" >&2
  cat "$tmp/app.log" >&2
fi
echo "Wrote $output"
