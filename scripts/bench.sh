#!/usr/bin/env bash
# Benchmark of portal-audit beside the tools an engineer would otherwise pick
# (wget 1.21 keeping WARC evidence, wget2 recursive, Scrapy), on loopback
# servers it starts itself. Every tool's pages are counted from the server's
# access log, the same way for all. Prints one table: CPU per page against the
# floor measured on the same pages (tools/bench/floor.py), each tool's time
# against its own lower bound, and the goals of issue 16.
# Workloads (see BENCHMARKS.md):
#   throughput  a portal of BENCH_PAGES pages (default 20,000) behind nginx,
#               politeness lifted (8 connections, no delay), detection and WARC
#               on; BENCH_SITE=generated|real-shaped|both (default both) picks
#               the site: the uniform generated one, the real-shaped one (Liferay
#               menus and pagers, 5-200 KB pages, 48 KB average), or both;
#   breadth     BENCH_PORTALS portals (default 500) of 100 real-shaped pages,
#               each on its own loopback address, 50 ms latency, default
#               politeness (2 connections per host, 500 ms rest after each answer);
#   small       BENCH_SMALL_PORTALS portals (default 3,000) of 20 pages, as breadth;
#   growth      portal-audit's peak memory at BENCH_GROWTH_PAGES (default
#               "10000 100000"; empty to skip), generated site.
# BENCH_WORKLOADS (default "throughput breadth small growth") picks workloads.
# BENCH_PEERS=0 runs portal-audit alone. Generated sites are kept in BENCH_DIR.
# BENCH_BIN=PATH measures that portal-audit binary instead of building this tree
# (to alternate the binaries of before and after a change).
set -euo pipefail
cd "$(dirname "$0")/.."
PAGES="${BENCH_PAGES:-20000}"
SITES="${BENCH_SITE:-both}"
PORTALS="${BENCH_PORTALS:-500}"
SMALL_PORTALS="${BENCH_SMALL_PORTALS:-3000}"
GROWTH="${BENCH_GROWTH_PAGES-10000 100000}"
PEERS="${BENCH_PEERS:-1}"
WORKLOADS="${BENCH_WORKLOADS:-throughput breadth small growth}"
WORK="${BENCH_DIR:-/tmp/portal-audit-bench}"
PORT="${BENCH_PORT:-18391}"
BREADTH_PORT="${BENCH_BREADTH_PORT:-18392}"
LATENCY_MS=50
PER_HOST=2        # portal-audit crawl's default --per-host
DELAY_MS=500      # portal-audit crawl's default --delay-ms
FAST_HOST=8       # connections per host with politeness lifted
WGET_PROCESSES=500  # wget 1.21 crawls one portal per process; this many at once

case "$SITES" in
    both) SITES="generated real-shaped" ;;
    generated | real-shaped) ;;
    *) echo "BENCH_SITE must be generated, real-shaped or both (got: $SITES)" >&2; exit 2 ;;
esac

need() { command -v "$1" >/dev/null || { (apt-get update -qq || true) && apt-get install -y -qq "$2" >/dev/null; }; }
need nginx nginx-light
# The floor parses with libxml2 through lxml (Scrapy brings it too).
python3 -c "import lxml.html" 2>/dev/null || pip install -q lxml
if [ "$PEERS" = 1 ]; then
    need wget wget
    need wget2 wget2
    python3 -c "import scrapy" 2>/dev/null || pip install -q scrapy
fi
if [ -n "${BENCH_BIN:-}" ]; then
    BIN="$BENCH_BIN"
else
    swift build -c release --product portal-audit >/dev/null
    BIN="$(swift build -c release --show-bin-path)/portal-audit"
fi
mkdir -p "$WORK"
ROWS="$WORK/rows.tsv"
: > "$ROWS"
rm -f "$WORK"/floor-*.json
# The peers skip the links portal-audit records without downloading (documents) or ignores (images, scripts…).
SKIP=$(python3 tools/bench/skipped_extensions.py Sources/Crawl/Resources/url-policy.yaml)
# wget and wget2 match a bare suffix anywhere ("in" would reject ".../thong-tin"): patterns "*.pdf".
REJECT=$(echo "$SKIP" | sed 's/[^,]*/*.&/g')

site() {  # site generated|real-shaped PAGES → folder of a generated portal, made once
    local folder="$WORK/$1-$2"
    if [ ! -f "$folder/.complete" ]; then
        rm -rf "$folder"
        if [ "$1" = generated ]; then
            python3 tools/bench/generate_site.py "$2" "$folder" >/dev/null
        else
            python3 tools/bench/generate_real_site.py "$2" "$folder" >/dev/null
        fi
        touch "$folder/.complete"
    fi
    echo "$folder"
}

# row WORKLOAD TOOL PAGES BYTES TIMEFILE [BOUND] — one line of the table.
row() {
    # The last line: /usr/bin/time puts "Command exited with non-zero status" first.
    read -r seconds kb user system < <(tail -n 1 "$5")
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" "$seconds" "$kb" \
        "$(awk "BEGIN { print $user + $system }")" "${6:-0}" >> "$ROWS"
}

# timed TIMEFILE COMMAND… — wall seconds, peak resident KB (of the largest process), user and system CPU seconds.
timed() { local file=$1; shift; /usr/bin/time -f "%e %M %U %S" -o "$file" "$@"; }

floor() {  # floor WORKLOAD SITE — the floor over the workload's pages
    python3 tools/bench/floor.py "$2" > "$WORK/floor-$1.json"
}

# ---------------------------------------------------------------- throughput
nginx_start() {  # nginx_start ROOT — serves ROOT on $PORT, logs status and bytes
    mkdir -p "$WORK/nginx"
    # Pages named by path and query (Liferay's pagers) are files "path?query".
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
    server {
        listen 127.0.0.1:$PORT; root $1; index index.html;
        location / { try_files "\$uri?\$args" \$uri \$uri/index.html =404; }
    }
}
CONF
    : > "$WORK/nginx/access.log"
    nginx -c "$WORK/nginx/nginx.conf" &
    NGINX=$!
    for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$PORT/" && break; sleep 0.1; done
    kill -0 "$NGINX" 2>/dev/null || { echo "nginx cannot serve on 127.0.0.1:$PORT (see $WORK/nginx/error.log)" >&2; exit 1; }
    : > "$WORK/nginx/access.log"
}

nginx_stop() { kill "$NGINX" 2>/dev/null || true; wait "$NGINX" 2>/dev/null || true; }

# served → "pages bytes": 200 answers nginx gave since it started.
served() { awk '$1 == 200 { pages++; bytes += $2 } END { printf "%d %d\n", pages, bytes }' "$WORK/nginx/access.log"; }

one_target() {  # one_target URL → a targets file naming one agency at URL
    cat > "$WORK/targets-one.yaml" <<YAML
targets:
  - id: so-thong-tin-va-truyen-thong
    name: Sở Thông tin và Truyền thông
    tier: province
    portal: $1
YAML
}

crawl_audit() {  # crawl_audit WORKLOAD PAGES ROOT
    local workload=$1 pages=$2
    nginx_start "$3"
    one_target "http://127.0.0.1:$PORT/"
    rm -rf "$WORK/out-$workload"
    timed "$WORK/time" "$BIN" crawl --targets "$WORK/targets-one.yaml" --year 2020 \
        --max-pages $((pages + 100)) --max-depth 100000 --per-host $FAST_HOST --delay-ms 0 \
        --concurrency $FAST_HOST --out "$WORK/out-$workload" 2>/dev/null
    nginx_stop
    read -r got bytes < <(served)
    row "$workload" portal-audit "$got" "$bytes" "$WORK/time"
}

throughput() {
    local kind workload root
    for kind in $SITES; do
        workload=$([ "$kind" = generated ] && echo throughput || echo real-shaped)
        root=$(site "$kind" "$PAGES")
        crawl_audit "$workload" "$PAGES" "$root"
        floor "$workload" "$root"
        [ "$PEERS" = 1 ] || continue
        # The evidence-keeping peer: parses every page for links and writes a
        # gzipped WARC with digests, over one connection (wget cannot use more).
        nginx_start "$root"
        rm -rf "$WORK/wget" && mkdir -p "$WORK/wget"
        timed "$WORK/time" wget --recursive --level=inf --no-parent -e robots=on --delete-after --quiet \
            --reject="$REJECT" --warc-file="$WORK/wget/evidence" --directory-prefix="$WORK/wget" \
            "http://127.0.0.1:$PORT/" || true
        nginx_stop
        read -r got bytes < <(served)
        row "$workload" "wget --warc-file" "$got" "$bytes" "$WORK/time"

        nginx_start "$root"
        rm -rf "$WORK/wget2"
        timed "$WORK/time" wget2 --recursive --level=0 --no-parent --robots=on --max-threads=$FAST_HOST \
            --filter-urls --reject="$REJECT" --delete-after --quiet --directory-prefix="$WORK/wget2" "http://127.0.0.1:$PORT/" || true
        nginx_stop
        read -r got bytes < <(served)
        row "$workload" wget2 "$got" "$bytes" "$WORK/time"

        nginx_start "$root"
        timed "$WORK/time" python3 tools/bench/scrapy_crawl.py --per-host $FAST_HOST --delay-ms 0 \
            --concurrency $FAST_HOST --skip "$SKIP" "http://127.0.0.1:$PORT/" >/dev/null
        nginx_stop
        read -r got bytes < <(served)
        row "$workload" scrapy "$got" "$bytes" "$WORK/time"
    done
}

# ------------------------------------------------------------------- breadth
# many_portals WORKLOAD COUNT PAGES — COUNT copies of one real-shaped portal of
# PAGES pages, each on its own address 127.X.Y.Z, served by `portal-audit serve`
# with 50 ms added to every answer and an access log, from which every tool's
# pages and requests per host (hence its own lower bound) are counted.
many_portals() {
    local workload=$1 count=$2 root folder="$WORK/$1-$2" urls=() log="$WORK/$1-access.log"
    root=$(site real-shaped "$3")
    floor "$workload" "$root"
    rm -rf "$folder"
    mkdir -p "$folder"
    echo "targets:" > "$folder/targets.yaml"
    for ((i = 0; i < count; i++)); do
        local id address
        id=$(printf 'p%04d' "$i")
        address="127.$((20 + i / 40000)).$((i / 200 % 200)).$((i % 200 + 1))"
        mkdir -p "$folder/$id"
        ln -s "$root" "$folder/$id/site"
        printf '  - id: %s\n    name: Cổng %s\n    tier: district\n    portal: http://%s:%s/\n' \
            "$id" "$id" "$address" "$BREADTH_PORT" >> "$folder/targets.yaml"
        urls+=("http://$address:$BREADTH_PORT/")
    done
    printf '%s\n' "${urls[@]}" > "$folder/urls.txt"
    "$BIN" serve "$folder" --latency-ms $LATENCY_MS --access-log "$log" > "$WORK/serve.out" 2>&1 &
    local server=$!
    # serve prints its addresses once every portal listens and is logged.
    for _ in $(seq 3000); do grep -q "${urls[-1]}" "$WORK/serve.out" 2>/dev/null && break; sleep 0.1; done
    grep -q "${urls[-1]}" "$WORK/serve.out" || { echo "portal-audit serve did not start (see $WORK/serve.out)" >&2; exit 1; }
    local cycle=$((LATENCY_MS + DELAY_MS)) start

    # portal-audit: 2 connections per host, each resting 500 ms after its answer.
    start=$(wc -l < "$log")
    rm -rf "$WORK/out-$workload"
    timed "$WORK/time" "$BIN" crawl --targets "$folder/targets.yaml" --year 2020 --max-pages 1000 \
        --concurrency $((count * PER_HOST)) --out "$WORK/out-$workload" 2>/dev/null
    read -r got bytes bound < <(python3 tools/bench/access_log.py "$log" --skip "$start" \
        --per-host-ms "$(awk "BEGIN { print $cycle / $PER_HOST }")")
    row "$workload" portal-audit "$got" "$bytes" "$WORK/time" "$bound"

    if [ "$PEERS" = 1 ]; then
        # wget 1.21: one process per portal (it has one connection), resting 500 ms after each answer.
        start=$(wc -l < "$log")
        rm -rf "$WORK/wget-$workload" && mkdir -p "$WORK/wget-$workload"
        timed "$WORK/time" xargs -a "$folder/urls.txt" -P $WGET_PROCESSES -n 1 sh -c \
            'wget --recursive --level=inf --no-parent -e robots=on --wait="$1" --delete-after --quiet --reject="$2" \
                 --warc-file="$0/$(echo "$3" | tr -c "a-z0-9\n" _)" --directory-prefix="$0" "$3" || true' \
            "$WORK/wget-$workload" "$(awk "BEGIN { print $DELAY_MS / 1000 }")" "$REJECT"
        read -r got bytes bound < <(python3 tools/bench/access_log.py "$log" --skip "$start" \
            --per-host-ms $cycle --waves $(((count + WGET_PROCESSES - 1) / WGET_PROCESSES)))
        row "$workload" "wget --warc-file" "$got" "$bytes" "$WORK/time" "$bound"

        # wget2: a pool of 2 threads per portal, each resting 500 ms after its answer; no per-host cap.
        start=$(wc -l < "$log")
        rm -rf "$WORK/wget2"
        timed "$WORK/time" wget2 --recursive --level=0 --no-parent --robots=on \
            --max-threads=$((count * PER_HOST)) --wait=$(awk "BEGIN { print $DELAY_MS / 1000 }") \
            --filter-urls --reject="$REJECT" --delete-after --quiet --directory-prefix="$WORK/wget2" --input-file="$folder/urls.txt" || true
        read -r got bytes bound < <(python3 tools/bench/access_log.py "$log" --skip "$start" \
            --pooled-ms "$(awk "BEGIN { print $cycle / ($count * $PER_HOST) }")")
        row "$workload" wget2 "$got" "$bytes" "$WORK/time" "$bound"

        # Scrapy: DOWNLOAD_DELAY spaces every request to a domain (not each
        # connection's rest): 250 ms gives the request rate of 2 connections
        # resting 500 ms; the 50 ms answers then never overlap.
        start=$(wc -l < "$log")
        local spacing=$((DELAY_MS / PER_HOST))
        timed "$WORK/time" python3 tools/bench/scrapy_crawl.py --per-host $PER_HOST --delay-ms $spacing \
            --concurrency $((count * PER_HOST)) --skip "$SKIP" --urls-file "$folder/urls.txt" > /dev/null
        read -r got bytes bound < <(python3 tools/bench/access_log.py "$log" --skip "$start" \
            --per-host-ms "$(awk "BEGIN { print ($spacing > $LATENCY_MS ? $spacing : $LATENCY_MS) }")")
        row "$workload" scrapy "$got" "$bytes" "$WORK/time" "$bound"
    fi
    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
}

breadth() { many_portals breadth "$PORTALS" 100; }
small() { many_portals small "$SMALL_PORTALS" 20; }

# -------------------------------------------------------------------- growth
growth() {
    for pages in $GROWTH; do
        crawl_audit "growth-$pages" "$pages" "$(site generated "$pages")"
    done
}

for workload in $WORKLOADS; do
    echo "$(date -u +%H:%M:%S) $workload" >&2
    "$workload"
done
python3 tools/bench/table.py "$ROWS" --floors "$WORK"
