#!/usr/bin/env bash
# Builds the Debian package and checks it end to end; prints "package: PASS" or "package: FAIL: why"
# (and exits non-zero).
#
#   bash scripts/package.sh [OUT_DIR]               # build, lintian, install, check, purge
#   bash scripts/package.sh --build-only [OUT_DIR]  # build and lintian; the machine is not touched
#
# OUT_DIR (default: build/package) receives the .deb, .changes, .buildinfo, build.log and
# lintian.log. The build runs in a copy under /tmp holding what git tracks plus new files git does
# not ignore, so what is built is what a clean clone of this tree builds, and the source tree gets
# nothing but OUT_DIR. The full check installs the .deb with apt-get and purges it again: run it as
# root (or with sudo), on a machine without archy-recovery installed. The opt-in ctest
# debian_package (-DARCHY_PACKAGE_TEST=ON) runs the full check.
set -euo pipefail
cd "$(dirname "$0")/.."
src=$PWD

install=1
if [ "${1:-}" = "--build-only" ]; then
    install=0
    shift
fi
out=$(realpath -m "${1:-build/package}")
work=$(mktemp -d /tmp/archy-package.XXXXXX)
installed=0
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
apt() { DEBIAN_FRONTEND=noninteractive $SUDO apt-get "$@"; }

cleanup() {
    if [ "$installed" = 1 ]; then
        echo "package: purging archy-recovery after a failure"
        apt purge -y -q archy-recovery >/dev/null 2>&1 || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

fail() {
    echo "package: FAIL: $*" >&2
    exit 1
}
started=$(date +%s)
step() { echo "package: [$(($(date +%s) - started)) s] $*"; }

for tool in dpkg-buildpackage dh lintian git; do
    command -v "$tool" >/dev/null || fail "$tool not found (apt-get install dpkg-dev debhelper lintian git)"
done
if [ "$install" = 1 ] && dpkg-query -W -f='${Status}' archy-recovery 2>/dev/null | grep -q "ok installed"; then
    fail "archy-recovery is installed already; not touching it (purge it, or use --build-only)"
fi
# The purge at the end removes the data dir: never one the package did not make.
if [ "$install" = 1 ] && [ -e /var/lib/archy-recovery ]; then
    fail "/var/lib/archy-recovery exists (an agent ran here as root); the purge would remove it (use --build-only)"
fi
(cd "$src" && dpkg-checkbuilddeps) || fail "build dependencies missing (see debian/control)"

mkdir -p "$work/archy-recovery" "$out"
git -C "$src" ls-files -z --cached --others --exclude-standard |
    while IFS= read -r -d '' f; do [ -e "$f" ] && printf '%s\0' "$f"; done |
    tar -C "$src" --null -T - -cf - | tar -C "$work/archy-recovery" -xf -

step "dpkg-buildpackage -us -uc -b in $work/archy-recovery (log: $out/build.log)"
if ! (cd "$work/archy-recovery" && DEB_BUILD_OPTIONS="${DEB_BUILD_OPTIONS:-parallel=2}" \
    dpkg-buildpackage -us -uc -b) >"$out/build.log" 2>&1; then
    tail -40 "$out/build.log"
    fail "dpkg-buildpackage failed (log: $out/build.log)"
fi
rm -f "$out"/archy-recovery_*.deb "$out"/archy-recovery-dbgsym_*.deb "$out"/archy-recovery_*.changes \
    "$out"/archy-recovery_*.buildinfo
cp "$work"/archy-recovery_*.deb "$work"/archy-recovery_*.changes "$work"/archy-recovery_*.buildinfo "$out"/
cp "$work"/archy-recovery-dbgsym_*.deb "$out"/ 2>/dev/null || true
deb=$(ls "$out"/archy-recovery_*.deb)
step "built $deb"

# What it installs.
contents=$(dpkg-deb --contents "$deb" | awk '{print $6}')
has() { grep -qxE "$1" <<<"$contents" || fail "$deb does not install ${1//\\/}"; }
has './usr/bin/archy-recovery'
has './usr/lib/systemd/system/archy-recovery\.service'
has './usr/lib/systemd/system/archy-recovery-kiosk\.service'
has './usr/lib/systemd/user/archy-recovery-user\.service'
has './usr/share/man/man1/archy-recovery\.1\.gz'
has './usr/share/bash-completion/completions/archy-recovery'
has './usr/share/applications/archy-recovery\.desktop'
has './usr/share/applications/archy-recovery-kiosk\.desktop'
has './usr/share/icons/hicolor/scalable/apps/archy-recovery\.svg'
has './usr/share/doc/archy-recovery/README\.md'
has './usr/share/doc/archy-recovery/copyright'
if grep -qE '^\./(lib|usr/local)/' <<<"$contents"; then
    fail "files outside /usr: $(grep -E '^\./(lib|usr/local)/' <<<"$contents" | tr '\n' ' ')"
fi
units=$(dpkg-deb --fsys-tarfile "$deb" | tar -xO --wildcards '*systemd/*.service')
if grep -q '/usr/local' <<<"$units"; then fail "a unit still names /usr/local"; fi
unit=$(dpkg-deb --fsys-tarfile "$deb" | tar -xO ./usr/lib/systemd/system/archy-recovery.service)
grep -qx 'ExecStart=/usr/bin/archy-recovery --no-gui --data-dir ${STATE_DIRECTORY}' <<<"$unit" ||
    fail "unit ExecStart: $(grep ExecStart <<<"$unit")"
grep -qx 'StateDirectory=archy-recovery' <<<"$unit" || fail "unit has no StateDirectory="
# Enabled on install by debhelper (the install check below sees which units it enables).
postinst=$(dpkg-deb --ctrl-tarfile "$deb" | tar -xO ./postinst)
grep -q "deb-systemd-helper enable 'archy-recovery.service'" <<<"$postinst" || fail "postinst does not enable the unit"

step "lintian (log: $out/lintian.log)"
lintian --fail-on error --display-info "$out"/archy-recovery_*.changes >"$out/lintian.log" 2>&1 ||
    { cat "$out/lintian.log"; fail "lintian reports errors"; }
cat "$out/lintian.log"
echo "package: lintian: $(grep -c '^E: ' "$out/lintian.log" || true) errors," \
    "$(grep -c '^W: ' "$out/lintian.log" || true) warnings, $(grep -c '^I: ' "$out/lintian.log" || true) info"

if [ "$install" = 1 ]; then
    step "apt-get install $deb"
    installed=1
    apt install -y -q "$deb" >"$out/install.log" 2>&1 || { cat "$out/install.log"; fail "apt-get install failed"; }
    test -x /usr/bin/archy-recovery || fail "/usr/bin/archy-recovery missing"
    version=$(/usr/bin/archy-recovery --version) || fail "archy-recovery --version exits non-zero"
    echo "package: archy-recovery --version: $version"
    upstream=$(dpkg-deb -f "$deb" Version)
    grep -qF "${upstream%%-*}" <<<"$version" || fail "--version prints '$version', the package is $upstream"
    # The translations are compiled in (.qm under :/i18n): German help differs from English.
    [ "$(/usr/bin/archy-recovery --lang de --help 2>&1)" != "$(/usr/bin/archy-recovery --lang en --help 2>&1)" ] ||
        fail "--lang de --help prints English: no translations"
    test -f /usr/lib/systemd/system/archy-recovery.service || fail "system unit missing"
    test -f /usr/lib/systemd/user/archy-recovery-user.service || fail "user unit missing"
    page=$(man -w archy-recovery) || fail "man -w archy-recovery finds nothing"
    echo "package: man -w archy-recovery: $page"
    man archy-recovery 2>/dev/null | grep -q -- '--notify-url' || fail "man archy-recovery does not render"
    # The agent is enabled; the kiosk (its user must exist first) and the rootless unit are not.
    test -L /etc/systemd/system/multi-user.target.wants/archy-recovery.service || fail "unit not enabled on install"
    [ ! -e /etc/systemd/system/graphical.target.wants/archy-recovery-kiosk.service ] || fail "the kiosk is enabled on install"
    [ ! -e /etc/systemd/user/default.target.wants/archy-recovery-user.service ] || fail "the user unit is enabled on install"
    test -f /usr/share/bash-completion/completions/archy-recovery || fail "bash completion missing"

    step "apt-get purge archy-recovery"
    apt purge -y -q archy-recovery >"$out/purge.log" 2>&1 || { cat "$out/purge.log"; fail "apt-get purge failed"; }
    installed=0
    if dpkg-query -W -f='${Status}' archy-recovery 2>/dev/null | grep -q installed; then
        fail "dpkg still knows archy-recovery after purge"
    fi
    for left in /usr/bin/archy-recovery /usr/lib/systemd/system/archy-recovery.service \
        /etc/systemd/system/multi-user.target.wants/archy-recovery.service /usr/share/doc/archy-recovery; do
        [ ! -e "$left" ] && [ ! -L "$left" ] || fail "purge left $left behind"
    done
fi
step "PASS ($([ "$install" = 1 ] && echo "built, lintian, installed, checked, purged" || echo "built, lintian"))"
