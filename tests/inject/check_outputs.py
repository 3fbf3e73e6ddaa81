#!/usr/bin/env python3
# Why: issue 10, "nothing injected". Builds hostile copies of the MO1329260
# drill (ticket CSV, sign-in JSON lines, health JSON with entity-encoded HTML,
# a file whose name holds an escape sequence) and runs every command in every
# output format over them, asserting: no raw control, bidi or invisible
# character reaches a table, a Markdown report or stderr (and the data is
# shown as "<U+202E>" markers, not dropped); CSV and TSV cells are guarded
# against formulas and carry no raw controls; Markdown has no live HTML or
# links from data; JSON stays valid and keeps the values exactly.
# Usage: check_outputs.py BINARY SOURCE_DIR
import csv
import gzip
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata

BIN, SRC = sys.argv[1], sys.argv[2]
DRILL = os.path.join(SRC, "testdata", "drill-mo1329260")

RLO = "\u202e"
CLEAR = "\x1b[2J"
NUL = "\x00"
INVISIBLE = "\u200b\ufeff\u2066x\u2069"
FORMULA = '=HYPERLINK("http://evil.example/x","open")'
IMG = "<img src=x onerror=alert(1)>"
LINK = "[click](javascript:alert(1))"

failures = []
checks = 0


def check(cond, what):
    global checks
    checks += 1
    if not cond:
        failures.append(what)


def make_inputs(d):
    # Tickets: hostile ids (they reach triage's evidence) and titles.
    with open(os.path.join(DRILL, "tickets.csv"), newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    ids = ["INC" + RLO + CLEAR + "0001", FORMULA, IMG, LINK, "INC" + NUL + "0005", "@INC" + INVISIBLE]
    for i, new in enumerate(ids, start=1):
        rows[i][0] = new
    rows[1][2] += " " + IMG + " " + LINK + " " + RLO + "gpj.exe " + CLEAR
    rows[2][2] = "+cmd|' /C calc'!A0 " + rows[2][2]
    rows[3][2] += " \x9b31m\x07" + NUL
    with open(os.path.join(d, "tickets.csv"), "w", newline="", encoding="utf-8") as f:
        csv.writer(f, lineterminator="\r\n").writerows(rows)

    # Health: the identity issue's title and posts carry entity-encoded HTML
    # (decoded by the parser, so it must be escaped again on output).
    with open(os.path.join(DRILL, "health.json"), encoding="utf-8") as f:
        health = json.load(f)
    for issue in health["value"]:
        if issue["id"] == "MO1329260":
            # (the start, so a cut table cell still shows it)
            issue["title"] = ("&#x202E;&lt;script&gt;alert(1)&lt;/script&gt; " + issue["title"] +
                              " &lt;img src=x onerror=alert(1)&gt; [click](javascript:alert(1)) &#27;[2J")
            for p in issue.get("posts", []):
                p["description"]["content"] += "<p>&lt;script&gt;alert(2)&lt;/script&gt; \u202e</p>"
    with open(os.path.join(d, "health.json"), "w", encoding="utf-8") as f:
        json.dump(health, f, ensure_ascii=False)

    # Sign-ins: every UPN carries U+202E (raw UTF-8 on even lines, \u202e on
    # odd ones); some records get a NUL and ESC in names, a formula as app and
    # markup as IP address.
    out = []
    with gzip.open(os.path.join(DRILL, "signins.jsonl.gz"), "rt", encoding="utf-8") as f:
        for n, line in enumerate(f):
            r = json.loads(line)
            p = r.get("properties", {})
            if "userPrincipalName" in p:
                p["userPrincipalName"] = p["userPrincipalName"].replace("@", RLO + "@")
            if n % 97 == 0:
                p["userDisplayName"] = "Eve" + NUL + CLEAR + INVISIBLE
                p["appDisplayName"] = FORMULA
                p["ipAddress"] = IMG
            out.append(json.dumps(r, ensure_ascii=(n % 2 == 1)))
    with gzip.open(os.path.join(d, "signins.jsonl.gz"), "wt", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
    # The record-level commands get a few hundred (keeps the suite fast).
    with open(os.path.join(d, "some-signins.jsonl"), "w", encoding="utf-8") as f:
        f.write("\n".join(out[:400]) + "\n")
    shutil.copy(os.path.join(DRILL, "audit.json"), os.path.join(d, "audit.json"))

    # A file whose name is an escape sequence and a bidi override.
    evil = os.path.join(d, "evil" + CLEAR + RLO + "nosj.json")
    shutil.copy(os.path.join(SRC, "testdata", "signin", "graph-docs-beta_signin-list.example1.response.json"), evil)
    return evil


def forbidden(text):
    """Code points that must never reach a terminal or a Markdown reader raw."""
    bad = set()
    for ch in text:
        o = ord(ch)
        if ch == "\n":
            continue
        if o < 0x20 or 0x7F <= o <= 0x9F or unicodedata.category(ch) in ("Cf", "Zl", "Zp"):
            bad.add(f"U+{o:04X}")
    return bad


def run(args):
    p = subprocess.run([BIN] + args, capture_output=True, timeout=120)
    return p.returncode, p.stdout, p.stderr


def human(name, data):
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        check(False, f"{name}: not UTF-8 ({e})")
        return ""
    bad = forbidden(text)
    check(not bad, f"{name}: raw {sorted(bad)}")
    return text


def cells_guarded(name, rows):
    for row in rows:
        for c in row:
            if c[:1] in ("=", "+", "@", "\t", "\r") or (c[:1] == "-" and not c.replace("-", "", 1).replace(".", "").isdigit()):
                check(False, f"{name}: unguarded cell {c[:40]!r}")
                return
            bad = {x for x in forbidden(c) if x not in ("U+000A", "U+000D", "U+0009")}
            if bad:
                check(False, f"{name}: cell {c[:40]!r} has raw {sorted(bad)}")
                return
    check(True, name)


def expect_outputs(name, fmt, out, etext, formula=True):
    """What must hold of one command's output in one format (the hostile data shown, nothing live)."""
    if fmt in ("table", "md", "ics"):
        text = human(name, out.replace(b"\r\n", b"\n") if fmt == "ics" else out)
        check("<U+202E>" in text + etext, f"{name}: hostile data not shown as <U+202E>")
        if fmt == "md":
            for raw in ("<img", "<script", "http://evil"):
                check(raw not in text, f"{name}: live {raw!r} from data")
            # a link or image needs an unescaped "[" ... "](" pair
            check(not re.search(r"(?<!\\)\[[^\]]*(?<!\\)\]\(", text), f"{name}: live link from data")
    elif fmt in ("csv", "tsv"):
        text = out.decode("utf-8")
        rows = (list(csv.reader(io.StringIO(text))) if fmt == "csv"
                else [l.split("\t") for l in text.split("\n") if l])
        if fmt == "tsv":
            check("\r" not in text, f"{name}: raw CR in TSV")
        cells_guarded(name, rows)
        flat = [c for r in rows for c in r]
        if formula:
            check(any(c.startswith("'" + FORMULA) for c in flat), f"{name}: formula cell not found guarded")
        check(any("<U+202E>" in c for c in flat), f"{name}: U+202E not shown as marker")
    else:
        text = out.decode("utf-8")
        check(not forbidden(text.replace("\t", " ")), f"{name}: raw hidden characters in JSON text")
        try:
            values = [json.loads(l) for l in text.splitlines() if l.strip()] if fmt == "jsonl" else [json.loads(text)]
            check(RLO in json.dumps(values, ensure_ascii=False), f"{name}: value lost its U+202E")
        except ValueError as e:
            check(False, f"{name}: invalid JSON: {e}")


def main():
    d = tempfile.mkdtemp(prefix="idt-inject.")
    try:
        evil = make_inputs(d)
        sig, aud, tic, hea = (os.path.join(d, n) for n in ("signins.jsonl.gz", "audit.json", "tickets.csv", "health.json"))
        some = os.path.join(d, "some-signins.jsonl")
        runs = {
            "classify": (["classify"], [some, evil], ["table", "jsonl", "csv", "tsv"]),
            "detect": (["detect"], [some, aud, tic, hea, evil], ["table", "json", "jsonl", "csv", "tsv"]),
            "stats": (["stats"], [some, evil], ["table", "json"]),
            "tickets": (["tickets", "--limit", "20"], [tic], ["table", "jsonl", "csv", "tsv", "json"]),
            "health": (["health"], [hea], ["table", "jsonl", "json"]),
            "triage": (["triage"], [sig, aud, tic, hea], ["table", "json", "md"]),
        }
        for cmd, (head, files, formats) in runs.items():
            for fmt in formats:
                name = f"{cmd} --format {fmt}"
                rc, out, err = run(head + ["--format", fmt, "--color", "never"] + files)
                check(rc in (0, 1), f"{name}: exit {rc}: {err[:300]!r}")
                etext = human(name + " (stderr)", err)
                expect_outputs(name, fmt, out, etext, formula=cmd != "detect")  # detect shows file names and formats only
                if fmt == "md":
                    text = out.decode("utf-8")
                    check("&lt;img src=x onerror=alert(1)&gt;" in text, f"{name}: escaped HTML missing")
                    check("\\[click\\](javascript:alert(1))" in text, f"{name}: escaped link missing")
                    check("&lt;script&gt;" in text, f"{name}: decoded health HTML not shown escaped")

        # Triage must have read the hostile ticket ids into a finding (else
        # the Markdown checks above prove nothing).
        rc, out, _ = run(["triage", "--format", "md", sig, aud, tic, hea])
        md = out.decode("utf-8")
        check("INC<U+202E><U+001B>\\[2J0001" in md, "triage md: hostile ticket id not in the evidence")
        check('=HYPERLINK("http:\\/\\/evil.example/x","open")' in md, "triage md: formula ticket id not shown as text")

        # Error messages quote names and values: stderr stays clean.
        for name, args in {
            "missing file": ["classify", os.path.join(d, "gone" + CLEAR + RLO + ".json")],
            "bad format value": ["classify", "--format", "x" + CLEAR + RLO, some],
            "bad code": ["explain", "1" + CLEAR + RLO],
            "bad --set": ["playbook", "provider_portal_outage", "--set", "x" + CLEAR + RLO],
            "unknown command": ["tri" + CLEAR + RLO],
        }.items():
            rc, out, err = run(args)
            check(rc in (2, 3), f"{name}: exit {rc}")
            text = human(name + " (stderr)", err)
            check("<U+001B>" in text and "<U+202E>" in text, f"{name}: value not shown as markers: {text[:200]!r}")

        # Precheck, campaign and user read configuration-like files (CA
        # policies, named locations, user lists, plans): their parsers pass
        # the raw text on, and every renderer and error line escapes it.
        pol = os.path.join(d, "policy.json")
        with open(os.path.join(SRC, "testdata", "policies", "filipin_201-register-security-information.json"),
                  encoding="utf-8") as f:
            policy = json.load(f)
        policy["displayName"] = "CA" + RLO + CLEAR + IMG + LINK
        policy["state"] = "enabled"
        with open(pol, "w", encoding="utf-8") as f:
            json.dump(policy, f, ensure_ascii=False)
        loc = os.path.join(d, "location.json")
        with open(loc, "w", encoding="utf-8") as f:
            json.dump({"@odata.type": "#microsoft.graph.ipNamedLocation", "id": "x", "isTrusted": False,
                       "displayName": "LOC" + RLO + CLEAR,
                       "ipRanges": [{"@odata.type": "#microsoft.graph.iPv4CidrRange",
                                     "cidrAddress": "10.0.0.0/99" + CLEAR + RLO}]}, f, ensure_ascii=False)
        for fmt in ("table", "md", "csv", "json"):
            name = f"precheck --format {fmt}"
            rc, out, err = run(["precheck", "--format", fmt, "--color", "never", "--action", "ca-change",
                                "--at", "2026-06-01T23:59:00Z", "--policy", pol, loc, sig, aud, hea])
            check(rc in (0, 3, 10, 11), f"{name}: exit {rc}: {err[:300]!r}")
            etext = human(name + " (stderr)", err)
            check("LOC<U+202E><U+001B>" in etext, f"{name}: the bad named location's error not shown escaped")
            expect_outputs(name, fmt, out, etext, formula=False)

        users = os.path.join(d, "users.csv")
        with open(os.path.join(DRILL, "users.csv"), newline="", encoding="utf-8") as f:
            rows = list(csv.reader(f))
        rows[1][1] = "Lidia" + RLO + CLEAR + IMG
        rows[2][8] = FORMULA
        rows.append(["bad" + CLEAR + RLO + "user", "x"] + [""] * (len(rows[0]) - 2))
        with open(users, "w", newline="", encoding="utf-8") as f:
            csv.writer(f).writerows(rows)
        for fmt in ("table", "csv", "json", "ics"):
            name = f"campaign plan --format {fmt}"
            rc, out, err = run(["campaign", "plan", "--format", fmt, "--color", "never", "--start", "2026-06-01",
                                "--wave-size", "1000", users])
            check(rc == 0, f"{name}: exit {rc}: {err[:300]!r}")
            etext = human(name + " (stderr)", err)
            check("bad<U+001B>[2J<U+202E>user" in etext, f"{name}: the rejected row not shown escaped")
            expect_outputs(name, fmt, out, etext)

        plan = os.path.join(d, "plan.csv")
        with open(os.path.join(SRC, "testdata", "campaign", "drill-plan.csv"), newline="", encoding="utf-8") as f:
            rows = list(csv.reader(f))
        for r in rows[1:]:
            r[0] = "W" + RLO + CLEAR + r[0]
        rows[2][11] = IMG
        rows.append(list(rows[1]))
        rows[-1][4] = "soon" + CLEAR + RLO
        with open(plan, "w", newline="", encoding="utf-8") as f:
            csv.writer(f).writerows(rows)
        for fmt in ("table", "csv", "json"):
            name = f"campaign check --format {fmt}"
            rc, out, err = run(["campaign", "check", "--format", fmt, "--color", "never",
                                "--at", "2026-06-01T23:59:00Z", plan, aud])
            check(rc in (0, 1), f"{name}: exit {rc}: {err[:300]!r}")
            etext = human(name + " (stderr)", err)
            check("soon<U+001B>[2J<U+202E>" in etext, f"{name}: the rejected plan row not shown escaped")
            expect_outputs(name, fmt, out, etext, formula=False)

        for fmt in ("table", "json"):
            name = f"user --format {fmt}"
            rc, out, err = run(["user", "--format", fmt, "--color", "never", "INC" + RLO + CLEAR + "0001",
                                sig, aud, tic, hea])
            check(rc in (0, 2), f"{name}: exit {rc}: {err[:300]!r}")
            etext = human(name + " (stderr)", err)
            expect_outputs(name, fmt, out, etext)
        rc, out, err = run(["user", "--quick", "amara" + CLEAR + RLO + "@contoso.com", sig, aud, tic, hea])
        check(rc == 2, f"user unknown: exit {rc}")
        etext = human("user unknown (stderr)", err)
        check("amara<U+001B>[2J<U+202E>@contoso.com" in etext, f"user unknown: query not shown escaped: {etext[:200]!r}")

        # Playbook fill: --set values in table and Markdown.
        for fmt in ("table", "md"):
            rc, out, err = run(["playbook", "provider_portal_outage", "--format", fmt,
                                "--set", "incident_id=MO1" + CLEAR + RLO + IMG])
            text = human(f"playbook --format {fmt}", out)
            check("MO1<U+001B>[2J<U+202E>" in text, f"playbook --format {fmt}: --set value not shown as markers")
    finally:
        shutil.rmtree(d, ignore_errors=True)
    for f in failures:
        print("FAIL", f)
    print(f"{checks - len(failures)} of {checks} checks passed")
    return 1 if failures else 0


sys.exit(main())
