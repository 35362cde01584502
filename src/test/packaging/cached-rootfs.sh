#!/usr/bin/env bash
# Prints the path of a Debian 12 (bookworm) minimal root file system, made with debootstrap on first use and
# cached in /var/cache/connmonitor-test for later runs on this machine. Copy it before changing anything in it.
# Needs root and debootstrap.
#
# Usage: cached-rootfs.sh          this machine's architecture, with systemd (about a minute)
#        cached-rootfs.sh arm64    arm64, with the distribution's Java runtime; needs qemu-user-static's binfmt
#                                  registration, since debootstrap runs the packages' scripts (about 3 minutes)
set -euo pipefail
readonly CACHE=/var/cache/connmonitor-test
case ${1:-} in
  "") name=bookworm; options=(--include=systemd,systemd-sysv,dbus) ;;
  arm64) name=bookworm-arm64; options=(--arch=arm64 --include=default-jre-headless) ;;
  *) echo "cached-rootfs: unknown root file system \"$1\"" >&2; exit 2 ;;
esac
if [[ ! -d $CACHE/$name ]]; then
  # The machine's own mirror, as apt uses it: never a hard-coded host.
  mirror=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
  [[ -n $mirror ]] || mirror=$(awk '/^deb / {print $2; exit}' /etc/apt/sources.list 2>/dev/null || true)
  [[ -n $mirror ]] || { echo "cached-rootfs: no Debian mirror in the apt sources" >&2; exit 1; }
  echo "cached-rootfs: making the $name root file system from $mirror (once)" >&2
  mkdir -p "$CACHE"
  rm -rf "$CACHE/$name.tmp"
  debootstrap --variant=minbase "${options[@]}" bookworm "$CACHE/$name.tmp" "$mirror" >"$CACHE/$name.log" 2>&1 \
    || { echo "cached-rootfs: debootstrap failed: see $CACHE/$name.log" >&2; exit 1; }
  mv "$CACHE/$name.tmp" "$CACHE/$name"
fi
echo "$CACHE/$name"
