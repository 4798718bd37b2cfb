#!/usr/bin/env bash
# Benchmark: how smooth the screens stay while they recover containers after a crash.
#
#   bash scripts/bench-gui.sh [BUILD_DIR]       (default: build; run scripts/build.sh first)
#
# GUI-thread latency is probed from outside the program (scripts/guiprobe.py): one AT-SPI call
# every 20 ms to the program's accessibility tree, which Qt answers on its GUI thread, so each round
# trip is how long the GUI thread could not serve an event. It runs under Xvfb with its own D-Bus
# session bus, in an isolated podman store (tests/podman/sandbox.sh), never the machine's own.
#
# Each of REPEAT runs (default 3) measures, one after another, on the same machine:
#   idle     the same program's desktop window on a clean start-up with nothing to do (baseline:
#            what the probe and this machine's other load cost an idle Qt window)
#   loaded   that idle window while a headless agent (--no-gui --once --podman-priority background)
#            recovers the same containers in another process: what the recovery's load alone costs
#            a window that does nothing (the floor for the two below)
#   desktop  the desktop window recovering CONTAINERS (default 50) real containers after a crash
#   kiosk    the same with --kiosk
#   old      the desktop with the former defaults (--parallel 8 --podman-priority normal)
# and the wall time of each recovery (from the moment the probe is attached and podman is let go,
# to the report in the history), plus the headless agent's (`--no-gui --once`), new defaults against
# --parallel 8. Latencies: p50, p99 (nearest rank) and max in ms per run and pooled over the runs.
#
# Needs (scripts/deps.sh): xvfb, dbus, at-spi2-core, python3-dbus, podman.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${1:-build}
AGENT=$(realpath "$BUILD_DIR/app/archy-recovery")
[[ -x $AGENT ]] || { echo "bench-gui: $AGENT missing; run scripts/build.sh first" >&2; exit 2; }

# A display and a session bus of our own (at-spi2-core's org.a11y.Bus is activated on it).
if [[ -z ${ARCHY_BENCH_GUI_INNER:-} ]]; then
    export ARCHY_BENCH_GUI_INNER=1
    exec xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- bash "$0" "$@" 2> >(grep -v -e '^dbus-daemon' -e 'SpiRegistry' >&2)
fi

REPEAT=${REPEAT:-3}
N=${CONTAINERS:-50}
IDLE_SECONDS=${IDLE_SECONDS:-8}
PROBE="/usr/bin/python3 $PWD/scripts/guiprobe.py"

# shellcheck source=../tests/podman/sandbox.sh
source tests/podman/sandbox.sh
WORK=$(mktemp -d /tmp/archy-bench-gui.XXXXXX)
app_pid=""
cleanup() {
    [[ -n $app_pid ]] && kill -KILL "$app_pid" 2>/dev/null
    archy_sandbox_teardown "$WORK/store" >/dev/null 2>&1 || true
    rm -rf "$WORK"
}
trap cleanup EXIT
archy_sandbox_setup "$WORK/store" >/dev/null
IMAGE=$ARCHY_SANDBOX_IMAGE
export XDG_CONFIG_HOME=$WORK/config XDG_RUNTIME_DIR=$WORK/runtime
mkdir -p -m 0700 "$XDG_CONFIG_HOME" "$XDG_RUNTIME_DIR"
export QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1 QT_ACCESSIBILITY=1

# podman held back until the probe is attached, so the probe sees the whole recovery (the program
# starts recovering as soon as its window is up, before it is on the accessibility bus).
GATE=$WORK/gate
cat >"$WORK/podman-gated" <<EOF
#!/bin/sh
while [ ! -e "$GATE" ]; do sleep 0.02; done
exec $(command -v podman) "\$@"
EOF
chmod +x "$WORK/podman-gated"

names=()
for i in $(seq 1 "$N"); do names+=("gui$i"); done
for c in "${names[@]}"; do podman create --name "$c" "$IMAGE" sleep 1000000 >/dev/null; done

now() { date +%s.%N; }
stop_all() { podman stop -t0 "${names[@]}" >/dev/null 2>&1 || true; }
crash_dir() { # what a crash leaves: a dead pid and the snapshot of the N containers
    local dir=$1
    rm -rf "$dir"; mkdir -p "$dir"
    echo 999999999 >"$dir/archipelago.pid"
    { printf '{"timestamp":1,"containers":['
      local sep="" name
      for name in "${names[@]}"; do printf '%s{"name":"%s","image":"%s"}' "$sep" "$name" "$IMAGE"; sep=,; done
      printf ']}'; } >"$dir/running-containers.json"
}
clean_dir() { # a clean start-up with nothing to restore
    rm -rf "$1"; mkdir -p "$1"
    printf '{"timestamp":1,"containers":[]}' >"$1/running-containers.json"
}
stats() { # stats FILE -> "count p50 p99 max"
    sort -g "$1" | awk '{a[NR]=$1} END {
        if (NR == 0) { print "0 - - -"; exit }
        p50 = a[int((NR * 50 + 99) / 100)]; p99 = a[int((NR * 99 + 99) / 100)]
        printf "%d %.1f %.1f %.1f\n", NR, p50, p99, a[NR] }'
}
wait_gone() { local pid=$1; for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done; return 1; }

# probe_app LABEL SAMPLES_FILE MODE [OPTIONS...]: starts the program, probes it; WALL = seconds.
probe_app() {
    local label=$1 out=$2 mode=$3; shift 3
    local dir=$WORK/data-$label
    rm -f "$GATE" "$WORK/ready"
    local until=$dir/recovery-history.jsonl
    if [[ $mode == idle || $mode == loaded ]]; then clean_dir "$dir"; else crash_dir "$dir"; fi
    if [[ $mode == loaded ]]; then
        crash_dir "$WORK/data-load"; until=$WORK/load-done; rm -f "$until"
    fi
    local args=(--data-dir "$dir" --podman "$WORK/podman-gated" "$@")
    [[ $mode == kiosk ]] && args+=(--kiosk)
    "$AGENT" "${args[@]}" >"$WORK/$label.log" 2>&1 &
    app_pid=$!
    local probe_pid
    if [[ $mode == idle ]]; then
        $PROBE "$app_pid" "$out" --ready "$WORK/ready" --seconds "$IDLE_SECONDS" &
    else
        $PROBE "$app_pid" "$out" --ready "$WORK/ready" --until "$until" &
    fi
    probe_pid=$!
    while [[ ! -e $WORK/ready ]]; do
        kill -0 "$probe_pid" 2>/dev/null || { echo "bench-gui: probe failed ($label); log:" >&2; cat "$WORK/$label.log" >&2; exit 1; }
        sleep 0.02
    done
    local t0 t1 s0 s1
    read -r -a s0 <"/proc/$app_pid/task/$app_pid/schedstat"
    [[ -n ${PERF_PHASE:-} && $PERF_PHASE == "$label" ]] && { perf record -F 499 --call-graph dwarf,16384 -t "$app_pid" -o "$PERF_OUT" >/dev/null 2>&1 & }
    t0=$(now); touch "$GATE"
    if [[ $mode == loaded ]]; then # the same recovery, by a headless agent in another process
        { "$AGENT" --no-gui --once --data-dir "$WORK/data-load" --podman-priority background >/dev/null 2>&1
          echo done >"$until"; } &
    fi
    if [[ $mode != idle ]]; then
        while [[ ! -s $until ]]; do
            kill -0 "$app_pid" 2>/dev/null || { echo "bench-gui: $label exited early; log:" >&2; cat "$WORK/$label.log" >&2; exit 1; }
            sleep 0.02
        done
    fi
    [[ $mode == idle ]] && wait "$probe_pid"
    t1=$(now)
    read -r -a s1 <"/proc/$app_pid/task/$app_pid/schedstat"
    [[ -n ${PERF_PHASE:-} && $PERF_PHASE == "$label" ]] && { pkill -INT -f "perf record -F 499 --call-graph dwarf,16384 -t $app_pid" || true; sleep 1; }
    # the GUI thread's own time: on a CPU, and runnable but waiting for one (ns in schedstat)
    GUI_RUN=$(echo "scale=2; (${s1[0]} - ${s0[0]}) / 1000000000" | bc)
    GUI_WAIT=$(echo "scale=2; (${s1[1]} - ${s0[1]}) / 1000000000" | bc)
    [[ $mode == idle ]] || wait "$probe_pid" || { echo "bench-gui: probe failed ($label)" >&2; exit 1; }
    if [[ $mode != idle ]]; then
        local running
        running=$(podman ps -q | wc -l)
        [[ $running -eq $N ]] || { echo "bench-gui: $label left $running of $N running" >&2; exit 1; }
    fi
    kill -TERM "$app_pid"; wait_gone "$app_pid" || kill -KILL "$app_pid"; wait "$app_pid" 2>/dev/null || true
    app_pid=""
    stop_all
    WALL=-
    [[ $mode == idle ]] || WALL=$(printf '%.2f' "$(echo "$t1 - $t0" | bc)")
}

once_wall() { # once_wall [OPTIONS...]: the headless agent's recovery time -> WALL
    crash_dir "$WORK/data-once"
    local t0 t1
    t0=$(now); "$AGENT" --no-gui --once --data-dir "$WORK/data-once" "$@" >/dev/null 2>&1; t1=$(now)
    local running; running=$(podman ps -q | wc -l)
    [[ $running -eq $N ]] || { echo "bench-gui: --once $* left $running of $N running" >&2; exit 1; }
    stop_all
    WALL=$(printf '%.2f' "$(echo "$t1 - $t0" | bc)")
}

phases=(${PHASES:-idle loaded desktop kiosk old})
declare -A wall
echo "GUI-thread latency probed over AT-SPI every 20 ms; $N containers; $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-4s %-8s %8s %8s %8s %8s %8s %8s %8s\n' run phase samples p50_ms p99_ms max_ms wall_s gui_run gui_wait
for r in $(seq 1 "$REPEAT"); do
    for phase in "${phases[@]}"; do
        out=$WORK/samples-$phase-$r
        case $phase in
            idle) probe_app "$phase" "$out" idle ;;
            desktop) probe_app "$phase" "$out" desktop ;;
            kiosk) probe_app "$phase" "$out" kiosk ;;
            old) probe_app "$phase" "$out" desktop --parallel 8 --podman-priority normal ;;
            loaded) probe_app "$phase" "$out" loaded ;;
        esac
        w=$WALL
        cat "$out" >>"$WORK/samples-$phase"
        wall[$phase]="${wall[$phase]:-} $w"
        read -r count p50 p99 max < <(stats "$out")
        printf '%-4s %-8s %8s %8s %8s %8s %8s %8s %8s\n' "$r" "$phase" "$count" "$p50" "$p99" "$max" "$w" "$GUI_RUN" "$GUI_WAIT"
    done
    [[ ${HEADLESS:-1} == 1 ]] || continue
    once_wall; w=$WALL; wall[headless]="${wall[headless]:-} $w"
    once_wall --parallel 8; w8=$WALL; wall[headless8]="${wall[headless8]:-} $w8"
    printf '%-4s %-8s %8s %8s %8s %8s %8s\n' "$r" headless - - - - "$w"
    printf '%-4s %-8s %8s %8s %8s %8s %8s\n' "$r" "head-p8" - - - - "$w8"
done

median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo
echo "pooled over $REPEAT runs (old = --parallel 8 --podman-priority normal, the former defaults;"
echo "head-p8 = --no-gui --once --parallel 8):"
printf '%-8s %8s %8s %8s %8s %14s\n' phase samples p50_ms p99_ms max_ms median_wall_s
verdict=0
for phase in "${phases[@]}"; do
    read -r count p50 p99 max < <(stats "$WORK/samples-$phase")
    mw="-"; [[ $phase != idle ]] && mw=$(echo "${wall[$phase]}" | median)
    printf '%-8s %8s %8s %8s %8s %14s\n' "$phase" "$count" "$p50" "$p99" "$max" "$mw"
    if [[ $phase == desktop || $phase == kiosk ]]; then
        for r in $(seq 1 "$REPEAT"); do
            read -r _ _ rp99 rmax < <(stats "$WORK/samples-$phase-$r")
            if (( $(echo "$rp99 > 50 || $rmax > 150" | bc) )); then
                echo "  $phase run $r: p99 $rp99 ms / max $rmax ms is over the target (p99 <= 50, max <= 150)"
                verdict=1
            fi
        done
    fi
done
for pair in "desktop old" "headless headless8"; do
    set -- $pair
    [[ -n ${wall[$1]:-} && -n ${wall[$2]:-} ]] || continue
    a=$(echo "${wall[$1]}" | median); b=$(echo "${wall[$2]}" | median)
    printf 'wall time %-9s %6.2f s against %-9s %6.2f s: %5.2fx\n' "$1" "$a" "$2" "$b" "$(echo "scale=3; $a / $b" | bc)"
    (( $(echo "$a > $b * 1.10" | bc) )) && { echo "  $1 is more than 10% slower than $2"; verdict=1; }
done
podman rm -f -t0 "${names[@]}" >/dev/null
exit "$verdict"
