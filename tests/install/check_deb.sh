#!/usr/bin/env bash
# Why: the .deb is what an admin installs, so it is checked the way they use
# it: built by CPack from a portable build (no -march=native), installed with
# dpkg -i into this machine, then `man idtriage` finds the page, `idtriage
# --version` runs, and tab completion loads from the installed paths in
# bash (bash-completion's on-demand loading), zsh (vendor-completions on the
# default $fpath) and fish (vendor_completions.d). Not in ctest (it installs
# into the machine and needs a second build); run it by hand or in CI.
# Usage (root, Debian 12): tests/install/check_deb.sh [BUILD_DIR] [--keep]
#   BUILD_DIR defaults to build-deb; --keep leaves the package installed.
set -euo pipefail
cd "$(dirname "$0")/../.."
dir=build-deb; keep=""
for a in "$@"; do case $a in --keep) keep=1 ;; *) dir=$a ;; esac; done
[ "$(id -u)" -eq 0 ] || { echo "check_deb.sh: run as root (it installs the package)" >&2; exit 2; }
for p in scdoc dpkg-dev bash-completion zsh fish man-db; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || {
    echo "check_deb.sh: needs $p (apt-get install $p)" >&2; exit 2; }
done

cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=Release -DIDTRIAGE_NATIVE=OFF -DIDTRIAGE_TESTS=OFF >/dev/null
cmake --build "$dir" -j "$(nproc)" >/dev/null
rm -f "$dir"/idtriage_*.deb
(cd "$dir" && cpack -G DEB >/dev/null)
deb=$(ls "$dir"/idtriage_*.deb)
echo "built $deb"
dpkg-deb --field "$deb" Package Version Architecture Depends

fail=0
check() {  # description, command...
  local what=$1; shift
  if out=$("$@" 2>&1); then echo "ok   $what: $(head -1 <<< "$out")"; else echo "FAIL $what: $out"; fail=$((fail+1)); fi
}
dpkg -i "$deb" >/dev/null
[ -n "$keep" ] || trap 'dpkg -r idtriage >/dev/null' EXIT

check "binary on PATH" sh -c 'command -v idtriage | grep -qx /usr/bin/idtriage && idtriage --version'
check "man -w idtriage" sh -c 'man -w idtriage | grep -q "^/usr/share/man/man1/idtriage.1" && man -w idtriage'
check "man -w idtriage-triage" man -w idtriage-triage
check "man renders" sh -c 'MANWIDTH=80 man idtriage 2>/dev/null | grep -q "EXIT STATUS" && echo "idtriage(1) has EXIT STATUS"'
check "bash completion loads" bash --norc --noprofile -c '
  source /usr/share/bash-completion/bash_completion
  __load_completion idtriage && complete -p idtriage
  COMP_WORDS=(idtriage playbook provider_p); COMP_CWORD=2; _idtriage
  printf "%s\n" "${COMPREPLY[@]}" | grep -qx provider_portal_outage'
check "zsh completion loads" sh -c 'TERM=dumb zsh -f tests/cli/zsh_capture.zsh /nonexistent "idtriage triage --format " | grep -qx json && echo json'
# fish --no-config skips vendor_completions.d too: a fresh HOME keeps user config out instead.
home=$(mktemp -d /tmp/idtriage-deb-home.XXXXXX)
check "fish completion loads" sh -c 'HOME=$1 XDG_CONFIG_HOME=$1 XDG_DATA_HOME=$1 fish -c "complete -C \"idtriage triage --color \"" | cut -f1 | grep -qx never && echo never' _ "$home"
rm -rf "$home"
[ -n "$keep" ] && echo "left installed (--keep); remove with: dpkg -r idtriage"
[ $fail -eq 0 ] && echo "deb: all checks passed" || { echo "deb: $fail checks failed"; exit 1; }
