#!/usr/bin/env bash
# Runs every test in the solution (Release) and ends with a line "N passed, N failed, N skipped".
# Exits non-zero if the build or any test fails, or if no test ran. Extra arguments go to
# `dotnet test` (e.g. --filter "FullyQualifiedName~Leads").
set -euo pipefail
cd "$(dirname "$0")/.."

results="TestResults/run"
rm -rf "$results"

# VSTest kills a test host 100 ms after its run ends; give it time to stop its throwaway
# PostgreSQL server and delete the data directory (a healthy host exits at once).
export VSTEST_TESTHOST_SHUTDOWN_TIMEOUT="${VSTEST_TESTHOST_SHUTDOWN_TIMEOUT:-30000}"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

status=0
dotnet test Platform.sln -c Release --logger trx --results-directory "$results" "$@" || status=$?

# Sum one attribute of the <Counters> element over every TRX file (one per test assembly).
count() {
  cat "$results"/*.trx 2>/dev/null | grep -o '<Counters [^>]*' | grep -o " $1=\"[0-9]*\"" \
    | tr -dc '0-9\n' | awk '{ n += $1 } END { print n + 0 }' || true   # no TRX (build failed): 0
}
total=$(count total)
passed=$(count passed)
failed=$(( $(count failed) + $(count error) + $(count timeout) + $(count aborted) ))
skipped=$(( total - $(count executed) ))   # xunit skips are "not executed"

echo
echo "Test results: $results/*.trx ($(ls "$results"/*.trx 2>/dev/null | wc -l) assemblies)"
if [ "$total" -eq 0 ]; then
  echo "No test ran." >&2
  [ "$status" -ne 0 ] || status=1
fi
if [ "$failed" -gt 0 ] && [ "$status" -eq 0 ]; then status=1; fi
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
