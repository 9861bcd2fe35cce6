#!/usr/bin/env python3
"""Fails when a source file with translatable strings is missing from
po/POTFILES.in, when POTFILES.in names a file that does not exist or holds
nothing to translate, or when it is not sorted."""
import os
import re
import sys

top = sys.argv[1]
listed = []
with open(os.path.join(top, "po", "POTFILES.in"), encoding="utf-8") as f:
    for line in f:
        line = line.strip()
        if line and not line.startswith("#"):
            listed.append(line)

patterns = {
    ".c": re.compile(r"\b(_|N_|C_|NC_|ngettext|g_dngettext)\s*\("),
    ".ui": re.compile(r'translatable="yes"'),
    ".in": re.compile(r"^(_Name|_Comment|Name|Comment)=|<_?(name|summary|description|p)>", re.M),
    ".xml": re.compile(r"<(summary|description)>"),
}

def wants_translation(path):
    for suffix, pattern in patterns.items():
        if path.endswith(suffix):
            with open(os.path.join(top, path), encoding="utf-8") as f:
                return bool(pattern.search(f.read()))
    return False

found = []
for folder in ("src", "ui"):
    for root, _dirs, files in os.walk(os.path.join(top, folder)):
        for name in files:
            rel = os.path.relpath(os.path.join(root, name), top)
            if (name.endswith(".c") or name.endswith(".ui")) and wants_translation(rel):
                found.append(rel)

errors = []
for path in sorted(set(found) - set(listed)):
    errors.append(f"{path} has translatable strings but is missing from po/POTFILES.in")
for path in listed:
    if not os.path.exists(os.path.join(top, path)):
        errors.append(f"po/POTFILES.in names {path}, which does not exist")
if listed != sorted(listed):
    errors.append("po/POTFILES.in is not sorted")

for e in errors:
    print(e)
sys.exit(1 if errors else 0)
