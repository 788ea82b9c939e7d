#!/usr/bin/env python3
"""Prints the benchmark table and the ratios from the rows bench.sh wrote.

usage: table.py ROWS.tsv --breadth-bound "PAGES LATENCY_MS DELAY_MS PER_HOST" [--floor FLOOR.json]
rows: workload, tool, pages, bytes, seconds, peak KB, CPU seconds (tab-separated)
"""
import argparse
import json
import os


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("rows")
    parser.add_argument("--breadth-bound", required=True)
    parser.add_argument("--floor", help="floor.py's output; skipped when missing")
    args = parser.parse_args()
    rows = []
    for line in open(args.rows, encoding="utf-8"):
        workload, tool, pages, size, seconds, kb, cpu = line.rstrip("\n").split("\t")
        rows.append(dict(workload=workload, tool=tool, pages=int(pages), bytes=int(size),
                         seconds=float(seconds), mb=int(kb) / 1024, cpu=float(cpu)))
    print("| workload | tool | pages | seconds | pages/s | MB/s | peak MB | CPU s | CPU ms per page |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        rate = r["pages"] / r["seconds"] if r["seconds"] else 0
        print(f"| {r['workload']} | {r['tool']} | {r['pages']} | {r['seconds']:.1f} | {rate:.0f} | "
              f"{r['bytes'] / 1e6 / r['seconds'] if r['seconds'] else 0:.1f} | {r['mb']:.1f} | {r['cpu']:.1f} | "
              f"{r['cpu'] * 1000 / r['pages'] if r['pages'] else 0:.2f} |")
    print()
    by = {(r["workload"], r["tool"]): r for r in rows}
    ours = by.get(("throughput", "portal-audit"))
    if ours:
        rate = ours["pages"] / ours["seconds"]
        for peer, goal in (("wget --warc-file", 2), ("wget2", 1.5), ("scrapy", 10)):
            other = by.get(("throughput", peer))
            if other and other["pages"]:
                ratio = rate / (other["pages"] / other["seconds"])
                per_cpu = (ours["pages"] / ours["cpu"]) / (other["pages"] / other["cpu"]) if ours["cpu"] and other["cpu"] else 0
                print(f"- throughput, pages/s portal-audit ÷ {peer}: {ratio:.2f}× (goal ≥ {goal}×); "
                      f"pages per CPU second: {per_cpu:.2f}×")
        print(f"- throughput, portal-audit peak memory: {ours['mb']:.0f} MB (goal ≤ 150 MB)")
        if args.floor and os.path.exists(args.floor) and ours["pages"]:
            floor = json.load(open(args.floor, encoding="utf-8"))
            per_page = ours["cpu"] * 1000 / ours["pages"]
            print(f"- floor over {floor['pages']} of the same pages ({floor['averageKB']:.1f} KB average), CPU ms per page: "
                  f"libxml2 parse + links {floor['parse']:.3f}, gzip level 1 {floor['gzip1']:.3f}, "
                  f"level 6 {floor['gzip6']:.3f}, two SHA-1 {floor['sha1x2']:.3f}")
            for level in ("1", "6"):
                value = floor["floor" + level]
                print(f"- throughput, portal-audit CPU per page {per_page:.2f} ms = {per_page / value:.2f}× the floor "
                      f"with gzip level {level} ({value:.2f} ms; goal ≤ 2×)")
    pages, latency, delay, per_host = (float(x) for x in args.breadth_bound.split())
    bound = pages * (latency + delay) / 1000 / per_host
    for tool in ("portal-audit", "wget2", "scrapy"):
        r = by.get(("breadth", tool))
        if r and bound:
            print(f"- breadth, {tool}: {r['seconds']:.1f} s = {r['seconds'] / bound:.2f}× the lower bound "
                  f"{bound:.1f} s ({pages:.0f} pages × ({latency:.0f} + {delay:.0f}) ms ÷ {per_host:.0f} connections)"
                  + (" (goal ≤ 1.2×)" if tool == "portal-audit" else ""))
    growth = sorted((r for r in rows if r["workload"].startswith("growth-")), key=lambda r: r["pages"])
    if len(growth) >= 2:
        low, high = growth[0], growth[-1]
        print(f"- growth, peak memory at {high['pages']} pages ÷ at {low['pages']} pages: "
              f"{high['mb'] / low['mb']:.2f}× (goal ≤ 1.20×)")


if __name__ == "__main__":
    main()
