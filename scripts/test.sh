#!/usr/bin/env bash
# The test command: installs dependencies, builds with warnings as errors, runs every test
# (unit, widget and real-podman integration tests) through CTest, then checks that no test left a
# process behind.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
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
