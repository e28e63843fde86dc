#!/usr/bin/env bash
# Browser tests of the dashboard: builds the service when needed, installs playwright-core from
# the lock file when node_modules is missing (no browser download: Debian's chromium is used),
# then runs node's test runner. E2E_BIG=1 adds the 1M-entry timing run. Extra arguments go to
# `node --test` (e.g. a file name).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"

command -v chromium >/dev/null || { echo "e2e: chromium is missing (apt-get install chromium; scripts/test-deps.sh does it)" >&2; exit 1; }
command -v node >/dev/null || { echo "e2e: node is missing (apt-get install nodejs npm)" >&2; exit 1; }

# The dashboard's files are embedded in blacklist.dll, so an incremental build keeps them current.
# E2E_SKIP_BUILD=1 (or BLACKLIST_DLL=path) uses what is already built.
dll="$repo/.artifacts/${BL_SLOT:+$BL_SLOT/}bin/Blacklist.Server/release/blacklist.dll"
if [ -z "${BLACKLIST_DLL:-}" ] && { [ "${E2E_SKIP_BUILD:-}" != 1 ] || [ ! -f "$dll" ]; }; then
  dotnet build "$repo/src/Blacklist.Server" -c Release --nologo -v quiet
fi
export BLACKLIST_DLL="${BLACKLIST_DLL:-$dll}"

cd "$here"
if [ ! -d node_modules/playwright-core ]; then
  # playwright-core has no install script and downloads nothing; the lock file pins it.
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
fi
exec node --test --test-concurrency=1 "$@"
