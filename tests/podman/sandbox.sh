# shellcheck shell=bash
# Isolated podman store for archy-recovery tests.
#
#   source tests/podman/sandbox.sh
#   archy_sandbox_setup DIR      # creates DIR, exports CONTAINERS_CONF / CONTAINERS_STORAGE_CONF,
#                                # imports localhost/archy-test-busybox:latest
#   podman run -d --name foo "$ARCHY_SANDBOX_IMAGE" sleep 100000
#   archy_sandbox_teardown DIR   # removes every container/image of the store and DIR itself
#
# Everything podman writes (images, containers, libpod database, runtime state, events log,
# network config, locks) lives below DIR, so the machine's own containers are never touched.
# The two exported environment variables alone select the store; no --root/--runroot flags are
# needed (conmon's cleanup command receives the same paths from podman itself).
#
# Works as root; rootless should work too (vfs driver, no host /run paths), but a rootless
# podman still needs XDG_RUNTIME_DIR for its own pause process.
#
# Environment knobs:
#   PODMAN           podman binary (default: podman)
#   ARCHY_BUSYBOX    static busybox to put into the image (default: /bin/busybox)

ARCHY_SANDBOX_IMAGE="localhost/archy-test-busybox:latest"

# Writes DIR/storage.conf and DIR/containers.conf (no podman invocation).
archy_sandbox_write_conf() {
    local dir=$1
    mkdir -p "$dir/graph" "$dir/run" "$dir/tmp" "$dir/cni" || return 1
    cat >"$dir/storage.conf" <<EOF
[storage]
driver = "vfs"
graphroot = "$dir/graph"
runroot = "$dir/run"
EOF
    cat >"$dir/containers.conf" <<EOF
[containers]
netns = "none"
default_ulimits = ["nofile=1024:1024", "nproc=1024:1024"]
log_driver = "k8s-file"

[network]
network_config_dir = "$dir/cni"

[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"
tmp_dir = "$dir/tmp"
# Per-sandbox file locks instead of the machine-wide /dev/shm/libpod_lock segment: a sandbox
# deleted without "podman rm" (crashed test) then cannot leak lock slots machine-wide.
lock_type = "file"
image_copy_tmp_dir = "$dir/tmp"
EOF
}

# Builds DIR/busybox-rootfs.tar: /bin/busybox plus one symlink per applet.
archy_sandbox_make_rootfs() {
    local dir=$1
    local bb=${ARCHY_BUSYBOX:-/bin/busybox}
    local root="$dir/rootfs"
    if [[ ! -x $bb ]]; then
        echo "archy_sandbox: $bb not found (install busybox-static)" >&2
        return 1
    fi
    rm -rf "$root"
    mkdir -p "$root/bin" "$root/etc" "$root/tmp" "$root/proc" "$root/sys" "$root/dev" "$root/root" || return 1
    chmod 1777 "$root/tmp"
    cp "$bb" "$root/bin/busybox" || return 1
    local applet
    for applet in $("$bb" --list); do
        [[ $applet == busybox || $applet == */* ]] && continue
        ln -sf busybox "$root/bin/$applet"
    done
    printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n' >"$root/etc/passwd"
    printf 'root:x:0:\nnogroup:x:65534:\n' >"$root/etc/group"
    tar --numeric-owner --owner=0 --group=0 -C "$root" -cf "$dir/busybox-rootfs.tar" . || return 1
    rm -rf "$root"
}

archy_sandbox_setup() {
    local dir=${1:?usage: archy_sandbox_setup DIR}
    local podman=${PODMAN:-podman}
    mkdir -p "$dir" || return 1
    dir=$(cd "$dir" && pwd -P) || return 1
    archy_sandbox_write_conf "$dir" || return 1
    export CONTAINERS_STORAGE_CONF="$dir/storage.conf"
    export CONTAINERS_CONF="$dir/containers.conf"
    export ARCHY_SANDBOX_DIR="$dir"
    export ARCHY_SANDBOX_IMAGE
    archy_sandbox_make_rootfs "$dir" || return 1
    "$podman" import --quiet --change "ENV PATH=/bin" \
        "$dir/busybox-rootfs.tar" "$ARCHY_SANDBOX_IMAGE" >/dev/null || {
        echo "archy_sandbox: podman import failed" >&2
        return 1
    }
}

archy_sandbox_teardown() {
    local dir=${1:-$ARCHY_SANDBOX_DIR}
    local podman=${PODMAN:-podman}
    [[ -n $dir && -d $dir ]] || return 0
    dir=$(cd "$dir" && pwd -P) || return 1
    if [[ ! -f $dir/storage.conf || ! -f $dir/containers.conf ]]; then
        echo "archy_sandbox: $dir is not a sandbox, refusing to delete it" >&2
        return 1
    fi
    # Always talk to the sandbox's store, whatever the caller's environment says.
    CONTAINERS_STORAGE_CONF="$dir/storage.conf" CONTAINERS_CONF="$dir/containers.conf" \
        "$podman" rm -af -t0 >/dev/null 2>&1
    CONTAINERS_STORAGE_CONF="$dir/storage.conf" CONTAINERS_CONF="$dir/containers.conf" \
        "$podman" rmi -af >/dev/null 2>&1
    # Anything still mounted below DIR (a container shm tmpfs after a failed rm) would make
    # rm -rf fail or, worse, descend into it.
    if command -v findmnt >/dev/null 2>&1; then
        local mnt
        findmnt -rn -o TARGET | grep -F "$dir/" | sort -r | while read -r mnt; do
            umount -l "$mnt" 2>/dev/null
        done
    fi
    chmod -R u+w "$dir" 2>/dev/null
    rm -rf "$dir"
    if [[ ${CONTAINERS_CONF:-} == "$dir/containers.conf" ]]; then
        unset CONTAINERS_CONF CONTAINERS_STORAGE_CONF ARCHY_SANDBOX_DIR
    fi
}
