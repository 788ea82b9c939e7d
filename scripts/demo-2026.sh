#!/usr/bin/env bash
# A 2026 night on the commune snapshots: five communes publishing as sub-sites
# of one shared provincial platform (snapshots-2026/), audited for 2025 with
# portal health, scored with criteria/son-la-2026.yaml on the sample self-report
# reported/2025 and ranked in the commune tier's own table.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product portal-audit
BIN="$(swift build -c release --show-bin-path)/portal-audit"

"$BIN" serve snapshots-2026 --targets snapshots-2026/targets.yaml >/tmp/portal-audit-serve-2026.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do
    grep -q "serving" /tmp/portal-audit-serve-2026.log 2>/dev/null && break
    sleep 0.2
done

# Exit 1 only means "new flags were raised" (here: injected content, stale sections).
status=0
"$BIN" audit --targets snapshots-2026/targets.yaml --year 2025 --rules nd-42-2022 --delay-ms 50 \
    --criteria criteria/son-la-2026.yaml --reported reported/2025 \
    --db runs/demo-2026/portal-audit.sqlite --runs runs/demo-2026 || status=$?
[ "$status" -le 1 ] || exit "$status"
