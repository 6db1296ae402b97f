#!/usr/bin/env bash
# Renders a temper report in headless Chromium and checks it the way a reader would see it:
#   1. every chart image decodes (an instrumented copy of the page counts <img> elements with a natural width);
#   2. the page logs nothing to the console (the report has no scripts, so any message is a problem);
#   3. a screenshot of the page is written.
# Usage: scripts/screenshot-report.sh REPORT.html SCREENSHOT.png [WIDTHxHEIGHT]   (default 1280x2600)
# Exits 0 and prints one summary line when all is well; otherwise prints what is wrong and exits 1.
# The browser: $CHROMIUM, else chromium, chromium-browser or google-chrome on the PATH (Debian: apt-get install chromium).
set -euo pipefail

if [ $# -lt 2 ] || [ $# -gt 3 ]; then
  echo "usage: $0 REPORT.html SCREENSHOT.png [WIDTHxHEIGHT]" >&2
  exit 2
fi
report="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
shot="$2"
size="${3:-1280x2600}"
[ -f "$report" ] || { echo "screenshot-report: no such file: $1" >&2; exit 2; }
[[ "$size" =~ ^[0-9]+x[0-9]+$ ]] || { echo "screenshot-report: size must be WIDTHxHEIGHT, got $size" >&2; exit 2; }

browser="${CHROMIUM:-}"
if [ -z "$browser" ]; then
  for candidate in chromium chromium-browser google-chrome; do
    if command -v "$candidate" >/dev/null 2>&1; then browser="$(command -v "$candidate")"; break; fi
  done
fi
[ -n "$browser" ] || { echo "screenshot-report: no Chromium found (apt-get install chromium, or set CHROMIUM)" >&2; exit 3; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# No network, no first-run chores, a throw-away profile: the page must render from the file alone.
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
       --disable-component-update --disable-sync --disable-extensions --hide-scrollbars --mute-audio)

# 1. An instrumented copy: after load, a script records how many images decoded (the report itself has none).
probe="$work/probe.html"
sed 's#</body>#<script>addEventListener("load",()=>{const i=[...document.images];document.body.setAttribute("data-decoded",i.filter(x=>x.complete\&\&x.naturalWidth>0).length+"/"+i.length);});</script></body>#' \
  "$report" > "$probe"
"$browser" "${flags[@]}" --user-data-dir="$work/profile1" --virtual-time-budget=20000 --dump-dom "file://$probe" \
  > "$work/dom.html" 2> "$work/probe.log" || { cat "$work/probe.log" >&2; echo "screenshot-report: Chromium failed" >&2; exit 1; }
decoded="$(grep -o 'data-decoded="[0-9]*/[0-9]*"' "$work/dom.html" | head -n 1 | sed 's/data-decoded="\(.*\)"/\1/')"
if [ -z "$decoded" ]; then
  echo "screenshot-report: the page did not finish loading (no image count in the DOM)" >&2
  exit 1
fi

# 2 and 3. The page itself, with its console sent to stderr.
width="${size%x*}"
height="${size#*x}"
"$browser" "${flags[@]}" --user-data-dir="$work/profile2" --enable-logging=stderr --v=0 \
  --virtual-time-budget=20000 --window-size="$width,$height" --screenshot="$shot" "file://$report" \
  > "$work/shot.out" 2> "$work/shot.log" || { cat "$work/shot.log" >&2; echo "screenshot-report: Chromium failed" >&2; exit 1; }
console="$(grep -c 'CONSOLE' "$work/shot.log" || true)"

status=0
if [ "${decoded%/*}" != "${decoded#*/}" ] || [ "${decoded#*/}" = "0" ]; then
  echo "screenshot-report: only $decoded chart images decoded" >&2
  status=1
fi
if [ "$console" != "0" ]; then
  grep 'CONSOLE' "$work/shot.log" >&2
  echo "screenshot-report: the page logged $console console messages" >&2
  status=1
fi
if [ ! -s "$shot" ]; then
  echo "screenshot-report: no screenshot was written" >&2
  status=1
fi
[ "$status" = 0 ] && echo "screenshot-report: $(basename "$report"): $decoded chart images decoded, no console messages; wrote $shot (${width}x${height})"
exit "$status"
