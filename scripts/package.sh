#!/usr/bin/env bash
# Builds the Debian package (dpkg-buildpackage -us -uc -b) from a clean copy of the source tree,
# checks what it installs and runs lintian (no errors allowed).
#
#   bash scripts/package.sh [OUT_DIR]            # .deb, .changes and logs in OUT_DIR (default: ./package)
#   bash scripts/package.sh --install [OUT_DIR]  # also apt-get install it, check it, and purge it again
#
# The copy holds what git tracks plus new files git does not ignore, so what is built is what a
# clean clone of a commit of this tree builds. Run as root (or with sudo for --install).
set -euo pipefail
cd "$(dirname "$0")/.."
src=$PWD

install=0
if [ "${1:-}" = "--install" ]; then
    install=1
    shift
fi
out=$(realpath -m "${1:-package}")
work=$(mktemp -d /tmp/archy-package.XXXXXX)
trap 'rm -rf "$work"' EXIT

fail() {
    echo "package: FAIL: $*" >&2
    exit 1
}

mkdir -p "$work/archy-recovery" "$out"
git -C "$src" ls-files -z --cached --others --exclude-standard |
    while IFS= read -r -d '' f; do [ -e "$f" ] && printf '%s\0' "$f"; done |
    tar -C "$src" --null -T - -cf - | tar -C "$work/archy-recovery" -xf -

echo "package: dpkg-buildpackage -us -uc -b in $work/archy-recovery"
start=$(date +%s)
if ! (cd "$work/archy-recovery" && dpkg-buildpackage -us -uc -b -j2) >"$out/build.log" 2>&1; then
    tail -40 "$out/build.log"
    fail "dpkg-buildpackage failed (log: $out/build.log)"
fi
echo "package: built in $(($(date +%s) - start)) s"
rm -f "$out"/archy-recovery_*.deb "$out"/archy-recovery-dbgsym_*.deb "$out"/archy-recovery_*.changes "$out"/archy-recovery_*.buildinfo
cp "$work"/archy-recovery_*.deb "$work"/archy-recovery_*.changes "$work"/archy-recovery_*.buildinfo "$out"/
cp "$work"/archy-recovery-dbgsym_*.deb "$out"/ 2>/dev/null || true
deb=$(ls "$out"/archy-recovery_*.deb)
echo "package: $deb"

# What it installs.
contents=$(dpkg-deb --contents "$deb" | awk '{print $6}')
has() { grep -qxE "$1" <<<"$contents" || fail "$deb does not install ${1//\\/}"; }
has './usr/bin/archy-recovery'
has '\./(usr/)?lib/systemd/system/archy-recovery\.service'
has '\./(usr/)?lib/systemd/system/archy-recovery-kiosk\.service'
has './usr/lib/systemd/user/archy-recovery-user\.service'
has './usr/share/man/man1/archy-recovery\.1\.gz'
has './usr/share/bash-completion/completions/archy-recovery'
has './usr/share/applications/archy-recovery\.desktop'
has './usr/share/applications/archy-recovery-kiosk\.desktop'
has './usr/share/icons/hicolor/scalable/apps/archy-recovery\.svg'
has './usr/share/doc/archy-recovery/README\.md(\.gz)?'
if grep -q '/usr/local' <<<"$(dpkg-deb --fsys-tarfile "$deb" | tar -xO --wildcards '*systemd/*.service')"; then
    fail "a unit still names /usr/local"
fi
unit=$(dpkg-deb --fsys-tarfile "$deb" | tar -xO --wildcards '*/system/archy-recovery.service')
grep -qx 'ExecStart=/usr/bin/archy-recovery --no-gui --data-dir ${STATE_DIRECTORY}' <<<"$unit" || fail "unit ExecStart: $unit"
grep -qx 'StateDirectory=archy-recovery' <<<"$unit" || fail "unit has no StateDirectory="
# Enabled on install by debhelper; the kiosk and the rootless unit are not.
postinst=$(dpkg-deb --ctrl-tarfile "$deb" | tar -xO ./postinst)
grep -q 'deb-systemd-helper enable .archy-recovery.service' <<<"$postinst" || fail "postinst does not enable the unit"
if grep -q 'enable .archy-recovery-kiosk.service' <<<"$postinst"; then fail "postinst enables the kiosk"; fi
if grep -q 'enable .archy-recovery-user.service' <<<"$postinst"; then fail "postinst enables the user unit"; fi

echo "package: lintian"
lintian --fail-on error --display-info "$out"/archy-recovery_*.changes | tee "$out/lintian.log" || fail "lintian reports errors"

if [ "$install" = 1 ]; then
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    if dpkg-query -W -f='${Status}' archy-recovery 2>/dev/null | grep -q "install ok installed"; then
        fail "archy-recovery is installed already; not touching it"
    fi
    echo "package: apt-get install $deb"
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q "$deb"
    trap 'DEBIAN_FRONTEND=noninteractive $SUDO apt-get purge -y -q archy-recovery >/dev/null; rm -rf "$work"' EXIT
    test -x /usr/bin/archy-recovery || fail "/usr/bin/archy-recovery missing"
    /usr/bin/archy-recovery --version
    test -f /usr/lib/systemd/system/archy-recovery.service || fail "/usr/lib/systemd/system/archy-recovery.service missing"
    test -f /usr/lib/systemd/user/archy-recovery-user.service || fail "user unit missing"
    man -w archy-recovery || fail "man archy-recovery finds nothing"
    man archy-recovery 2>/dev/null | grep -q -- '--notify-url' || fail "man page lacks --notify-url"
    test -L /etc/systemd/system/multi-user.target.wants/archy-recovery.service || fail "unit not enabled"
    echo "package: installed, checked; purging"
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get purge -y -q archy-recovery
    trap 'rm -rf "$work"' EXIT
    if [ -e /usr/bin/archy-recovery ] || [ -e /etc/systemd/system/multi-user.target.wants/archy-recovery.service ]; then
        fail "purge left files behind"
    fi
fi
echo "package: OK"
