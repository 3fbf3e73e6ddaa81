#!/usr/bin/env bash
# Why: the shipped completions (completions/, generated from the CLI
# definition) must really complete in their shells: each file is loaded in
# bash (with bash-completion), zsh (compinit, driven through a pty) and fish,
# and a few command lines must offer the declared values, subcommands, flags
# and files. A generator change that breaks a shell's syntax or its value
# lists fails here.
# Usage: check_completions.sh SOURCE_DIR   (needs bash-completion, zsh, fish:
# ./dev installs them; a missing shell is a failure, not a skip)
set -u
src=$1
cd "$src" || exit 2
fail=0; n=0
tmp=$(mktemp -d /tmp/idtriage-compl.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/zfunc" && cp completions/idtriage.zsh "$tmp/zfunc/_idtriage"

for sh in bash zsh fish; do
  command -v $sh >/dev/null || { echo "FAIL $sh is not installed (./dev installs it)"; fail=$((fail+1)); }
done
[ -f /usr/share/bash-completion/bash_completion ] || { echo "FAIL bash-completion is not installed"; fail=$((fail+1)); }
[ $fail -eq 0 ] || exit 1

# Each prints one candidate per line for the command line $1 (the cursor at its end).
complete_bash() {
  bash --norc --noprofile -c '
    source /usr/share/bash-completion/bash_completion
    source completions/idtriage.bash
    complete -p idtriage >/dev/null || exit 3
    line=$1
    read -ra COMP_WORDS <<< "$line"
    [[ "$line" == *" " ]] && COMP_WORDS+=("")
    COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
    COMP_LINE=$line; COMP_POINT=${#line}
    _idtriage idtriage "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
    printf "%s\n" "${COMPREPLY[@]}"' _ "$1"
}
complete_zsh() { TERM=dumb zsh -f tests/cli/zsh_capture.zsh "$tmp/zfunc" "$1" 2>/dev/null | sed 's/ *$//'; }
complete_fish() { fish --no-config -c 'source completions/idtriage.fish; complete -C "$argv[1]"' "$1" | cut -f1; }

# expect SHELL LINE WORD...: every WORD is among the candidates.
expect() {
  local sh=$1 line=$2; shift 2
  local got; got=$(complete_$sh "$line")
  n=$((n+1))
  for w in "$@"; do
    if ! grep -qxF -- "$w" <<< "$got"; then
      echo "FAIL $sh: '$line<TAB>' does not offer '$w'; got: $(head -c 300 <<< "$got" | tr '\n' ' ')"
      fail=$((fail+1)); return
    fi
  done
}
# expect_path SHELL LINE NAME: a path ending in NAME is offered (zsh offers
# the last part alone, bash and fish the whole path).
expect_path() {
  local got; got=$(complete_$1 "$2")
  n=$((n+1))
  grep -qE "(^|/)$3\$" <<< "$got" || { echo "FAIL $1: '$2<TAB>' does not offer a path to $3"; fail=$((fail+1)); }
}
# refuse SHELL LINE WORD: WORD is not among the candidates.
refuse() {
  local got; got=$(complete_$1 "$2")
  n=$((n+1))
  if grep -qxF -- "$3" <<< "$got"; then echo "FAIL $1: '$2<TAB>' offers '$3'"; fail=$((fail+1)); fi
}

for sh in bash zsh fish; do
  expect $sh "idtriage tri" triage
  expect $sh "idtriage " triage playbook campaign
  expect $sh "idtriage triage --format " json md table
  expect $sh "idtriage classify -f " csv
  expect $sh "idtriage triage --color " auto always never
  expect $sh "idtriage triage --fail-on " high critical
  expect $sh "idtriage classify --only " mfa_failure portal_unreachable
  expect $sh "idtriage tickets --only " mfa_setup lockout
  expect $sh "idtriage stats --input-format " graph-json portal-csv
  expect $sh "idtriage playbook " provider_portal_outage lockout_wave
  expect $sh "idtriage playbook provider_p" provider_portal_outage
  expect $sh "idtriage campaign " plan check
  expect $sh "idtriage campaign plan --group-by " region office
  expect $sh "idtriage triage --st" --state --strict
  expect_path $sh "idtriage triage testdata/signin/SOU" SOURCES.md
  expect_path $sh "idtriage triage --rules testdata/signin/SOU" SOURCES.md
  expect_path $sh "idtriage campaign check testdata/campaign/dr" drill-plan.csv
  refuse $sh "idtriage triage --format " csv
  refuse $sh "idtriage playbook te" testdata/
  refuse $sh "idtriage triage --since te" testdata/
  refuse $sh "idtriage triage --since te" testdata
done
echo "completions: $((n-fail)) passed, $fail failed"
[ $fail -eq 0 ]
