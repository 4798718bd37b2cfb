#!/usr/bin/env bash
# The test command: installs dependencies, builds with warnings as errors, runs every test
# (unit, widget and real-podman integration tests) through CTest, then checks that no test left a
# process behind.
#
#   bash scripts/test.sh              into ./build (BUILD_DIR)
#   bash scripts/test.sh --sanitize   with AddressSanitizer + UndefinedBehaviorSanitizer, into
#                                     ./build-sanitize (SANITIZE_BUILD_DIR), the same whole suite;
#                                     a report from any process (kept in
#                                     build-sanitize/sanitizer-reports/) fails it
set -euo pipefail
cd "$(dirname "$0")/.."
sanitize=0
for arg in "$@"; do
    case "$arg" in
    --sanitize) sanitize=1 ;;
    *) echo "usage: $0 [--sanitize]" >&2; exit 2 ;;
    esac
done
bash scripts/deps.sh
if [ "$sanitize" -eq 1 ]; then
    dir=${SANITIZE_BUILD_DIR:-build-sanitize}
    started=$(date +%s)
    # -O1 keeps the suite fast enough without -O2's inlining; -g1 (line tables) is all a report's
    # stack needs and compiles about 30% faster than -g.
    BUILD_DIR=$dir BUILD_TYPE=Debug bash scripts/build.sh -DARCHY_WERROR=ON -DARCHY_BUILD_TESTS=ON \
        -DARCHY_SANITIZE=ON -DCMAKE_CXX_FLAGS_DEBUG="-g1 -O1"
    echo "sanitize: built in $(( $(date +%s) - started )) s"
    # Leak checking stays off: Qt's global caches and plugin loaders are reported as leaks at exit and
    # would bury a real finding; use-after-free, overflows and UB all abort the test.
    # Every report also goes to a file: an agent or fake podman started by a test may have its
    # stderr swallowed by that test, and its finding must still fail the run.
    reports="$(pwd -P)/$dir/sanitizer-reports"
    rm -rf "$reports"
    mkdir -p "$reports"
    export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:abort_on_error=1:detect_stack_use_after_return=0}:log_path=$reports/asan
    export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}:log_path=$reports/ubsan
    build_dir=$dir
    timeout=1200
else
    build_dir=${BUILD_DIR:-build}
    BUILD_DIR=$build_dir bash scripts/build.sh -DARCHY_WERROR=ON -DARCHY_BUILD_TESTS=ON
    timeout=900
fi
cd "$build_dir"
status=0
started=$(date +%s)
ctest --output-on-failure --timeout "$timeout" -j1 || status=$?
if [ "$sanitize" -eq 1 ]; then
    if [ -n "$(ls -A "$reports")" ]; then
        echo "test: sanitizer reports (from the tests or the processes they started):" >&2
        for report in "$reports"/*; do
            echo "--- $report" >&2
            cat "$report" >&2
        done
        status=1
    fi
    echo "sanitize: suite ran in $(( $(date +%s) - started )) s"
fi

# Every program the tests start from this build (agents, the fake podman) runs by its full path.
# Whatever still runs a few seconds after CTest ended was left behind: list it, end it, fail.
pattern="^$(pwd -P | sed 's/[][\.*^$+?(){}|]/\\&/g')/"
for _ in 1 2 3 4 5 6 7 8 9 10; do
    left=$(pgrep -af "$pattern" || true)
    [ -n "$left" ] || break
    sleep 1
done
if [ -n "$left" ]; then
    echo "test: processes left behind by the tests:" >&2
    echo "$left" >&2
    kill -KILL $(echo "$left" | awk '{print $1}') 2>/dev/null || true
    status=1
else
    echo "test: no process left behind" >&2
fi
exit $status
