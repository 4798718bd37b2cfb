#!/usr/bin/env bash
# The kiosk at 800x480 under Xvfb with REAL podman (an isolated store, tests/podman/sandbox.sh),
# driven by mouse clicks only (xdotool taps like a finger). Writes to docs/screenshots/:
#   kiosk-crash-800x480.png     overview after a crash: lnd's entrypoint is missing, two recover
#   kiosk-details-800x480.png   lnd's details page, reached by a tap on its row
#   kiosk-crash-de-800x480.png  the same overview in German
#   kiosk-clean8-800x480.png    a clean boot with 8 services running
#   kiosk-50-800x480.png        50 containers after a crash, 3 of them cannot start
# and checks, after every tap of a grid over the list: no window leaves the 800x480 screen, and
# the page reached returns to the overview with a tap on its Back button. Exits 1 on a problem.
# Usage: scripts/kiosk-real-podman.sh BUILD_DIR   (root or rootless podman 4.x, xvfb-run,
# ImageMagick, xdotool)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:?usage: $0 BUILD_DIR}" && pwd)
app=$build/app/archy-recovery
out=$repo/docs/screenshots
mkdir -p "$out"
# shellcheck source=../tests/podman/sandbox.sh
source "$repo/tests/podman/sandbox.sh"
export LC_ALL=C.UTF-8 LANG=C.UTF-8 LANGUAGE=en TZ=UTC
unset QT_QPA_PLATFORMTHEME QT_STYLE_OVERRIDE || true
work=$(mktemp -d /tmp/archy-kiosk.XXXXXX)
export XDG_CONFIG_HOME="$work/config"
# Pictures of every page tapped through (not for docs/): set ARCHY_PAGES_DIR to keep them.
pages=${ARCHY_PAGES_DIR:-$work/pages}
mkdir -p "$pages"
export pages
sandbox="$work/podman"
cleanup() { archy_sandbox_teardown "$sandbox" >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT
archy_sandbox_setup "$sandbox" >/dev/null
img=$ARCHY_SANDBOX_IMAGE

# Creates the services; names starting with "lnd" get an entrypoint that does not exist.
create() {
    local name
    for name in "$@"; do
        if [[ $name == lnd* ]]; then
            podman create -q --name "$name" --entrypoint /entrypoint.sh "$img" >/dev/null
        else
            podman create -q --name "$name" "$img" sleep 100000 >/dev/null
        fi
    done
}

# A crash marker and a snapshot listing the given names, in data dir $1.
crash_state() {
    local data=$1 entries="" n
    shift
    mkdir -p "$data"
    echo 999999999 >"$data/archipelago.pid"
    for n in "$@"; do entries+="${entries:+,}{\"name\":\"$n\",\"image\":\"$img\"}"; done
    printf '{"timestamp":%s,"containers":[%s]}' "$(($(date +%s) - 90))" "$entries" >"$data/running-containers.json"
}

# Runs the kiosk on data dir $1 under Xvfb, then the bash snippet $2 (sees $data), then stops it.
# Further arguments go to archy-recovery.
kiosk() {
    local data=$1 inner=$2
    shift 2
    xvfb-run -a -s "-screen 0 800x480x24" bash -c '
        set -u
        app=$1 data=$2 inner=$3
        shift 3
        "$app" --kiosk --data-dir "$data" --start-gap 0 --parallel 4 --max-attempts 1 "$@" >"$data/app.log" 2>&1 &
        pid=$!
        shot() { sleep 0.7; import -window root "$1"; }
        tap() { xdotool mousemove "$1" "$2" click 1; sleep 0.8; }
        settled() { for _ in $(seq 1 300); do grep -q "start-up done" "$data/app.log" && { sleep 2; return 0; }; sleep 0.2; done; return 1; }
        # The Node button (bottom bar, blue icon) is on the overview only.
        on_overview() { import -window root "$data/probe.png"; convert "$data/probe.png" -crop 24x24+518+432 -format "%[fx:mean.b > 0.45 && mean.r < 0.4 ? 1 : 0]" info:; }
        windows_inside() {
            local w ok=0
            for w in $(xdotool search --onlyvisible --name "" 2>/dev/null); do
                eval "$(xdotool getwindowgeometry --shell "$w")"
                if (( X < 0 || Y < 0 || X + WIDTH > 800 || Y + HEIGHT > 480 )); then
                    echo "PROBLEM: window off screen: ${WIDTH}x${HEIGHT}+${X}+${Y}" >&2; ok=1
                fi
            done
            return $ok
        }
        # Taps a grid over the list; every page reached must come back with a tap on Back.
        tap_grid() {
            local y problems=0
            for y in $(seq 150 50 400); do
                tap 300 "$y"
                windows_inside || problems=1
                if [ "$(on_overview)" != 1 ]; then
                    tap 100 444
                    [ "$(on_overview)" = 1 ] || { echo "PROBLEM: no way back by tap after tapping y=$y" >&2; problems=1; tap 100 444; }
                fi
            done
            return $problems
        }
        rc=0
        eval "$inner" || rc=1
        kill -TERM "$pid" 2>/dev/null || true
        wait "$pid" || true
        exit $rc
    ' _ "$app" "$data" "$inner" "$@"
}

status=0
echo "== crash: lnd cannot start, electrs and mempool-web recover"
create lnd mempool-web electrs
crash_state "$work/crash" lnd mempool-web electrs
kiosk "$work/crash" '
    settled
    shot '"$out"'/kiosk-crash-800x480.png
    tap_grid || rc=1
    tap 300 180
    shot '"$out"'/kiosk-details-800x480.png
    tap 100 444
    [ "$(on_overview)" = 1 ] || { echo "PROBLEM: details Back" >&2; rc=1; }
    # History, a history entry, node information: each has a Back at the bottom left.
    tap 400 444
    shot "$pages/history.png"
    tap 300 120
    shot "$pages/history-entry.png"
    windows_inside || rc=1
    tap 100 444
    shot "$pages/history-back.png"
    tap 100 444
    [ "$(on_overview)" = 1 ] || { echo "PROBLEM: no way back from the history" >&2; rc=1; tap 100 444; }
    tap 557 444
    shot "$pages/node.png"
    tap 100 444
    [ "$(on_overview)" = 1 ] || { echo "PROBLEM: no Back from the node page" >&2; rc=1; tap 100 444; }
    exit $rc
' || status=1

echo "== the same crash in German"
podman stop -a -t 0 >/dev/null
crash_state "$work/crash-de" lnd mempool-web electrs
kiosk "$work/crash-de" 'settled; shot '"$out"'/kiosk-crash-de-800x480.png; tap 300 180; shot '"$out"'/kiosk-details-de-800x480.png' --lang de || status=1
podman rm -af -t 0 >/dev/null

echo "== clean boot with 8 services running"
create svc-bitcoind svc-electrs svc-lnd-ok svc-mempool svc-btcpay svc-nbxplorer svc-postgres svc-tor
podman start svc-bitcoind svc-electrs svc-lnd-ok svc-mempool svc-btcpay svc-nbxplorer svc-postgres svc-tor >/dev/null
mkdir -p "$work/clean"
printf '{"timestamp":%s,"containers":[]}' "$(date +%s)" >"$work/clean/running-containers.json"
kiosk "$work/clean" 'settled; shot '"$out"'/kiosk-clean8-800x480.png; tap_grid' || status=1
grep -q "start-up done: 0 of 0" "$work/clean/app.log" || true
podman rm -af -t 0 >/dev/null

echo "== 50 containers after a crash, 3 cannot start"
names=()
for i in $(seq -w 1 47); do names+=("service-$i"); done
names+=(lnd-a lnd-b lnd-with-a-very-long-name-that-does-not-fit-the-screen-at-all)
create "${names[@]}"
crash_state "$work/fifty" "${names[@]}"
kiosk "$work/fifty" 'settled; shot '"$out"'/kiosk-50-800x480.png; tap_grid' || status=1
podman rm -af -t 0 >/dev/null
exit $status
