#!/usr/bin/env bash
# Opens an HTML report in headless Chromium as a reader would, fails on any console
# error or failed load (a report must be self-contained and script-free), and saves
# a screenshot to look at.
# Usage: scripts/check-report.sh HTML_FILE OUT_PNG   (WINDOW=1280,3000 to change the size)
set -euo pipefail

if [ $# -ne 2 ]; then
    echo "usage: $0 HTML_FILE OUT_PNG" >&2
    exit 2
fi
html=$(realpath "$1")
png=$(realpath -m "$2")
window=${WINDOW:-1280,3000}
[ -f "$html" ] || { echo "$0: no such file: $1" >&2; exit 2; }

if ! command -v chromium >/dev/null; then
    if [ "$(id -u)" = 0 ]; then
        apt-get install -y chromium fonts-dejavu-core >/dev/null || { apt-get update >/dev/null && apt-get install -y chromium fonts-dejavu-core >/dev/null; }
    else
        echo "$0: chromium is missing (Debian package chromium)" >&2
        exit 2
    fi
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
flags=(--headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --disable-extensions
       --user-data-dir="$work/profile" --enable-logging=stderr --v=0 --window-size="$window")

# Console messages (the report has no script, so any is an error) and failed loads show in
# Chromium's log as INFO:CONSOLE:N] / "Failed to load".
timeout 180 chromium "${flags[@]}" --dump-dom "file://$html" >"$work/dom.html" 2>"$work/dom.log" || {
    echo "$0: chromium failed while loading $html" >&2; cat "$work/dom.log" >&2; exit 1; }
timeout 180 chromium "${flags[@]}" --screenshot="$png" "file://$html" >/dev/null 2>"$work/shot.log" || {
    echo "$0: chromium failed to take the screenshot" >&2; cat "$work/shot.log" >&2; exit 1; }

problems=$(grep -hE 'CONSOLE[(:]|Uncaught|Failed to load|Refused to|net::ERR_' "$work/dom.log" "$work/shot.log" || true)
if [ -n "$problems" ]; then
    echo "$0: the page logged errors:" >&2
    echo "$problems" >&2
    exit 1
fi
grep -q '<body' "$work/dom.html" || { echo "$0: the page rendered no body" >&2; exit 1; }
[ -s "$png" ] || { echo "$0: no screenshot written to $png" >&2; exit 1; }
echo "ok: $html rendered without console errors; screenshot $png"
