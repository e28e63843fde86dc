#!/bin/sh
# /usr/local/bin/blacklist in the runtime image, and its ENTRYPOINT.
#
#   blacklist                  serve HTTP on port 2542 (no verb)
#   blacklist VERB [ARGS...]   a verb of the executable: import, export, check, net, collect,
#                              backup, restore, keys, migrate (`blacklist --help` lists them)
#   blacklist test             smoke-test this image: start a throw-away instance on 127.0.0.1
#                              (port $BLACKLIST_SMOKE_PORT, default 25420) with SQLite under /tmp,
#                              check /ready, /health, /metrics and the feed, take a backup while it
#                              serves, stop it with SIGTERM. Writes only under /tmp, so it is safe
#                              beside a running service and on a read-only root filesystem.
#
# The full unit and integration suite runs in the Dockerfile's `test` stage instead
# (docker build --target test -t test-build . && docker run --rm test-build test).
set -eu

app_dll=${BLACKLIST_DLL:-/app/blacklist.dll}

if [ "${1:-}" != test ]; then
  exec dotnet "$app_dll" "$@"
fi

port=${BLACKLIST_SMOKE_PORT:-25420}
base="http://127.0.0.1:$port"
work=$(mktemp -d "${TMPDIR:-/tmp}/blacklist-smoke.XXXXXX")
passed=0
failed=0
pid=

ok() { passed=$((passed + 1)); echo "ok   $1"; }
bad() { failed=$((failed + 1)); echo "FAIL $1"; }
# http_status URL: prints the HTTP status (000 when nothing answers); the body goes to $work/body.
http_status() { curl -s -o "$work/body" -w '%{http_code}' --max-time 10 "$1" || true; }
# The smoke instance's own configuration, never the caller's database, cache or port. Kept as the
# positional parameters so that `"$@" &` forks the server itself (env execs dotnet): $! is then
# the server's PID, and SIGTERM reaches it rather than a wrapping subshell.
set -- env -u ConnectionStrings__Blacklist \
  Blacklist__DataDirectory="$work/data" \
  Database__Provider=sqlite \
  Redis__Configuration= \
  Kestrel__Endpoints__Http__Url="$base" \
  ASPNETCORE_URLS="$base" \
  dotnet "$app_dll"
finish() {
  if [ -n "$pid" ]; then
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap finish EXIT
trap 'exit 130' INT TERM

echo "smoke: starting $app_dll on $base (data: $work/data)"
"$@" >"$work/server.log" 2>&1 &
pid=$!

deadline=$(($(date +%s) + ${BLACKLIST_SMOKE_TIMEOUT:-90}))
until [ "$(http_status "$base/ready")" = 200 ]; do
  if ! kill -0 "$pid" 2>/dev/null; then
    bad "the server exited before /ready answered 200; its log:"
    cat "$work/server.log"
    pid=
    echo "smoke: $passed passed, $failed failed"
    exit 1
  fi
  if [ "$(date +%s)" -ge "$deadline" ]; then
    bad "/ready did not answer 200 within ${BLACKLIST_SMOKE_TIMEOUT:-90}s; the server log's tail:"
    tail -n 50 "$work/server.log"
    echo "smoke: $passed passed, $failed failed"
    exit 1
  fi
  sleep 1
done
ok "GET /ready answers 200"

code=$(http_status "$base/health")
if [ "$code" = 200 ] && grep -q '"status"' "$work/body"; then
  ok "GET /health answers 200 with a status"
else
  bad "GET /health answered $code: $(head -c 300 "$work/body" 2>/dev/null)"
fi

code=$(http_status "$base/api/blacklist/active")
case "$code" in
  200 | 401 | 403) ok "GET /api/blacklist/active answers $code" ;;
  *) bad "GET /api/blacklist/active answered $code" ;;
esac

code=$(http_status "$base/metrics")
if [ "$code" = 200 ] && grep -q '^http_request_duration_seconds_bucket' "$work/body"; then
  ok "GET /metrics exports http_request_duration_seconds"
else
  bad "GET /metrics answered $code without http_request_duration_seconds"
fi

backup_file=
if "$@" backup >"$work/backup.log" 2>&1; then
  backup_file=$(find "$work/data/backups" -type f ! -name '*.sha256' 2>/dev/null | head -n 1)
fi
if [ -n "$backup_file" ] && (cd "$(dirname "$backup_file")" && sha256sum -c "$(basename "$backup_file").sha256" >/dev/null 2>&1); then
  ok "blacklist backup wrote ${backup_file#"$work"/data/} while serving, and its .sha256 checks"
else
  bad "blacklist backup failed or wrote nothing under data/backups; its output:"
  cat "$work/backup.log"
fi

kill -TERM "$pid"
waited=0
while kill -0 "$pid" 2>/dev/null && [ "$waited" -lt 30 ]; do
  sleep 1
  waited=$((waited + 1))
done
if kill -0 "$pid" 2>/dev/null; then
  bad "the server still runs 30s after SIGTERM; the server log's tail:"
  tail -n 20 "$work/server.log"
elif wait "$pid"; then
  pid=
  ok "SIGTERM stops the server cleanly (exit 0)"
else
  code=$?
  pid=
  bad "the server exited with status $code after SIGTERM; the server log's tail:"
  tail -n 20 "$work/server.log"
fi

echo "smoke: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
