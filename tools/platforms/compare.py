#!/usr/bin/env python3
"""Score a run of portal-audit on the platform corpus against each expected.yaml.

Usage:
  python3 tools/platforms/compare.py MEASUREMENTS.json [--fixtures fixtures/platforms]
                                     [--floors fixtures/platforms/floors.yaml] [--write-floors FILE] [--json]

Per site and per platform family: section precision/recall/F1 of "present"
(an expected-present item measured absent or inconclusive is a miss; an
expected-absent item measured inconclusive is wrong and counts against
`sectionsRight`), news exact and within ±10%, share of article pages dated
(when the measurements report article pages), documents count and own exact,
services level 3 and level 4 exact, status and partial right; then totals.
With --floors, exits 1 when any figure is below its floor (the same check
Tests/EndToEndTests/PlatformCorpusTests.swift makes). --write-floors records
today's figures as floors. Standard library only.
"""
import json
import os
import re
import sys

CHECKS = ["status", "partial", "news", "newsWithin10", "documents", "own", "services"]
TOTAL_KEYS = ["sectionF1", "sectionsRight"] + CHECKS


def parse_scalar(text):
    text = text.strip()
    if text in ("null", "~", ""):
        return None
    if text in ("true", "false"):
        return text == "true"
    if len(text) >= 2 and text[0] == text[-1] == '"':
        return text[1:-1]
    if re.fullmatch(r"-?\d+", text):
        return int(text)
    if re.fullmatch(r"-?\d+\.\d*", text):
        return float(text)
    return text


def parse_flow(text):
    """`{a: 1, b: null}` (no nested maps, no commas inside values)."""
    inner = text.strip()[1:-1]
    out = {}
    for part in inner.split(","):
        if part.strip():
            key, _, value = part.partition(":")
            out[key.strip()] = parse_scalar(value)
    return out


def read_yaml_subset(path):
    """The two-level YAML the corpus files use: `key: scalar`, `key: {flow}`, `key:` + indented `sub: value`."""
    root, current = {}, None
    with open(path, encoding="utf-8") as fh:
        for number, raw in enumerate(fh, 1):
            line = raw.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            indented = line.startswith("  ")
            key, sep, value = line.strip().partition(":")
            if not sep:
                raise SystemExit("%s:%d: expected `key: value`" % (path, number))
            value = value.strip()
            parsed = parse_flow(value) if value.startswith("{") else parse_scalar(value)
            if indented:
                if current is None:
                    raise SystemExit("%s:%d: indented line outside a mapping" % (path, number))
                current[key.strip()] = parsed
            elif value == "":
                current = root[key.strip()] = {}
            else:
                root[key.strip()] = parsed
                current = None
    return root


def prf(tp, fp, fn):
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def dated_share(news):
    """Share of article pages dated, if the measurements say how many article pages there were."""
    if not isinstance(news, dict):
        return None
    if isinstance(news.get("datedShare"), (int, float)):
        return float(news["datedShare"])
    pages = news.get("articlePages", (news.get("crossChecks") or {}).get("articlePages"))
    if not pages:
        return None
    return max(0.0, (pages - (news.get("undated") or 0)) / pages)


def score_site(expected, measured):
    out = {"id": expected["id"], "family": expected.get("platform", "?"), "tp": 0, "fp": 0, "fn": 0, "right": 0, "decided": 0,
           "wrong": []}
    states = {s.get("item"): s.get("state") for s in (measured or {}).get("sections", [])}
    for item, want in (expected.get("sections") or {}).items():
        got = states.get(item, "missing")
        if want not in ("present", "absent"):
            continue
        out["decided"] += 1
        if got == want:
            out["right"] += 1
        else:
            out["wrong"].append("%s %s→%s" % (item, want, got))
        if want == "present":
            out["tp" if got == "present" else "fn"] += 1
        elif got == "present":
            out["fp"] += 1
    news, mnews = expected.get("news") or {}, (measured or {}).get("news") or {}
    docs, mdocs = expected.get("documents") or {}, (measured or {}).get("documents") or {}
    svc, msvc = expected.get("services") or {}, (measured or {}).get("services") or {}
    want_news, got_news = news.get("count"), mnews.get("count")
    out["status"] = measured is not None and measured.get("status") == expected.get("status")
    out["partial"] = bool(mnews.get("partial")) == bool(news.get("partial"))
    out["news"] = got_news == want_news
    out["newsWithin10"] = isinstance(got_news, int) and abs(got_news - want_news) <= 0.1 * want_news
    out["documents"] = mdocs.get("count") == docs.get("count")
    # `own: null` must be reported as null: a missing field is not the honest "cannot tell".
    out["own"] = "own" in mdocs and mdocs.get("own") == docs.get("own")
    out["services"] = msvc.get("level3") == svc.get("level3") and msvc.get("level4") == svc.get("level4")
    out["figures"] = {"news": (want_news, got_news), "documents": (docs.get("count"), mdocs.get("count")),
                      "own": (docs.get("own"), mdocs.get("own", "—")),
                      "services": ("%s/%s" % (svc.get("level3"), svc.get("level4")), "%s/%s" % (msvc.get("level3"), msvc.get("level4"))),
                      "status": (expected.get("status"), (measured or {}).get("status")),
                      "dated": (round(news["dated"] / news["articles"], 3) if news.get("articles") else None, dated_share(mnews))}
    return out


def aggregate(rows):
    tp, fp, fn = (sum(r[k] for r in rows) for k in ("tp", "fp", "fn"))
    p, r, f1 = prf(tp, fp, fn)
    total = {"sites": len(rows), "precision": p, "recall": r, "sectionF1": f1,
             "sectionsRight": sum(x["right"] for x in rows) / max(1, sum(x["decided"] for x in rows))}
    for key in CHECKS:
        total[key] = sum(1 for x in rows if x[key])
    shares = [x["figures"]["dated"][1] for x in rows if x["figures"]["dated"][1] is not None]
    total["datedShare"] = sum(shares) / len(shares) if shares else None
    return total


def load(fixtures, measurements_path):
    with open(measurements_path, encoding="utf-8") as fh:
        measured = {t["id"]: t for t in json.load(fh)["targets"]}
    rows = []
    for name in sorted(os.listdir(fixtures)):
        path = os.path.join(fixtures, name, "expected.yaml")
        if os.path.exists(path):
            rows.append(score_site(read_yaml_subset(path), measured.get(name)))
    return rows


def fmt(v):
    if v is None:
        return "—"
    if isinstance(v, float):
        return ("%.3f" % v).replace(".", ",")
    return str(v)


def report(rows):
    lines = ["%-40s %-17s %5s %5s %5s %6s  %-9s %-9s %-7s %-9s %-11s %-6s %s" % (
        "site", "family", "P", "R", "F1", "right", "news", "docs", "own", "L3/L4", "dated", "status", "wrong items")]
    for x in rows:
        p, r, f1 = prf(x["tp"], x["fp"], x["fn"])
        f = x["figures"]
        mark = lambda ok: "" if ok else "✗"  # noqa: E731
        lines.append("%-40s %-17s %5s %5s %5s %6s  %-9s %-9s %-7s %-9s %-11s %-6s %s" % (
            x["id"], x["family"], fmt(p), fmt(r), fmt(f1), "%d/%d" % (x["right"], x["decided"]),
            "%s/%s%s" % (f["news"][0], f["news"][1], mark(x["news"])), "%s/%s%s" % (f["documents"][0], f["documents"][1], mark(x["documents"])),
            "%s/%s%s" % (fmt(f["own"][0]), fmt(f["own"][1]), mark(x["own"])), "%s|%s%s" % (f["services"][0], f["services"][1], mark(x["services"])),
            "%s/%s" % (fmt(f["dated"][0]), fmt(f["dated"][1])), "%s%s" % (f["status"][1], mark(x["status"] and x["partial"])),
            "; ".join(x["wrong"])))
    lines.append("")
    lines.append("%-18s %5s %5s %5s %6s %5s %5s %6s %5s %5s %5s %6s %7s %6s" % (
        "family", "sites", "P", "R", "F1", "right", "news", "±10%", "docs", "own", "L3L4", "status", "partial", "dated"))
    families = sorted({x["family"] for x in rows})
    for fam in families + ["TOTAL"]:
        group = rows if fam == "TOTAL" else [x for x in rows if x["family"] == fam]
        t = aggregate(group)
        lines.append("%-18s %5d %5s %5s %6s %5s %5d %6d %5d %5d %5d %6d %7d %6s" % (
            fam, t["sites"], fmt(t["precision"]), fmt(t["recall"]), fmt(t["sectionF1"]), fmt(t["sectionsRight"]), t["news"],
            t["newsWithin10"], t["documents"], t["own"], t["services"], t["status"], t["partial"], fmt(t["datedShare"])))
    return "\n".join(lines)


def floors_text(rows):
    t = aggregate(rows)
    lines = ["# Floors of the platform corpus (fixtures/platforms): the figures of the current tool must not fall",
             "# below these. Checked by Tests/EndToEndTests/PlatformCorpusTests.swift and by",
             "# `python3 tools/platforms/compare.py MEASUREMENTS.json --floors fixtures/platforms/floors.yaml`.",
             "# totals: sectionF1 and sectionsRight are shares (0..1); the other totals count sites where the figure is exact",
             "# (newsWithin10: within ±10%). sites: sectionsRight = decided items measured right; a check set to true must pass.",
             "# Raise them when a detector gets better; never lower them to make a test pass.",
             "totals: {%s}" % ", ".join("%s: %s" % (k, ("%.3f" % (int(t[k] * 1000) / 1000)) if isinstance(t[k], float) else t[k]) for k in TOTAL_KEYS),
             "sites:"]
    for x in rows:
        lines.append("  %s: {sectionsRight: %d, %s}" % (x["id"], x["right"], ", ".join("%s: %s" % (k, "true" if x[k] else "false") for k in CHECKS)))
    return "\n".join(lines) + "\n"


def below_floors(rows, floors):
    problems = []
    t = aggregate(rows)
    for key, floor in (floors.get("totals") or {}).items():
        if t.get(key) is None or t[key] + 1e-9 < floor:
            problems.append("total %s %s below floor %s" % (key, fmt(t.get(key)), fmt(floor)))
    by_id = {x["id"]: x for x in rows}
    for site, want in (floors.get("sites") or {}).items():
        x = by_id.get(site)
        if x is None:
            problems.append("%s: no expected.yaml" % site)
            continue
        if x["right"] < want.get("sectionsRight", 0):
            problems.append("%s: %d items right, floor %d (%s)" % (site, x["right"], want["sectionsRight"], "; ".join(x["wrong"])))
        for key in CHECKS:
            if want.get(key) is True and not x[key]:
                problems.append("%s: %s no longer right (%s)" % (site, key, x["figures"].get(key.replace("newsWithin10", "news").replace("partial", "status"))))
    return problems


def main(argv):
    args = argv[1:]
    if not args or args[0].startswith("-"):
        print(__doc__)
        return 2
    fixtures = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), "fixtures", "platforms")
    floors = write_floors = None
    as_json = False
    i = 1
    while i < len(args):
        if args[i] == "--fixtures":
            fixtures, i = args[i + 1], i + 2
        elif args[i] == "--floors":
            floors, i = args[i + 1], i + 2
        elif args[i] == "--write-floors":
            write_floors, i = args[i + 1], i + 2
        elif args[i] == "--json":
            as_json, i = True, i + 1
        else:
            print("unknown option %s" % args[i], file=sys.stderr)
            return 2
    rows = load(fixtures, args[0])
    if as_json:
        print(json.dumps({"sites": rows, "totals": aggregate(rows)}, ensure_ascii=False, indent=1, default=str))
    else:
        print(report(rows))
    if write_floors:
        with open(write_floors, "w", encoding="utf-8") as fh:
            fh.write(floors_text(rows))
    if floors:
        problems = below_floors(rows, read_yaml_subset(floors))
        for p in problems:
            print("BELOW FLOOR: " + p, file=sys.stderr)
        return 1 if problems else 0
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
