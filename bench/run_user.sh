#!/usr/bin/env bash
# Why: issue 11's targets for `idtriage user` on a 1 GB day of sign-ins:
# a lookup without preparation under 1 s (parallel scan behind the byte
# pre-filter, `--quick`), and with `idtriage index` under 100 ms. Measures
# both (median of RUNS after one warm-up, file in the page cache), the same
# scan without the pre-filter, the full lookup with triage correlation, and the
# index build, and checks that all answers list the same records.
# usage: bench/run_user.sh [--users N]   (default 16000 users ≈ 1.0 GB of Event Hub JSON lines)
set -euo pipefail
BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
IDTRIAGE=${IDTRIAGE:-$(dirname "$BENCH_DIR")/build/idtriage}
RUNS=${RUNS:-5}
USERS=16000
[ "${1:-}" = "--users" ] && USERS=${2:?--users needs a number}
DATA=${BENCH_DATA:-$BENCH_DIR/data}/user-day-$USERS
if [ ! -f "$DATA/signins.jsonl" ]; then
  mkdir -p "$DATA"
  "$IDTRIAGE" synth -q --scenario portal_outage --users "$USERS" --out "$DATA"
fi
cd "$DATA"
rm -f idtriage.index
IN=(signins.jsonl audit.json tickets.csv health.json)
WHO=$(head -c 4000 signins.jsonl | grep -o '"userPrincipalName":"[^"]*"' | head -1 | cut -d'"' -f4)
cat signins.jsonl > /dev/null  # page cache
median() {  # label, command…
  local label=$1; shift
  "$@" > /dev/null 2>&1 || true
  local t=()
  for _ in $(seq "$RUNS"); do
    local s e; s=$(date +%s.%N); "$@" > /dev/null 2>&1 || true; e=$(date +%s.%N)
    t+=("$(echo "$e - $s" | bc)")
  done
  printf '%-34s %8.3f s (median of %s)\n' "$label" "$(printf '%s\n' "${t[@]}" | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p")" "$RUNS"
}
records() { "$IDTRIAGE" user --format json "$@" 2>/dev/null | python3 -c 'import json,sys; d=json.load(sys.stdin); print(json.dumps([d["signins"], d["registration"], d["tickets"]]))'; }
echo "input: $(du -h signins.jsonl | cut -f1) sign-ins ($(wc -l < signins.jsonl) records), user $WHO, $(nproc) cores"
median "user --quick (pre-filter)" "$IDTRIAGE" user --quick --format json "$WHO" "${IN[@]}"
median "user --quick --no-prefilter" "$IDTRIAGE" user --quick --no-prefilter --format json "$WHO" "${IN[@]}"
median "user (triage correlation)" "$IDTRIAGE" user --no-index --format json "$WHO" "${IN[@]}"
s=$(date +%s.%N); "$IDTRIAGE" index "${IN[@]}"; e=$(date +%s.%N)
printf '%-34s %8.3f s (once)\n' "index" "$(echo "$e - $s" | bc)"
median "user with index" "$IDTRIAGE" user --format json "$WHO" "${IN[@]}"
a=$(records --quick "$WHO" "${IN[@]}"); b=$(records --quick --no-prefilter "$WHO" "${IN[@]}")
c=$(records --no-index "$WHO" "${IN[@]}"); d=$(records "$WHO" "${IN[@]}")
if [ "$a" = "$b" ] && [ "$b" = "$c" ] && [ "$c" = "$d" ]; then echo "records: identical in all four"; else echo "records DIFFER"; exit 1; fi
