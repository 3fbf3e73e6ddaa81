#!/usr/bin/env bash
# Why: one command that measures `idtriage stats` against the equivalent jq
# aggregation (count by error code) on the same generated sign-in logs, checks
# that both count the same, and prints throughput, ratio and peak memory.
set -euo pipefail

usage() {
  cat <<'EOF'
usage: bench/run.sh [--quick] [--size SIZE] [--only eventhub|graph] [--gen-only]

Generates (or reuses, cached in bench/data/) a 1 GB Event Hub JSON-lines file
and a 1 GB Graph signIns JSON file, then for each one times
  idtriage stats FILE --format json          (hyperfine, warm-up + $RUNS runs)
  idtriage stats FILE --format json -j1      (the same on one thread: speed per core)
  jq count-by-error-code over FILE           (hyperfine, $JQ_RUNS run(s))
measures idtriage's peak RSS with /usr/bin/time -v, checks that idtriage's
per-code counts equal jq's (and the generator's), and prints a table.

  --quick       100 MB files, 3 idtriage runs (a fast sanity check)
  --size SIZE   file size for both shapes (default 1G = 10^9 bytes)
  --only SHAPE  only eventhub or only graph
  --gen-only    only generate the data files (no idtriage needed)

Environment:
  IDTRIAGE            binary to measure (default: <repo>/build/idtriage); nothing is built
  RUNS                counted idtriage runs (default 5; 3 with --quick)
  JQ_RUNS             counted jq runs (default 1; jq needs ~30 s and ~4 GB per GB of Graph JSON)
  SEED                generator seed (default 1)
  GRAPH_LAYOUT        pretty (default) or compact
  GRAPH_PAGE_RECORDS  records per concatenated Graph page; 0 = one document (default)
  BENCH_DATA          data cache directory (default bench/data)
EOF
}

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(dirname "$BENCH_DIR")
IDTRIAGE=${IDTRIAGE:-$REPO_DIR/build/idtriage}
SIZE=1G
QUICK=0
ONLY=""
GEN_ONLY=0
while [[ $# -gt 0 ]]; do
  case $1 in
    --quick) QUICK=1; SIZE=100M ;;
    --size) SIZE=${2:?--size needs a value}; shift ;;
    --only) ONLY=${2:?--only needs eventhub or graph}; shift ;;
    --gen-only) GEN_ONLY=1 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "run.sh: unknown argument: $1" >&2; usage >&2; exit 2 ;;
  esac
  shift
done
RUNS=${RUNS:-$([[ $QUICK == 1 ]] && echo 3 || echo 5)}
JQ_RUNS=${JQ_RUNS:-1}
SEED=${SEED:-1}
GRAPH_LAYOUT=${GRAPH_LAYOUT:-pretty}
GRAPH_PAGE_RECORDS=${GRAPH_PAGE_RECORDS:-0}
DATA=${BENCH_DATA:-$BENCH_DIR/data}
SHAPES=(eventhub graph)
case $ONLY in
  "") ;;
  eventhub|graph) SHAPES=("$ONLY") ;;
  *) echo "run.sh: --only takes eventhub or graph" >&2; exit 2 ;;
esac

die() { echo "run.sh: $*" >&2; exit 2; }

# ------------------------------------------------------------------- tools
need() { command -v "$1" >/dev/null 2>&1 || die "$1 is required ($2)"; }
need python3 "runs bench/gen_signins.py"
if [[ $GEN_ONLY == 0 ]]; then
  need jq "the reference aggregation"
  need hyperfine "timing; apt-get install hyperfine"
  if [[ ! -x /usr/bin/time ]]; then
    echo "run.sh: /usr/bin/time missing, installing the Debian package 'time'" >&2
    if [[ $(id -u) == 0 ]]; then
      apt-get install -y -qq time >/dev/null || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
    else
      sudo apt-get install -y -qq time >/dev/null
    fi
  fi
  [[ -x $IDTRIAGE ]] || die "no idtriage binary at $IDTRIAGE (build it first, or set IDTRIAGE=/path/to/idtriage)"
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/idtriage-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$DATA"

# ------------------------------------------------------------- data files
# The cache key holds the generator's own hash, so editing it regenerates.
GEN=$BENCH_DIR/gen_signins.py
GEN_ID=$(sha256sum "$GEN" | cut -c1-10)

data_file() {  # shape -> path of the cached file (generated when missing)
  local shape=$1 name opts=()
  if [[ $shape == eventhub ]]; then
    name="signins-eventhub-$SIZE-s$SEED-$GEN_ID.jsonl"
  else
    name="signins-graph-$GRAPH_LAYOUT-p$GRAPH_PAGE_RECORDS-$SIZE-s$SEED-$GEN_ID.json"
    opts=(--layout "$GRAPH_LAYOUT" --page-records "$GRAPH_PAGE_RECORDS")
  fi
  local path=$DATA/$name
  if [[ ! -s $path || ! -s $path.counts.json ]]; then
    echo "generating $path" >&2
    python3 "$GEN" --shape "$shape" --size "$SIZE" --seed "$SEED" "${opts[@]}" \
      --counts "$path.counts.json.tmp" -o "$path.tmp"
    mv "$path.counts.json.tmp" "$path.counts.json"
    mv "$path.tmp" "$path"
  fi
  echo "$path"
}

# --------------------------------------------------------- jq aggregations
# Count by error code; `reduce inputs` works for JSON lines and for one or
# several concatenated Graph pages alike, and keeps jq's memory low for lines.
cat >"$WORK/eventhub.jq" <<'EOF'
reduce inputs as $r ({}; .[($r.properties.status.errorCode | tostring)] += 1)
EOF
cat >"$WORK/graph.jq" <<'EOF'
reduce (inputs | .value[]) as $r ({}; .[($r.status.errorCode | tostring)] += 1)
EOF
# idtriage's stats JSON: the object of counts by error code. Its field name
# is taken from .signin.by_code, else the first "by_code"/"by_error_code"
# anywhere; {code: n}, {code: {count: n}}, [{code, count}] and [[code, n]]
# are all accepted. Zero counts are dropped.
cat >"$WORK/idt_codes.jq" <<'EOF'
def norm:
  if type == "object" then with_entries(.key |= tostring | .value |= (if type == "object" then (.count // .n) else . end))
  elif type == "array" then map(if type == "array" then {key: (.[0] | tostring), value: .[1]}
                               else {key: ((.code // .key // .name) | tostring), value: (.count // .value // .n)} end)
                            | from_entries
  else error("by_code is neither object nor array") end
  | with_entries(select(.value != 0));
(.signin.by_code? // ([.. | objects | to_entries[] | select(.key | test("^by_(error_)?code$")) | .value] | first))
| if . == null then error("no by_code object in idtriage stats JSON") else norm end
EOF

median() { jq -r '.results[0].median' "$1"; }
cpu() { jq -r '.results[0].user + .results[0].system' "$1"; }
mb() { awk -v b="$1" 'BEGIN { printf "%.0f", b / 1e6 }'; }
rate() { awk -v b="$1" -v s="$2" 'BEGIN { if (s > 0) printf "%.0f", b / 1e6 / s; else print "-" }'; }

ROWS=()
STATUS=0
for shape in "${SHAPES[@]}"; do
  file=$(data_file "$shape")
  [[ $GEN_ONLY == 1 ]] && continue
  bytes=$(stat -c %s "$file")
  records=$(jq -r .records "$file.counts.json")
  echo "== $shape: $file ($(mb "$bytes") MB, $records records)" >&2
  cat "$file" >/dev/null  # both tools read it from the page cache

  # peak RSS and the JSON for the count check, from one plain run
  set +e
  /usr/bin/time -v "$IDTRIAGE" stats "$file" --format json >"$WORK/idt.json" 2>"$WORK/idt.time"
  rc=$?
  set -e
  if [[ $rc -ge 2 ]]; then
    echo "run.sh: idtriage stats exited $rc:" >&2
    grep -v -E '^\s+[A-Z].*: ' "$WORK/idt.time" | head -20 >&2 || true
    die "idtriage failed on $file"
  fi
  rss_kb=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$WORK/idt.time")

  hyperfine -N -i --style basic --warmup 1 --runs "$RUNS" \
    --export-json "$WORK/idt.hf.json" \
    "$(printf '%q stats %q --format json' "$IDTRIAGE" "$file")" >&2
  hyperfine -N -i --style basic --warmup 1 --runs "$RUNS" \
    --export-json "$WORK/idt1.hf.json" \
    "$(printf '%q stats %q --format json -j1' "$IDTRIAGE" "$file")" >&2
  hyperfine -N --style basic --warmup 0 --runs "$JQ_RUNS" \
    --output "$WORK/jq.out" --export-json "$WORK/jq.hf.json" \
    "$(printf 'jq -n -c -f %q %q' "$WORK/$shape.jq" "$file")" >&2

  # counts: idtriage vs jq vs what the generator wrote
  jq -S -c -f "$WORK/idt_codes.jq" "$WORK/idt.json" >"$WORK/idt.codes" || die "cannot read counts from idtriage stats JSON (see $WORK/idt.json)"
  jq -S -c 'with_entries(.key |= tostring)' "$WORK/jq.out" >"$WORK/jq.codes"
  jq -S -c '.by_code' "$file.counts.json" >"$WORK/gen.codes"
  if cmp -s "$WORK/idt.codes" "$WORK/jq.codes" && cmp -s "$WORK/jq.codes" "$WORK/gen.codes"; then
    check=equal
  else
    check=DIFFER
    STATUS=1
    echo "run.sh: per-code counts differ on $shape:" >&2
    echo "  idtriage:  $(cat "$WORK/idt.codes")" >&2
    echo "  jq:        $(cat "$WORK/jq.codes")" >&2
    echo "  generator: $(cat "$WORK/gen.codes")" >&2
    echo "  idtriage inputs: $(jq -c '[.inputs[]? | {records, rejected, error}]' "$WORK/idt.json" 2>/dev/null)" >&2
  fi

  t_idt=$(median "$WORK/idt.hf.json")
  c_idt=$(cpu "$WORK/idt.hf.json")
  t_one=$(median "$WORK/idt1.hf.json")
  t_jq=$(median "$WORK/jq.hf.json")
  ratio=$(awk -v a="$t_jq" -v b="$t_idt" 'BEGIN { printf "%.1f", a / b }')
  ROWS+=("$(printf '| %s | %s | %s | %.3f | %s | %s | %.3f | %s | %.1f | %s | %s× | %s | %s |' \
    "$shape" "$(mb "$bytes")" "$records" "$t_idt" "$(rate "$bytes" "$t_idt")" \
    "$(rate "$bytes" "$c_idt")" "$t_one" "$(rate "$bytes" "$t_one")" "$t_jq" "$(rate "$bytes" "$t_jq")" "$ratio" \
    "$(awk -v k="$rss_kb" 'BEGIN { printf "%.1f", k / 1024 }')" "$check")")
done
[[ $GEN_ONLY == 1 ]] && exit 0

echo
echo "machine: $(nproc) cores, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo); $({ "$IDTRIAGE" --version 2>/dev/null || echo idtriage; } | head -1); $(jq --version)"
echo "idtriage: median of $RUNS runs after 1 warm-up; jq: median of $JQ_RUNS run(s); MB = 10^6 bytes; files in page cache"
echo
echo "| file | MB | records | idtriage s | idtriage MB/s | MB/s per CPU-s | -j1 s | -j1 MB/s | jq s | jq MB/s | jq/idtriage | idtriage peak RSS MB | counts |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"
printf '%s\n' "${ROWS[@]}"
exit $STATUS
