#!/usr/bin/env python3
"""Prints, comma-separated, the link extensions portal-audit does not download
(documentExtensions and ignoredExtensions of the crawler's url-policy.yaml),
so the benchmark's peers skip the same links. Reads the two flow lists
without a YAML library (the bench needs only python3).

usage: skipped_extensions.py URL_POLICY.yaml
"""
import re
import sys

text = open(sys.argv[1], encoding="utf-8").read()
found = []
for key in ("documentExtensions", "ignoredExtensions"):
    match = re.search(rf"^{key}:\s*\[([^\]]*)\]", text, re.MULTILINE)
    if not match:
        raise SystemExit(f"{sys.argv[1]}: no one-line `{key}: [...]` list")
    found += [item.strip() for item in match.group(1).split(",") if item.strip()]
print(",".join(found))
