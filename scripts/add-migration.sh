#!/usr/bin/env bash
# Adds an EF Core migration named NAME for every database provider (SQLite, PostgreSQL,
# SQL Server), each into its own folder under src/Platform.Data/Migrations.
#   scripts/add-migration.sh NAME
# No database is needed: the design-time factories in src/Platform.Data build the models. Adding one also
# regenerates the compiled models (scripts/compile-models.sh).
# To undo the last migration of every provider: scripts/add-migration.sh --remove
set -euo pipefail

if [[ $# -ne 1 || -z "$1" ]]; then
  echo "usage: $0 NAME   (or: $0 --remove)" >&2
  exit 2
fi

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
dotnet tool restore >/dev/null

project=src/Platform.Data/Platform.Data.csproj
dotnet build "$project" -nologo -v q

for provider in Sqlite Postgres SqlServer; do
  if [[ "$1" == "--remove" ]]; then
    echo "== removing the last ${provider} migration"
    dotnet ef migrations remove --force --no-build \
      --project "$project" --startup-project "$project" --context "${provider}DbContext"
  else
    echo "== adding migration $1 for ${provider}"
    dotnet ef migrations add "$1" --no-build \
      --project "$project" --startup-project "$project" --context "${provider}DbContext" \
      --output-dir "Migrations/${provider}"
  fi
done

if [[ "$1" != "--remove" ]]; then
  # The compiled models follow the model the new migration brings the database to.
  "$root/scripts/compile-models.sh"
fi
