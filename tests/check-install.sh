#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs the build into a scratch folder and checks that exactly the
# expected files land there, under names made from the application ID.
#
# check-install.sh MESON BUILDDIR APP_ID LINGUAS BINDIR DATADIR MANDIR LOCALEDIR
set -eu

if [ $# -ne 8 ]; then
  echo "usage: $0 MESON BUILDDIR APP_ID LINGUAS BINDIR DATADIR MANDIR LOCALEDIR" >&2
  exit 2
fi
meson=$1 builddir=$2 app_id=$3 linguas=$4
bindir=$5 datadir=$6 mandir=$7 localedir=$8

work=$(mktemp -d "${TMPDIR:-/tmp}/cto-planner-install.XXXXXX")
trap 'rm -rf "$work"' EXIT
destdir=$work/root

if ! "$meson" install -C "$builddir" --no-rebuild --quiet --destdir "$destdir" \
     >"$work/log" 2>&1; then
  cat "$work/log" >&2
  echo "FAIL: meson install" >&2
  exit 1
fi

{
  echo "$bindir/cto-planner"
  echo "$datadir/applications/$app_id.desktop"
  echo "$datadir/metainfo/$app_id.metainfo.xml"
  echo "$datadir/icons/hicolor/scalable/apps/$app_id.svg"
  echo "$datadir/icons/hicolor/symbolic/apps/$app_id-symbolic.svg"
  echo "$datadir/glib-2.0/schemas/$app_id.gschema.xml"
  echo "$datadir/mime/packages/$app_id.mime.xml"
  echo "$datadir/cto-planner/examples/acme-robotics.ctoplan.json"
  echo "$mandir/man1/cto-planner.1"
  sed -e 's/#.*//' "$linguas" | tr -s ' \t' '\n' | grep -v '^$' | while read -r lang; do
    echo "$localedir/$lang/LC_MESSAGES/cto-planner.mo"
  done
} | LC_ALL=C sort >"$work/expected"

(cd "$destdir" && find . \( -type f -o -type l \) | sed 's/^\.//') |
  LC_ALL=C sort >"$work/installed"

status=0
if ! diff -u "$work/expected" "$work/installed" >&2; then
  echo "FAIL: the installed files differ from the expected ones (- expected, + installed)" >&2
  status=1
fi

# What the files say must match the names they are installed under.
check_line () {
  file=$destdir$1
  if [ -f "$file" ] && ! grep -q -- "$2" "$file"; then
    echo "FAIL: $1 does not contain $2" >&2
    status=1
  fi
}
check_line "$datadir/applications/$app_id.desktop" "^Icon=$app_id\$"
check_line "$datadir/applications/$app_id.desktop" "^Exec=cto-planner "
check_line "$datadir/metainfo/$app_id.metainfo.xml" "<id>$app_id</id>"
check_line "$datadir/metainfo/$app_id.metainfo.xml" "<launchable type=\"desktop-id\">$app_id.desktop</launchable>"
check_line "$datadir/glib-2.0/schemas/$app_id.gschema.xml" "<schema id=\"$app_id\""
check_line "$mandir/man1/cto-planner.1" "$datadir/cto-planner/examples/acme-robotics.ctoplan.json"

# The metadata, its desktop entry and its icon, as a software centre sees them.
if command -v appstreamcli >/dev/null 2>&1 && [ "$(basename "$datadir")" = share ]; then
  if ! appstreamcli validate-tree --no-net "$destdir$(dirname "$datadir")" >"$work/log" 2>&1; then
    cat "$work/log" >&2
    echo "FAIL: appstreamcli validate-tree" >&2
    status=1
  fi
fi

if [ ! -x "$destdir$bindir/cto-planner" ]; then
  echo "FAIL: $bindir/cto-planner is not executable" >&2
  status=1
fi

[ $status -eq 0 ] && echo "PASS: $(wc -l <"$work/expected") files installed as expected"
exit $status
