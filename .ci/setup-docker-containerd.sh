#!/usr/bin/env bash
# A second Docker Engine on the containerd image store, for the tests of the OCI-export build path
# (the docker driver exports `--output type=oci` only on that store; docker save there hands out gzip blobs).
# It listens on unix:///var/run/isg-docker-ctd.sock with its own data/exec roots and its own bridge, with
# iptables off, so the main engine (and its docker0) is untouched. Idempotent. Needs .ci/setup-docker.sh first.
set -euo pipefail

log() { printf '[setup-docker-containerd %s] %s\n' "$(date -u +%H:%M:%S)" "$*"; }
die() { printf '[setup-docker-containerd] ERROR: %s\n' "$*" >&2; exit 1; }

SOCK=/var/run/isg-docker-ctd.sock
CONF=/etc/isg-docker-ctd/daemon.json
BRIDGE=isg-ctd0
LOGFILE=/var/log/isg-docker-ctd.log

if DOCKER_HOST=unix://$SOCK docker info >/dev/null 2>&1; then
  log "already running on $SOCK"
else
  command -v dockerd >/dev/null || die "dockerd missing: run .ci/setup-docker.sh first"
  if ! ip link show "$BRIDGE" >/dev/null 2>&1; then
    ip link add "$BRIDGE" type bridge
    ip addr add 172.31.250.1/24 dev "$BRIDGE"
  fi
  ip link set "$BRIDGE" up
  mkdir -p "$(dirname "$CONF")" /var/lib/isg-docker-ctd
  printf '%s\n' '{"features":{"containerd-snapshotter":true},"bridge":"'"$BRIDGE"'","iptables":false,"ip-forward":false,"ip-masq":false}' >"$CONF"
  # a stale pid file from a killed daemon would stop the new one
  if [ -f /var/run/isg-docker-ctd.pid ] && ! kill -0 "$(cat /var/run/isg-docker-ctd.pid)" 2>/dev/null; then rm -f /var/run/isg-docker-ctd.pid; fi
  log "starting dockerd (containerd image store) on $SOCK"
  setsid nohup dockerd --config-file "$CONF" --data-root /var/lib/isg-docker-ctd --exec-root /var/run/isg-docker-ctd \
    -H "unix://$SOCK" --pidfile /var/run/isg-docker-ctd.pid >"$LOGFILE" 2>&1 < /dev/null &
  for _ in $(seq 1 90); do
    DOCKER_HOST=unix://$SOCK docker info >/dev/null 2>&1 && break
    sleep 1
  done
  DOCKER_HOST=unix://$SOCK docker info >/dev/null 2>&1 || { tail -20 "$LOGFILE" >&2; die "the containerd-store dockerd did not start"; }
fi
store=$(DOCKER_HOST=unix://$SOCK docker info --format '{{json .DriverStatus}}')
case "$store" in
  *io.containerd.snapshotter*) log "image store: $store" ;;
  *) die "the second engine is not on the containerd image store: $store" ;;
esac
ip link show docker0 >/dev/null 2>&1 || die "docker0 vanished: the main engine's networking is broken"
