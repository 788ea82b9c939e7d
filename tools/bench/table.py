#!/usr/bin/env python3
"""Prints the benchmark table and the goals of issue 16 from the rows bench.sh wrote.

usage: table.py ROWS.tsv [--floors DIR]
rows: workload, tool, pages, bytes, seconds, peak KB, CPU seconds, lower bound
seconds (0: none), tab-separated. DIR holds floor.py's output per workload
(floor-<workload>.json); a workload without one has no floor column.
The floor column divides CPU per page by the floor with gzip level 6 (the
issue's: one libxml2 parse with links, one gzip member at level 6, two SHA-1).
"""
import argparse
import json
import os

GOALS = {  # issue 16, on the real-shaped site (also printed for the generated one)
    "wget --warc-file": 2, "scrapy": 10,
}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("rows")
    parser.add_argument("--floors", help="folder of floor-<workload>.json")
    args = parser.parse_args()
    rows = []
    for line in open(args.rows, encoding="utf-8"):
        workload, tool, pages, size, seconds, kb, cpu, bound = line.rstrip("\n").split("\t")
        rows.append(dict(workload=workload, tool=tool, pages=int(pages), bytes=int(size), seconds=float(seconds),
                         mb=int(kb) / 1024, cpu=float(cpu), bound=float(bound)))
    floors = {}
    for r in rows:
        path = os.path.join(args.floors or "", f"floor-{r['workload']}.json")
        if args.floors and os.path.exists(path):
            floors[r["workload"]] = json.load(open(path, encoding="utf-8"))

    def per_page(r):
        return r["cpu"] * 1000 / r["pages"] if r["pages"] else 0

    def rate(r):
        return r["pages"] / r["seconds"] if r["seconds"] else 0

    print("| workload | tool | pages | seconds | pages/s | MB/s | peak MB | CPU s | CPU ms per page | ÷ floor | bound s | × bound |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        floor = floors.get(r["workload"])
        ratio = f"{per_page(r) / floor['floor6']:.1f}" if floor and r["pages"] else ""
        bound = f"{r['bound']:.1f} | {r['seconds'] / r['bound']:.2f}" if r["bound"] else " | "
        print(f"| {r['workload']} | {r['tool']} | {r['pages']} | {r['seconds']:.1f} | {rate(r):.0f} | "
              f"{r['bytes'] / 1e6 / r['seconds'] if r['seconds'] else 0:.1f} | {r['mb']:.1f} | {r['cpu']:.1f} | "
              f"{per_page(r):.2f} | {ratio} | {bound} |")
    print()
    for workload, floor in floors.items():
        print(f"- floor of {workload}, over {floor['pages']} of its pages ({floor['averageKB']:.1f} KB average), CPU ms per page: "
              f"libxml2 parse + links {floor['parse']:.3f}, gzip level 1 {floor['gzip1']:.3f}, level 6 {floor['gzip6']:.3f}, "
              f"two SHA-1 {floor['sha1x2']:.3f}; floor {floor['floor6']:.2f} (level 6), {floor['floor1']:.2f} (level 1)")

    by = {(r["workload"], r["tool"]): r for r in rows}
    for workload in ("real-shaped", "throughput"):
        ours = by.get((workload, "portal-audit"))
        if not ours or not ours["pages"]:
            continue
        for peer, goal in GOALS.items():
            other = by.get((workload, peer))
            if other and other["pages"] and other["cpu"]:
                per_cpu = (ours["pages"] / ours["cpu"]) / (other["pages"] / other["cpu"])
                print(f"- {workload}: pages/s portal-audit ÷ {peer}: {rate(ours) / rate(other):.2f}× (goal ≥ {goal}×); "
                      f"pages per CPU second: {per_cpu:.2f}×")
        floor = floors.get(workload)
        if floor:
            print(f"- {workload}: portal-audit CPU per page {per_page(ours):.2f} ms = {per_page(ours) / floor['floor6']:.2f}× "
                  f"the floor with gzip level 6 (goal ≤ 2×), {per_page(ours) / floor['floor1']:.2f}× with level 1")
        print(f"- {workload}: portal-audit peak memory {ours['mb']:.0f} MB (goal ≤ 150 MB)")
    for workload, goal in (("breadth", "≤ 1.5× its bound"), ("small", "finishes, ≤ 300 MB")):
        ours = by.get((workload, "portal-audit"))
        if ours and ours["bound"]:
            print(f"- {workload}: portal-audit {ours['seconds']:.1f} s = {ours['seconds'] / ours['bound']:.2f}× its lower bound "
                  f"{ours['bound']:.1f} s, {ours['pages']} pages, peak {ours['mb']:.0f} MB (goal {goal})")
    growth = sorted((r for r in rows if r["workload"].startswith("growth-")), key=lambda r: r["pages"])
    if len(growth) >= 2:
        low, high = growth[0], growth[-1]
        print(f"- growth, peak memory at {high['pages']} pages ÷ at {low['pages']} pages: "
              f"{high['mb'] / low['mb']:.2f}× (goal ≤ 1.20×)")


if __name__ == "__main__":
    main()
