#!/usr/bin/env bash
# Rewrites tests/golden/*.out and completions/ from the current binary
# (man/*.scd are written by hand: tests/cli/check_man.py checks them).
# Review the diff before committing: a golden change is a contract change.
set -eu
bin=$(realpath "${1:-build/idtriage}")
cd "$(dirname "$0")/../.."
exec tests/cli/run_golden.sh "$bin" "$PWD" --regen
