#!/usr/bin/env bash
# Regenerates the compiled EF Core model of every database provider (SQLite, PostgreSQL, SQL Server), each into its
# own folder under src/Platform.Data/CompiledModels. A node then loads its unrestricted callers' model instead of
# building it at start. Run after every model change (scripts/add-migration.sh does); a test fails while a compiled
# model differs from the one the code builds.
#   scripts/compile-models.sh
# Only the plain model is compiled: EF Core cannot compile query filters, so the partner and manager models are still
# built at their first use.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
dotnet tool restore >/dev/null

project=src/Platform.Data/Platform.Data.csproj
dotnet build "$project" -nologo -v q
# The tool reads the model from the build; the old files go, so none of an entity type that is gone stays behind.
rm -rf src/Platform.Data/CompiledModels

for provider in Sqlite Postgres SqlServer; do
  echo "== compiling the ${provider} model"
  dotnet ef dbcontext optimize --no-build \
    --project "$project" --startup-project "$project" --context "${provider}DbContext" \
    --output-dir "CompiledModels/${provider}" --namespace "Platform.Data.CompiledModels.${provider}"
  # The generated assembly attribute would make EF Core use the compiled model for every context of the type, the
  # partner and manager ones included; PlatformDbContextPools gives it to the unrestricted pool alone.
  rm "src/Platform.Data/CompiledModels/${provider}/${provider}DbContextAssemblyAttributes.cs"
done
