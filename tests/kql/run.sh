#!/usr/bin/env bash
# Why: one ctest (kql_validate) for everything idtriage emits as KQL: both
# flavours, the functions used as docs/scale.md shows, and hostile --rules
# patterns. One node process validates all files (start-up and parser
# warm-up are paid once): no diagnostic at all (error, warning or
# suggestion), every exported rule string read back exactly by Kusto's lexer,
# and kql_string's escapes decoded as intended.
# Usage: run.sh IDTRIAGE UNIT_TESTS SOURCE_DIR TOOL_DIR OUT_DIR NODE [NODE_ARGS...]
set -euo pipefail
bin=$1 unit=$2 src=$3 tool=$4 out=$5
shift 5
node=("$@")
rules=$src/tests/kql/hostile.rules
mkdir -p "$out"
"$bin" rules --kql > "$out/rules.la.kql"
"$bin" rules --kql --flavor adx > "$out/rules.adx.csl"
"$bin" rules --kql --rules "$rules" --table-prefix Hx > "$out/hostile.la.kql"
"$bin" rules --format json --rules "$rules" > "$out/hostile.json"
# Every string the export carries, as the JSON document lists it.
python3 - "$out/hostile.json" > "$out/expected-literals.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
want = []
for c in d["signin"]["codes"]:
    want += [c["reason"], c["name"], c["meaning"], c["advice"], c["rule_id"], c["portal_rule_id"]]
for r in d["signin"]["mfa_detail_rules"]:
    want += [r["rule_id"], r["needle"], r["reason"]]
want += d["signin"]["security_info_apps"]["ids"] + d["signin"]["security_info_apps"]["names"]
for r in d["audit"]["rules"]:
    want += [r["rule_id"], r["service"], r["category"], r["activity"]]
for r in d["tickets"]["rules"]:
    want += [r["rule_id"], r["kql_pattern"], r["kql_unless"]]
assert any(r["rule_id"] == "hostile.controls" for r in d["tickets"]["rules"]), "hostile rules not loaded"
json.dump(sorted(set(want)), sys.stdout, ensure_ascii=False)
PY
# kql_string's output for awkward values (the unit test writes the pairs).
IDTRIAGE_KQL_LITERALS="$out/literals.json" "$unit" "[kql-literals]" > "$out/unit.log" || { cat "$out/unit.log"; exit 1; }
NODE_PATH=$tool/node_modules "${node[@]}" "$src/tests/kql/validate.js" --split blank --fail-on suggestion \
  --literals "$out/literals.json" --expect-literals "$out/expected-literals.json" \
  "$out/rules.la.kql" "$out/rules.adx.csl" "$src/tests/kql/uses_functions.kql" --parse-only "$out/hostile.la.kql"
