#!/usr/bin/env bash
# The main job on the bundled snapshots: serve the recorded portals on
# loopback (127.0.0.x), audit them exactly as the internet's, print where the
# results are.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product portal-audit
BIN="$(swift build -c release --show-bin-path)/portal-audit"

"$BIN" serve snapshots --targets snapshots/targets.yaml >/tmp/portal-audit-serve.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do
    grep -q "serving" /tmp/portal-audit-serve.log 2>/dev/null && break
    sleep 0.2
done

# The nightly job over the snapshots: crawl, measure, score against the
# agencies' 2020 self-reports, rank beside the decision's 2019 totals, store
# the night and write the reports. Exit 1 only means "new flags were raised".
status=0
"$BIN" audit --targets snapshots/targets.yaml --year 2020 --delay-ms 50 \
    --reported reported/2020/bao-cao-2020.csv --previous testdata/decision-2793-2020/tong-diem-2019.csv \
    --db runs/demo/portal-audit.sqlite --runs runs/demo || status=$?
[ "$status" -le 1 ] || exit "$status"
