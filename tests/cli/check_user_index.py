#!/usr/bin/env python3
# Why: `idtriage user` must give the same answer with an index as without
# (only `source` may differ), must notice an input that changed since the
# index was built, and its JSON must carry the idtriage.user/1 fields
# (docs/user-json.md). Run by run_golden.sh over a copy of the drill.
import gzip, json, os, shutil, subprocess, sys, tempfile

bin_, src = sys.argv[1], sys.argv[2]
drill = os.path.join(src, "testdata", "drill-mo1329260")
KEYS = {"schema", "query", "found", "suggestions", "via_ticket", "user", "source", "signins", "registration",
        "tickets", "covered_by", "facts", "diagnosis"}
problems = []
with tempfile.TemporaryDirectory(prefix="idtriage-user-") as d:
    with gzip.open(os.path.join(drill, "signins.jsonl.gz"), "rb") as f, open(os.path.join(d, "signins.jsonl"), "wb") as o:
        shutil.copyfileobj(f, o)
    for n in ("audit.json", "tickets.csv", "health.json"):
        shutil.copy(os.path.join(drill, n), d)
    inputs = [os.path.join(d, n) for n in ("signins.jsonl", "audit.json", "tickets.csv", "health.json")]

    def user(who, *extra):
        p = subprocess.run([bin_, "user", "--format", "json", *extra, who, *inputs], capture_output=True, text=True)
        return json.loads(p.stdout), p.stderr, p.returncode

    r = subprocess.run([bin_, "index", *inputs], capture_output=True, text=True)
    if r.returncode != 0 or not os.path.exists(os.path.join(d, "idtriage.index")):
        problems.append(f"index failed: {r.stderr}")
    for who in ("amara.mueller@contoso.com", "INC0010002", "Wei Müller", "lukas.adam@contoso.com",
                "7dfc02d4-7c6f-416a-aebc-fa31acf135a3"):
        a, _, ca = user(who)
        b, _, cb = user(who, "--no-index")
        if set(a) - {"not_found"} != KEYS:
            problems.append(f"{who}: keys {sorted(set(a))}")
        if not a["source"]["method"].startswith("index "):
            problems.append(f"{who}: index not used ({a['source']['method']})")
        for k in a:
            if k != "source" and a[k] != b.get(k):
                problems.append(f"{who}: '{k}' differs with the index")
        if ca != cb:
            problems.append(f"{who}: exit {ca} with the index, {cb} without")
    # An input that changed: the index is not used, and stderr says why.
    with open(inputs[2], "a", encoding="utf-8") as f:
        f.write("INC0010999,2026-06-01 10:00:00,test,test,Nobody,New,Software,Identity & Access\n")
    a, err, _ = user("amara.mueller@contoso.com")
    if a["source"]["method"].startswith("index ") or "changed since the index was built" not in err:
        problems.append(f"stale index used: {a['source']['method']} / {err.strip()}")
for p in problems:
    print(p)
print("user index: ok" if not problems else f"user index: {len(problems)} problem(s)")
sys.exit(1 if problems else 0)
