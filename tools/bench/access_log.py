#!/usr/bin/env python3
"""Counts what a server answered from its access log, for one tool's run,
and that tool's lower bound under its own politeness setting.

Reads `portal-audit serve --access-log` lines ("TIME HOST:PORT METHOD URI
STATUS BYTES") after the first SKIP lines (the runs of earlier tools).
Pages are answers with status 200; every request, whatever its answer,
costs the latency and the rest, so the bound counts all requests:

  --per-host-ms MS   requests to one host run one after another, MS apart on
                     average (latency + rest, divided by the connections per
                     host): bound = waves x most requests to one host x MS;
  --pooled-ms MS     a pool of workers shared by every host, each taking MS
                     per request (no per-host cap): bound = all requests x MS.

Prints "PAGES BYTES BOUND_SECONDS".

usage: access_log.py LOG [--skip N] (--per-host-ms MS [--waves W] | --pooled-ms MS)
"""
import argparse
import collections


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("log")
    parser.add_argument("--skip", type=int, default=0)
    parser.add_argument("--per-host-ms", type=float)
    parser.add_argument("--waves", type=int, default=1)
    parser.add_argument("--pooled-ms", type=float)
    args = parser.parse_args()
    pages = size = 0
    per_host = collections.Counter()
    with open(args.log, encoding="utf-8", errors="replace") as f:
        for number, line in enumerate(f):
            if number < args.skip:
                continue
            fields = line.split()
            if len(fields) != 6:
                raise SystemExit(f"{args.log}:{number + 1}: expected TIME HOST METHOD URI STATUS BYTES")
            per_host[fields[1]] += 1
            if fields[4] == "200":
                pages += 1
                size += int(fields[5])
    if args.pooled_ms is not None:
        bound = sum(per_host.values()) * args.pooled_ms / 1000
    else:
        bound = args.waves * max(per_host.values(), default=0) * args.per_host_ms / 1000
    print(pages, size, f"{bound:.2f}")


if __name__ == "__main__":
    main()
