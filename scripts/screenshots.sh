#!/bin/sh
# Renders the UI with a scripted fake backend (tests/ui/UiDemo.cpp) to docs/screenshots/*.png.
# Offscreen, no display needed. Usage: scripts/screenshots.sh [build-dir]
set -eu

repo=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$repo/build-screenshots}
out=$repo/docs/screenshots

cmake -S "$repo" -B "$build" -G Ninja -DARCHY_BUILD_TESTS=ON >/dev/null
cmake --build "$build" -j2 --target archy-ui-demo
demo=$(find "$build" -type f -name archy-ui-demo -perm -u+x | head -n 1)
[ -n "$demo" ] || { echo "archy-ui-demo not built" >&2; exit 1; }

# Same pictures on every machine: English, UTC, no desktop theme.
export QT_QPA_PLATFORM=offscreen LC_ALL=C.UTF-8 LANG=C.UTF-8 LANGUAGE=en TZ=UTC
unset QT_QPA_PLATFORMTHEME QT_STYLE_OVERRIDE || true
mkdir -p "$out"

shot() { name=$1; shift; "$demo" "$@" --out "$out/$name.png"; echo "$out/$name.png"; }

shot desktop-1280x800 --mode desktop --size 1280x800
shot desktop-history-1280x800 --mode desktop --size 1280x800 --history
shot kiosk-800x480 --mode kiosk --size 800x480
shot kiosk-history-800x480 --mode kiosk --size 800x480 --history
shot kiosk-1920x1080 --mode kiosk --size 1920x1080
shot kiosk-clean-800x480 --mode kiosk --size 800x480 --clean
