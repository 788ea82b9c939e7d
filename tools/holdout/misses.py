#!/usr/bin/env python3
"""List every miss of a run on the held-out corpus, with the evidence on both sides.

Usage: python3 tools/holdout/misses.py MEASUREMENTS.json [--fixtures fixtures/holdout-2026]

Per site: each item measured other than expected (expected state and the page that proves it,
from expected.yaml's `evidence`; the measured state with the URL and text the tool gave), then
each count that is off (news, documents count/own, services level 3/4/total, status). The input
of whoever fixes the detectors. Standard library only; reuses compare.py's YAML reader.
"""
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "platforms"))
import compare  # noqa: E402


def misses(fixtures, measurements_path):
    with open(measurements_path, encoding="utf-8") as fh:
        measured = {t["id"]: t for t in json.load(fh)["targets"]}
    out = []
    for name in sorted(os.listdir(fixtures)):
        path = os.path.join(fixtures, name, "expected.yaml")
        if not os.path.exists(path):
            continue
        exp = compare.read_yaml_subset(path)
        got = measured.get(name) or {}
        out.append("## %s (%s, %s)" % (name, exp.get("platform"), exp.get("tier")))
        if got.get("status") != exp.get("status"):
            out.append("- status: expected %s, measured %s (%s)" % (exp.get("status"), got.get("status"), got.get("reason")))
        sections = {s.get("item"): s for s in got.get("sections") or []}
        for item, want in (exp.get("sections") or {}).items():
            s = sections.get(item) or {}
            if s.get("state") != want:
                out.append("- %s: expected %s [%s], measured %s [%s | %s]" % (
                    item, want, (exp.get("evidence") or {}).get(item, "?"), s.get("state", "missing"), s.get("url") or "-",
                    (s.get("evidence") or "-").replace("\n", " ")[:160]))
        for key, fields in (("news", ("count", "undated", "partial")), ("documents", ("count", "own")),
                            ("services", ("level3", "level4", "total"))):
            e, m = exp.get(key) or {}, got.get(key) or {}
            for f in fields:
                if f in m or f in ("count", "own", "level3", "level4"):
                    if m.get(f) != e.get(f) and not (f == "partial" and not m.get(f) and not e.get(f)):
                        out.append("- %s.%s: expected %s, measured %s" % (key, f, e.get(f), m.get(f, "missing")))
        out.append("")
    return "\n".join(out)


def main(argv):
    if not argv or argv[0].startswith("-"):
        print(__doc__)
        return 2
    fixtures = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), "fixtures", "holdout-2026")
    if "--fixtures" in argv:
        fixtures = argv[argv.index("--fixtures") + 1]
    print(misses(fixtures, argv[0]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
