#!/usr/bin/env python3
"""Measures the floor of the benchmark: the work no crawler that keeps
evidence can skip, over the same generated pages. Per page: one libxml2 HTML
parse with link extraction (lxml, which is libxml2), one gzip member of the
page at level 1 and at level 6 (zlib), and two SHA-1 (payload and record
block, hashlib). Only the loop is timed (process CPU time), not Python's start
or the reading of the files. Prints one JSON line, milliseconds of CPU per page.

usage: floor.py SITE_DIR [--limit N]
"""
import argparse
import hashlib
import json
import os
import time
import zlib

import lxml.html


def gzip_member(data, level):
    # wbits 31: a gzip member, as a WARC record is written.
    stream = zlib.compressobj(level, zlib.DEFLATED, 31)
    return stream.compress(data) + stream.flush()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("site")
    parser.add_argument("--limit", type=int, default=3000)
    args = parser.parse_args()
    pages = []
    for folder, _, files in sorted(os.walk(args.site)):
        for name in sorted(files):
            if name.startswith("."):
                continue
            with open(os.path.join(folder, name), "rb") as f:
                pages.append(f.read())
            if len(pages) >= args.limit:
                break
        if len(pages) >= args.limit:
            break

    def timed(step):
        start = time.process_time()
        for page in pages:
            step(page)
        return (time.process_time() - start) * 1000 / len(pages)

    def parse(page):
        # The parse and the links a crawler follows.
        lxml.html.document_fromstring(page).xpath("//a/@href")

    def sha1_twice(page):
        hashlib.sha1(page).digest()
        hashlib.sha1(b"HTTP/1.1 200 OK\r\n\r\n" + page).digest()

    figures = {
        "pages": len(pages),
        "averageKB": sum(map(len, pages)) / len(pages) / 1024,
        "parse": timed(parse),
        "gzip1": timed(lambda page: gzip_member(page, 1)),
        "gzip6": timed(lambda page: gzip_member(page, 6)),
        "sha1x2": timed(sha1_twice),
    }
    # portal-audit writes its WARC members at level 1; the level-6 floor is the issue's.
    figures["floor1"] = figures["parse"] + figures["gzip1"] + figures["sha1x2"]
    figures["floor6"] = figures["parse"] + figures["gzip6"] + figures["sha1x2"]
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
