#!/usr/bin/env bash
# Benchmark of portal-audit beside the tools an engineer would otherwise pick
# (wget 1.21 keeping WARC evidence, wget2 recursive, Scrapy), on loopback
# servers it starts itself. Prints one table, the ratios, and portal-audit's CPU
# per page against the floor it measures on the same pages (tools/bench/floor.py).
# Workloads (see BENCHMARKS.md):
#   throughput  one generated portal of BENCH_PAGES pages (default 20,000) behind
#               nginx, politeness lifted (8 connections, no delay), detection on;
#   breadth     BENCH_PORTALS portals (default 500) of 100 pages, each on its own
#               loopback address with 50 ms latency, default politeness;
#   growth      portal-audit's peak memory at BENCH_GROWTH_PAGES (default
#               "10000 100000"; empty to skip).
# BENCH_WORKLOADS (default "throughput breadth growth") picks workloads.
# BENCH_PEERS=0 runs portal-audit alone. Generated sites are kept in BENCH_DIR.
set -euo pipefail
cd "$(dirname "$0")/.."
PAGES="${BENCH_PAGES:-20000}"
PORTALS="${BENCH_PORTALS:-500}"
GROWTH="${BENCH_GROWTH_PAGES-10000 100000}"
PEERS="${BENCH_PEERS:-1}"
WORKLOADS="${BENCH_WORKLOADS:-throughput breadth growth}"
WORK="${BENCH_DIR:-/tmp/portal-audit-bench}"
PORT="${BENCH_PORT:-18391}"
BREADTH_PORT="${BENCH_BREADTH_PORT:-18392}"
LATENCY_MS=50
PER_HOST=2        # portal-audit crawl's default --per-host
DELAY_MS=500      # portal-audit crawl's default --delay-ms
FAST_HOST=8       # connections per host with politeness lifted

need() { command -v "$1" >/dev/null || { (apt-get update -qq || true) && apt-get install -y -qq "$2" >/dev/null; }; }
need nginx nginx-light
# The floor parses with libxml2 through lxml (Scrapy brings it too).
python3 -c "import lxml.html" 2>/dev/null || pip install -q lxml
if [ "$PEERS" = 1 ]; then
    need wget wget
    need wget2 wget2
    python3 -c "import scrapy" 2>/dev/null || pip install -q scrapy
fi
swift build -c release --product portal-audit >/dev/null
BIN="$(swift build -c release --show-bin-path)/portal-audit"
mkdir -p "$WORK"
ROWS="$WORK/rows.tsv"
: > "$ROWS"

site() {  # site PAGES → folder of a generated portal, made once
    local folder="$WORK/site-$1"
    if [ ! -f "$folder/.complete" ]; then
        rm -rf "$folder"
        python3 tools/bench/generate_site.py "$1" "$folder" >/dev/null
        touch "$folder/.complete"
    fi
    echo "$folder"
}

# row WORKLOAD TOOL PAGES BYTES TIMEFILE — one line of the table.
row() {
    # The last line: /usr/bin/time puts "Command exited with non-zero status" first.
    read -r seconds kb user system < <(tail -n 1 "$5")
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" "$seconds" "$kb" \
        "$(awk "BEGIN { print $user + $system }")" >> "$ROWS"
}

# timed TIMEFILE COMMAND… — wall seconds, peak resident KB, user and system CPU seconds.
timed() { local file=$1; shift; /usr/bin/time -f "%e %M %U %S" -o "$file" "$@"; }

# ---------------------------------------------------------------- throughput
nginx_start() {  # nginx_start ROOT — serves ROOT on $PORT, logs status and bytes
    mkdir -p "$WORK/nginx"
    cat > "$WORK/nginx/nginx.conf" <<CONF
worker_processes 1;
daemon off;
error_log $WORK/nginx/error.log;
pid $WORK/nginx/nginx.pid;
events { worker_connections 1024; }
http {
    log_format counted '\$status \$body_bytes_sent';
    access_log $WORK/nginx/access.log counted;
    default_type "text/html; charset=utf-8";
    sendfile on;
    keepalive_requests 100000;
    server { listen 127.0.0.1:$PORT; root $1; index index.html; location / { try_files \$uri \$uri/index.html =404; } }
}
CONF
    : > "$WORK/nginx/access.log"
    nginx -c "$WORK/nginx/nginx.conf" &
    NGINX=$!
    sleep 0.5
    kill -0 "$NGINX" 2>/dev/null || { echo "nginx cannot serve on 127.0.0.1:$PORT (see $WORK/nginx/error.log)" >&2; exit 1; }
}

nginx_stop() { kill "$NGINX" 2>/dev/null || true; wait "$NGINX" 2>/dev/null || true; }

# served → "pages bytes": 200 answers nginx gave since it started.
served() { awk '$1 == 200 { pages++; bytes += $2 } END { printf "%d %d\n", pages, bytes }' "$WORK/nginx/access.log"; }

crawl_audit() {  # crawl_audit WORKLOAD PAGES ROOT
    local workload=$1 pages=$2
    nginx_start "$3"
    cat > "$WORK/targets-one.yaml" <<YAML
targets:
  - id: so-thong-tin-va-truyen-thong
    name: Sở Thông tin và Truyền thông
    tier: province
    portal: http://127.0.0.1:$PORT/
YAML
    rm -rf "$WORK/out-$workload"
    timed "$WORK/time" "$BIN" crawl --targets "$WORK/targets-one.yaml" --year 2020 \
        --max-pages $((pages + 100)) --max-depth 100000 --per-host $FAST_HOST --delay-ms 0 \
        --concurrency $FAST_HOST --out "$WORK/out-$workload" 2>/dev/null
    nginx_stop
    read -r got bytes < <(served)
    row "$workload" portal-audit "$got" "$bytes" "$WORK/time"
}

throughput() {
    local root
    root=$(site "$PAGES")
    crawl_audit throughput "$PAGES" "$root"
    python3 tools/bench/floor.py "$root" > "$WORK/floor.json"
    [ "$PEERS" = 1 ] || return 0
    # The evidence-keeping peer: parses every page for links and writes a
    # gzipped WARC with digests, over one connection (wget cannot use more).
    nginx_start "$root"
    rm -rf "$WORK/wget" && mkdir -p "$WORK/wget"
    timed "$WORK/time" wget --recursive --level=inf --no-parent -e robots=on --delete-after --quiet \
        --warc-file="$WORK/wget/evidence" --directory-prefix="$WORK/wget" "http://127.0.0.1:$PORT/" || true
    nginx_stop
    read -r got bytes < <(served)
    row throughput "wget --warc-file" "$got" "$bytes" "$WORK/time"

    nginx_start "$root"
    rm -rf "$WORK/wget2"
    timed "$WORK/time" wget2 --recursive --level=0 --no-parent --robots=on --max-threads=$FAST_HOST \
        --delete-after --quiet --directory-prefix="$WORK/wget2" "http://127.0.0.1:$PORT/" || true
    nginx_stop
    read -r got bytes < <(served)
    row throughput wget2 "$got" "$bytes" "$WORK/time"

    nginx_start "$root"
    timed "$WORK/time" python3 tools/bench/scrapy_crawl.py --per-host $FAST_HOST --delay-ms 0 \
        --concurrency $FAST_HOST "http://127.0.0.1:$PORT/" >/dev/null
    nginx_stop
    read -r got bytes < <(served)
    row throughput scrapy "$got" "$bytes" "$WORK/time"
}

# ------------------------------------------------------------------- breadth
# PORTALS copies of one 100-page portal, each on its own address 127.20.X.Y,
# served by `portal-audit serve` with 50 ms added to every answer. That server
# keeps no access log, so here each tool's pages come from its own output
# (measurements.json, wget2's per-site statistics, the Scrapy spider's count).
breadth() {
    local root folder="$WORK/breadth-$PORTALS" urls=()
    root=$(site 100)
    HOST_PAGES=$(find "$root" -type f ! -name .complete | wc -l)
    rm -rf "$folder"
    mkdir -p "$folder"
    echo "targets:" > "$folder/targets.yaml"
    for ((i = 0; i < PORTALS; i++)); do
        local id address
        id=$(printf 'p%04d' "$i")
        address="127.20.$((i / 200)).$((i % 200 + 1))"
        mkdir -p "$folder/$id"
        ln -s "$root" "$folder/$id/site"
        printf '  - id: %s\n    name: Cổng %s\n    tier: district\n    portal: http://%s:%s/\n' \
            "$id" "$id" "$address" "$BREADTH_PORT" >> "$folder/targets.yaml"
        urls+=("http://$address:$BREADTH_PORT/")
    done
    "$BIN" serve "$folder" --latency-ms $LATENCY_MS >/dev/null 2>&1 &
    local server=$!
    for _ in $(seq 60); do curl -s -o /dev/null "${urls[-1]}" && break; sleep 1; done

    rm -rf "$WORK/out-breadth"
    timed "$WORK/time" "$BIN" crawl --targets "$folder/targets.yaml" --year 2020 --max-pages 1000 \
        --concurrency $((PORTALS * PER_HOST)) --out "$WORK/out-breadth" 2>/dev/null
    read -r got bytes < <(python3 -c 'import json,sys; t=json.load(open(sys.argv[1]))["targets"]; print(sum(x["pagesFetched"] for x in t), sum(x["fetch"]["bytes"] for x in t))' "$WORK/out-breadth/measurements.json")
    row breadth portal-audit "$got" "$bytes" "$WORK/time"

    if [ "$PEERS" = 1 ]; then
        rm -rf "$WORK/wget2" "$WORK/wget2-stats.csv"
        timed "$WORK/time" wget2 --recursive --level=0 --no-parent --robots=on \
            --max-threads=$((PORTALS * PER_HOST)) --wait=$(awk "BEGIN { print $DELAY_MS / 1000 }") \
            --delete-after --quiet --stats-site=csv:"$WORK/wget2-stats.csv" \
            --directory-prefix="$WORK/wget2" "${urls[@]}" || true
        read -r got bytes < <(python3 tools/bench/wget2_stats.py "$WORK/wget2-stats.csv")
        row breadth wget2 "$got" "$bytes" "$WORK/time"

        timed "$WORK/time" python3 tools/bench/scrapy_crawl.py --per-host $PER_HOST --delay-ms $DELAY_MS \
            --concurrency $((PORTALS * PER_HOST)) "${urls[@]}" > "$WORK/scrapy-breadth.json"
        read -r got bytes < <(python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); print(r["pages"], r["bytes"])' "$WORK/scrapy-breadth.json")
        row breadth scrapy "$got" "$bytes" "$WORK/time"
    fi
    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
}

# -------------------------------------------------------------------- growth
growth() {
    for pages in $GROWTH; do
        crawl_audit "growth-$pages" "$pages" "$(site "$pages")"
    done
}

rm -f "$WORK/floor.json"
HOST_PAGES=0
for workload in $WORKLOADS; do "$workload"; done
python3 tools/bench/table.py "$ROWS" --floor "$WORK/floor.json" --breadth-bound "$HOST_PAGES $LATENCY_MS $DELAY_MS $PER_HOST"
