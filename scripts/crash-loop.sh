#!/usr/bin/env bash
# Kills `portal-audit crawl` with SIGKILL at random moments, N times, over the
# bundled snapshot portals served on loopback, and checks after every kill:
#   - every WARC file the killed run left reads record by record (warcio)
#     up to at most one cut record at its end, which is detected;
#   - the rerun completes (exit 0), its WARC files read whole, and it has the
#     same pages and response records per target as an uninterrupted run.
# Prints the figures RELIABILITY.md quotes. Usage:
#   scripts/crash-loop.sh [N=20] [debug|release=debug] [seed=$RANDOM]
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS="${1:-20}"
CONFIG="${2:-debug}"
SEED="${3:-$RANDOM}"
RANDOM="$SEED"

swift build -c "$CONFIG" --product portal-audit >/dev/null
BIN="$(swift build -c "$CONFIG" --show-bin-path)/portal-audit"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/crash-loop.XXXXXX")"
# warcio from the venv `make deps` makes.
export PATH="$PWD/.build/venv/bin:$PATH"

# The snapshots listen on fixed addresses: take the lock the tests take.
exec 9>"${TMPDIR:-/tmp}/portal-audit-snapshots.lock"
flock 9
"$BIN" serve snapshots --targets snapshots/targets.yaml >"$WORK/serve.log" 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 1 100); do grep -q serving "$WORK/serve.log" 2>/dev/null && break; sleep 0.1; done

crawl() { "$BIN" crawl --targets snapshots/targets.yaml --year 2020 --delay-ms 0 --per-host 4 --out "$1" >/dev/null 2>&1; }

# Reads each WARC file; prints "<file> <records> <responses> <ok|cut>".
read_warcs() {
    python3 - "$1" <<'PY'
import glob, sys
from warcio.archiveiterator import ArchiveIterator
for path in sorted(glob.glob(sys.argv[1] + "/evidence/*.warc.gz")):
    records = responses = 0
    state = "ok"
    try:
        with open(path, "rb") as stream:
            for record in ArchiveIterator(stream):
                record.content_stream().read()
                records += 1
                responses += record.rec_type == "response"
    except Exception:
        state = "cut"
    print(path.rsplit("/", 1)[1], records, responses, state)
PY
}

# Per target: id pagesFetched.
pages() { python3 -c 'import json,sys; [print(t["id"], t["pagesFetched"]) for t in json.load(open(sys.argv[1]))["targets"]]' "$1/measurements.json"; }

start=$(date +%s.%N)
crawl "$WORK/reference"
seconds=$(echo "$(date +%s.%N) - $start" | bc)
read_warcs "$WORK/reference" | awk '{print $1, $3, $4}' >"$WORK/reference.warcs"
pages "$WORK/reference" >"$WORK/reference.pages"
if grep -q " cut$" "$WORK/reference.warcs"; then echo "the uninterrupted run wrote unreadable evidence" >&2; exit 1; fi
echo "reference run: ${seconds}s, $(wc -l <"$WORK/reference.pages") targets, $(awk '{s+=$2} END {print s}' "$WORK/reference.pages") pages (seed $SEED)"

kills=0 cut_tails=0 unreadable=0 failed_reruns=0 lost=0
for round in $(seq 1 "$ROUNDS"); do
    out="$WORK/round-$round"
    # A moment anywhere in the run, database-free crawl writes included.
    delay=$(echo "scale=3; $seconds * $RANDOM / 32767" | bc)
    "$BIN" crawl --targets snapshots/targets.yaml --year 2020 --delay-ms 0 --per-host 4 --out "$out" >/dev/null 2>&1 &
    victim=$!
    sleep "$delay"
    if kill -9 "$victim" 2>/dev/null; then kills=$((kills + 1)); fi
    wait "$victim" 2>/dev/null || true
    if [ -d "$out/evidence" ]; then
        cut=$(read_warcs "$out" | grep -c " cut$" || true)
        cut_tails=$((cut_tails + cut))
    fi
    # The rerun, into the same folder, must complete and lose nothing.
    if ! crawl "$out"; then failed_reruns=$((failed_reruns + 1)); echo "round $round: rerun failed" >&2; continue; fi
    read_warcs "$out" | awk '{print $1, $3, $4}' >"$out.warcs"
    if grep -q " cut$" "$out.warcs"; then unreadable=$((unreadable + 1)); echo "round $round: unreadable evidence after rerun" >&2; fi
    pages "$out" >"$out.pages"
    if ! diff -q "$WORK/reference.pages" "$out.pages" >/dev/null || ! diff -q "$WORK/reference.warcs" "$out.warcs" >/dev/null; then
        lost=$((lost + 1))
        echo "round $round: pages or records differ from the uninterrupted run" >&2
        diff "$WORK/reference.pages" "$out.pages" >&2 || true
        diff "$WORK/reference.warcs" "$out.warcs" >&2 || true
    fi
    echo "round $round: killed after ${delay}s"
done
echo "rounds: $ROUNDS, kills: $kills, cut WARC tails detected: $cut_tails, failed reruns: $failed_reruns, unreadable after rerun: $unreadable, rounds with lost records: $lost"
[ "$failed_reruns" -eq 0 ] && [ "$unreadable" -eq 0 ] && [ "$lost" -eq 0 ]
