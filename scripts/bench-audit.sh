#!/usr/bin/env bash
# Peak memory and time of the nightly `portal-audit audit` beside `crawl` alone,
# over COUNT real-shaped portals of 20 pages each (a province's communes after
# 2025), served by `portal-audit serve --latency-ms 0` on 127.X.Y.Z, default
# politeness. Usage: scripts/bench-audit.sh [COUNT…] (default: 100 500 3000).
# BENCH_BIN=PATH measures that binary (default: this tree's release build);
# BENCH_DIR (default /tmp/portal-audit-bench-audit) holds the portals and runs;
# BENCH_AUDIT_PORT (default 18611) is the portals' port; BENCH_RUNS (default
# "crawl audit") the commands measured. Prints one line per
# command: workload, command, wall seconds, peak resident MB, CPU seconds.
set -euo pipefail
cd "$(dirname "$0")/.."
COUNTS=("${@:-100 500 3000}")
read -r -a COUNTS <<< "${COUNTS[*]}"
WORK="${BENCH_DIR:-/tmp/portal-audit-bench-audit}"
PORT="${BENCH_AUDIT_PORT:-18611}"
RUNS="${BENCH_RUNS:-crawl audit}"
if [ -n "${BENCH_BIN:-}" ]; then
    BIN="$BENCH_BIN"
else
    swift build -c release --product portal-audit >&2
    BIN="$(swift build -c release --show-bin-path)/portal-audit"
fi
mkdir -p "$WORK"
[ -d "$WORK/site" ] || python3 tools/bench/generate_real_site.py 20 "$WORK/site" >&2

# measure NAME COMMAND… — runs COMMAND under /usr/bin/time and prints its figures.
measure() {
    local name=$1 seconds kb user system
    shift
    /usr/bin/time -f "%e %M %U %S" -o "$WORK/time" "$@" > "$WORK/$name.out" 2> "$WORK/$name.err" || {
        local status=$?
        # audit exits 1 on a night with new flags: a normal night.
        [ "$status" = 1 ] && [ "$2" = audit ] || { echo "$name failed ($status), see $WORK/$name.err" >&2; exit 1; }
    }
    read -r seconds kb user system < <(tail -n 1 "$WORK/time")
    printf '%s\t%s\t%.1f\t%s\n' "$name" "$seconds" "$(awk "BEGIN { print $kb / 1024 }")" "$(awk "BEGIN { print $user + $system }")"
}

printf 'run\twall s\tpeak MB\tCPU s\n'
for count in "${COUNTS[@]}"; do
    folder="$WORK/portals-$count"
    rm -rf "$folder" "$WORK/crawl-$count" "$WORK/audit-$count"
    mkdir -p "$folder"
    echo "targets:" > "$folder/targets.yaml"
    for ((i = 0; i < count; i++)); do
        id=$(printf 'p%04d' "$i")
        address="127.$((20 + i / 40000)).$((i / 200 % 200)).$((i % 200 + 1))"
        mkdir -p "$folder/$id"
        ln -s "$WORK/site" "$folder/$id/site"
        printf '  - id: %s\n    name: Cổng %s\n    tier: district\n    portal: http://%s:%s/\n' "$id" "$id" "$address" "$PORT" >> "$folder/targets.yaml"
    done
    last="http://$address:$PORT/"
    "$BIN" serve "$folder" --latency-ms 0 > "$WORK/serve.out" 2>&1 &
    server=$!
    # serve prints its addresses once every portal listens.
    for _ in $(seq 3000); do grep -q "$last" "$WORK/serve.out" 2>/dev/null && break; sleep 0.1; done
    grep -q "$last" "$WORK/serve.out" || { echo "portal-audit serve did not start (see $WORK/serve.out)" >&2; kill "$server"; exit 1; }
    if [[ " $RUNS " == *" crawl "* ]]; then
        measure "crawl-$count" "$BIN" crawl --targets "$folder/targets.yaml" --year 2020 --out "$WORK/crawl-$count"
    fi
    if [[ " $RUNS " == *" audit "* ]]; then
        measure "audit-$count" "$BIN" audit --targets "$folder/targets.yaml" --year 2020 \
            --db "$WORK/audit-$count/portal-audit.sqlite" --runs "$WORK/audit-$count"
    fi
    kill "$server"
    wait "$server" 2>/dev/null || true
done
