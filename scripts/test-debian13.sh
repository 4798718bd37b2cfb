#!/usr/bin/env bash
# The README's test command (bash scripts/test.sh: deps, -Werror build, every test with real
# podman) in a Debian 13 "trixie" root (Qt 6.8, GCC 14, podman 5.4), on a Debian 12 host.
#
#   scripts/test-debian13.sh          make the root if it is missing (debootstrap, ~5 min, ~3 GB
#                                     once the build dependencies are in), copy this repo's committed
#                                     HEAD into it (a clean clone) and run the test command there
#   scripts/test-debian13.sh setup    only make the root
#   scripts/test-debian13.sh shell    a shell in the root (the last run's tree is /root/archy-recovery)
#
# Needs root, debootstrap (installed with apt-get if missing) and the Debian mirror: the one apt
# uses on this host, or DEBIAN13_MIRROR. The root is DEBIAN13_ROOT, default /var/tmp/debian13, and
# is kept for the next run (delete the directory to start over).
#
# The run gets its own mount and pid namespaces: the root becomes the real root (pivot_root, not
# chroot: `podman import` needs / to be a mount point and `podman exec` must land in the container's
# root), nothing stays mounted on the host, and any process the tests leave behind is listed (the
# run then fails) and dies with the namespace. Podman 5 warns that cgroups v1 is deprecated on a
# host kernel like this one; it still runs containers.
set -euo pipefail

ROOT=${DEBIAN13_ROOT:-/var/tmp/debian13}
REPO=$(cd "$(dirname "$0")/.." && pwd)
SRC=/root/archy-recovery # where the tree goes inside the root

if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "test-debian13: needs root" >&2; exit 2; }
    exec sudo DEBIAN13_ROOT="$ROOT" ${DEBIAN13_MIRROR:+DEBIAN13_MIRROR="$DEBIAN13_MIRROR"} bash "$0" "$@"
fi

mirror() {
    local url=${DEBIAN13_MIRROR:-}
    [ -n "$url" ] || url=$(grep -h -m1 '^URIs:' /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '{print $2}' | head -n1)
    [ -n "$url" ] || url=$(grep -h -m1 '^deb ' /etc/apt/sources.list 2>/dev/null | awk '{print $2}')
    [ -n "$url" ] || { echo "test-debian13: no Debian mirror in apt's sources; set DEBIAN13_MIRROR" >&2; exit 2; }
    echo "$url"
}

root_ready() {
    [ -x "$ROOT/usr/bin/apt-get" ] &&
        chroot "$ROOT" dpkg-query -W -f='${Status}' apt 2>/dev/null | grep -q "install ok installed"
}

setup() {
    if root_ready; then
        echo "test-debian13: reusing the Debian 13 root at $ROOT"
        return
    fi
    if [ -e "$ROOT" ] && [ -n "$(ls -A "$ROOT" 2>/dev/null)" ]; then
        echo "test-debian13: $ROOT exists but holds no finished Debian root; remove it first" >&2
        exit 2
    fi
    command -v debootstrap >/dev/null || { apt-get update -q && apt-get install -y -q debootstrap; }
    mkdir -p "$ROOT"
    echo "test-debian13: debootstrap trixie into $ROOT (takes a few minutes)"
    debootstrap --variant=minbase trixie "$ROOT" "$(mirror)"
}

# Runs "$@" in the root, in fresh mount and pid namespaces. Inside, after the command, every process
# still alive besides this shell is a leftover of the command.
enter() {
    cp /etc/resolv.conf "$ROOT/etc/resolv.conf"
    unshare --mount --propagation private --pid --fork -- /bin/bash -c '
        set -e
        R=$1; shift
        mount --rbind "$R" "$R"
        mount -t proc proc "$R/proc"
        mount --rbind /sys "$R/sys"
        mount --rbind /dev "$R/dev"
        mount -t tmpfs -o mode=755 tmpfs "$R/run"
        cd "$R"; mkdir -p .oldroot
        pivot_root . .oldroot; cd /; umount -l /.oldroot
        set +e
        env -i HOME=/root PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
            LANG=C.UTF-8 TERM="${TERM:-dumb}" ${CI:+CI="$CI"} \
            PODMAN_IGNORE_CGROUPSV1_WARNING=1 DEBIAN_FRONTEND=noninteractive "$@"
        status=$?
        # This shell is pid 1 here and so inherits every orphan; a few seconds for stragglers.
        for attempt in 1 2 3 4 5 6 7 8 9 10; do
            left=""
            for d in /proc/[0-9]*; do
                [ "${d#/proc/}" != 1 ] || continue
                read -r stat 2>/dev/null < "$d/stat" || continue
                stat=${stat##*) }
                [ "${stat%% *}" != Z ] || continue
                left+="${d#/proc/} $(tr "\0" " " 2>/dev/null < "$d/cmdline")
"
            done
            [ -n "$left" ] || break
            sleep 1
        done
        if [ -n "$left" ]; then
            echo "test-debian13: processes left behind by the run:" >&2
            printf "%s" "$left" >&2
            [ $status -ne 0 ] || status=1
        else
            echo "test-debian13: no process left behind"
        fi
        exit $status
    ' bash "$ROOT" "$@"
}

case ${1:-run} in
setup)
    setup
    ;;
shell)
    root_ready || setup
    TERM=${TERM:-dumb} enter /bin/bash -c "cd $SRC 2>/dev/null || cd /root; exec bash -i"
    ;;
run)
    setup
    if [ -n "$(git -c safe.directory="$REPO" -C "$REPO" status --porcelain --untracked-files=no)" ]; then
        echo "test-debian13: uncommitted changes are not tested: the root gets the committed HEAD" >&2
    fi
    rm -rf "$ROOT$SRC"
    mkdir -p "$ROOT$SRC"
    git -c safe.directory="$REPO" -C "$REPO" archive HEAD | tar -x -C "$ROOT$SRC"
    echo "test-debian13: $(git -c safe.directory="$REPO" -C "$REPO" log -1 --format='%h %s') in $ROOT$SRC"
    start=$(date +%s)
    set +e
    enter /bin/bash -c "cd $SRC && exec bash scripts/test.sh"
    status=$?
    set -e
    echo "test-debian13: exit status $status after $(($(date +%s) - start)) s"
    exit $status
    ;;
*)
    sed -n '2,19p' "$0"
    exit 2
    ;;
esac
