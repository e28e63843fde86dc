#!/usr/bin/env bash
# The whole test suite, as CI runs it: install what the tests need, build everything with warnings
# as errors, run every test project (they start their own PostgreSQL and Redis on loopback), then
# the browser tests. Ends with one line "N passed, N failed, N skipped" over everything.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1
bash scripts/test-deps.sh || exit 1

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0

dotnet build Blacklist.slnx -c Release -warnaserror --nologo -v quiet || exit 1
dotnet test Blacklist.slnx -c Release --no-build --nologo "$@" 2>&1 | tee -a "$log"
[ "${PIPESTATUS[0]}" -eq 0 ] || status=1

# The store and integration suites once more on PostgreSQL (one suite, two providers): one shared
# server for the run, a fresh database per test host (tests/Blacklist.Testing/SharedPostgres.cs). Every
# test server stops and is deleted once its test process has ended (PostgresServer.StopWhenThisProcessEnds).
for project in tests/Blacklist.Data.Tests tests/Blacklist.Server.Tests; do
  BLACKLIST_TEST_PROVIDER=postgres dotnet test "$project" -c Release --no-build --nologo "$@" 2>&1 | tee -a "$log"
  [ "${PIPESTATUS[0]}" -eq 0 ] || status=1
done

if [ -x tests/e2e/run.sh ] && [ -z "${SKIP_E2E:-}" ]; then
  tests/e2e/run.sh 2>&1 | tee -a "$log"
  [ "${PIPESTATUS[0]}" -eq 0 ] || status=1
fi

# One total over the .NET summaries ("Passed!  - Failed: 0, Passed: 12, Skipped: 0, …") and node's ("# pass 5").
read -r passed failed skipped < <(awk '
  /(Passed|Failed)! +- +Failed:/ { gsub(/,/, ""); for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
  /^# pass / { p += $3 } /^# fail / { f += $3 } /^# skipped / { s += $3 }
  END { print p + 0, f + 0, s + 0 }' "$log")
[ "$failed" -eq 0 ] || status=1
# CI shows only the end of the output: repeat each failure with the start of its message there.
if [ "$failed" -gt 0 ]; then
  echo "Failures:"
  grep -E -A8 '^  Failed Blacklist\.|^not ok ' "$log" | cut -c1-300 | head -n 120
fi
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
exit "$status"
