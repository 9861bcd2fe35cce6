#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Formats the manual page with every groff warning turned on and fails on
# any warning, then checks that each option of "cto-planner --help" is
# documented in it.
#
# check-man.sh MANPAGE CTO_PLANNER
set -eu

if [ $# -ne 2 ]; then
  echo "usage: $0 MANPAGE CTO_PLANNER" >&2
  exit 2
fi
page=$1 program=$2
status=0

warnings=$(LC_ALL=C.UTF-8 groff -ww -z -man -Tutf8 "$page" 2>&1) || status=1
if [ -n "$warnings" ]; then
  printf '%s\n' "$warnings" >&2
  status=1
fi

# man's own checks (tbl/preconv), when man is there.
if command -v man >/dev/null 2>&1; then
  warnings=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -E UTF-8 -l -Tutf8 -Z "$page" 2>&1 >/dev/null) || status=1
  if [ -n "$warnings" ]; then
    printf '%s\n' "$warnings" >&2
    status=1
  fi
fi

options=$(LC_ALL=C "$program" --help | sed -n 's/^ *\(-[a-zA-Z], \)\{0,1\}\(--[a-z][a-z-]*\).*/\2/p' | LC_ALL=C sort -u)
if [ -z "$options" ]; then
  echo "FAIL: found no options in $program --help" >&2
  exit 1
fi
# The tag lines of the page: each follows a .TP request.
tags=$(awk 'previous == ".TP" { print } { previous = $0 }' "$page")
for option in $options; do
  [ "$option" = --help-all ] && continue
  # In the page source a hyphen is written \-.
  escaped=$(printf '%s' "$option" | sed 's/-/\\\\-/g')
  if ! printf '%s\n' "$tags" | grep -q -- "$escaped\\b"; then
    echo "FAIL: $option is not documented in $page" >&2
    status=1
  fi
done

[ $status -eq 0 ] && echo "PASS: $page formats cleanly and documents: $(printf "%s " "$options" | tr "\n" " ")"
exit $status
