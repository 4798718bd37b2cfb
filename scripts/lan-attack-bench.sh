#!/usr/bin/env bash
# Issue 9's Done-when, measured: while 2 LAN peers dribble endless HTTP headers over TLS and 150
# others hold half-open TCP, TLS and upgraded-but-silent connections for ATTACK_SECONDS (default 25),
# how long does a local `archy-recovery status` take, how much memory does the agent reach, and is
# a real LAN client served afterwards? The same status loop without the attack is the baseline.
#
#   bash scripts/lan-attack-bench.sh [BUILD_DIR]      (default: build, built with -DARCHY_BUILD_TESTS=ON)
#
# Runs the agent on the fake podman (tests/fakepodman) in a temporary data dir, loopback only.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${1:-build}
AGENT=$(realpath "$BUILD_DIR/app/archy-recovery")
FAKE=$(realpath "$BUILD_DIR/tests/fakepodman/fakepodman")
ATTACK=$(realpath "$BUILD_DIR/tests/remote/lanattack")
SECONDS_ATTACK=${ATTACK_SECONDS:-25}
for f in "$AGENT" "$FAKE" "$ATTACK"; do [[ -x $f ]] || { echo "lan-attack-bench: $f missing; build with tests" >&2; exit 2; }; done

WORK=$(mktemp -d /tmp/archy-lanbench.XXXXXX)
AGENT_PID=""
ATTACK_PID=""
cleanup() {
    [[ -n $ATTACK_PID ]] && kill "$ATTACK_PID" 2>/dev/null || true
    [[ -n $AGENT_PID ]] && { kill "$AGENT_PID" 2>/dev/null || true; wait "$AGENT_PID" 2>/dev/null || true; }
    rm -rf "$WORK"
}
trap cleanup EXIT
export FAKE_PODMAN_STATE=$WORK/fake-state.json FAKE_PODMAN_EVENTS=$WORK/fake-events
export HOME=$WORK/home XDG_CONFIG_HOME=$WORK/home/.config
mkdir -p "$WORK/data" "$HOME"
echo '[]' >"$FAKE_PODMAN_STATE"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null \
       || echo $((20000 + RANDOM % 20000)))

"$AGENT" --no-gui --data-dir "$WORK/data" --podman "$FAKE" --listen "127.0.0.1:$PORT" >"$WORK/agent.log" 2>&1 &
AGENT_PID=$!
for _ in $(seq 1 100); do
    [[ -S $WORK/data/control.sock && -s $WORK/data/remote-token ]] && grep -q "LAN: wss" "$WORK/agent.log" && break
    sleep 0.2
done
grep -q "LAN: wss" "$WORK/agent.log" || { echo "lan-attack-bench: the agent did not start its LAN endpoint" >&2; cat "$WORK/agent.log" >&2; exit 1; }

status_loop() { # status_loop SECONDS: times local `status` calls, prints count, worst and median ms
    local until=$(( $(date +%s) + $1 )) times=() t0 t1 rc
    while (( $(date +%s) < until )); do
        t0=$(date +%s%N); rc=0
        timeout 10 "$AGENT" status --data-dir "$WORK/data" >/dev/null 2>&1 || rc=$?
        t1=$(date +%s%N)
        (( rc == 0 )) || { echo "status failed (exit $rc)" >&2; times+=(99999); continue; }
        times+=($(( (t1 - t0) / 1000000 )))
        sleep 0.2
    done
    printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%d %d %d\n", NR, a[NR], a[int((NR+1)/2)]}'
}

read -r base_n base_worst base_median < <(status_loop 5)
"$ATTACK" "$PORT" "$SECONDS_ATTACK" 2 50 >"$WORK/attack.log" 2>&1 &
ATTACK_PID=$!
sleep 1
read -r n worst median < <(status_loop $((SECONDS_ATTACK - 2)))
wait "$ATTACK_PID" || true
ATTACK_PID=""
peak_kb=$(awk '/VmHWM/ {print $2}' "/proc/$AGENT_PID/status")
lan_rc=0
timeout 30 "$AGENT" status --connect "wss://127.0.0.1:$PORT" --token-file "$WORK/data/remote-token" >"$WORK/lan.out" 2>&1 || lan_rc=$?

echo "$(cat "$WORK/attack.log")"
printf 'local status, no attack:   %3d calls, worst %5d ms, median %5d ms\n' "$base_n" "$base_worst" "$base_median"
printf 'local status under attack: %3d calls, worst %5d ms, median %5d ms (target: worst < 2000 ms); ratio of medians %.2f\n' \
    "$n" "$worst" "$median" "$(echo "scale=2; $median / ($base_median + 0.001)" | bc)"
printf 'agent peak memory (VmHWM): %d MB (target < 150 MB)\n' $((peak_kb / 1024))
printf 'LAN client after the attack: exit %d (%s)\n' "$lan_rc" "$(head -1 "$WORK/lan.out")"
(( worst < 2000 && peak_kb < 150 * 1024 && lan_rc == 0 ))
