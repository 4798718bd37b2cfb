#!/usr/bin/env bash
# The main job: installs dependencies, builds, and runs the headless agent on the default data dir
# (/var/lib/archy-recovery as root, ~/.local/share/archy-recovery otherwise) until Ctrl-C/SIGTERM.
# Extra arguments go to archy-recovery (e.g. --once --json).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
bash scripts/build.sh -DARCHY_BUILD_TESTS=OFF
exec ./build/app/archy-recovery --no-gui "$@"
