#!/usr/bin/env python3
"""Prints "N passed, N failed" from meson test logs (testlog.json), last.

Usage: count-tests.py [--failed-steps N] TESTLOG.json…

--failed-steps adds that many failures (steps that failed before their tests
ran); a log that is missing counts as one failure. Exits 1 when anything
failed or nothing ran.
"""
import argparse
import json
import sys

parser = argparse.ArgumentParser()
parser.add_argument("--failed-steps", type=int, default=0)
parser.add_argument("logs", nargs="+")
args = parser.parse_args()

passed = skipped = 0
failed = args.failed_steps

for path in args.logs:
    try:
        with open(path, encoding="utf-8") as log:
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
        failed += 1

# The last line is exactly "N passed, N failed"; skipped tests are said before.
if skipped:
    print(f"{skipped} skipped")
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed or passed == 0 else 0)
