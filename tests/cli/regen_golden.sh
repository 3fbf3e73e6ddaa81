#!/usr/bin/env bash
# Rewrites tests/golden/*.out, man/ and completions/ from the current binary.
# Review the diff before committing: a golden change is a contract change.
set -eu
bin=$(realpath "${1:-build/idtriage}")
cd "$(dirname "$0")/../.."
exec tests/cli/run_golden.sh "$bin" "$PWD" --regen
