#!/usr/bin/env bash
# The appraisers' workspace on the demo data: the demo night (scripts/demo.sh), a demo
# account, then `portal-audit web` on 127.0.0.1:8080 until interrupted.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/demo.sh
BIN="$(swift build -c release --show-bin-path)/portal-audit"
DB=runs/demo/portal-audit.sqlite
USER_NAME=tham-dinh
PASSWORD=demo-tham-dinh
if ! "$BIN" user list --db "$DB" | grep -q "^$USER_NAME "; then
    echo "$PASSWORD" | "$BIN" user add "$USER_NAME" --role appraiser --password-stdin --db "$DB" >/dev/null
fi
echo "Tài khoản mẫu (demo account): $USER_NAME / $PASSWORD"
exec "$BIN" web --db "$DB" --runs runs/demo --listen "${LISTEN:-127.0.0.1:8080}"
