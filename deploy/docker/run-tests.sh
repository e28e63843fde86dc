#!/bin/sh
# Entrypoint of the Dockerfile's `test` stage:
#   docker build --target test -t test-build . && docker run --rm test-build test
# A leading `test` is accepted (the playbook's command shape) and dropped; any further arguments
# go to `dotnet test`, e.g. `docker run --rm test-build test --filter FullyQualifiedName~Core`.
set -eu
if [ "${1:-}" = test ]; then
  shift
fi
cd /src
exec dotnet test Blacklist.slnx -c Release --no-build --nologo --logger "console;verbosity=normal" "$@"
