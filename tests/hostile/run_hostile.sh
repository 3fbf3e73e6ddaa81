#!/usr/bin/env bash
# Why: the hostile-input suite (issue #10, docs/security.md). Each case builds
# its input with tests/hostile/gen.py (nothing large or binary is committed),
# runs the real binary and asserts the exact behaviour: exit code, the error
# or warning line on stderr, and the counts in the JSON output. No case
# measures time; where a case needs a race (a file truncated while it is
# read) it asserts what must hold whichever side wins.
# Usage: run_hostile.sh BINARY SOURCE_DIR
set -u
bin=$1; src=$2
gen="python3 $src/tests/hostile/gen.py"
tmp=$(mktemp -d /tmp/idt-hostile.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
fail=0; n=0

ok() { n=$((n+1)); echo "ok   $1"; }
bad() { n=$((n+1)); fail=$((fail+1)); echo "FAIL $1: $2"; }
# run NAME CMD...: runs a command, keeps stdout/stderr/exit in $tmp/NAME.{out,err,rc}
run() {
  local name=$1; shift
  "$@" >"$tmp/$name.out" 2>"$tmp/$name.err"
  echo $? >"$tmp/$name.rc"
}
rc() { cat "$tmp/$1.rc"; }
expect_rc() {  # NAME WANT
  if [ "$(rc "$1")" = "$2" ]; then ok "$1: exit $2"; else bad "$1" "exit $(rc "$1"), want $2; stderr: $(head -c 400 "$tmp/$1.err")"; fi
}
expect_err() {  # NAME EXACT-LINE (one line of stderr must equal it)
  if grep -qxF -- "$2" "$tmp/$1.err"; then ok "$1: stderr has \"$2\""; else bad "$1" "stderr lacks \"$2\"; got: $(head -c 600 "$tmp/$1.err")"; fi
}
expect_err_prefix() {  # NAME PREFIX (a stderr line starts with it)
  if grep -q -- "^$(printf '%s' "$2" | sed 's/[][\.*^$/]/\\&/g')" "$tmp/$1.err"; then ok "$1: stderr starts \"$2\""
  else bad "$1" "no stderr line starts \"$2\"; got: $(head -c 600 "$tmp/$1.err")"; fi
}
expect_no_err() {
  if [ ! -s "$tmp/$1.err" ]; then ok "$1: stderr empty"; else bad "$1" "stderr not empty: $(head -c 400 "$tmp/$1.err")"; fi
}
# json NAME PYEXPR: evaluates PYEXPR with d = the JSON on stdout; must be true
json() {
  local name=$1 expr=$2
  if python3 -c "import json,sys; d=json.load(open(sys.argv[1])); sys.exit(0 if ($expr) else 1)" "$tmp/$name.out" 2>/dev/null
  then ok "$name: $expr"; else bad "$name" "not true: $expr (stdout: $(head -c 300 "$tmp/$name.out"))"; fi
}

# --- Write errors -----------------------------------------------------------
$gen eventhub "$tmp/eh.json" 2000
run devfull_stats "$bin" stats --format json "$tmp/eh.json"
"$bin" stats --format json "$tmp/eh.json" >/dev/full 2>"$tmp/devfull.err"; echo $? >"$tmp/devfull.rc"
expect_rc devfull 6
expect_err devfull "idtriage: cannot write the output: No space left on device"
"$bin" classify --list-fields >/dev/full 2>"$tmp/devfull_list.err"; echo $? >"$tmp/devfull_list.rc"
expect_rc devfull_list 6
# Every file a command writes besides stdout fails the same way (exit 6, the
# path and the reason): a full device, and a directory that does not exist.
drill=$src/testdata/drill-mo1329260
dfiles=("$drill/signins.jsonl.gz" "$drill/audit.json" "$drill/tickets.csv" "$drill/health.json")
for target in /dev/full "$tmp/no-such-dir/out"; do
  case $target in /dev/full) why="No space left on device"; tag=full ;; *) why="No such file or directory"; tag=nodir ;; esac
  run "affected_$tag" "$bin" triage --format json --affected-users "$target" "${dfiles[@]}"
  expect_rc "affected_$tag" 6
  expect_err "affected_$tag" "idtriage: cannot write --affected-users $target: $why"
  run "ics_$tag" "$bin" campaign plan --format json --start 2026-06-01 --ics "$target" "$drill/users.csv"
  expect_rc "ics_$tag" 6
  expect_err "ics_$tag" "idtriage: cannot write --ics $target: $why"
  run "index_$tag" "$bin" index -o "$target" "${dfiles[@]}"
  expect_rc "index_$tag" 6
  expect_err "index_$tag" "idtriage: cannot write the index $target: $why"
done
if [ -c /dev/full ]; then ok "index to /dev/full left the device in place"; else bad index_full "/dev/full is no longer a device"; fi
run synth_full "$bin" synth --scenario quiet --users 50 --out /dev/full
expect_rc synth_full 6
expect_err_prefix synth_full "idtriage: cannot write /dev/full: cannot create directory"
# A reader that goes away: quiet, exit 0, and the run stops (no hang on a big input).
( "$bin" classify --format jsonl "$tmp/eh.json" 2>"$tmp/pipe.err"; echo $? >"$tmp/pipe.rc" ) | head -1 >/dev/null
expect_rc pipe 0
expect_no_err pipe

# --- A file truncated while it is read --------------------------------------
# Whichever side wins the race, the run never crashes (SIGBUS was exit 135):
# it ends with exit 0 (read before the cut) or 3 with the message.
$gen eventhub "$tmp/big.json" 300000
size=$(stat -c %s "$tmp/big.json")
hit=0
for delay in 0.02 0.05 0.1 0.2 0.4 0.8; do
  cp "$tmp/big.json" "$tmp/cut.json"
  "$bin" classify --format jsonl -j 1 "$tmp/cut.json" >/dev/null 2>"$tmp/trunc.err" &
  pid=$!
  sleep "$delay"; truncate -s $((size / 5)) "$tmp/cut.json"
  wait $pid; code=$?
  if [ $code -ne 0 ] && [ $code -ne 3 ]; then bad "truncated_while_reading" "exit $code after ${delay}s"; hit=-1; break; fi
  if [ $code -eq 3 ]; then
    if grep -q "error: changed or truncated while reading" "$tmp/trunc.err"; then hit=1; break; fi
    bad "truncated_while_reading" "exit 3 without the message: $(head -c 300 "$tmp/trunc.err")"; hit=-1; break
  fi
done
if [ $hit -eq 1 ]; then ok "truncated_while_reading: exit 3, \"changed or truncated while reading\"";
elif [ $hit -eq 0 ]; then ok "truncated_while_reading: every run finished before the cut (no crash)"; fi

# --- Nesting depth: 100k deep in a read, a skipped and an unknown field ----
for field in deviceDetail status unknownField; do
  $gen deep "$tmp/deep_$field.json" "$field"
  for cmd in stats detect; do
    run "deep_${field}_$cmd" "$bin" $cmd --format json "$tmp/deep_$field.json"
    expect_rc "deep_${field}_$cmd" 0
    json "deep_${field}_$cmd" "d['inputs'][0]['records'] == 3 and d['inputs'][0]['rejected'] == 0"
  done
  run "deep_${field}_classify" "$bin" classify --format jsonl "$tmp/deep_$field.json"
  expect_rc "deep_${field}_classify" 0
  if [ "$(wc -l <"$tmp/deep_${field}_classify.out")" -eq 3 ]; then ok "deep_${field}_classify: 3 records"
  else bad "deep_${field}_classify" "$(wc -l <"$tmp/deep_${field}_classify.out") records, want 3"; fi
  run "deep_${field}_triage" "$bin" triage --format json "$tmp/deep_$field.json"
  json "deep_${field}_triage" "d['inputs'][0]['records'] == 3"
done

# --- Decompression: refuse binary or unrecognised data before spooling ------
# TMPDIR points nowhere: had anything been spooled, the error would say so.
$gen zero-bomb "$tmp/bomb.gz" 256
TMPDIR=$tmp/nonexistent run bomb "$bin" stats --format json "$tmp/bomb.gz"
expect_rc bomb 3
expect_err bomb "idtriage: $tmp/bomb.gz: error: binary data, not a log, ticket or health export"
TMPDIR=$tmp/nonexistent run devzero timeout 60 "$bin" stats --format json /dev/zero
expect_rc devzero 3
expect_err devzero "idtriage: /dev/zero: error: binary data, not a log, ticket or health export"
yes | TMPDIR=$tmp/nonexistent timeout 60 "$bin" stats --format json - >"$tmp/yes.out" 2>"$tmp/yes.err"; echo $? >"$tmp/yes.rc"
expect_rc yes 3
expect_err yes "idtriage: <stdin>: error: unrecognised format (first line: \"y\")"
# A text bomb (valid records, 1000:1) stops at --max-decoded, keeping what came before.
$gen text-bomb "$tmp/textbomb.gz" 64
run maxdecoded "$bin" stats --format json --max-decoded 1M "$tmp/textbomb.gz"
expect_rc maxdecoded 3
expect_err maxdecoded "idtriage: $tmp/textbomb.gz: error: decodes to more than 1 MiB (--max-decoded); the text after that is not read"
# (one record repeated: every copy after the first is a duplicate, counted once)
json maxdecoded "d['inputs'][0]['records'] > 1000 and d['signin']['total'] == 1 and d['inputs'][0]['duplicates'] == d['inputs'][0]['records'] - 1"
run maxdecoded_bad "$bin" stats --max-decoded lots "$tmp/textbomb.gz"
expect_rc maxdecoded_bad 2

# --- A truncated .gz keeps every record decodable before the cut ------------
$gen eventhub-gz "$tmp/full.gz" 6079
head -c $(( $(stat -c %s "$tmp/full.gz") / 2 )) "$tmp/full.gz" >"$tmp/half.gz"
whole=$(zcat "$tmp/half.gz" 2>/dev/null | grep -c '}}$')
run truncated_gz "$bin" stats --format json "$tmp/half.gz"
expect_rc truncated_gz 3
expect_err_prefix truncated_gz "idtriage: $tmp/half.gz: error: truncated gzip data: the compressed stream ends at byte"
json truncated_gz "d['inputs'][0]['records'] == $whole and d['inputs'][0]['records'] > 2000 and d['inputs'][0]['rejected'] <= 1"

# --- JSON lines: a bad first line costs that line; records run together -----
$gen bad-first-line "$tmp/badfirst.json" 5
run badfirst "$bin" stats --format json "$tmp/badfirst.json"
expect_rc badfirst 0
json badfirst "d['inputs'][0]['records'] == 5 and d['inputs'][0]['rejected'] == 1"
$gen run-together "$tmp/together.json"
run together "$bin" stats --format json "$tmp/together.json"
expect_rc together 0
json together "d['inputs'][0]['records'] == 4 and d['inputs'][0]['warnings'] == 1 and d['signin']['total'] == 4"
expect_err_prefix together "idtriage: $tmp/together.json:1: warning: records run together on one line"

# --- Accounting: read = kept + filtered + rejected; overlapping exports once -
$gen eventhub-range "$tmp/day1.json" 0 300
$gen eventhub-range "$tmp/day2.json" 200 400   # 100 records in both exports
printf '{"time":"2026-06-01T05:00:00Z","category":"SignInLogs","properties":{"id":"bad",\n' >>"$tmp/day2.json"
for j in 1 2; do
  run "overlap_stats_j$j" "$bin" stats --format json -j $j "$tmp/day1.json" "$tmp/day2.json"
  expect_rc "overlap_stats_j$j" 0
  json "overlap_stats_j$j" "d['signin']['total'] == 400 and [i['duplicates'] for i in d['inputs']] == [0, 100] and [i['rejected'] for i in d['inputs']] == [0, 1]"
  json "overlap_stats_j$j" "all(i['kept'] + i['filtered'] == i['records'] for i in d['inputs']) and d['signin']['total'] == sum(i['kept'] - i['duplicates'] for i in d['inputs'])"
done
run overlap_window "$bin" stats --format json --since 2026-06-01T05:00:00Z "$tmp/day1.json" "$tmp/day2.json"
json overlap_window "all(i['kept'] + i['filtered'] == i['records'] for i in d['inputs']) and d['signin']['total'] == sum(i['kept'] - i['duplicates'] for i in d['inputs']) and sum(i['filtered'] for i in d['inputs']) > 0"
run overlap_triage "$bin" triage --format json "$tmp/day1.json" "$tmp/day2.json"
json overlap_triage "sum(d['totals']['signin'].values()) == 400 and [i['duplicates'] for i in d['inputs']] == [0, 100]"
run overlap_detect "$bin" detect --format json "$tmp/day1.json" "$tmp/day2.json"
json overlap_detect "[i['records'] + i['rejected'] for i in d['inputs']] == [300, 201]"
# A ticket or health file given to a command that reads logs says so.
run classify_tickets "$bin" classify "$src/testdata/tickets/all_tickets.csv"
expect_rc classify_tickets 3
expect_err classify_tickets "idtriage: $src/testdata/tickets/all_tickets.csv: error: this is a help-desk ticket export (ticket-csv, 5431 records); \`idtriage classify\` reads sign-in and audit logs: use \`idtriage tickets FILE\` (or give it to \`idtriage triage\`)"
run stats_health "$bin" stats --format json "$src/testdata/health/graph-docs-v1.0_servicehealthissue-get.response.json"
expect_rc stats_health 3
expect_err_prefix stats_health "idtriage: $src/testdata/health/graph-docs-v1.0_servicehealthissue-get.response.json: error: this is service-health data (graph-health-json, 1 records); \`idtriage stats\` reads sign-in and audit logs: use \`idtriage health FILE\`"

# --- Every real export read: sparse Event Hub records, service principals --
$gen sparse "$tmp/sparse.json"
run sparse "$bin" stats --format json "$tmp/sparse.json"
expect_rc sparse 0
json sparse "d['inputs'][0]['format'] == 'eventhub-json' and d['inputs'][0]['records'] == 2 and d['signin']['by_class']['unknown'] == 2"
$gen service-principal "$tmp/sp.json"
run sp "$bin" classify --format csv --fields user,service_principal,app,code,class,reason "$tmp/sp.json"
expect_rc sp 0
if [ "$(sed -n 2p "$tmp/sp.out")" = "Deploy-Pipeline,Deploy-Pipeline,Deploy-Pipeline,7000215,auth_failure,bad_client_secret" ] &&
   [ "$(sed -n 3p "$tmp/sp.out")" = "vm-backup-identity,vm-backup-identity,vm-backup-identity,0,success,success" ]; then
  ok "sp: the service principal is the actor"; else bad sp "$(cat "$tmp/sp.out")"; fi
run sp_stats "$bin" stats --format json "$tmp/sp.json"
json sp_stats "d['signin']['by_app'] == {'Deploy-Pipeline': 1, 'vm-backup-identity': 1} and d['signin']['by_class']['unknown'] == 0"

# --- Alert state (triage --state, docs/alerting.md) ------------------------
# A scheduled job over the drill as the data arrives (six hours up to "now"):
# new once, quiet while unchanged, ended once; a damaged, truncated, newer,
# hostile or unwritable state never silences it or crashes it.
d="$src/testdata/drill-mo1329260"
drill=("$d/signins.jsonl.gz" "$d/audit.json" "$d/tickets.csv" "$d/health.json")
st="$tmp/alert.state"
at() {  # NAME UNTIL-HOUR [args...]: triage --format json over the six hours before UNTIL
  local name=$1 h=$2; shift 2
  run "$name" "$bin" triage --format json --since "2026-06-01T$(printf %02d $((h - 6))):00:00Z" \
    --until "2026-06-01T$(printf %02d "$h"):00:00Z" --state "$st" "$@" "${drill[@]}"
}
at st_first 7
expect_rc st_first 1
expect_err st_first "idtriage: note: no state file $st yet (first run, or it was deleted): every finding is reported as new"
json st_first "d['alert']['state'] == 'missing' and [f['change'] for f in d['findings']] == ['new'] and d['alert']['alert']"
at st_same 7
expect_rc st_same 0
expect_no_err st_same
json st_same "[f['change'] for f in d['findings']] == ['unchanged'] and not d['alert']['alert'] and d['alert']['previous_run']"
at st_over 12
expect_rc st_over 1
json st_over "d['findings'][0]['change'] == 'ended' and d['findings'][0]['change_detail'] == 'over at 2026-06-01 09:37 UTC'"
at st_after 12
expect_rc st_after 0
if [ -z "$(find "$tmp" -maxdepth 1 -name 'alert.state.tmp*')" ]; then ok "st: no temporary file left"; else bad st "temporary file left"; fi
# Damaged in every way: everything is new again, with the reason; the file is whole afterwards.
head -c 200 "$st" >"$tmp/st.cut"; cp "$tmp/st.cut" "$st"
at st_cut 7
expect_rc st_cut 1
json st_cut "d['alert']['state'] == 'damaged' and 'cut short' in d['alert']['note'] and d['findings'][0]['change'] == 'new'"
at st_whole 7
json st_whole "d['alert']['state'] == 'ok' and d['findings'][0]['change'] == 'unchanged'"
printf '# idtriage alert state, version 9\nsomething new\n' >"$st"
at st_newer 7
expect_err st_newer "idtriage: note: state file $st was written by a newer idtriage (version 9): every finding is reported as new; it is written anew as version 1"
head -c 100000 /dev/urandom >"$st"
at st_junk 7
expect_rc st_junk 1
json st_junk "d['alert']['state'] == 'damaged'"
# A forged entry with escape sequences and a formula: nothing reaches the terminal or the report raw.
printf '# idtriage alert state, version 1\nkind\tsubject\tstart\tend\tseverity\tcause\tsuspected\tongoing\tstatus\tfirst_reported\troot_cause\nlockout_wave\t-\t2026-06-01T02:00:00Z\t2026-06-01T03:00:00Z\thigh\tunknown\tno\tyes\tactive\t-\t\033]0;pwned\007\033[31m=cmd|x\n# end: 1 entries\n' >"$st"
run st_forged "$bin" triage --format table --color never --since 2026-06-01T01:00:00Z --until 2026-06-01T07:00:00Z --state "$st" "${drill[@]}"
expect_rc st_forged 1
if grep -q "ENDED  HIGH lockout_wave" "$tmp/st_forged.out" && ! grep -q $'\033' "$tmp/st_forged.out"; then
  ok "st_forged: the earlier finding is ENDED, no escape sequence reaches the terminal"
else bad st_forged "$(head -c 600 "$tmp/st_forged.out" | od -c | head -5)"; fi
# A run that cannot read its sign-ins ends nothing (exit 3, partial) and keeps the state.
rm -f "$st"; at st_seed 7
run st_partial "$bin" triage --format json --since 2026-06-01T01:10:00Z --until 2026-06-01T07:10:00Z --state "$st" \
  --signins "$tmp/no-such-signins.json" "$d/audit.json" "$d/tickets.csv" "$d/health.json"
expect_rc st_partial 3
json st_partial "d['alert']['partial'] and d['alert']['carried'] == 1 and d['alert']['counts']['ended'] == 0"
at st_after_partial 7
json st_after_partial "[f['change'] for f in d['findings']] == ['unchanged']"
# Unwritable: exit 6 with the reason, and the report is still printed.
run st_nodir "$bin" triage --format json --state "$tmp/no/such/dir/alert.state" "${drill[@]}"
expect_rc st_nodir 6
expect_err st_nodir "idtriage: cannot write --state $tmp/no/such/dir/alert.state: No such file or directory"
json st_nodir "d['exit_code'] == 6 and d['findings']"
mkdir -p "$tmp/ro"; chmod 555 "$tmp/ro"
if [ "$(id -u)" != 0 ]; then
  run st_ro "$bin" triage --format json --state "$tmp/ro/alert.state" "${drill[@]}"
  expect_rc st_ro 6
fi
# Several outputs from one run: the files hold what --format md / json print; a write error is exit 6
# and the state is not advanced (the alert is reported again next run).
run rep_json "$bin" triage --format json --report-json "$tmp/r.json" --report-md "$tmp/r.md" "${drill[@]}"
run rep_md "$bin" triage --format md "${drill[@]}"
if cmp -s "$tmp/rep_json.out" "$tmp/r.json" && cmp -s "$tmp/rep_md.out" "$tmp/r.md"; then ok "report files equal --format output"
else bad report_files "differ from --format md/json"; fi
rm -f "$st"
at rep_full 7 --report-json /dev/full
expect_rc rep_full 6
expect_err rep_full "idtriage: cannot write --report-json /dev/full: No space left on device"
if [ ! -e "$st" ]; then ok "rep_full: state not saved"; else bad rep_full "state saved although a report failed"; fi
# Every file output is written whole or reported: campaign --ics and triage --affected-users too.
run ics_full "$bin" campaign plan "$d/users.csv" --ics /dev/full --format csv
expect_rc ics_full 6
expect_err ics_full "idtriage: cannot write --ics /dev/full: No space left on device"
run affected_full "$bin" triage --format json --affected-users /dev/full "${drill[@]}"
expect_rc affected_full 6
expect_err affected_full "idtriage: cannot write --affected-users /dev/full: No space left on device"

# --- User ticket rules: a costly RE2 program is refused at load -------------
printf '[slow]\nclass = other\npattern = .{0,1000}a.{0,1000}b\nsample = ab\n' >"$tmp/slow.rules"
run rules_slow "$bin" tickets --rules "$tmp/slow.rules" "$src/testdata/tickets/all_tickets.csv"
expect_rc rules_slow 2
expect_err_prefix rules_slow "idtriage: --rules: $tmp/slow.rules:3: rule 'slow': pattern is too costly: its RE2 program has 16006 instructions (limit 2000"

echo "hostile: $((n - fail)) passed, $fail failed"
[ $fail -eq 0 ]
