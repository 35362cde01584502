#!/usr/bin/env bash
# Prints the path of a Debian 12 (bookworm) minimal root file system with systemd, made with debootstrap on
# first use (about a minute) and cached in /var/cache/connmonitor-test for later runs on this machine. Copy it
# before changing anything in it. Needs root and debootstrap.
set -euo pipefail
readonly CACHE=/var/cache/connmonitor-test
if [[ ! -d $CACHE/bookworm ]]; then
  # The machine's own mirror, as apt uses it: never a hard-coded host.
  mirror=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
  [[ -n $mirror ]] || mirror=$(awk '/^deb / {print $2; exit}' /etc/apt/sources.list 2>/dev/null || true)
  [[ -n $mirror ]] || { echo "cached-rootfs: no Debian mirror in the apt sources" >&2; exit 1; }
  echo "cached-rootfs: making the root file system from $mirror (once)" >&2
  mkdir -p "$CACHE"
  rm -rf "$CACHE/bookworm.tmp"
  debootstrap --variant=minbase --include=systemd,systemd-sysv,dbus bookworm "$CACHE/bookworm.tmp" "$mirror" \
    >"$CACHE/debootstrap.log" 2>&1 || { echo "cached-rootfs: debootstrap failed: see $CACHE/debootstrap.log" >&2; exit 1; }
  mv "$CACHE/bookworm.tmp" "$CACHE/bookworm"
fi
echo "$CACHE/bookworm"
