#!/usr/bin/env bash
# Crawl benchmark: a generated portal of BENCH_PAGES pages (default 20,000)
# served by nginx on loopback, crawled by the release build with politeness
# lifted and detection on. Prints pages/s, MB/s and peak memory; with
# BENCH_GROWTH=1 also the peak memory at 100,000 pages.
set -euo pipefail
cd "$(dirname "$0")/.."
PAGES="${BENCH_PAGES:-20000}"
WORK="${BENCH_DIR:-/tmp/portal-audit-bench}"
PORT="${BENCH_PORT:-18089}"

command -v nginx >/dev/null || { (apt-get update -qq || true) && apt-get install -y -qq nginx-light >/dev/null; }
swift build -c release --product portal-audit >/dev/null
BIN="$(swift build -c release --show-bin-path)/portal-audit"

run_one() {
    local pages=$1 site="$WORK/site-$1"
    if [ ! -f "$site/.complete" ]; then
        rm -rf "$site"
        python3 tools/bench/generate_site.py "$pages" "$site" >/dev/null
        touch "$site/.complete"
    fi
    mkdir -p "$WORK/nginx"
    cat > "$WORK/nginx/nginx.conf" <<CONF
worker_processes 1;
daemon off;
error_log $WORK/nginx/error.log;
pid $WORK/nginx/nginx.pid;
events { worker_connections 1024; }
http {
    access_log off;
    default_type "text/html; charset=utf-8";
    sendfile on;
    keepalive_requests 100000;
    server { listen 127.0.0.1:$PORT; root $site; index index.html; location / { try_files \$uri \$uri/index.html =404; } }
}
CONF
    nginx -c "$WORK/nginx/nginx.conf" &
    local server=$!
    sleep 0.5
    cat > "$WORK/targets.yaml" <<YAML
targets:
  - id: so-thong-tin-va-truyen-thong
    name: Sở Thông tin và Truyền thông
    tier: province
    portal: http://127.0.0.1:$PORT/
YAML
    local out="$WORK/out-$pages"
    rm -rf "$out"
    /usr/bin/time -f "%e %M" -o "$WORK/time-$pages" "$BIN" crawl --targets "$WORK/targets.yaml" --year 2020 \
        --max-pages $((pages + 100)) --max-depth 100000 --per-host 8 --delay-ms 0 --out "$out" 2>/dev/null
    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
    python3 - "$out/measurements.json" "$WORK/time-$pages" "$pages" <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))["targets"][0]
seconds, kb = open(sys.argv[2]).read().split()
seconds = float(seconds)
pages, mb = m["pagesFetched"], m["fetch"]["bytes"] / 1e6
print(f"| {sys.argv[3]:>7} | {pages:>7} | {seconds:8.1f} | {pages / seconds:8.0f} | {mb / seconds:6.1f} | {int(kb) / 1024:8.1f} | {m['status']} |")
PY
}

echo "| site    | fetched | seconds  | pages/s  | MB/s   | peak MB  | status |"
echo "|---------|---------|----------|----------|--------|----------|--------|"
run_one "$PAGES"
if [ "${BENCH_GROWTH:-0}" = 1 ]; then
    run_one 10000
    run_one 100000
fi
