#!/usr/bin/env bash
# Runs a command in an X server of its own (Xvfb, 1280×800) with a session
# bus of its own, so display tests never touch a real session and can run
# side by side.
set -u
tmp=$(mktemp -d)

Xvfb -displayfd 3 -screen 0 1280x800x24 -noreset -nolisten tcp \
  3>"$tmp/display" </dev/null >/dev/null 2>&1 &
xvfb_pid=$!
for _ in $(seq 100); do
  [ -s "$tmp/display" ] && break
  sleep 0.1
done
if [ ! -s "$tmp/display" ]; then
  echo "Xvfb did not start" >&2
  kill "$xvfb_pid" 2>/dev/null
  rm -rf "$tmp"
  exit 1
fi
export DISPLAY=":$(cat "$tmp/display")"
export GDK_BACKEND=x11

# Services the bus starts (the accessibility bus, its registry) write to
# standard error, so that standard output is the command's alone (TAP).
exec 3>&1
dbus-run-session -- sh -c 'exec "$@" >&3 3>&-' sh "$@" >&2
status=$?

kill "$xvfb_pid" 2>/dev/null
wait "$xvfb_pid" 2>/dev/null
rm -rf "$tmp"
exit $status
