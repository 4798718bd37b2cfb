#!/usr/bin/env bash
# The test command: installs dependencies, builds with warnings as errors, runs every test
# (unit, widget and real-podman integration tests) through CTest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
BUILD_DIR=${BUILD_DIR:-build} bash scripts/build.sh -DARCHY_WERROR=ON -DARCHY_BUILD_TESTS=ON
cd "${BUILD_DIR:-build}"
ctest --output-on-failure --timeout 900 -j1
