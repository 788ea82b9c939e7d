#!/usr/bin/env bash
# The main job on the bundled snapshots: serve the recorded portals on
# loopback (127.0.0.x), audit them exactly as the internet's, print where the
# results are.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product portal-audit
BIN="$(swift build -c release --show-bin-path)/portal-audit"
OUT="runs/demo-$(date +%Y%m%d-%H%M%S)"

"$BIN" serve snapshots --targets snapshots/targets.yaml >/tmp/portal-audit-serve.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do
    grep -q "serving" /tmp/portal-audit-serve.log 2>/dev/null && break
    sleep 0.2
done

"$BIN" crawl --targets snapshots/targets.yaml --year 2020 --delay-ms 50 --out "$OUT"
echo "measurements: $OUT/measurements.json"
echo "evidence:     $OUT/evidence/"
