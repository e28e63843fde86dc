# Sourced by the HTTP load scripts. run_wrk ARGS… runs `wrk -t${WRK_THREADS:-2} ARGS --latency`
# (bounded to 120 s), appends its output to $WORK/wrk.log and prints "requests/s p99-ms non-2xx/3xx".
run_wrk() {
  local out
  out=$(timeout 120 wrk -t"${WRK_THREADS:-2}" "$@" --latency 2>&1)
  printf '%s\n' "wrk -t${WRK_THREADS:-2} $*" "$out" >>"$WORK/wrk.log"
  local rps p99
  rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {v=$2; if (v ~ /us$/) {sub(/us$/, "", v); v=v/1000} else if (v ~ /ms$/) {sub(/ms$/, "", v)} else if (v ~ /s$/) {sub(/s$/, "", v); v=v*1000}; printf "%.1f", v}' <<<"$out")
  local failed
  failed=$(awk '/Non-2xx or 3xx responses:/ {print $5}' <<<"$out")
  echo "$rps ${p99:-n/a} ${failed:-0}"
}

# wrk_details: the wrk output gathered so far, folded, for the end of a markdown report.
wrk_details() {
  echo '<details><summary>wrk output</summary>'
  echo
  echo '```'
  cat "$WORK/wrk.log"
  echo '```'
  echo '</details>'
}
