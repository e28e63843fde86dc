#!/usr/bin/env bash
# The whole test suite, as CI runs it: install what the tests need, then build and test everything.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/test-deps.sh
dotnet build Blacklist.slnx -c Release -warnaserror --nologo -v quiet
dotnet test Blacklist.slnx -c Release --no-build --nologo --logger "console;verbosity=normal" "$@"
