#!/usr/bin/env bash
# Golden CLI tests (lnav style): every case in tests/cli/cases.txt is run from
# the source dir; stdout, stderr and the exit code must equal
# tests/golden/NAME.out. Extra checks that need pipes (stdin, .gz) live below.
# Usage: run_golden.sh BINARY SOURCE_DIR [--regen | --part cases:K/N | --part extras | --part synth]
# With no option every part runs. ctest runs the parts as separate tests
# (cli_golden_*), so on two cores they share the sanitizer build's tail.
set -u
bin=$1; src=$2; regen=""; part=all
case "${3:-}" in
  --regen) regen=--regen ;;
  --part) part=${4:?--part needs cases:K/N, extras or synth} ;;
  "") ;;
  *) echo "run_golden.sh: unknown option $3" >&2; exit 2 ;;
esac
shard=0; shards=1
case "$part" in
  all|extras|synth) ;;
  cases:*/*) shard=${part#cases:}; shards=${shard#*/}; shard=${shard%/*} ;;
  *) echo "run_golden.sh: unknown part $part" >&2; exit 2 ;;
esac
runs() { [ "$part" = all ] || [ "${part%%:*}" = "$1" ]; }
cd "$src" || exit 2
# Calendar files carry a creation stamp: fixed here (reproducible-builds convention) so goldens are stable.
export SOURCE_DATE_EPOCH=1780272000
fail=0; n=0
run_case() {  # name, args...
  local name=$1; shift
  local out
  out=$( { "$bin" "$@" 2>/tmp/idtriage-golden-err.$$; echo "exit=$?"; } )
  out+=$'\n--- stderr ---\n'"$(cat /tmp/idtriage-golden-err.$$)"
  rm -f /tmp/idtriage-golden-err.$$
  n=$((n+1))
  # Machine formats must parse, whatever the golden file says.
  case " $* " in
    *" --format json "*|*" --format jsonl "*|*" -f json "*)
      n=$((n+1))
      if ! "$bin" "$@" 2>/dev/null | python3 -c 'import json,sys
for line in sys.stdin.read().splitlines():
    line.strip() and json.loads(line)' 2>/dev/null; then
        if ! "$bin" "$@" 2>/dev/null | python3 -c 'import json,sys; json.load(sys.stdin)' 2>/dev/null; then
          echo "FAIL $name: stdout is not valid JSON/JSONL"; fail=$((fail+1))
        fi
      fi ;;
  esac
  if [ "$regen" = "--regen" ]; then
    printf '%s\n' "$out" > "tests/golden/$name.out"
  elif ! diff -u "tests/golden/$name.out" <(printf '%s\n' "$out") > /tmp/idtriage-golden-diff.$$; then
    echo "FAIL $name"; head -40 /tmp/idtriage-golden-diff.$$; fail=$((fail+1))
  fi
  rm -f /tmp/idtriage-golden-diff.$$
}
i=0
while IFS='|' read -r name args; do
  name=$(echo "$name" | xargs)
  case "$name" in ''|\#*) continue ;; esac
  i=$((i+1))
  runs cases && [ $(( (i - 1) % shards )) -eq "$shard" ] || continue
  # shellcheck disable=SC2086
  run_case "$name" $args
done < tests/cli/cases.txt
if ! runs extras && ! runs synth; then
  echo "golden ($part): $((n-fail)) passed, $fail failed"
  [ $fail -eq 0 ]; exit
fi
if runs synth; then
tmp=$(mktemp -d)
for s in $("$bin" synth --list 2>/dev/null | awk 'NR>0{print $1}'); do
  "$bin" synth -q --scenario "$s" --users 200 --out "$tmp/$s" 2>/dev/null || continue
  n=$((n+1))
  out=$("$bin" triage --format json --breakglass bg1@contoso.com "$tmp/$s"/signins.* "$tmp/$s/audit.json" "$tmp/$s/tickets.csv" "$tmp/$s/health.json" 2>/dev/null | python3 tests/cli/check_triage_schema.py)
  [ "$out" = "schema: ok" ] || { echo "FAIL triage schema ($s): $out"; fail=$((fail+1)); }
done
rm -rf "$tmp"
fi
if ! runs extras; then
  echo "golden ($part): $((n-fail)) passed, $fail failed"
  [ $fail -eq 0 ]; exit
fi

# stdin and gzip must give the same records as the plain file.
check_same() {  # label, cmd1, cmd2
  n=$((n+1))
  if [ "$(eval "$2")" != "$(eval "$3")" ]; then echo "FAIL $1"; fail=$((fail+1)); fi
}
f=testdata/signin/sign-in_adelete.csv
check_same stdin_equals_file "'$bin' classify --format jsonl --fields time,user,code,class '$f'" \
  "'$bin' classify --format jsonl --fields time,user,code,class - < '$f'"
check_same gzip_equals_file "'$bin' classify --format jsonl --fields time,user,code,class '$f'" \
  "gzip -c '$f' | '$bin' classify --format jsonl --fields time,user,code,class -"
# The committed drill plan is what `campaign plan` makes today (its README has the command).
check_same drill_plan_is_current "'$bin' campaign plan testdata/drill-mo1329260/users.csv --history testdata/drill-mo1329260/signins.jsonl.gz --start 2026-06-01 --wave-size 40 --breakglass bg1@contoso.com,bg2@contoso.com --format csv" \
  "cat testdata/campaign/drill-plan.csv"
# A directory is its files: triage over the drill folder judges exactly what
# the four exports given by name do (its README, EXPECTED.json and users.csv
# are skipped, not errors); an empty directory is an input error, never all clear.
n=$((n+1))
d=testdata/drill-mo1329260
if ! python3 - <("$bin" triage --format json "$d" 2>/dev/null) \
     <("$bin" triage --format json "$d/signins.jsonl.gz" "$d/audit.json" "$d/tickets.csv" "$d/health.json" 2>/dev/null) <<'PY'
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
skipped = [i["path"] for i in a.pop("inputs") if i["format"] == ""]
b.pop("inputs")
assert a == b, "triage over the directory differs from triage over its exports"
assert sorted(skipped) == [f"testdata/drill-mo1329260/{n}" for n in ("EXPECTED.json", "README.md", "users.csv")], skipped
PY
then echo "FAIL directory_equals_files"; fail=$((fail+1)); fi
tmp=$(mktemp -d)
mkdir "$tmp/empty"; touch "$tmp/empty/.hidden.json"
n=$((n+1))
out=$("$bin" triage --format table --color never "$tmp/empty" 2>&1); rc=$?
case "$rc:$out" in
  "3:"*"is a directory with no files to read"*) ;;
  *) echo "FAIL empty_directory: exit $rc: $out"; fail=$((fail+1)) ;;
esac
rm -rf "$tmp"
# Colour on a terminal (a pty from script(1)): on under auto, off for a
# non-empty NO_COLOR and for TERM=dumb, --color always/never win.
if command -v script >/dev/null; then
  for want in "1 TERM=xterm" "0 TERM=dumb" "0 TERM=xterm NO_COLOR=1" "1 TERM=xterm NO_COLOR=" \
              "1 TERM=dumb --color always" "0 TERM=xterm --color never"; do
    n=$((n+1))
    set -- $want
    expect=$1; shift
    envs=""; flags=""
    for w in "$@"; do case "$w" in --*|always|never) flags="$flags $w" ;; *) envs="$envs $w" ;; esac; done
    got=$(script -qec "env $envs '$bin' explain$flags 50126" /dev/null | grep -c $'\e\\[')
    [ "$( [ "$got" -gt 0 ] && echo 1 || echo 0)" = "$expect" ] || { echo "FAIL colour ($want): $got coloured lines"; fail=$((fail+1)); }
  done
fi
# The triage JSON contract, schema-style, over every synth scenario and the drill.
d=testdata/drill-mo1329260
n=$((n+1))
if ! "$bin" triage --format json "$d/signins.jsonl.gz" "$d/audit.json" "$d/tickets.csv" "$d/health.json" 2>/dev/null \
     | python3 tests/cli/check_triage_schema.py >/dev/null; then echo "FAIL triage schema (drill)"; fail=$((fail+1)); fi
# …and with --state, over two scheduled runs (new, then unchanged or ended).
tmp=$(mktemp -d)
for until in 07 12; do
  n=$((n+1))
  out=$("$bin" triage --format json --since "2026-06-01T$(printf %02d $((10#$until - 6))):00:00Z" --until "2026-06-01T$until:00:00Z" \
        --state "$tmp/alert.state" "$d/signins.jsonl.gz" "$d/audit.json" "$d/tickets.csv" "$d/health.json" 2>/dev/null \
        | python3 tests/cli/check_triage_schema.py)
  [ "$out" = "schema: ok" ] || { echo "FAIL triage schema (--state, until $until): $out"; fail=$((fail+1)); }
done
rm -rf "$tmp"
# Calendar files must parse with a real iCalendar library and keep RFC 5545's
# line rules: CRLF only, no line over 75 octets, one VEVENT per planned wave.
ics_py=""
for py in /usr/bin/python3 python3; do
  if "$py" -c 'import icalendar' 2>/dev/null; then ics_py=$py; break; fi
done
n=$((n+1))
if [ -z "$ics_py" ]; then
  echo "FAIL ics: python3-icalendar is not installed (./dev installs it)"; fail=$((fail+1))
else
  tmp=$(mktemp -d)
  "$bin" campaign plan testdata/drill-mo1329260/users.csv --history testdata/drill-mo1329260/signins.jsonl.gz \
    --start 2026-06-01 --wave-size 40 --format json --ics "$tmp/plan.ics" > "$tmp/plan.json" 2>/dev/null
  if ! "$ics_py" - "$tmp/plan.ics" "$tmp/plan.json" <<'PY'
import json, sys, icalendar
raw = open(sys.argv[1], "rb").read()
plan = json.load(open(sys.argv[2]))
lines = raw.split(b"\r\n")
assert lines[-1] == b"", "file must end with CRLF"
assert b"\n" not in raw.replace(b"\r\n", b""), "bare LF"
assert max(len(l) for l in lines) <= 75, "line over 75 octets"
cal = icalendar.Calendar.from_ical(raw)
events = [c for c in cal.walk() if c.name == "VEVENT"]
assert len(events) == len(plan["waves"]), (len(events), len(plan["waves"]))
uids = set()
for e, w in zip(events, plan["waves"]):
    for k in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "DESCRIPTION"):
        assert k in e, k
    uids.add(str(e["UID"]))
    assert e["DTSTART"].dt.isoformat().replace("+00:00", "Z") == w["start"], (e["DTSTART"].dt, w["start"])
    desc = str(e["DESCRIPTION"])
    for u in w["users"]:
        assert u["upn"] in desc, u["upn"]
assert len(uids) == len(events), "UIDs must be unique"
PY
  then echo "FAIL ics: the calendar does not parse or breaks RFC 5545 line rules"; fail=$((fail+1)); fi
  rm -rf "$tmp"
fi
# user: same answer with and without an index; a changed input invalidates it; the JSON fields.
n=$((n+1))
python3 tests/cli/check_user_index.py "$bin" "$PWD" || { echo "FAIL user index"; fail=$((fail+1)); }
# Generated completions must match the CLI (regenerate with: build/idtriage --generate bash > completions/idtriage.bash …).
# The hand-written man pages (man/*.scd) are checked by tests/cli/check_man.py (ctest man_pages).
for kind in bash zsh fish; do
  file=completions/idtriage.$kind
  n=$((n+1))
  if [ "$regen" = "--regen" ]; then "$bin" --generate $kind > "$file";
  elif ! diff -q "$file" <("$bin" --generate $kind) >/dev/null; then echo "FAIL $file is stale (run tests/cli/regen_golden.sh)"; fail=$((fail+1)); fi
done
# docs/scale.md shows the ready KQL query as generated, and names every bucket column.
n=$((n+1))
python3 tests/cli/check_scale_doc.py "$bin" docs/scale.md $regen || { echo "FAIL docs/scale.md (run tests/cli/regen_golden.sh)"; fail=$((fail+1)); }
echo "golden ($part): $((n-fail)) passed, $fail failed"
[ $fail -eq 0 ]
