#!/usr/bin/env bash
# The .deb on an arm64 Debian 12, emulated by qemu-user-static: installs it next to the distribution's arm64 Java
# runtime, runs "connmonitor --version", then pings 127.0.0.1 until the first JSON record and prints it. Proves that
# "Architecture: all" holds beyond x86-64 (the jar carries Netty's epoll and JNA's libraries for aarch64). Prints
# a transcript; exits non-zero at the first failed check. The scratch root goes away even on failure.
#
# Usage: arm64-smoke.sh DEB      (as root; needs debootstrap, qemu-user-static and binfmt-support)
# The root runs in a chroot inside a mount namespace of its own: root, so raw ICMP sockets work, on the host's
# network (127.0.0.1 is the host's loopback).
set -euo pipefail

readonly DEB=$(realpath "$1")
readonly ROOT=/var/tmp/cmt-arm64-$$

say() { printf '[arm64] %s\n' "$*"; }
fail() { say "FAILED: $*"; exit 1; }
trap 'status=$?; rm -rf "$ROOT"; ((status == 0)) && say PASSED || say "cleaned up after failure (exit $status)"' EXIT

# The kernel runs arm64 programs through qemu once binfmt_misc knows it ("F": the interpreter is opened here, so
# the chroot needs no copy of it).
[[ -e /proc/sys/fs/binfmt_misc/status ]] || mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc
[[ -e /proc/sys/fs/binfmt_misc/qemu-aarch64 ]] || update-binfmts --enable qemu-aarch64
[[ -e /proc/sys/fs/binfmt_misc/qemu-aarch64 ]] || fail "qemu-aarch64 is not registered with binfmt_misc"

rootfs=$("$(dirname "$0")/cached-rootfs.sh" arm64)
cp -a "$rootfs" "$ROOT"
cp "$DEB" "$ROOT/var/tmp/connmonitor_all.deb"

# Shows a command run inside the root and its output, indented, in the transcript.
unshare --mount --propagation private bash -euo pipefail -c '
  root=$1
  mount -t proc proc "$root/proc"
  mount --rbind /dev "$root/dev"
  inside() { chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 "$@"; }
  show() { echo "[arm64] # $*"; inside "$@" 2>&1 | sed "s/^/    /"; return "${PIPESTATUS[0]}"; }
  show dpkg --print-architecture
  show uname -m
  show sh -c "java -version 2>&1 | head -n 1"
  show sh -c "dpkg -i /var/tmp/connmonitor_all.deb | tail -n 1"
  show connmonitor --version
  # The first record ends the run: head closes the pipe, and the monitor stops on the broken pipe.
  show sh -c "printf \"127.0.0.1 ping=100 numpings=3 json=1\n\" | timeout 120 connmonitor 2>/dev/null | head -n 1" \
    | tee "$root/var/tmp/transcript"
  grep -q "^    {\"addr\":\"127.0.0.1\",.*\"loss\":0.0[,}].*}$" "$root/var/tmp/transcript" \
    || { echo "[arm64] FAILED: no ping record with no loss for 127.0.0.1"; exit 1; }
' arm64 "$ROOT"
