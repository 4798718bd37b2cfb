#!/bin/sh
# Renders docs/screenshots/*.png:
#  - the UI with a scripted fake backend (tests/ui/UiDemo.cpp), offscreen, no display needed;
#  - the real application (engine in-process) against the fake podman (tests/fakepodman) under
#    xvfb, captured from the X root window exactly as a person would see it: *-real-*.png.
#    Needs xvfb-run and ImageMagick's import; skipped with a note when they are missing.
# Usage: scripts/screenshots.sh [build-dir]
set -eu

repo=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$repo/build-screenshots}
out=$repo/docs/screenshots

cmake -S "$repo" -B "$build" -G Ninja -DARCHY_BUILD_TESTS=ON >/dev/null
cmake --build "$build" -j2 --target archy-ui-demo archy-recovery fakepodman
find_exe() { find "$build" -type f -name "$1" -perm -u+x | head -n 1; }
demo=$(find_exe archy-ui-demo)
app=$(find_exe archy-recovery)
fake=$(find_exe fakepodman)
[ -n "$demo" ] || { echo "archy-ui-demo not built" >&2; exit 1; }

# Same pictures on every machine: English, UTC, no desktop theme, no remembered window geometry.
export LC_ALL=C.UTF-8 LANG=C.UTF-8 LANGUAGE=en TZ=UTC
unset QT_QPA_PLATFORMTHEME QT_STYLE_OVERRIDE || true
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CONFIG_HOME="$work/config"
mkdir -p "$out"

shot() { name=$1; shift; QT_QPA_PLATFORM=offscreen "$demo" "$@" --out "$out/$name.png"; echo "$out/$name.png"; }

shot desktop-1280x800 --mode desktop --size 1280x800
shot desktop-history-1280x800 --mode desktop --size 1280x800 --history
shot desktop-nodes-1280x800 --mode desktop --size 1280x800 --nodes
shot kiosk-800x480 --mode kiosk --size 800x480
shot kiosk-history-800x480 --mode kiosk --size 800x480 --history
shot kiosk-1920x1080 --mode kiosk --size 1920x1080
shot kiosk-clean-800x480 --mode kiosk --size 800x480 --clean

if ! command -v xvfb-run >/dev/null || ! command -v import >/dev/null; then
    echo "xvfb-run or import (ImageMagick) missing: real screenshots skipped" >&2
    exit 0
fi
[ -n "$app" ] && [ -n "$fake" ] || { echo "archy-recovery or fakepodman not built" >&2; exit 1; }

# A crash (the marker names a process that cannot exist), two containers in the snapshot, both
# exited; "lnd" fails to start (one attempt only), "mempool-web" starts.
# $1 = name, $2 = screen WxH, rest = extra arguments for archy-recovery.
real() {
    name=$1 size=$2
    shift 2
    data="$work/$name"
    mkdir -p "$data"
    echo 999999999 >"$data/archipelago.pid"
    # Taken 90 s before the crash was noticed, as the periodic snapshot would have been.
    printf '{"timestamp":%s,"containers":[%s,%s]}' "$(($(date +%s) - 90))" \
        '{"name":"mempool-web","image":"docker.io/mempool/frontend:v2.5.0"}' \
        '{"name":"lnd","image":"docker.io/lightninglabs/lnd:v0.17.0"}' >"$data/running-containers.json"
    printf '%s' '{"containers":[{"name":"mempool-web","image":"docker.io/mempool/frontend:v2.5.0","state":"exited"},{"name":"lnd","image":"docker.io/lightninglabs/lnd:v0.17.0","state":"exited"}]}' \
        >"$work/$name-podman.json"
    FAKE_PODMAN_STATE="$work/$name-podman.json" FAKE_PODMAN_FAIL_NAMES=lnd \
        xvfb-run -a -s "-screen 0 ${size}x24" sh -c '
            "$0" --data-dir "$1" --podman "$2" --max-attempts 1 $4 >"$1/app.log" 2>&1 &
            pid=$!
            sleep 4
            import -window root "$3"
            kill -TERM "$pid"
            wait "$pid" || true
        ' "$app" "$data" "$fake" "$out/$name.png" "$*"
    echo "$out/$name.png"
}

real kiosk-real-800x480 800x480 --kiosk
# No window manager maximises the desktop window; Qt's -qwindowgeometry places it like one would.
real desktop-real-1280x800 1280x800 -qwindowgeometry 1280x800+0+0
