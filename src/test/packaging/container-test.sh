#!/usr/bin/env bash
# The .deb as an operator uses it, under a real systemd: a Debian 12 container booted with systemd-nspawn
# (the recipe of shared/notes/systemd-container.md). Installs the package (apt pulls the JRE), checks the
# running service, reloads an edited configuration, stops, upgrades to a rebuilt package, purges. Prints a
# transcript; exits non-zero at the first failed check. The container and its files go away even on failure.
#
# Usage: container-test.sh DEB      (as root; needs debootstrap, systemd-container)
# The root file system comes from cached-rootfs.sh; the Debian packages apt downloads into the container are
# kept in /var/cache/connmonitor-test/archives for the next run.
set -euo pipefail

readonly DEB=$(realpath "$1")
readonly CACHE=/var/cache/connmonitor-test
readonly NAME=cmt-systemd-$$
readonly ROOT=/var/tmp/$NAME
readonly CGROUPS=(/sys/fs/cgroup/systemd/$NAME /sys/fs/cgroup/unified/$NAME)
nspawn=
pid1=

say() { printf '[container] %s\n' "$*"; }
fail() { say "FAILED: $*"; exit 1; }

# A command inside the container, with the container's PATH and no environment of ours.
inside() {
  nsenter -t "$pid1" -m -u -i -n -p -C -r -w env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 "$@"
}

# Shows the command and its output in the transcript.
show() {
  say "# $*"
  inside "$@" 2>&1 | sed 's/^/    /'
  return "${PIPESTATUS[0]}"
}

# Polls a condition inside the container for up to $1 seconds.
await() {
  local seconds=$1; shift
  for _ in $(seq $((seconds * 5))); do
    inside sh -c "$*" >/dev/null 2>&1 && return 0
    sleep 0.2
  done
  return 1
}

cleanup() {
  local status=$?
  if [[ -n $pid1 ]] && kill -0 "$pid1" 2>/dev/null; then
    inside systemctl poweroff >/dev/null 2>&1 || true
    for _ in $(seq 50); do kill -0 "$nspawn" 2>/dev/null || break; sleep 0.2; done
  fi
  [[ -n $nspawn ]] && kill -9 "$nspawn" 2>/dev/null || true
  [[ -n $nspawn ]] && wait "$nspawn" 2>/dev/null || true
  if [[ -d $ROOT/var/cache/apt/archives ]]; then
    mkdir -p "$CACHE/archives"
    cp -n "$ROOT"/var/cache/apt/archives/*.deb "$CACHE/archives/" 2>/dev/null || true
  fi
  rm -rf "$ROOT" "$ROOT.console"
  for cgroup in "${CGROUPS[@]}"; do rmdir "$cgroup" 2>/dev/null || true; done
  ((status == 0)) && say "PASSED" || say "cleaned up after failure (exit $status)"
}
trap cleanup EXIT

boot() {
  cp -a "$rootfs" "$ROOT"
  [[ -d $CACHE/archives ]] && cp "$CACHE"/archives/*.deb "$ROOT/var/cache/apt/archives/" 2>/dev/null || true
  # With --keep-unit the container joins its starter's cgroup: a cgroup of its own keeps containers apart.
  for cgroup in "${CGROUPS[@]}"; do mkdir -p "$cgroup"; done
  (
    for cgroup in "${CGROUPS[@]}"; do echo "$BASHPID" >"$cgroup/cgroup.procs"; done
    exec systemd-nspawn -q -D "$ROOT" -b --machine="$NAME" --register=no --keep-unit --console=read-only
  ) >"$ROOT.console" 2>&1 &
  nspawn=$!
  for _ in $(seq 100); do
    pid1=$(pgrep -P "$nspawn" | head -n 1 || true)
    [[ -n $pid1 ]] && break
    sleep 0.1
  done
  [[ -n $pid1 ]] || fail "the container did not start: $(cat "$ROOT.console")"
  await 30 'state=$(systemctl is-system-running); [ "$state" = running ] || [ "$state" = degraded ]' \
    || fail "systemd in the container did not come up"
  say "container $NAME booted, PID 1 is $pid1 on the host"
}

main_pid() { inside systemctl show -p MainPID --value connmonitor; }

# GET on the host's loopback, which the container shares, with bash alone (minbase has no HTTP client): the
# response, status line first.
http_get() { # port path
  (exec 3<>"/dev/tcp/127.0.0.1/$1" && printf 'GET %s HTTP/1.0\r\n\r\n' "$2" >&3 && tr -d '\r' <&3) 2>/dev/null
}

# A loopback port nothing listens on.
free_port() {
  local port
  for _ in $(seq 50); do
    port=$((20000 + RANDOM % 20000))
    http_get "$port" / >/dev/null || { echo "$port"; return; }
  done
  fail "no free port"
}

# A package like the one under test with a higher version: an upgrade as apt sees it.
rebuilt() {
  local work=$ROOT/var/tmp/rebuild
  dpkg-deb -R "$DEB" "$work"
  sed -i 's/^Version: .*/&+rebuilt1/' "$work/DEBIAN/control"
  dpkg-deb -b "$work" "$ROOT/var/tmp/connmonitor_rebuilt_all.deb" >/dev/null
  rm -rf "$work"
}

rootfs=$("$(dirname "$0")/cached-rootfs.sh")
boot
cp "$DEB" "$ROOT/var/tmp/connmonitor_all.deb"
rebuilt

say "== install"
show apt-get update -qq || fail "apt-get update"
show sh -c 'DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends /var/tmp/connmonitor_all.deb | tail -n 3' \
  || fail "apt-get install"
show systemd-analyze verify --man=no /lib/systemd/system/connmonitor.service || fail "systemd-analyze verify"
await 20 'systemctl is-active --quiet connmonitor' || { show systemctl status connmonitor; fail "not active"; }
show systemctl is-active connmonitor
show systemctl is-enabled connmonitor
pid=$(main_pid)
show sh -c "grep -E '^(Uid|CapEff|CapBnd|CapAmb|NoNewPrivs)' /proc/$pid/status"
inside sh -c "grep -q '^Uid:[[:space:]]*0[[:space:]]' /proc/$pid/status" && fail "the service runs as root"
[[ $(inside id -u connmonitor) == $(inside awk '/^Uid:/ {print $2}' "/proc/$pid/status") ]] || fail "not the connmonitor user"
inside grep -q '^CapEff:[[:space:]]*0000000000002000$' "/proc/$pid/status" || fail "effective capabilities are not CAP_NET_RAW alone"
show ls -l /var/log/connmonitor.log /var/log/connmonitor.err /etc/connmonitor/connmonitor.conf
await 15 "grep -q '\"name\":\"localhost\".*\"ping\"' /var/log/connmonitor.log" || fail "no ping record for localhost"
await 15 "grep -q '\"name\":\"localhost\".*\"trace\"' /var/log/connmonitor.log" || fail "no trace record for localhost"
await 15 "grep -q '\"name\":\"localhost\".*\"scan\"' /var/log/connmonitor.log" || fail "no scan record for localhost"
show sh -c 'for kind in ping trace scan; do grep -m 1 "\"$kind\"" /var/log/connmonitor.log; done'
show cat /var/log/connmonitor.err

say "== edit and reload"
show sh -c 'echo "127.0.0.2 ping=200 numpings=2 json=1 # added by the operator" >>/etc/connmonitor/connmonitor.conf'
show systemctl reload connmonitor || fail "systemctl reload"
await 15 "grep -q '\"name\":\"127.0.0.2\"' /var/log/connmonitor.log" || fail "the reloaded host has no record"
show sh -c "grep -m 1 '\"name\":\"127.0.0.2\"' /var/log/connmonitor.log"
[[ $(main_pid) == "$pid" ]] || fail "the process was restarted by the reload ($pid, now $(main_pid))"
say "same process after reload: PID $pid"

say "== the metrics endpoint, asked for in /etc/default/connmonitor"
port=$(free_port)
show sh -c "sed -i 's|^CONNMONITOR_ARGS=.*|CONNMONITOR_ARGS=\"--listen 127.0.0.1:$port\"|' /etc/default/connmonitor"
show grep -v '^#' /etc/default/connmonitor
show systemctl restart connmonitor || fail "restart with --listen"
# Read whole before grep looks at it: with pipefail, a grep -q that stops reading would fail the reader.
for _ in $(seq 100); do [[ $(http_get "$port" /-/ready) == 'HTTP/1.'[01]' 200 '* ]] && break; sleep 0.2; done
say "# GET /-/ready"
http_get "$port" /-/ready | sed 's/^/    /'
[[ $(http_get "$port" /-/ready) == 'HTTP/1.'[01]' 200 '* ]] || { show systemctl status connmonitor; fail "/-/ready"; }
series='connmonitor_ping_requests_total{addr="127.0.0.1",host="localhost"}'
for _ in $(seq 100); do [[ $(http_get "$port" /metrics) == *"$series"* ]] && break; sleep 0.2; done
metrics=$(http_get "$port" /metrics)
say "# GET /metrics (the localhost series)"
grep '^connmonitor_.*host="localhost"' <<<"$metrics" | grep -v _bucket | sed 's/^/    /'
[[ $metrics == *"$series"* ]] || fail "no ping series of localhost"
pid=$(main_pid)

say "== stop"
show systemctl stop connmonitor
show systemctl show -p ActiveState -p Result -p ExecMainStatus connmonitor
[[ $(inside systemctl show -p Result --value connmonitor) == success ]] || fail "the stop was not clean"
[[ $(inside systemctl show -p ExecMainStatus --value connmonitor) == 0 ]] || fail "exit status not 0"

say "== upgrade to a rebuilt package"
show systemctl start connmonitor
show sh -c 'DEBIAN_FRONTEND=noninteractive apt-get install -y -q /var/tmp/connmonitor_rebuilt_all.deb | tail -n 2' \
  || fail "upgrade"
show dpkg-query -W connmonitor
show grep -c 'added by the operator' /etc/connmonitor/connmonitor.conf || fail "the edited configuration was lost"
show grep -c -- '--listen' /etc/default/connmonitor || fail "the edited arguments were lost"
await 20 'systemctl is-active --quiet connmonitor' || fail "not active after the upgrade"
[[ $(main_pid) != "$pid" ]] || fail "the upgrade did not restart the service"
say "restarted by the upgrade: PID $(main_pid)"

say "== a deleted configuration comes back at start"
show rm /etc/connmonitor/connmonitor.conf
show systemctl restart connmonitor || fail "restart without a configuration"
show cat /etc/connmonitor/connmonitor.conf
inside cmp -s /etc/connmonitor/connmonitor.conf /usr/share/connmonitor/connmonitor.conf || fail "not the default configuration"
await 20 'systemctl is-active --quiet connmonitor' || fail "not active with the recreated configuration"

say "== purge"
show sh -c 'DEBIAN_FRONTEND=noninteractive apt-get purge -y -q connmonitor | tr "\r" "\n" | tail -n 2' || fail "purge"
show sh -c 'ls -d /etc/connmonitor /var/log/connmonitor.* /lib/systemd/system/connmonitor.service \
  /etc/systemd/system/*/connmonitor.service /var/lib/systemd/deb-systemd-helper-*/*connmonitor* 2>&1; \
  getent passwd connmonitor; getent group connmonitor; dpkg-query -W -f "\${Status}\n" connmonitor 2>&1; true'
left=$(inside sh -c 'ls -d /etc/connmonitor /var/log/connmonitor.* /lib/systemd/system/connmonitor.service \
  /etc/systemd/system/*/connmonitor.service /var/lib/systemd/deb-systemd-helper-*/*connmonitor* 2>/dev/null; \
  getent passwd connmonitor; getent group connmonitor' || true)
[[ -z $left ]] || fail "purge left: $left"
say "nothing left behind"
