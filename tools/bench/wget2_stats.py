#!/usr/bin/env python3
"""Pages (status 200) and bytes from wget2's --stats-site CSV: prints "PAGES BYTES"."""
import csv
import sys

pages = size = 0
with open(sys.argv[1], newline="", encoding="utf-8") as f:
    for row in csv.DictReader(f):
        if row["Status"] == "200":
            pages += 1
            size += int(row["SizeDecompressed"] or row["Size"] or 0)
print(pages, size)
