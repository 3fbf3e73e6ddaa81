#!/usr/bin/env bash
# Ticket CSV reading: `idtriage detect` (parse only) and `idtriage tickets
# --format jsonl` (parse + RE2 classification + one row per ticket) against
# Miller's count-distinct on the same generated ServiceNow-style file (long
# quoted descriptions with quoted newlines). Usage: bench/run_tickets.sh [SIZE_BYTES]
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${IDTRIAGE:-build/idtriage}
size=${1:-1073741824}
data=bench/data/tickets-$size.csv
mkdir -p bench/data
[ -f "$data" ] || python3 bench/gen_tickets.py "$data" "$size" >/dev/null
command -v mlr >/dev/null || { echo "needs miller (apt-get install miller)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 2; }
cat "$data" > /dev/null  # page cache
mb=$(python3 -c "print(round($(stat -c %s "$data")/1e6))")
run() {  # label, command...
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o /tmp/idtriage-bench-time "$@" > /dev/null
  read -r secs kb < /tmp/idtriage-bench-time
  printf '%-34s %8.2f s %8.0f MB/s %8.0f MB peak RSS\n' "$label" "$secs" "$(python3 -c "print($mb/$secs)")" "$(python3 -c "print($kb/1024)")"
}
echo "file: $data ($mb MB)"
run "idtriage tickets (classify, jsonl)" "$bin" tickets --format jsonl "$data"
run "idtriage detect (parse only)" "$bin" detect --format json "$data"
run "mlr --icsv --ojson count-distinct" mlr --icsv --ojson count-distinct -f category "$data"
