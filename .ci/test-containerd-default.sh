#!/usr/bin/env bash
# The integration suites that use the engine, against a DEFAULT engine on the containerd image store — what
# Docker Engine 29 (new installs) and Docker Desktop run — without switching dockerd: in a mount namespace of
# their own, /var/run/docker.sock is the containerd-store engine's (.ci/setup-docker-containerd.sh), so the
# docker CLI, the product and the tests find it where they find any default engine; nothing sets DOCKER_HOST.
# Outside the namespace nothing changes. The base images are copied from the main engine when missing.
# Usage: .ci/test-containerd-default.sh [jest test path pattern]. Needs root, a built dist/, Node 24 on PATH.
set -euo pipefail

SOCK=/var/run/isg-docker-ctd.sock
SUITES=${1:-'integration/(registry|sources-platforms|engine-save|compare|concurrent-runs|producers)\.test'}
log() { printf '[test-containerd-default %s] %s\n' "$(date -u +%H:%M:%S)" "$*"; }
die() { printf '[test-containerd-default] ERROR: %s\n' "$*" >&2; exit 1; }

[ "$(id -u)" = 0 ] || die "must run as root (a mount namespace, a bind mount)"
[ -S "$SOCK" ] || die "no containerd-store engine on $SOCK: run .ci/setup-docker-containerd.sh first"
[ -f dist/cli/index.js ] || die "dist/ is not built: run npm run build first"

missing=()
for image in isg/debian:bookworm isg/busybox:latest isg/golang:bookworm; do
  DOCKER_HOST=unix://$SOCK docker image inspect "$image" >/dev/null 2>&1 || missing+=("$image")
done
if [ ${#missing[@]} -gt 0 ]; then
  log "copying ${missing[*]} from the main engine"
  docker save "${missing[@]}" | DOCKER_HOST=unix://$SOCK docker load >/dev/null
fi

log "running $SUITES with /var/run/docker.sock = $SOCK (a private mount namespace)"
# shellcheck disable=SC2016
exec unshare --mount --propagation private env -u DOCKER_HOST -u ISG_CONTAINERD_DOCKER_HOST bash -c '
  mount --bind "$1" /var/run/docker.sock
  store=$(docker info --format "{{json .DriverStatus}}")
  case "$store" in *io.containerd.snapshotter*) ;; *) echo "the default engine is not on the containerd store: $store" >&2; exit 1 ;; esac
  exec node scripts/jest.mjs --selectProjects integration --testPathPatterns "$2"
' bash "$SOCK" "$SUITES"
