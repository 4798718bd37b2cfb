#!/usr/bin/env bash
# Fuzzes every parser of outside input with libFuzzer (clang 14, ASan + UBSan).
#
#   bash scripts/fuzz.sh [SECONDS]     each target runs SECONDS (default 60)
#
# Builds into ./build-fuzz (FUZZ_BUILD_DIR), seeds each target's corpus from tests/data, keeps what
# the fuzzer learns in build-fuzz/corpus/<target> between runs, and writes any crashing input to
# build-fuzz/findings/. Exits non-zero if any target found something.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
case "$seconds" in ''|*[!0-9]*) echo "usage: $0 [SECONDS]" >&2; exit 2 ;; esac
dir=${FUZZ_BUILD_DIR:-build-fuzz}

missing=()
for p in clang-14 libfuzzer-14-dev; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -q
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
bash scripts/deps.sh

CXX=clang++-14 CC=clang-14 BUILD_DIR=$dir BUILD_TYPE=Debug bash scripts/build.sh \
    -DARCHY_FUZZ=ON -DARCHY_BUILD_TESTS=OFF -DCMAKE_CXX_FLAGS_DEBUG="-g -O1"

# target: seed files from tests/data
declare -A seeds=(
    [fuzz_snapshot]="seed-snapshot.json snapshot-stopped-by-owner.json"
    [fuzz_marker]="marker-seed.txt marker-record.txt"
    [fuzz_history]="history-sample.jsonl protocol-state-huge-times.json"
    [fuzz_protocol_server]="protocol-hello.json protocol-retry.json"
    [fuzz_protocol_client]="protocol-state.json protocol-container.json protocol-state-huge-times.json"
    [fuzz_podman_ps]="ps-all-podman431.json ps-all-podman542.json ps-running-podman43.json ps-stopped-podman43.json ps-names-string-podman1.json ps-without-names.json ps-empty-array.json ps-not-a-list.json"
    [fuzz_podman_inspect]="inspect-podman43.json inspect-all-podman431.json inspect-all-podman542.json"
    [fuzz_podman_event]="events-stream-podman431.jsonl events-stream-podman542.jsonl"
    [fuzz_token]="remote-token.txt"
)

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
mkdir -p "$dir/findings"
failed=()
ran=0
for target in $(printf '%s\n' "${!seeds[@]}" | sort); do
    corpus="$dir/corpus/$target"
    mkdir -p "$corpus"
    for f in ${seeds[$target]}; do
        cp "tests/data/$f" "$corpus/seed-$f"
    done
    echo "fuzz: $target for ${seconds}s"
    # -timeout: an input that takes 10 s is a hang, reported like a crash.
    if "$dir/tests/fuzz/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
        -print_final_stats=1 -artifact_prefix="$dir/findings/$target-" "$corpus" > "$dir/$target.log" 2>&1; then
        ran=$((ran + 1))
        grep -E '^stat::number_of_executed_units|^Done' "$dir/$target.log" | sed "s/^/fuzz: $target: /" || true
    else
        echo "fuzz: $target FOUND SOMETHING (see $dir/$target.log, inputs in $dir/findings/):"
        grep -E 'ERROR:|runtime error|SUMMARY|Test unit written' "$dir/$target.log" | head -n 20 || tail -n 30 "$dir/$target.log"
        failed+=("$target")
    fi
done
if [ ${#failed[@]} -gt 0 ]; then
    echo "fuzz: findings in ${failed[*]}"
    exit 1
fi
echo "fuzz: $ran targets ran ${seconds}s each, no findings"
