#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The command line in German: the summary, a check and a refusal, with the
# catalog compiled in the build folder (CTO_PLANNER_LOCALEDIR, src/main.c).
# GNU gettext ignores LANGUAGE in the C locale, but not in C.UTF-8.
#
# check-german.sh CTO_PLANNER LOCALEDIR PLAN
set -eu

if [ $# -ne 3 ]; then
  echo "usage: $0 CTO_PLANNER LOCALEDIR PLAN" >&2
  exit 2
fi
program=$1 localedir=$2 plan=$3

if [ ! -f "$localedir/de/LC_MESSAGES/cto-planner.mo" ]; then
  echo "FAIL: $localedir/de/LC_MESSAGES/cto-planner.mo was not built" >&2
  exit 1
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/cto-planner-german.XXXXXX")
trap 'rm -rf "$work"' EXIT

run () {
  env -u LANG -u LC_MESSAGES LC_ALL=C.UTF-8 LANGUAGE=de CTO_PLANNER_LOCALEDIR="$localedir" \
    "$program" "$@"
}

status=0

# expect FILE TEXT: TEXT is in FILE, as a fixed string.
expect () {
  if ! grep -qF -- "$2" "$1"; then
    echo "FAIL: $(basename "$1") does not contain: $2" >&2
    status=1
  fi
}

# refuse FILE TEXT: TEXT, English, is not in FILE.
refuse () {
  if grep -qF -- "$2" "$1"; then
    echo "FAIL: $(basename "$1") still contains: $2" >&2
    status=1
  fi
}

run --summary "$plan" >"$work/summary"
cat "$work/summary"
for text in "Funktionen" "Planung: Teilweise abgedeckt" "Infrastruktur: Abgedeckt" \
            "Kundenschnittstelle: Teilweise abgedeckt" "Vordenker: Abgedeckt" \
            "Stunden pro Woche" "Übernommen von" "Busfaktor" "Personallücke" \
            "4 von 5 Aufgaben abgedeckt" "1 — hängt an einer Person" \
            "Security engineer (offene Stelle)" "ÜBERLASTET" "Personen" \
            "Nicht zugewiesene Aufgaben" "(Kundenschnittstelle, 4 h)"; do
  expect "$work/summary" "$text"
done
for text in "Functions" "Partly covered" "Hours per week" "Carried by" "Bus factor" \
            "Hiring gap" "open role" "OVERLOADED" "Unassigned responsibilities"; do
  refuse "$work/summary" "$text"
done

run --check "$plan" >"$work/check"
cat "$work/check"
expect "$work/check" ": gültiger Plan: 7 Personen, 16 Aufgaben"

if run --check "$work/missing.ctoplan.json" >"$work/refusal" 2>&1; then
  echo "FAIL: --check accepted a missing file" >&2
  status=1
fi
cat "$work/refusal"
expect "$work/refusal" "Datei: existiert nicht"

if run --check "$plan" "$plan" >"$work/usage" 2>&1; then
  echo "FAIL: --check accepted two plans" >&2
  status=1
fi
cat "$work/usage"
expect "$work/usage" "Geben Sie genau einen PLAN an"
expect "$work/usage" "„cto-planner --help“ liefert weitere Informationen."

exit $status
