#!/usr/bin/env bash
# Three replicas under load together: one PostgreSQL and one Redis on loopback, three `blacklist`
# processes on one database (as three pods), a list of ENTRIES lines imported with `blacklist import`,
# then wrk drives all three at once (one wrk thread per replica, bench/http/replicas.lua) for
# GET /api/blacklist/active (plain and gzip) and GET /api/search/{ip} (rotating addresses, half of
# them listed). Every step is bounded by `timeout`; everything started is stopped by PID on exit.
# Prints a markdown table and writes bench/out/replicas-<timestamp>.md.
#
# usage: bash bench/replicas-load.sh [ENTRIES]     (default 200000; env: DURATION=15s, CONNECTIONS="24 96",
#        PORT=first of three replica ports, PG_PORT, REDIS_PORT; free ports by default)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
ENTRIES=${1:-200000}
DURATION=${DURATION:-15s}
CONNECTIONS=${CONNECTIONS:-24 96}
# Free loopback ports unless given; a port something else already listens on is refused, so the
# figures can never come from another process.
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
PORTS=()
if [ -n "${PORT:-}" ]; then PORTS=("$PORT" $((PORT + 1)) $((PORT + 2))); else for _ in 1 2 3; do PORTS+=("$(free_port)"); done; fi
PORT=${PORTS[0]}
PG_PORT=${PG_PORT:-$(free_port)}
REDIS_PORT=${REDIS_PORT:-$(free_port)}
for port in "${PORTS[@]}" "$PG_PORT" "$REDIS_PORT"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "replicas-load: something already listens on 127.0.0.1:$port; choose other ports" >&2; exit 1; fi
done
REPLICAS=3
export BL_SLOT=${BL_SLOT:-bench}

for tool in wrk curl python3 dotnet redis-server timeout; do
  command -v "$tool" >/dev/null || { echo "replicas-load: '$tool' is missing; install it (apt-get install -y wrk curl python3 redis-server)" >&2; exit 1; }
done
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)
[ -x "$PG_BIN/initdb" ] || { echo "replicas-load: PostgreSQL is missing; install it (apt-get install -y postgresql, or bash scripts/test-deps.sh)" >&2; exit 1; }

WORK=$(mktemp -d /tmp/blacklist-replicas-bench.XXXXXX)
chmod 755 "$WORK"   # PostgreSQL runs as the postgres user and must reach its data directory
REPLICA_PIDS=()
REDIS_PID=""
PG_PID=""
cleanup() {
  for pid in "${REPLICA_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  [ -n "$REDIS_PID" ] && kill "$REDIS_PID" 2>/dev/null || true
  # SIGINT is PostgreSQL's fast shutdown; wait for it (bounded) before removing its files.
  if [ -n "$PG_PID" ] && kill -INT "$PG_PID" 2>/dev/null; then
    for _ in $(seq 1 100); do kill -0 "$PG_PID" 2>/dev/null || break; sleep 0.1; done
  fi
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

step() { printf '\n== %s\n' "$*" >&2; }
# PostgreSQL refuses to run as root: as root, its programs run as the postgres user.
AS_POSTGRES=()
[ "$(id -u)" = 0 ] && AS_POSTGRES=(runuser -u postgres --)
wait_http() { # URL PID LOG: until URL answers 2xx, at most 120 s, failing when the process died
  for _ in $(seq 1 600); do
    curl -sf -o /dev/null "$1" && return 0
    kill -0 "$2" 2>/dev/null || { cat "$3" >&2; return 1; }
    sleep 0.2
  done
  echo "replicas-load: $1 did not answer within 120 s" >&2; cat "$3" >&2; return 1
}

step "publish (Release) to $WORK/publish"
timeout 600 dotnet publish src/Blacklist.Server -c Release -o "$WORK/publish" --nologo -v quiet >&2

step "PostgreSQL on 127.0.0.1:$PG_PORT (fsync off: a bench database)"
mkdir -p "$WORK/pg"
[ "$(id -u)" = 0 ] && chown postgres: "$WORK/pg"
timeout 120 "${AS_POSTGRES[@]}" "$PG_BIN/initdb" -D "$WORK/pg/data" -U postgres --auth=trust -E UTF8 --no-sync --locale=C >/dev/null
timeout 120 "${AS_POSTGRES[@]}" "$PG_BIN/pg_ctl" start -w -t 60 -D "$WORK/pg/data" -l "$WORK/pg/server.log" \
  -o "-p $PG_PORT -k $WORK/pg/data -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" >/dev/null
PG_PID=$(head -n1 "$WORK/pg/data/postmaster.pid")
timeout 60 "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres blacklist

step "Redis on 127.0.0.1:$REDIS_PORT"
redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no --daemonize no >"$WORK/redis.log" 2>&1 &
REDIS_PID=$!
for _ in $(seq 1 100); do (exec 3<>"/dev/tcp/127.0.0.1/$REDIS_PORT") 2>/dev/null && break; sleep 0.1; done

# Every replica and verb shares this configuration, as the pods of one Deployment do.
export Database__Provider=postgres
export ConnectionStrings__Blacklist="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=blacklist"
export Redis__Configuration="127.0.0.1:$REDIS_PORT,abortConnect=false"
export Blacklist__Sources__sample__Enabled=false
export Logging__LogLevel__Default=Warning
# The rate limits protect a real service from a runaway client; a load test is one on purpose.
for policy in Feeds Search; do
  export "Blacklist__RateLimits__${policy}__PermitLimit=1000000" "Blacklist__RateLimits__${policy}__Window=00:00:01"
done

step "generate $ENTRIES lines (bench/gen-lines.py) and import them"
timeout 300 python3 bench/gen-lines.py "$WORK/feed.txt" "$ENTRIES" >&2
mkdir -p "$WORK/verbs"
IMPORT_START=$(date +%s%N)
(cd "$WORK/verbs" && timeout 1200 "$WORK/publish/blacklist" import "$WORK/feed.txt" --source bench --format plain >&2)
IMPORT_SECONDS=$(( ($(date +%s%N) - IMPORT_START) / 1000000000 ))
KEY=$(cd "$WORK/verbs" && timeout 120 "$WORK/publish/blacklist" keys create --name bench --role reader | sed -n 's/^API key (shown once; store it now): //p')
[ -n "$KEY" ] || { echo "replicas-load: no reader key was printed by 'blacklist keys create'" >&2; exit 1; }

step "three replicas on 127.0.0.1:${PORTS[*]}"
START=$(date +%s%N)
for i in $(seq 0 $((REPLICAS - 1))); do
  port=${PORTS[$i]}
  mkdir -p "$WORK/replica-$i"
  (cd "$WORK/replica-$i" && Blacklist__DataDirectory="$WORK/replica-$i/data" ASPNETCORE_URLS="http://127.0.0.1:$port" \
    exec "$WORK/publish/blacklist" >"$WORK/replica-$i.log" 2>&1) &
  REPLICA_PIDS+=($!)
done
for i in $(seq 0 $((REPLICAS - 1))); do
  wait_http "http://127.0.0.1:${PORTS[$i]}/ready" "${REPLICA_PIDS[$i]}" "$WORK/replica-$i.log"
done
READY_SECONDS=$(awk -v ns=$(( $(date +%s%N) - START )) 'BEGIN { printf "%.1f", ns / 1e9 }')

step "the three serve the same list"
header() { grep -i "^$1:" "$2" | cut -d' ' -f2 | tr -d '\r'; }
for attempt in $(seq 1 20); do
  ETAGS=()
  STATE=()
  for port in "${PORTS[@]}"; do
    curl -sf -D "$WORK/headers-$port.txt" -o "$WORK/active-$port.txt" "http://127.0.0.1:$port/api/blacklist/active"
    ETAGS+=("$(header etag "$WORK/headers-$port.txt")")
    STATE+=(":$port version $(header x-snapshot-version "$WORK/headers-$port.txt"), $(header x-entries "$WORK/headers-$port.txt") entries, ETag ${ETAGS[-1]}")
  done
  [ "$(printf '%s\n' "${ETAGS[@]}" | sort -u | wc -l)" = 1 ] && break
  [ "$attempt" = 20 ] && { printf 'replicas-load: after 10 s the replicas still serve different lists:\n' >&2; printf '  %s\n' "${STATE[@]}" >&2; exit 1; }
  sleep 0.5
done
SERVED_ENTRIES=$(header x-entries "$WORK/headers-$PORT.txt")
BYTES=$(stat -c %s "$WORK/active-$PORT.txt")
GZIP_BYTES=$(curl -sf -H 'Accept-Encoding: gzip' "http://127.0.0.1:$PORT/api/blacklist/active" | wc -c)

# Search addresses: 500 served ones (single addresses from the feed) and 500 random others.
timeout 60 python3 - "$WORK/feed.txt" "$WORK/addresses.txt" <<'PY'
import random, sys
rng = random.Random(20260822)
singles = [line.strip() for line in open(sys.argv[1], encoding="ascii") if "/" not in line and "-" not in line]
picked = rng.sample(singles, min(500, len(singles)))
picked += [f"{rng.randrange(1, 224)}.{rng.randrange(256)}.{rng.randrange(256)}.{rng.randrange(256)}" for _ in range(500)]
rng.shuffle(picked)
open(sys.argv[2], "w", encoding="ascii").write("\n".join(picked) + "\n")
PY
SEARCH_CHECK=$(curl -s -o /dev/null -w '%{http_code}' -H "X-API-Key: $KEY" "http://127.0.0.1:$PORT/api/search/$(head -n1 "$WORK/addresses.txt")")
[ "$SEARCH_CHECK" = 200 ] || { echo "replicas-load: GET /api/search answered $SEARCH_CHECK" >&2; exit 1; }

. "$ROOT/bench/http/wrk-run.sh"
REPLICA_PORTS=$(IFS=,; echo "${PORTS[*]}")
export WRK_THREADS=$REPLICAS REPLICA_PORTS
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
declare -A RESULT
for connections in $CONNECTIONS; do
  step "wrk -c$connections: active plain, active gzip, search (over the three replicas)"
  RESULT["plain-$connections"]=$(SEARCH_ADDRESSES="" run_wrk -c"$connections" -d"$DURATION" -s bench/http/replicas.lua "http://127.0.0.1:$PORT/api/blacklist/active")
  RESULT["gzip-$connections"]=$(SEARCH_ADDRESSES="" run_wrk -c"$connections" -d"$DURATION" -H 'Accept-Encoding: gzip' -s bench/http/replicas.lua "http://127.0.0.1:$PORT/api/blacklist/active")
  RESULT["search-$connections"]=$(SEARCH_ADDRESSES="$WORK/addresses.txt" run_wrk -c"$connections" -d"$DURATION" -H "X-API-Key: $KEY" -s bench/http/replicas.lua "http://127.0.0.1:$PORT/api/search/")
done

RSS_MB=()
for pid in "${REPLICA_PIDS[@]}"; do RSS_MB+=("$(( $(ps -o rss= -p "$pid" | tr -d ' ') / 1024 ))"); done
# Each replica's own count of the requests it answered: all three carried the load.
SERVED=()
for port in "${PORTS[@]}"; do
  SERVED+=("$(curl -s "http://127.0.0.1:$port/metrics" | awk '/^http_request_duration_seconds_count/ { n += $NF } END { printf "%d", n }')")
done

REPORT="$ROOT/bench/out/replicas-$(date +%Y%m%d-%H%M%S).md"
mkdir -p "$ROOT/bench/out"
{
  echo "# Three replicas under load together ($(date -u +%Y-%m-%dT%H:%MZ))"
  echo
  echo "$(nproc) cores, load average before the runs: $LOAD_BEFORE; one PostgreSQL, one Redis, three replicas and wrk on the same machine;"
  echo "wrk -t$REPLICAS (one thread per replica, connections split evenly), $DURATION per run; rate limits raised to 1,000,000/s (their Redis round trip is still made)."
  echo "List: $ENTRIES lines imported in $IMPORT_SECONDS s → $SERVED_ENTRIES entries served, $BYTES bytes plain, $GZIP_BYTES bytes gzip; the three ready $READY_SECONDS s after start, same ETag ${ETAGS[0]}."
  echo
  echo "| endpoint | connections | requests/s (all three) | p99 ms | non-2xx/3xx |"
  echo "|---|---:|---:|---:|---:|"
  for connections in $CONNECTIONS; do
    for endpoint in plain gzip search; do
      read -r rps p99 failed <<<"${RESULT["$endpoint-$connections"]}"
      case $endpoint in
        plain) name='`GET /api/blacklist/active`' ;;
        gzip) name='`GET /api/blacklist/active`, gzip' ;;
        search) name='`GET /api/search/{ip}` (reader key, 1,000 addresses)' ;;
      esac
      echo "| $name | $connections | $rps | $p99 | $failed |"
    done
  done
  echo
  echo "Requests each replica answered (its /metrics): $(IFS=/; echo "${SERVED[*]}"); RSS after the runs: $(IFS=/; echo "${RSS_MB[*]}") MB."
  echo
  wrk_details
} | tee "$REPORT"
echo >&2
echo "written to $REPORT" >&2
