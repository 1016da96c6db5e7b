#!/usr/bin/env bash
# A second Docker Engine on the containerd image store, for the tests of the OCI-export build path
# (the docker driver exports `--output type=oci` only on that store; docker save there hands out gzip blobs).
# It listens on unix:///var/run/isg-docker-ctd.sock with its own data/exec roots and its own bridge, with
# iptables off, so the main engine (and its docker0) is untouched; three iptables rules of its own give RUN steps
# network (NAT out of its bridge, and forwarding, which the main engine's FORWARD policy drops otherwise).
# Idempotent, and nothing here restarts a running engine. Needs .ci/setup-docker.sh first.
set -euo pipefail

log() { printf '[setup-docker-containerd %s] %s\n' "$(date -u +%H:%M:%S)" "$*"; }
die() { printf '[setup-docker-containerd] ERROR: %s\n' "$*" >&2; exit 1; }

SOCK=/var/run/isg-docker-ctd.sock
CONF=/etc/isg-docker-ctd/daemon.json
BRIDGE=isg-ctd0
SUBNET=172.31.250.0/24
LOGFILE=/var/log/isg-docker-ctd.log

if DOCKER_HOST=unix://$SOCK docker info >/dev/null 2>&1; then
  log "already running on $SOCK"
else
  command -v dockerd >/dev/null || die "dockerd missing: run .ci/setup-docker.sh first"
  if ! ip link show "$BRIDGE" >/dev/null 2>&1; then
    ip link add "$BRIDGE" type bridge
    ip addr add "${SUBNET%.0/24}.1/24" dev "$BRIDGE"
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

# rule TABLE CHAIN ADD-OP RULE...: adds a rule once (iptables -C checks for it first).
rule() {
  local table=$1 chain=$2 op=$3; shift 3
  iptables -t "$table" -C "$chain" "$@" 2>/dev/null || iptables -t "$table" "$op" "$chain" "$@"
}
# Network for RUN steps: its containers' traffic leaves through the host with NAT, and the main engine's
# DOCKER-USER chain (consulted before its FORWARD policy, DROP) lets it through, replies included.
iptables -S DOCKER-USER >/dev/null 2>&1 || die "the main engine's DOCKER-USER chain is missing (is its iptables off?)"
rule nat POSTROUTING -A -s "$SUBNET" ! -o "$BRIDGE" -j MASQUERADE
rule filter DOCKER-USER -I -i "$BRIDGE" -j ACCEPT
rule filter DOCKER-USER -I -o "$BRIDGE" -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
log "RUN steps have network (NAT from $SUBNET, forwarding for $BRIDGE)"
