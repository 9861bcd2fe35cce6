#!/usr/bin/env python3
"""Prints "N passed, N failed[, N skipped]" from a meson test log (testlog.json).

A second argument adds that many failures (steps that failed before the tests
ran). Exits 1 when anything failed or nothing ran.
"""
import json
import sys

passed = failed = skipped = 0
if len(sys.argv) > 2:
    failed += int(sys.argv[2])

try:
    with open(sys.argv[1], encoding="utf-8") as log:
        for line in log:
            line = line.strip()
            if not line:
                continue
            result = json.loads(line).get("result")
            if result in ("OK", "EXPECTEDFAIL"):
                passed += 1
            elif result == "SKIP":
                skipped += 1
            else:
                failed += 1
except OSError:
    if failed == 0:
        failed = 1

text = f"{passed} passed, {failed} failed"
if skipped:
    text += f", {skipped} skipped"
print(text)
sys.exit(1 if failed or passed == 0 else 0)
