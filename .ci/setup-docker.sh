#!/usr/bin/env bash
# Install and start a real Docker Engine (26.x, from Debian 13 "trixie" with a low
# apt pin) plus buildx on a Debian 12 machine without systemd, and check that it
# can build, save, and reach Debian's package mirror from a RUN step.
#
# Idempotent: apt work is skipped when everything is installed at the right
# versions, and dockerd is only started when `docker info` does not answer.
set -euo pipefail

export DEBIAN_FRONTEND=noninteractive
log() { printf '[setup-docker %s] %s\n' "$(date -u +%H:%M:%S)" "$*"; }
die() { printf '[setup-docker] ERROR: %s\n' "$*" >&2; exit 1; }

[ "$(id -u)" = 0 ] || die "must run as root"

DOCKERD_LOG=/var/log/isg-dockerd.log
TRIXIE_SOURCES=/etc/apt/sources.list.d/isg-trixie.sources
TRIXIE_PIN=/etc/apt/preferences.d/isg-trixie
DEBIAN_MIRROR=http://deb.debian.org/debian

TRIXIE_PKGS=(docker.io docker-cli docker-buildx)
# NOT `apt-get install -t trixie ...`: -t makes trixie the candidate for every
# dependency too, and trixie's runc and tini need libc6 >= 2.38, which drags in
# libc6 2.41, gcc-14 runtime libs, dpkg 1.22 and base-files 13 from trixie.
# `PKG/trixie` takes only these three from trixie; their dependencies (containerd,
# runc, tini, libc6 >= 2.34, ...) are satisfied from bookworm.
BOOKWORM_PKGS=(iptables debootstrap busybox-static git ca-certificates zstd docker-registry apache2-utils openssl)

# write_if_changed FILE CONTENT: writes FILE only when its content differs.
# Returns 0 when the file was (re)written, 1 when it was already up to date.
write_if_changed() {
  local file=$1 content=$2
  if [ -f "$file" ] && [ "$(cat "$file")" = "$content" ]; then
    return 1
  fi
  mkdir -p "$(dirname "$file")"
  printf '%s\n' "$content" >"$file.tmp.$$"
  mv "$file.tmp.$$" "$file"
  return 0
}

# ---------------------------------------------------------------------------
# 1. apt: trixie suite with a low pin, then the packages
# ---------------------------------------------------------------------------
sources_changed=0
write_if_changed "$TRIXIE_SOURCES" "# Added by image-size-guard .ci/setup-docker.sh: Docker Engine 26 + buildx.
# Pinned low in $TRIXIE_PIN so nothing else is upgraded from trixie.
Types: deb
URIs: $DEBIAN_MIRROR
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg" && sources_changed=1
write_if_changed "$TRIXIE_PIN" "# Added by image-size-guard .ci/setup-docker.sh: only packages asked for
# explicitly (apt-get install PKG/trixie) come from trixie.
Package: *
Pin: release n=trixie
Pin-Priority: 100" && sources_changed=1

# pkg_ok PKG [MIN_VERSION]: installed (and, when given, at least MIN_VERSION).
pkg_ok() {
  local status version
  status=$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null) || return 1
  [ "$status" = installed ] || return 1
  if [ $# -ge 2 ]; then
    version=$(dpkg-query -W -f='${Version}' "$1")
    dpkg --compare-versions "$version" ge "$2" || return 1
  fi
}

# Only what is missing (or too old) is passed to apt-get install, so nothing that
# is already installed gets upgraded.
missing_bookworm=()
for p in "${BOOKWORM_PKGS[@]}"; do pkg_ok "$p" || missing_bookworm+=("$p"); done
missing_trixie=()
pkg_ok docker.io 26 || missing_trixie+=(docker.io/trixie)
pkg_ok docker-cli 26 || missing_trixie+=(docker-cli/trixie)
pkg_ok docker-buildx 0.13 || missing_trixie+=(docker-buildx/trixie)
need_apt=0
if [ "${#missing_bookworm[@]}" -gt 0 ] || [ "${#missing_trixie[@]}" -gt 0 ]; then need_apt=1; fi
# The trixie lists must be present for `apt-get install PKG/trixie` to work.
if ! ls /var/lib/apt/lists/*_dists_trixie_InRelease >/dev/null 2>&1; then
  sources_changed=1
fi

if [ "$need_apt" = 1 ] || [ "$sources_changed" = 1 ]; then
  log "apt-get update"
  apt-get update -q -o Acquire::Retries=3
fi
if [ "$need_apt" = 1 ]; then
  APT_INSTALL=(apt-get install -y -q --no-install-recommends -o Acquire::Retries=3
    -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold)
  if [ "${#missing_bookworm[@]}" -gt 0 ]; then
    log "installing from bookworm: ${missing_bookworm[*]}"
    "${APT_INSTALL[@]}" "${missing_bookworm[@]}"
  fi
  if [ "${#missing_trixie[@]}" -gt 0 ]; then
    log "installing from trixie (dependencies from bookworm): ${missing_trixie[*]}"
    # Guard: refuse if apt would take anything but these (and containerd 1.7, which
    # apt picks from trixie too; it needs only libc6 >= 2.34) from trixie.
    sim=$(apt-get install -s --no-install-recommends "${missing_trixie[@]}")
    extra=$(grep '^Inst ' <<<"$sim" | grep 'Debian:13' | grep -vE '^Inst (docker\.io|docker-cli|docker-buildx|containerd) ' || true)
    if [ -n "$extra" ]; then
      printf '%s\n' "$extra" >&2
      die "installing ${missing_trixie[*]} would also take the packages above from trixie; refusing"
    fi
    "${APT_INSTALL[@]}" "${missing_trixie[@]}"
  fi
else
  log "apt packages already installed: ${TRIXIE_PKGS[*]} ${BOOKWORM_PKGS[*]}"
fi
for p in docker.io docker-cli docker-buildx; do
  pkg_ok "$p" || die "package $p is not installed"
done
dpkg-query -W -f='  ${Package} ${Version}\n' "${TRIXIE_PKGS[@]}" containerd runc tini "${BOOKWORM_PKGS[@]}"

# ---------------------------------------------------------------------------
# 2. buildx plugin visible to whichever `docker` is first on PATH
# ---------------------------------------------------------------------------
# Debian's docker-buildx installs /usr/libexec/docker/cli-plugins/docker-buildx,
# which any docker CLI >= 20 searches; /usr/local/lib/docker/cli-plugins is also
# searched by every CLI version, so link it there too (belt and braces for the
# 28.x client in /usr/local/bin that shadows /usr/bin/docker).
BUILDX_PLUGIN=/usr/libexec/docker/cli-plugins/docker-buildx
[ -x "$BUILDX_PLUGIN" ] || die "$BUILDX_PLUGIN missing after installing docker-buildx"
mkdir -p /usr/local/lib/docker/cli-plugins
if [ "$(readlink /usr/local/lib/docker/cli-plugins/docker-buildx 2>/dev/null || true)" != "$BUILDX_PLUGIN" ]; then
  ln -sfn "$BUILDX_PLUGIN" /usr/local/lib/docker/cli-plugins/docker-buildx
fi

# ---------------------------------------------------------------------------
# 3. dockerd (classic image store), started detached if not answering
# ---------------------------------------------------------------------------
mkdir -p /etc/docker
if [ -f /etc/docker/daemon.json ] && grep -q 'containerd-snapshotter' /etc/docker/daemon.json; then
  log "removing containerd-snapshotter from /etc/docker/daemon.json (classic image store wanted)"
  cp /etc/docker/daemon.json "/etc/docker/daemon.json.isg-bak.$(date +%s)"
  echo '{}' >/etc/docker/daemon.json
fi

start_dockerd() {
  # A pid file left by a dockerd that was killed (e.g. the machine's session ended)
  # makes a new dockerd refuse to start if that pid was reused: drop stale ones.
  local pidfile pid
  for pidfile in /var/run/docker.pid /var/run/docker/containerd/containerd.pid; do
    if [ -f "$pidfile" ]; then
      pid=$(cat "$pidfile" 2>/dev/null || true)
      # Stale unless that pid is still a dockerd/containerd (pids get reused).
      case "$(cat "/proc/$pid/comm" 2>/dev/null || true)" in
        dockerd | containerd) ;;
        *) rm -f "$pidfile" ;;
      esac
    fi
  done
  if pgrep -x dockerd >/dev/null; then
    log "a dockerd process exists but does not answer yet; waiting for it"
    return
  fi
  log "starting dockerd (log: $DOCKERD_LOG)"
  # setsid + nohup + no stdio: the daemon survives this script and its session.
  setsid nohup /usr/sbin/dockerd >"$DOCKERD_LOG" 2>&1 </dev/null &
}

wait_docker() {
  local i
  for i in $(seq 1 90); do
    if docker info >/dev/null 2>&1; then
      log "docker answers after ${i} s"
      return 0
    fi
    sleep 1
  done
  echo "---- last lines of $DOCKERD_LOG ----" >&2
  tail -n 40 "$DOCKERD_LOG" >&2 || true
  die "docker info did not answer within 90 s"
}

if docker info >/dev/null 2>&1; then
  log "dockerd already running"
else
  start_dockerd
  wait_docker
fi

# A daemon started earlier with the containerd image store: restart it on the classic one.
driver_status=$(docker info --format '{{.Driver}} {{json .DriverStatus}}')
if printf '%s' "$driver_status" | grep -q 'io.containerd.snapshotter'; then
  log "dockerd uses the containerd image store ($driver_status); restarting it on the classic store"
  pid=$(cat /var/run/docker.pid)
  kill "$pid"
  for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
  start_dockerd
  wait_docker
fi

# ---------------------------------------------------------------------------
# 4. checks: versions, buildx, bridge network from a RUN step, docker save
# ---------------------------------------------------------------------------
log "docker on PATH: $(command -v docker)"
docker version
docker buildx version
docker info --format 'storage driver: {{.Driver}}, cgroup: {{.CgroupDriver}} v{{.CgroupVersion}}, root: {{.DockerRootDir}}'

CHECK_DIR=$(mktemp -d /tmp/isg-docker-check.XXXXXX)
trap 'rm -rf "$CHECK_DIR"' EXIT
cp /bin/busybox "$CHECK_DIR/busybox"
cat >"$CHECK_DIR/Dockerfile" <<'EOF'
FROM scratch
COPY busybox /bin/busybox
# The bridge network must reach Debian's mirror (tests run apt-get inside builds).
RUN ["/bin/busybox", "wget", "-q", "-O", "/Release", "http://deb.debian.org/debian/dists/bookworm/Release"]
RUN ["/bin/busybox", "grep", "-q", "^Suite: ", "/Release"]
EOF
log "checking buildx build + network from RUN (bridge -> deb.debian.org)"
if ! docker buildx build --no-cache --progress=plain --load -t isg-ci/netcheck:latest "$CHECK_DIR" \
    >"$CHECK_DIR/build.log" 2>&1; then
  cat "$CHECK_DIR/build.log" >&2
  die "buildx build with network access from RUN failed (bridge network / DNS?)"
fi
log "checking docker save"
docker save isg-ci/netcheck:latest -o "$CHECK_DIR/save.tar"
listing=$(tar -tf "$CHECK_DIR/save.tar")
grep -qx 'manifest.json' <<<"$listing" || die "docker save archive has no manifest.json"
if grep -qx 'index.json' <<<"$listing"; then layout='OCI layout'; else layout='legacy layout'; fi
log "docker save ok: $(wc -l <<<"$listing") entries, $layout"
docker image rm -f isg-ci/netcheck:latest >/dev/null

log "done"
