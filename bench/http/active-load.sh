#!/usr/bin/env bash
# Load test of GET /api/blacklist/active with 1,000,000 entries, against Debian nginx serving the
# same bytes as a static file (plain, and pre-gzipped with gzip_static). Loopback only; every step
# is bounded in time. Prints a table and writes bench/out/http-<timestamp>.md.
#
# usage: bash bench/http/active-load.sh [ENTRIES]      (env: DURATION=15s, PORT, NGINX_PORT, GC=server|workstation, FEED)
#
# FEED=NAME also loads GET /api/feeds/NAME, each run right after the same run on /api/blacklist/active,
# and adds a table comparing the two. FEED=bench_1m is a profile this script defines: plain, every
# entry, no limit (the same list as /api/blacklist/active); a ready-made one (fortigate-300k …) works too.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
ENTRIES=${1:-1000000}
DURATION=${DURATION:-15s}
PORT=${PORT:-25420}
NGINX_PORT=${NGINX_PORT:-25421}
GC=${GC:-workstation}
FEED=${FEED:-}
export BL_SLOT=${BL_SLOT:-bench}

for tool in wrk nginx curl python3 dotnet; do
  command -v "$tool" >/dev/null || { echo "active-load: '$tool' is missing; install it (apt-get install -y wrk nginx curl python3)" >&2; exit 1; }
done

WORK=$(mktemp -d /tmp/blacklist-http-bench.XXXXXX)
SERVICE_PID=""
NGINX_PID=""
cleanup() {
  [ -n "$SERVICE_PID" ] && kill "$SERVICE_PID" 2>/dev/null || true
  [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

step() { printf '\n== %s\n' "$*" >&2; }

step "publish (Release) to $WORK/publish"
timeout 600 dotnet publish src/Blacklist.Server -c Release -o "$WORK/publish" --nologo -v quiet >&2

step "generate $ENTRIES distinct, non-adjacent public IPv4 addresses"
timeout 120 python3 - "$WORK/feed.txt" "$ENTRIES" <<'PY'
import ipaddress, random, sys
path, count = sys.argv[1], int(sys.argv[2])
rng = random.Random(20260822)
reserved = [ipaddress.ip_network(n) for n in ("0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16",
            "172.16.0.0/12", "192.0.0.0/24", "192.0.2.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24",
            "203.0.113.0/24", "224.0.0.0/3")]
ranges = [(int(n.network_address), int(n.broadcast_address)) for n in reserved]
seen = set()
with open(path, "w", encoding="ascii") as out:
    while len(seen) < count:
        value = rng.randrange(0x01000000, 0xE0000000) & ~1   # even addresses never merge
        if value in seen or any(a <= value <= b for a, b in ranges):
            continue
        seen.add(value)
        out.write(f"{value >> 24}.{value >> 16 & 255}.{value >> 8 & 255}.{value & 255}\n")
PY

# The service runs in $WORK, so its data directory is $WORK/data; only the bench source is on.
export Blacklist__Sources__sample__Enabled=false
export Logging__LogLevel__Default=Warning
# The feed rate limit protects a real service from a runaway client; a load test is one on purpose.
export Blacklist__RateLimits__Feeds__PermitLimit=1000000
export Blacklist__RateLimits__Feeds__Window=00:00:01
export Kestrel__Endpoints__Http__Url="http://127.0.0.1:$PORT"
[ -n "$FEED" ] && export Blacklist__Feeds__bench_1m__Format=plain
[ "$GC" = server ] && export DOTNET_gcServer=1

step "import into the database"
IMPORT_START=$(date +%s%N)
(cd "$WORK" && timeout 900 ./publish/blacklist import feed.txt --source bench --format plain >&2)
IMPORT_SECONDS=$(( ($(date +%s%N) - IMPORT_START) / 1000000000 ))

step "start the service on 127.0.0.1:$PORT (GC: $GC)"
START=$(date +%s%N)
(cd "$WORK" && exec ./publish/blacklist >"$WORK/service.log" 2>&1) &
SERVICE_PID=$!
for _ in $(seq 1 600); do
  curl -sf "http://127.0.0.1:$PORT/ready" >/dev/null 2>&1 && break
  kill -0 "$SERVICE_PID" 2>/dev/null || { cat "$WORK/service.log" >&2; exit 1; }
  sleep 0.2
done
READY_SECONDS=$(awk -v ns=$(( $(date +%s%N) - START )) 'BEGIN { printf "%.1f", ns / 1e9 }')
URL="http://127.0.0.1:$PORT/api/blacklist/active"

step "fetch the served bytes for nginx"
mkdir -p "$WORK/www"
curl -sf -D "$WORK/headers.txt" -o "$WORK/www/active.txt" "$URL"
ETAG=$(grep -i '^etag:' "$WORK/headers.txt" | cut -d' ' -f2 | tr -d '\r')
SERVED_ENTRIES=$(grep -i '^x-entries:' "$WORK/headers.txt" | cut -d' ' -f2 | tr -d '\r')
gzip -6 -k -n "$WORK/www/active.txt"
BYTES=$(stat -c %s "$WORK/www/active.txt")
GZIP_BYTES=$(stat -c %s "$WORK/www/active.txt.gz")
chmod -R a+rX "$WORK"

cat >"$WORK/nginx.conf" <<NGINX
daemon off;
worker_processes auto;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  types { text/plain txt; }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $WORK/www;
    gzip_static on;
    etag on;
  }
}
NGINX
step "start nginx on 127.0.0.1:$NGINX_PORT"
nginx -c "$WORK/nginx.conf" -p "$WORK" &
NGINX_PID=$!
for _ in $(seq 1 50); do curl -sf -o /dev/null "http://127.0.0.1:$NGINX_PORT/active.txt" && break; sleep 0.1; done
NGINX_URL="http://127.0.0.1:$NGINX_PORT/active.txt"
cmp -s <(curl -s "$NGINX_URL") "$WORK/www/active.txt" || { echo "nginx does not serve the same bytes" >&2; exit 1; }
if [ -n "$FEED" ]; then
  FEED_URL="http://127.0.0.1:$PORT/api/feeds/$FEED"
  # Feeds are fitted after the snapshot is served (503 until then): wait, bounded.
  for _ in $(seq 1 600); do
    FEED_STATUS=$(curl -s -D "$WORK/feed-headers.txt" -o "$WORK/feed.out" -w '%{http_code}' "$FEED_URL")
    [ "$FEED_STATUS" = 503 ] || break
    sleep 0.5
  done
  [ "$FEED_STATUS" = 200 ] || { echo "GET /api/feeds/$FEED answered $FEED_STATUS; is '$FEED' a profile (GET /api/feeds)?" >&2; exit 1; }
  FEED_ENTRIES=$(grep -i '^x-entries-served:' "$WORK/feed-headers.txt" | cut -d' ' -f2 | tr -d '\r')
  FEED_BYTES=$(stat -c %s "$WORK/feed.out")
fi

# The service has just started: its JIT is still promoting the hot paths (tiered compilation). A
# service in production has run for days, so both servers get the same warm-up before measuring.
step "warm-up: 5 s plain and 5 s gzip against each server (not counted)"
for warm in "$URL" "$NGINX_URL"; do
  timeout 30 wrk -t2 -c8 -d5s "$warm" >/dev/null
  timeout 30 wrk -t2 -c8 -d5s -H 'Accept-Encoding: gzip' "$warm" >/dev/null
done

# One request, fully read: the median of five.
single() { for _ in 1 2 3 4 5; do curl -s -o /dev/null -w '%{time_total}\n' "$@"; done | sort -n | sed -n 3p; }
SINGLE_SERVICE=$(single "$URL")
SINGLE_NGINX=$(single "$NGINX_URL")

# wrk: requests/s and p99 (ms).
. "$ROOT/bench/http/wrk-run.sh"

declare -A RESULT
for connections in 8 64; do
  for encoding in plain gzip; do
    header=()
    [ "$encoding" = gzip ] && header=(-H 'Accept-Encoding: gzip')
    step "wrk -c$connections $encoding: service"
    RESULT["service-$encoding-$connections"]=$(run_wrk -c"$connections" -d"$DURATION" "${header[@]}" "$URL")
    if [ -n "$FEED" ]; then
      step "wrk -c$connections $encoding: /api/feeds/$FEED"
      RESULT["feed-$encoding-$connections"]=$(run_wrk -c"$connections" -d"$DURATION" "${header[@]}" "$FEED_URL")
    fi
    step "wrk -c$connections $encoding: nginx"
    RESULT["nginx-$encoding-$connections"]=$(run_wrk -c"$connections" -d"$DURATION" "${header[@]}" "$NGINX_URL")
  done
done
step "wrk -c64 If-None-Match (304)"
NOT_MODIFIED=$(run_wrk -c64 -d10s -H "If-None-Match: $ETAG" "$URL")
NGINX_ETAG=$(curl -sI "$NGINX_URL" | grep -i '^etag:' | cut -d' ' -f2 | tr -d '\r')
NGINX_NOT_MODIFIED=$(run_wrk -c64 -d10s -H "If-None-Match: $NGINX_ETAG" "$NGINX_URL")
REVALIDATION_STATUS=$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $ETAG" "$URL")
[ "$REVALIDATION_STATUS" = 304 ] || echo "warning: If-None-Match: $ETAG answered $REVALIDATION_STATUS, not 304" >&2

RSS_KB=$(ps -o rss= -p "$SERVICE_PID" | tr -d ' ')
PEAK_KB=$(awk '/^VmHWM:/ {print $2}' "/proc/$SERVICE_PID/status")

pct() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.0f%%", 100 * a / b; else print "n/a" }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f×", a / b; else print "n/a" }'; }
REPORT="$ROOT/bench/out/http-$(date +%Y%m%d-%H%M%S).md"
mkdir -p "$ROOT/bench/out"
{
  echo "# GET /api/blacklist/active under load ($(date -u +%Y-%m-%dT%H:%MZ))"
  echo
  echo "$(nproc) cores, load average before the runs: $(cut -d' ' -f1-3 /proc/loadavg); GC: $GC; wrk -t2, $DURATION per run."
  echo "List: $SERVED_ENTRIES entries, $BYTES bytes plain, $GZIP_BYTES bytes gzip. Import: $IMPORT_SECONDS s; start to ready: $READY_SECONDS s."
  echo
  echo "| run | service req/s | nginx req/s | service/nginx (≥ 50%) | service p99 ms | nginx p99 ms | p99 ratio (≤ 2×) | non-2xx/3xx answers (service, nginx) |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|"
  for connections in 8 64; do
    for encoding in plain gzip; do
      read -r srps sp99 sfail <<<"${RESULT["service-$encoding-$connections"]}"
      read -r nrps np99 nfail <<<"${RESULT["nginx-$encoding-$connections"]}"
      echo "| $encoding, $connections connections | $srps | $nrps | $(pct "$srps" "$nrps") | $sp99 | $np99 | $(ratio "$sp99" "$np99") | $sfail, $nfail |"
    done
  done
  echo
  read -r nm_rps nm_p99 nm_fail <<<"$NOT_MODIFIED"
  read -r nnm_rps nnm_p99 nnm_fail <<<"$NGINX_NOT_MODIFIED"
  echo "| check | figure | target |"
  echo "|---|---:|---|"
  echo "| single request, service (curl time_total, median of 5) | ${SINGLE_SERVICE} s | < 0.100 s |"
  echo "| single request, nginx | ${SINGLE_NGINX} s | |"
  echo "| 304 revalidations/s, service (64 connections; check answered $REVALIDATION_STATUS) | $nm_rps (p99 $nm_p99 ms, $nm_fail non-304) | ≥ 20,000 |"
  echo "| 304 revalidations/s, nginx | $nnm_rps | |"
  echo "| service RSS after the runs | $((RSS_KB / 1024)) MB | < 1024 MB |"
  echo "| service peak RSS (VmHWM) | $((PEAK_KB / 1024)) MB | |"
  echo
  if [ -n "$FEED" ]; then
    echo "Feed /api/feeds/$FEED: $FEED_ENTRIES entries served, $FEED_BYTES bytes plain; each run right after the same run on /api/blacklist/active."
    echo
    echo "| run | active req/s | feed req/s | feed/active | active p99 ms | feed p99 ms | non-2xx/3xx answers (feed) |"
    echo "|---|---:|---:|---:|---:|---:|---:|"
    for connections in 8 64; do
      for encoding in plain gzip; do
        read -r srps sp99 _ <<<"${RESULT["service-$encoding-$connections"]}"
        read -r frps fp99 ffail <<<"${RESULT["feed-$encoding-$connections"]}"
        echo "| $encoding, $connections connections | $srps | $frps | $(pct "$frps" "$srps") | $sp99 | $fp99 | $ffail |"
      done
    done
    echo
  fi
  wrk_details
} | tee "$REPORT"
echo >&2
echo "written to $REPORT" >&2
