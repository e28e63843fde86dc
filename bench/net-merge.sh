#!/usr/bin/env bash
# Whole-process benchmark: `blacklist net merge` against FireHOL's `iprange` on 1,000,000 random
# IPv4 lines (bench/gen-lines.py, fixed seed). Checks that both print the same lines, then times
# them side by side with hyperfine and writes bench/out/net-merge.md.
#
#   bash bench/net-merge.sh [LINES]      (default 1000000)
#
# Both tools print the minimal CIDR list with single addresses bare (no /32), so their outputs
# are compared byte for byte, with no normalisation.
set -euo pipefail
cd "$(dirname "$0")/.."

lines="${1:-1000000}"
out=bench/out
mkdir -p "$out"

need=()
command -v iprange >/dev/null 2>&1 || need+=(iprange)
command -v hyperfine >/dev/null 2>&1 || need+=(hyperfine)
command -v python3 >/dev/null 2>&1 || need+=(python3)
if [ "${#need[@]}" -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then echo "net-merge: please install ${need[*]} (apt-get install ${need[*]})" >&2; exit 1; fi
  echo "net-merge: installing ${need[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# ReadyToRun: the verb's code is precompiled, so a run does not wait for the JIT.
echo "net-merge: publishing the Release build to $out/blacklist"
if ! BL_SLOT="${BL_SLOT:-bench}" dotnet publish src/Blacklist.Server -c Release -o "$out/blacklist" \
  -p:PublishReadyToRun=true --nologo -v quiet >"$out/publish.log" 2>&1; then
  echo "net-merge: the publish failed; its errors:" >&2
  grep -E 'error' "$out/publish.log" | sort -u | head -20 >&2
  exit 1
fi
blacklist="$out/blacklist/blacklist"

feed="$out/lines-$lines.txt"
[ -s "$feed" ] || python3 bench/gen-lines.py "$feed" "$lines"
echo "net-merge: $(wc -l <"$feed") input lines in $feed"

"$blacklist" net merge "$feed" >"$out/blacklist.txt"
iprange "$feed" >"$out/iprange.txt" 2>/dev/null
if cmp -s "$out/blacklist.txt" "$out/iprange.txt"; then
  echo "net-merge: outputs identical ($(wc -l <"$out/iprange.txt") lines)"
else
  echo "net-merge: OUTPUTS DIFFER; first differences:" >&2
  diff "$out/blacklist.txt" "$out/iprange.txt" | head -20 >&2
  exit 1
fi

hyperfine --warmup 2 --runs 10 -N \
  --export-markdown "$out/net-merge.md" --export-json "$out/net-merge.json" \
  -n "iprange" "iprange $feed" \
  -n "blacklist net merge" "$blacklist net merge $feed" \
  -n "blacklist net merge (empty input: start-up)" "$blacklist net merge /dev/null" \
  -n "iprange (empty input)" "iprange /dev/null"

python3 - "$out/net-merge.json" <<'PY'
import json, sys
results = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
ours, theirs = results["blacklist net merge"], results["iprange"]
ratio = ours["mean"] / theirs["mean"]
print(f"net-merge: blacklist {ours['mean']:.3f} s ± {ours['stddev']:.3f}, iprange {theirs['mean']:.3f} s ± {theirs['stddev']:.3f}: "
      f"{ratio:.2f}x iprange's wall time (target: at most 1.5x) -> {'met' if ratio <= 1.5 else 'NOT met'}")
PY
