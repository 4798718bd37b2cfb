#!/usr/bin/env bash
# Benchmark: recovery time and CPU against the one-call floor, and the idle cost of the resident agent.
#
#   bash scripts/bench.sh [BUILD_DIR]       (default: build; run scripts/build.sh first)
#
# Everything runs in an isolated podman store (tests/podman/sandbox.sh), never the machine's own.
# Figures are medians of REPEAT runs (default 3), printed as ratios against a baseline measured in the
# same invocation, because absolute times on a shared machine mean little.
#   floor  = one `podman start -- c1 ... cN` naming every container: the fastest podman itself can
#            do it (no listing, no per-container result, no retries)
#   agent  = the whole `archy-recovery --no-gui --once` on a crash data dir, process start to exit:
#            lock, marker, snapshot, ps, inspect, starts, report, history
#   wall   = elapsed seconds; cpu = user + system seconds of the process and every child it reaped
#            (the agent's podman calls; for the floor, podman's own children), from /usr/bin/time
#   seed   = the seed's schedule (one at a time, 3 s apart, one try): --parallel 1 --start-gap 3
#            --max-attempts 1 (SEED=0 skips it; it takes about 3 s per container, so only up to 20)
# Both sides do the same work: before every timed run all N containers are "exited" (stopped with
# `stop -t0`, the state a crash leaves; an untimed start/stop first, so the floor never starts
# "created" ones), and podman's leftovers of the last stop (conmon, `container cleanup`) are gone;
# after it all N must be running. Floor and agent take turns going first, so neither always runs
# in the other's wake.
# SIZES (default "5 20 50 150"), REPEAT, IDLE_SECONDS (0 skips the idle measurement).
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${1:-build}
AGENT=$(realpath "$BUILD_DIR/app/archy-recovery")
REPEAT=${REPEAT:-3}
SIZES=${SIZES:-"5 20 50 150"}
IDLE_SECONDS=${IDLE_SECONDS:-60}
[[ -x $AGENT ]] || { echo "bench: $AGENT missing; run scripts/build.sh first" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "bench: /usr/bin/time missing (apt-get install time)" >&2; exit 2; }
command -v jq >/dev/null || { echo "bench: jq missing (apt-get install jq)" >&2; exit 2; }

# shellcheck source=../tests/podman/sandbox.sh
source tests/podman/sandbox.sh
WORK=$(mktemp -d /tmp/archy-bench.XXXXXX)
cleanup() { archy_sandbox_teardown "$WORK/store" >/dev/null 2>&1 || true; rm -rf "$WORK"; }
trap cleanup EXIT
archy_sandbox_setup "$WORK/store" >/dev/null
IMAGE=$ARCHY_SANDBOX_IMAGE
export PODMAN_IGNORE_CGROUPSV1_WARNING=1 # the agent sets it for its children; the floor gets it too

now() { date +%s.%N; }
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
ratio() { echo "scale=3; $1 / $2" | bc; }
stop_all() { podman stop -t0 "$@" >/dev/null 2>&1 || true; }
# expect STATE N: exactly N containers of the store are in STATE and no other
expect() {
    local states
    states=$(podman ps -a --format json | jq -r '.[].State' | sort | uniq -c | awk '{printf "%s %s;", $1, $2}')
    [[ $states == "$2 $1;" ]] || { echo "bench: expected $2 $1, found: $states" >&2; exit 1; }
}
# settle N: all N exited and none of podman's helpers for this store (conmon, the cleanup it runs)
# still busy, so the next timed run does not pay for the last stop.
settle() {
    local i
    for i in $(seq 1 300); do
        pgrep -f -- "$ARCHY_SANDBOX_DIR/" >/dev/null || break
        sleep 0.2
    done
    expect exited "$1"
}
# timed OUT CMD...: runs CMD, writes "wall cpu" (seconds) to OUT; CMD's output is dropped.
timed() {
    local out=$1; shift
    /usr/bin/time -o "$out.t" -f '%e %U %S' "$@" >/dev/null 2>&1 || { echo "bench: failed: $*" >&2; exit 1; }
    awk '{printf "%s %.3f\n", $1, $2 + $3}' "$out.t" >"$out"
}
crash_dir() { # crash_dir DIR NAMES...: what a crash leaves: a dead pid and the snapshot
    local dir=$1; shift
    rm -rf "$dir"; mkdir -p "$dir"
    echo 999999999 >"$dir/archipelago.pid"
    { printf '{"timestamp":1,"containers":['
      local sep="" name
      for name in "$@"; do printf '%s{"name":"%s","image":"%s"}' "$sep" "$name" "$IMAGE"; sep=,; done
      printf ']}'; } >"$dir/running-containers.json"
}

printf '%-10s | %8s %8s %7s | %9s %9s %7s | %8s %7s\n' containers floor_s agent_s wall floor_cpu agent_cpu cpu seed_s seed
for n in $SIZES; do
    names=()
    for i in $(seq 1 "$n"); do names+=("bench$n-$i"); done
    for c in "${names[@]}"; do podman create --name "$c" "$IMAGE" sleep 1000000 >/dev/null; done
    podman start -- "${names[@]}" >/dev/null; stop_all "${names[@]}" # "created" -> "exited", untimed
    fw=(); fc=(); aw=(); ac=()
    run_floor() {
        settle "$n"
        timed "$WORK/floor" podman start -- "${names[@]}"
        read -r w c <"$WORK/floor"; fw+=("$w"); fc+=("$c")
        expect running "$n"
        stop_all "${names[@]}"
    }
    run_agent() {
        crash_dir "$WORK/data" "${names[@]}"
        settle "$n"
        timed "$WORK/agent" "$AGENT" --no-gui --once --data-dir "$WORK/data"
        read -r w c <"$WORK/agent"; aw+=("$w"); ac+=("$c")
        expect running "$n"
        stop_all "${names[@]}"
    }
    for r in $(seq 1 "$REPEAT"); do
        if ((r % 2)); then run_floor; run_agent; else run_agent; run_floor; fi
    done
    settle "$n"
    f=$(printf '%s\n' "${fw[@]}" | median); a=$(printf '%s\n' "${aw[@]}" | median)
    fcpu=$(printf '%s\n' "${fc[@]}" | median); acpu=$(printf '%s\n' "${ac[@]}" | median)
    echo "bench: $n runs (wall/cpu): floor ${fw[*]} / ${fc[*]}; agent ${aw[*]} / ${ac[*]}" >&2
    s="-"; sr="-"
    if [[ ${SEED:-1} == 1 && $n -le 20 ]]; then
        crash_dir "$WORK/data" "${names[@]}"
        t0=$(now); "$AGENT" --no-gui --once --data-dir "$WORK/data" --parallel 1 --start-gap 3 --max-attempts 1 \
            >/dev/null 2>&1; t1=$(now)
        s=$(printf '%.2f' "$(echo "$t1 - $t0" | bc)"); sr=$(ratio "$s" "$f")x; stop_all "${names[@]}"
    fi
    printf '%-10s | %8.2f %8.2f %6.2fx | %9.2f %9.2f %6.2fx | %8s %7s\n' "$n" "$f" "$a" "$(ratio "$a" "$f")" \
        "$fcpu" "$acpu" "$(ratio "$acpu" "$fcpu")" "$s" "$sr"
    podman rm -f -t0 "${names[@]}" >/dev/null
done
[[ $IDLE_SECONDS -gt 0 ]] || exit 0

# Idle cost: CPU seconds per hour and resident memory of the agent (and its podman events child).
echo
ticks=$(getconf CLK_TCK)
cpu_of_tree() { # utime+stime in ticks of PID and its children
    local total=0 p
    for p in "$1" $(pgrep -P "$1" || true); do
        [[ -r /proc/$p/stat ]] || continue
        total=$((total + $(awk '{sub(/.*\) /, ""); print $12 + $13}' "/proc/$p/stat")))
    done
    echo "$total"
}
rss_of_tree() { # KiB
    local total=0 p
    for p in "$1" $(pgrep -P "$1" || true); do
        total=$((total + $(awk '/VmRSS/ {print $2}' "/proc/$p/status" 2>/dev/null || echo 0)))
    done
    echo "$total"
}
idle=()
for i in $(seq 1 20); do idle+=("idle-$i"); podman run -d --name "idle-$i" "$IMAGE" sleep 1000000 >/dev/null; done
rm -rf "$WORK/idle"
"$AGENT" --no-gui --data-dir "$WORK/idle" >/dev/null 2>&1 &
pid=$!
sleep 5
c0=$(cpu_of_tree "$pid"); sleep "$IDLE_SECONDS"; c1=$(cpu_of_tree "$pid")
rss=$(rss_of_tree "$pid")
kill -TERM "$pid"; wait "$pid" || true
events_cpu_h=$(echo "scale=2; ($c1 - $c0) / $ticks * 3600 / $IDLE_SECONDS" | bc)

# One poll costs what one `podman ps` costs; measured in the same run.
t_poll=()
for _ in $(seq 1 10); do
    t=$( { /usr/bin/time -f '%U %S' podman ps -a --format json >/dev/null; } 2>&1 | awk '{print $1 + $2}')
    t_poll+=("$t")
done
poll=$(printf '%s\n' "${t_poll[@]}" | median)
poll120=$(echo "scale=2; $poll * 3600 / 120" | bc)
poll1=$(echo "scale=2; $poll * 3600 / 1" | bc)
echo "idle cost with 20 containers, measured over ${IDLE_SECONDS}s:"
printf '  %-44s %8s CPU s/h, %6s KiB resident (agent + podman events)\n' "agent, events + reconcile every 120 s:" "$events_cpu_h" "$rss"
printf '  %-44s %8s CPU s/h (seed: one podman ps every 120 s; %.3f s each)\n' "polling every 120 s (snapshot up to 240 s old):" "$poll120" "$poll"
printf '  %-44s %8s CPU s/h\n' "polling every 1 s (as fresh as events):" "$poll1"
podman rm -f -t0 "${idle[@]}" >/dev/null
