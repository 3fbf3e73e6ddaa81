# Why: zsh completes only inside its line editor, so the completion test
# (check_completions.sh) drives an interactive zsh through a pty (zsh/zpty):
# compinit with the completion's directory on $fpath, TAB bound to
# complete-word, compadd wrapped to print each candidate.
# Usage: zsh -f zsh_capture.zsh FPATH_DIR "command line"   (one candidate a line)
zmodload zsh/zpty || exit 1
zpty z zsh -f -i
zpty -w z "fpath=($1 \$fpath); PROMPT=; autoload -U compinit; compinit -u -D"
zpty -w z 'bindkey "^I" complete-word'
zpty -w z 'comppostfuncs=( _cap_done ); _cap_done() { print -r -- "<<END>>"; exit }'
zpty -w z 'compadd() { local -a __hits; builtin compadd -A __hits "$@"; local h; for h in $__hits; do print -r -- "<<C>>$h"; done; builtin compadd "$@" }'
zpty -w z 'print -r -- "<<READY>>"'
local line
while zpty -r z line; do [[ $line == *'<<READY>>'* && $line != *print* ]] && break; done
zpty -w -n z "$2"$'\t'
while zpty -r z line; do
  [[ $line == *'<<END>>'* ]] && break
  line=${${line//$'\r'/}%$'\n'}
  [[ $line == *'<<C>>'* ]] && print -r -- "${line#*<<C>>}"
done
zpty -d z
