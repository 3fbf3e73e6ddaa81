#!/usr/bin/env python3
# Why: docs/scale.md shows the ready KQL query as `idtriage rules --kql`
# generates it and names every triage bucket column; a doc that drifts from the
# binary is wrong the day it is read. Usage: check_scale_doc.py BINARY DOC [--regen]
import json
import re
import subprocess
import sys

BEGIN = "<!-- BEGIN generated: IdtTriageAggregate from `idtriage rules --kql` -->\n"
END = "<!-- END generated -->"


def main(binary: str, doc_path: str, regen: bool) -> int:
    kql = subprocess.run([binary, "rules", "--kql"], check=True, capture_output=True, text=True).stdout
    rules = json.loads(subprocess.run([binary, "rules", "--format", "json"], check=True, capture_output=True,
                                      text=True).stdout)
    query = re.search(r"^let IdtTriageAggregate = .*?^\};$", kql, re.S | re.M)
    if not query:
        print("check_scale_doc: no IdtTriageAggregate in `idtriage rules --kql`")
        return 1
    doc = open(doc_path, encoding="utf-8").read()
    block = BEGIN + "```kql\n" + query.group(0) + "\n```\n" + END
    new = re.sub(re.escape(BEGIN) + r".*?" + re.escape(END), lambda m: block, doc, flags=re.S)
    if new == doc and block not in doc:
        print(f"{doc_path}: the generated-block markers are missing")
        return 1
    if regen:
        open(doc_path, "w", encoding="utf-8").write(new)
    elif new != doc:
        print(f"{doc_path}: the query block differs from `idtriage rules --kql`")
        return 1
    missing = [c["name"] for c in rules["triage_buckets"]["columns"] if f"`{c['name']}`" not in new]
    if missing:
        print(f"{doc_path} does not name the bucket columns: {', '.join(sorted(set(missing)))}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], len(sys.argv) > 3 and sys.argv[3] == "--regen"))
