#!/usr/bin/env bash
# The test command: installs dependencies, builds with warnings as errors, runs every test
# (unit, widget and real-podman integration tests) through CTest, then checks that no test left a
# process behind.
#
#   bash scripts/test.sh              into ./build (BUILD_DIR)
#   bash scripts/test.sh --sanitize   with AddressSanitizer + UndefinedBehaviorSanitizer, into
#                                     ./build-sanitize (SANITIZE_BUILD_DIR), the same whole suite
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
    # Debug info without -O2 inlining keeps reports readable; -O1 keeps the suite fast enough.
    BUILD_DIR=$dir BUILD_TYPE=Debug bash scripts/build.sh -DARCHY_WERROR=ON -DARCHY_BUILD_TESTS=ON \
        -DARCHY_SANITIZE=ON -DCMAKE_CXX_FLAGS_DEBUG="-g -O1"
    # Leak checking stays off: Qt's global caches and plugin loaders are reported as leaks at exit and
    # would bury a real finding; use-after-free, overflows and UB all abort the test.
    export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:abort_on_error=1:detect_stack_use_after_return=0}
    export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
    cd "$dir"
    start=$(date +%s)
    ctest --output-on-failure --timeout 1200 -j1
    echo "sanitize: whole suite passed in $(( $(date +%s) - start )) s"
    exit 0
fi
BUILD_DIR=${BUILD_DIR:-build} bash scripts/build.sh -DARCHY_WERROR=ON -DARCHY_BUILD_TESTS=ON
cd "${BUILD_DIR:-build}"
status=0
ctest --output-on-failure --timeout 900 -j1 || status=$?

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
