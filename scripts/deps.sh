#!/usr/bin/env bash
# Installs what archy-recovery needs to build, run and test on Debian 12 or 13 (run as root or via
# sudo).
set -euo pipefail

packages=(
    # build
    g++ cmake ninja-build pkg-config
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-svg-dev
    qt6-websockets-dev libgl-dev
    # run: the agent drives podman; openssl makes the LAN endpoint's self-signed certificate
    podman runc openssl
    # Qt's own strings (dialog buttons, --help) in German and Spanish
    qt6-translations-l10n
    # tests: busybox-static for the test image, unshare/pgrep, xvfb/imagemagick for screenshots
    busybox-static tar util-linux procps xvfb xauth imagemagick fonts-dejavu-core xdotool
    # benchmarks (scripts/bench.sh, scripts/bench-gui.sh: a session bus with the accessibility bus,
    # probed from Debian's python3 with python3-dbus)
    bc time dbus dbus-bin at-spi2-core python3 python3-dbus
    # ecosystem tests: promtool and a real Prometheus scraping --metrics; the Debian package build
    # and lintian (scripts/package.sh); the bash completion and man page checks
    prometheus debhelper dpkg-dev lintian bash-completion man-db
)

# Debian 13 (Qt 6.8) moved Qt's SVG icon and image plugins out of libqt6svg6 into qt6-svg-plugins;
# without them every icon loads empty. Debian 12 has no such package.
svg_plugins_split() {
    local ID="" VERSION_ID=""
    # shellcheck disable=SC1091
    [ -r /etc/os-release ] && . /etc/os-release
    if [ "$ID" = debian ]; then
        # testing and sid carry no VERSION_ID: they are newer than 13.
        [ -z "$VERSION_ID" ] || [ "${VERSION_ID%%.*}" -ge 13 ]
        return
    fi
    apt-cache show qt6-svg-plugins >/dev/null 2>&1
}
svg_plugins_split && packages+=(qt6-svg-plugins)

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
    echo "deps: all ${#packages[@]} packages already installed"
    exit 0
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "deps: installing ${missing[*]}"
$SUDO apt-get update -q
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
