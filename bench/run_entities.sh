#!/usr/bin/env bash
# Why: memory per distinct entity (issue 10): triage and stats keep per-user
# and per-IP state, so their peak RSS grows with the number of distinct users
# and IPs, not with the input size. This measures it on two Event Hub files of
# the same size and record count, one drawing from 1,000,000 users and
# 1,000,000 IPs in turn (every user and IP appears), one from 10,000 of each;
# the RSS difference over the difference in users is the cost per distinct
# user (with its IP). Peak RSS from /usr/bin/time -v, one run each.
# usage: bench/run_entities.sh [--size 4000M] [--users 1000000]
set -euo pipefail
BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
IDTRIAGE=${IDTRIAGE:-$(dirname "$BENCH_DIR")/build/idtriage}
SIZE=4000M
MANY=1000000
FEW=10000
while [ $# -gt 0 ]; do
  case $1 in
    --size) SIZE=$2; shift 2 ;;
    --users) MANY=$2; shift 2 ;;
    *) echo "usage: $0 [--size 4000M] [--users 1000000]" >&2; exit 2 ;;
  esac
done
DATA=${BENCH_DATA:-$BENCH_DIR/data}
mkdir -p "$DATA"
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (Debian package time)" >&2; exit 1; }
gen() {  # users → path
  local f=$DATA/entities-$1-$SIZE.jsonl
  if [ ! -f "$f" ]; then
    python3 "$BENCH_DIR/gen_signins.py" --shape eventhub --size "$SIZE" --draw cycle --users "$1" --ips "$1" -o "$f.tmp" >&2
    mv "$f.tmp" "$f"
  fi
  echo "$f"
}
measure() {  # label, command… → "label  wall  rss"
  local label=$1; shift
  local log; log=$(mktemp)
  /usr/bin/time -v "$@" > /dev/null 2> "$log" || true
  local rss wall
  rss=$(awk -F': ' '/Maximum resident set size/{print $2}' "$log")
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/{print $2}' "$log")
  rm -f "$log"
  printf '%-44s %10s %8.0f MB\n' "$label" "$wall" "$(echo "$rss / 1024" | bc -l)"
  echo "$rss" > "$DATA/.rss-$(echo "$label" | tr -c 'a-z0-9' _)"
}
many=$(gen "$MANY")
few=$(gen "$FEW")
echo "machine: $(nproc) cores, $(date -u +%Y-%m-%d); files: $(du -h "$many" | cut -f1) each,"\
     "$(wc -l < "$many") and $(wc -l < "$few") records"
printf '%-44s %10s %11s\n' "command" "wall" "peak RSS"
for cmd in stats triage; do
  cat "$many" "$few" > /dev/null
  measure "$cmd, $FEW users/IPs" "$IDTRIAGE" "$cmd" --format json "$few"
  measure "$cmd, $MANY users/IPs" "$IDTRIAGE" "$cmd" --format json "$many"
  a=$(cat "$DATA/.rss-$(echo "$cmd, $FEW users/IPs" | tr -c 'a-z0-9' _)")
  b=$(cat "$DATA/.rss-$(echo "$cmd, $MANY users/IPs" | tr -c 'a-z0-9' _)")
  printf '%s: %.0f bytes per distinct user (with its IP)\n' "$cmd" "$(echo "($b - $a) * 1024 / ($MANY - $FEW)" | bc -l)"
done
