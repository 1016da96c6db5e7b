#!/usr/bin/env bash
# Make the local base images the tests build FROM (no container registry is
# reachable on these machines). Each image is skipped when it already exists.
#
#   isg/debian:bookworm  debootstrap minbase, cleaned like the official images
#   isg/busybox:latest   /bin/busybox (busybox-static) + applet symlinks in /bin
#   isg/golang:bookworm  isg/debian:bookworm + golang-go (apt lists removed)
#
# Needs a running dockerd with buildx (.ci/setup-docker.sh) and debootstrap,
# busybox-static (installed by setup-docker.sh).
set -euo pipefail

export DEBIAN_FRONTEND=noninteractive
log() { printf '[make-base-images %s] %s\n' "$(date -u +%H:%M:%S)" "$*"; }
die() { printf '[make-base-images] ERROR: %s\n' "$*" >&2; exit 1; }

[ "$(id -u)" = 0 ] || die "must run as root"
command -v debootstrap >/dev/null || die "debootstrap missing: run .ci/setup-docker.sh first"
[ -x /bin/busybox ] || die "/bin/busybox missing: run .ci/setup-docker.sh first"
docker info >/dev/null 2>&1 || die "docker does not answer: run .ci/setup-docker.sh first"

DEBIAN_MIRROR=http://deb.debian.org/debian
DEFAULT_PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin

WORK=$(mktemp -d /var/tmp/isg-base-images.XXXXXX)
cleanup() {
  # debootstrap may leave /proc etc. mounted in the target when it fails.
  local m
  for m in $(awk -v w="$WORK" 'index($2, w) == 1 { print $2 }' /proc/mounts | sort -r); do
    umount -l "$m" 2>/dev/null || true
  done
  rm -rf "$WORK"
}
trap cleanup EXIT

have_image() { docker image inspect "$1" >/dev/null 2>&1; }

# ---------------------------------------------------------------------------
# isg/debian:bookworm
# ---------------------------------------------------------------------------
make_debian() {
  local tag=isg/debian:bookworm root="$WORK/debian-rootfs"
  if have_image "$tag"; then log "$tag exists, skipped"; return; fi

  log "debootstrap --variant=minbase bookworm (about a minute)"
  if ! debootstrap --variant=minbase bookworm "$root" "$DEBIAN_MIRROR" >"$WORK/debootstrap.log" 2>&1; then
    tail -n 40 "$WORK/debootstrap.log" >&2
    [ -f "$root/debootstrap/debootstrap.log" ] && tail -n 40 "$root/debootstrap/debootstrap.log" >&2
    die "debootstrap failed"
  fi

  log "cleaning the rootfs like the official images"
  # The .debs debootstrap downloaded (~31 MB) and apt's binary caches.
  find "$root/var/cache/apt/archives" -type f -name '*.deb' -delete
  rm -f "$root"/var/cache/apt/archives/partial/*.deb "$root"/var/cache/apt/*.bin
  # Package lists: images ship without them (RUN apt-get update fetches them).
  find "$root/var/lib/apt/lists" -mindepth 1 -delete
  mkdir -p "$root/var/lib/apt/lists/partial"
  # The hook of the official debian images (debuerreotype's docker-clean).
  cat >"$root/etc/apt/apt.conf.d/docker-clean" <<'EOF'
# Since for most Docker users, package installs happen in "docker build" steps,
# they essentially become individual layers due to the way Docker handles
# layering, especially using CoW filesystems.  What this means for us is that
# the caches that APT keeps end up just wasting space in those layers, making
# our layers unnecessarily large (especially since we'll normally never use
# these caches again and will instead just "docker build" again and make a brand
# new image).

# Ideally, these would just be invoking "apt-get clean", but in our testing,
# that ended up being cyclic and we got stuck on APT's lock, so we get this fun
# creation that's essentially just "apt-get clean".
DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
APT::Update::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };

Dir::Cache::pkgcache "";
Dir::Cache::srcpkgcache "";

# Note that we do realize this isn't the ideal way to do this, and are always
# open to better suggestions (https://github.com/debuerreotype/debuerreotype/issues).
EOF
  # One source only: bookworm main on Debian's mirror.
  rm -f "$root"/etc/apt/sources.list.d/*
  printf 'deb %s bookworm main\n' "$DEBIAN_MIRROR" >"$root/etc/apt/sources.list"
  # debootstrap copies the host's resolv.conf and hostname; docker provides its own.
  rm -f "$root/etc/resolv.conf"
  printf 'localhost\n' >"$root/etc/hostname"
  # Logs of the bootstrap itself are not part of an image.
  rm -rf "$root/debootstrap"
  find "$root/var/log" -type f \( -name '*.log' -o -name 'dpkg.log' \) -exec truncate -s 0 {} +

  log "docker import -> $tag ($(du -sh "$root" | cut -f1) rootfs)"
  tar --numeric-owner --xattrs --xattrs-include='*' -C "$root" -c . |
    docker import \
      --change "ENV PATH=$DEFAULT_PATH" \
      --change 'CMD ["bash"]' \
      - "$tag" >/dev/null
  rm -rf "$root"
}

# ---------------------------------------------------------------------------
# isg/busybox:latest
# ---------------------------------------------------------------------------
make_busybox() {
  local tag=isg/busybox:latest root="$WORK/busybox-rootfs" applet
  if have_image "$tag"; then log "$tag exists, skipped"; return; fi
  log "building $tag from busybox-static $(dpkg-query -W -f='${Version}' busybox-static)"
  mkdir -p "$root/bin" "$root/tmp" "$root/etc" "$root/root"
  chmod 1777 "$root/tmp"
  cp /bin/busybox "$root/bin/busybox"
  for applet in $(/bin/busybox --list); do
    [ "$applet" = busybox ] || ln -s busybox "$root/bin/$applet"
  done
  printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n' >"$root/etc/passwd"
  printf 'root:x:0:\nnogroup:x:65534:\n' >"$root/etc/group"
  tar --numeric-owner --owner=0 --group=0 -C "$root" -c . |
    docker import \
      --change "ENV PATH=$DEFAULT_PATH" \
      --change 'CMD ["sh"]' \
      - "$tag" >/dev/null
  rm -rf "$root"
}

# ---------------------------------------------------------------------------
# isg/golang:bookworm (also proves `FROM isg/debian:bookworm` + apt-get in RUN)
# ---------------------------------------------------------------------------
make_golang() {
  local tag=isg/golang:bookworm ctx="$WORK/golang-ctx"
  if have_image "$tag"; then log "$tag exists, skipped"; return; fi
  log "docker buildx build --load -> $tag (apt-get install golang-go inside a RUN)"
  mkdir -p "$ctx"
  cat >"$ctx/Dockerfile" <<'EOF'
FROM isg/debian:bookworm
RUN apt-get update && apt-get install -y --no-install-recommends golang-go && rm -rf /var/lib/apt/lists/*
EOF
  if ! docker buildx build --progress=plain --load -t "$tag" "$ctx" >"$WORK/golang-build.log" 2>&1; then
    tail -n 60 "$WORK/golang-build.log" >&2
    die "buildx build of $tag failed"
  fi
}

make_debian
make_busybox
make_golang

# ---------------------------------------------------------------------------
# checks (fast): each image runs
# ---------------------------------------------------------------------------
out=$(docker run --rm isg/busybox:latest sh -c 'echo ok')
[ "$out" = ok ] || die "isg/busybox:latest: expected 'ok', got '$out'"
docker run --rm isg/debian:bookworm sh -c 'test -f /etc/apt/apt.conf.d/docker-clean && ! ls /var/cache/apt/archives/*.deb >/dev/null 2>&1' ||
  die "isg/debian:bookworm is not clean (docker-clean missing or .debs left)"
docker run --rm isg/golang:bookworm go version
docker image ls --format 'table {{.Repository}}:{{.Tag}}\t{{.ID}}\t{{.Size}}' | grep -E '^(REPOSITORY|isg/)'
log "done"
