#!/usr/bin/env bash
# Refreshes the GraphiQL IDE files that Platform.GraphQL.Server embeds and serves: installs the versions pinned in
# src/Platform.GraphQL.Server/GraphiQL/package-lock.json from the npm registry into a temporary folder, copies the
# UMD builds and their licenses into GraphiQL/assets/ and rewrites assets/SHA256SUMS. Needs Node.js and npm; the
# build does not (the assets are committed). To move to another version, change package.json, run
# `npm install --package-lock-only` in that folder, then this script.
#   scripts/update-graphiql-assets.sh
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ide="$root/src/Platform.GraphQL.Server/GraphiQL"
assets="$ide/assets"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "== npm ci (versions from $ide/package-lock.json)"
cp "$ide/package.json" "$ide/package-lock.json" "$work/"
(cd "$work" && npm ci --ignore-scripts --no-audit --no-fund)

modules="$work/node_modules"
echo "== copying into $assets"
cp "$modules/graphiql/graphiql.min.js" "$modules/graphiql/graphiql.min.css" \
   "$modules/react/umd/react.production.min.js" "$modules/react-dom/umd/react-dom.production.min.js" "$assets/"
for package in graphiql react react-dom; do
  cp "$modules/$package/LICENSE" "$assets/licenses/$package.LICENSE"
done
(cd "$assets" && sha256sum *.js *.css > SHA256SUMS)
cat "$assets/SHA256SUMS"
echo "== done: review with git diff --stat, then run the GraphiQL tests"
