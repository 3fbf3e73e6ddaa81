#!/usr/bin/env python3
"""Schema-style check of `idtriage triage --format json` (idtriage.triage/1,
docs/triage-json.md): every documented field is present with its type and
allowed values, and totals add up. Reads the JSON on stdin; exit 1 on the
first violation, naming the path."""
import json
import sys

KINDS = {"provider_portal_outage", "provider_auth_outage", "tenant_policy_block", "registration_blocked",
         "password_spray", "mfa_fatigue", "lockout_wave", "outage_phishing", "campaign_overload",
         "breakglass_stale", "breakglass_used"}
CAUSES = {"provider", "tenant", "attack", "user", "unknown"}
REASONS = {"input_unreadable", "all_rejected", "no_records_in_range", "no_dated_records", "no_records", "no_signins",
           "span_too_short", "time_outliers"}
SEVERITIES = ["info", "low", "medium", "high", "critical"]
SIGNIN = ["success", "interrupt", "auth_failure", "mfa_failure", "registration_failure", "service_error",
          "portal_unreachable", "unknown"]
PLACEHOLDERS = ["incident_id", "window", "since", "portal", "org", "helpdesk", "next_update", "user", "account", "region",
                "new_date", "when", "status", "suspected", "match", "cause"]
TICKETS = ["mfa_setup", "portal_unreachable", "signin_failure", "lockout", "mfa_prompts", "phishing_report", "other"]


def fail(path, msg):
    print(f"schema: {path}: {msg}")
    sys.exit(1)


def need(obj, key, types, path):
    if not isinstance(obj, dict) or key not in obj:
        fail(path, f"missing '{key}'")
    v = obj[key]
    if not isinstance(v, types):
        fail(f"{path}.{key}", f"expected {types}, got {type(v).__name__}")
    return v


def time_or_null(obj, key, path):
    v = need(obj, key, (str, type(None)), path)
    if isinstance(v, str) and not (len(v) == 20 and v[10] == "T" and v.endswith("Z")):
        fail(f"{path}.{key}", f"not RFC 3339 UTC seconds: {v}")


doc = json.load(sys.stdin)
if need(doc, "schema", str, "$") != "idtriage.triage/1":
    fail("$.schema", "wrong schema id")
w = need(doc, "window", dict, "$")
time_or_null(w, "start", "$.window")
time_or_null(w, "end", "$.window")
records = 0
for i, inp in enumerate(need(doc, "inputs", list, "$")):
    p = f"$.inputs[{i}]"
    need(inp, "path", str, p)
    if need(inp, "kind", str, p) not in {"signin", "audit", "ticket", "health", "unknown"}:
        fail(p + ".kind", "unknown kind")
    need(inp, "format", str, p)
    for k in ("records", "rejected", "duplicates", "filtered"):
        if need(inp, k, int, p) < 0:
            fail(f"{p}.{k}", "negative")
    time_or_null(inp, "first", p)
    time_or_null(inp, "last", p)
    need(inp, "error", (str, type(None)), p)
    if inp["kind"] in ("signin", "audit", "ticket"):
        records += inp["records"] - inp["duplicates"] - inp["filtered"]
t = need(doc, "totals", dict, "$")
s = need(t, "signin", dict, "$.totals")
if list(s) != SIGNIN:
    fail("$.totals.signin", f"classes {list(s)}")
if list(need(t, "tickets", dict, "$.totals")) != TICKETS:
    fail("$.totals.tickets", "ticket classes")
a = need(t, "audit", dict, "$.totals")
h = need(t, "health", dict, "$.totals")
need(h, "issues", int, "$.totals.health")
need(h, "identity_relevant", int, "$.totals.health")
total = sum(s.values()) + sum(a.values()) + sum(t["tickets"].values())
if total != records:
    fail("$.totals", f"sum {total} != records analysed {records}")
need(doc, "verdict", str, "$")
need(doc, "verdict_detail", str, "$")
state = need(doc, "verdict_state", str, "$")
if state not in ("findings", "all_clear", "incomplete"):
    fail("$.verdict_state", state)
reasons = need(doc, "incomplete", list, "$")
for i, r in enumerate(reasons):
    p = f"$.incomplete[{i}]"
    if need(r, "reason", str, p) not in REASONS:
        fail(p + ".reason", r["reason"])
    need(r, "input", (str, type(None)), p)
    need(r, "detail", str, p)
if state == "incomplete" and not reasons:
    fail("$.incomplete", "an incomplete verdict names its reasons")
if state == "all_clear" and reasons:
    fail("$.incomplete", "an all-clear with reasons not to be one")
per = need(doc, "period", dict, "$")
time_or_null(per, "start", "$.period")
time_or_null(per, "end", "$.period")
need(per, "bucket_minutes", int, "$.period")
need(per, "requested_bucket_minutes", int, "$.period")
need(per, "multi_day", bool, "$.period")
out = need(per, "outliers", dict, "$.period")
need(out, "count", int, "$.period.outliers")
time_or_null(out, "first", "$.period.outliers")
time_or_null(out, "last", "$.period.outliers")
ids = {f"F{i + 1}" for i in range(len(doc.get("findings", [])))}
last_sev = len(SEVERITIES)
for i, f in enumerate(need(doc, "findings", list, "$")):
    p = f"$.findings[{i}]"
    if need(f, "id", str, p) != f"F{i + 1}":
        fail(p + ".id", "ids must be F1.. in order")
    if need(f, "kind", str, p) not in KINDS:
        fail(p + ".kind", f["kind"])
    sev = need(f, "severity", str, p)
    if sev not in SEVERITIES:
        fail(p + ".severity", sev)
    if SEVERITIES.index(sev) > last_sev:
        fail(p, "findings not ordered most severe first")
    last_sev = SEVERITIES.index(sev)
    c = need(f, "confidence", (int, float), p)
    if not 0 <= c <= 1:
        fail(p + ".confidence", str(c))
    if need(f, "cause", str, p) not in CAUSES:
        fail(p + ".cause", f["cause"])
    need(f, "suspected", bool, p)
    fw = need(f, "window", dict, p)
    time_or_null(fw, "start", p + ".window")
    time_or_null(fw, "end", p + ".window")
    need(f, "summary", str, p)
    need(f, "ongoing", bool, p)
    need(f, "root_cause", str, p)
    for x in need(f, "related", list, p):
        if x not in ids or x == f["id"]:
            fail(p + ".related", f"not another finding's id: {x}")
    m = need(f, "message", dict, p)
    for k in ("subject", "body"):
        t = need(m, k, str, p + ".message")
        if "{" in t and any(("{" + ph + "}") in t for ph in PLACEHOLDERS):
            fail(p + ".message." + k, "a placeholder is left in it")
    for k in ("actions", "do_not"):
        for t in f.get(k, []):
            if any(("{" + ph + "}") in t for ph in PLACEHOLDERS):
                fail(p + "." + k, "a placeholder is left in: " + t)
    e = need(f, "evidence", dict, p)
    for i2, b in enumerate(need(e, "breached", list, p + ".evidence")):
        q = f"{p}.evidence.breached[{i2}]"
        need(b, "user", str, q)
        need(b, "ip", str, q)
        time_or_null(b, "time", q)
        if need(b, "result", str, q) not in ("signed_in", "mfa_prompted"):
            fail(q + ".result", b["result"])
    need(e, "affected_total", int, p + ".evidence")
    affected = need(e, "affected_users", list, p + ".evidence")
    if len(affected) > e["affected_total"]:
        fail(p + ".evidence.affected_users", "more than affected_total")
    for i2, u in enumerate(affected):
        q = f"{p}.evidence.affected_users[{i2}]"
        need(u, "user", str, q)
        time_or_null(u, "first", q)
        time_or_null(u, "last", q)
        need(u, "classes", list, q)
        need(u, "ticket_ids", list, q)
    for k in ("health_incidents", "ticket_ids", "lines"):
        for x in need(e, k, list, p + ".evidence"):
            if not isinstance(x, str):
                fail(f"{p}.evidence.{k}", "not a string")
    if need(e, "tickets", int, p + ".evidence") < len(e["ticket_ids"]):
        fail(p + ".evidence.ticket_ids", "more ids than tickets")
    need(e, "users", int, p + ".evidence")
    need(e, "counts", dict, p + ".evidence")
    need(e, "rates", dict, p + ".evidence")
    for k, key in (("top_codes", "code"), ("top_apps", "app"), ("top_ips", "ip"), ("top_users", "user")):
        for x in need(e, k, list, p + ".evidence"):
            need(x, key, str, f"{p}.evidence.{k}")
            need(x, "count", int, f"{p}.evidence.{k}")
    need(f, "playbook", str, p)
    need(f, "actions", list, p)
    if not need(f, "do_not", list, p):
        fail(p + ".do_not", "empty: every finding carries its do-not list")
for x in need(doc, "undecided", list, "$"):
    if not isinstance(x, str):
        fail("$.undecided", "not a string")
# With --state (docs/alerting.md): each finding's change and the alert object.
CHANGES = ("new", "changed", "ended", "unchanged")
if "alert" in doc:
    al = need(doc, "alert", dict, "$")
    need(al, "state_file", str, "$.alert")
    if need(al, "state", str, "$.alert") not in ("ok", "missing", "unreadable", "damaged", "newer"):
        fail("$.alert.state", al["state"])
    note = need(al, "note", (str, type(None)), "$.alert")
    if (al["state"] == "ok") != (note is None):
        fail("$.alert.note", "a note exactly when the state could not be used")
    time_or_null(al, "previous_run", "$.alert")
    need(al, "partial", bool, "$.alert")
    need(al, "carried", int, "$.alert")
    counts = need(al, "counts", dict, "$.alert")
    if list(counts) != list(CHANGES):
        fail("$.alert.counts", f"keys {list(counts)}")
    items = list(doc["findings"])
    for i, g in enumerate(need(al, "no_longer_reported", list, "$.alert")):
        q = f"$.alert.no_longer_reported[{i}]"
        if need(g, "change", str, q) != "ended":
            fail(q + ".change", "a finding no longer reported has ended")
        if need(g, "kind", str, q) not in KINDS:
            fail(q + ".kind", g["kind"])
        need(g, "subject", (str, type(None)), q)
        if need(g, "severity", str, q) not in SEVERITIES:
            fail(q + ".severity", g["severity"])
        time_or_null(need(g, "window", dict, q), "start", q + ".window")
        time_or_null(g, "first_reported", q)
        items.append(g)
    for i, f in enumerate(items):
        q = f"$.findings[{i}]"
        if need(f, "change", str, q) not in CHANGES:
            fail(q + ".change", f["change"])
        need(f, "change_detail", str, q)
        if need(f, "alert", bool, q) and f["change"] == "unchanged":
            fail(q + ".alert", "an unchanged finding never alerts")
    for c in CHANGES:
        if counts[c] != sum(1 for f in items if f["change"] == c):
            fail("$.alert.counts." + c, "does not count the findings")
    if need(al, "alert", bool, "$.alert") != any(f["alert"] for f in items):
        fail("$.alert.alert", "is not 'some change alerts'")
    if al["alert"] and doc["exit_code"] not in (1, 3, 6):
        fail("$.exit_code", "something to alert on never exits 0 or 5")
elif any("change" in f for f in doc["findings"]):
    fail("$.findings", "a change without --state")
if need(doc, "exit_code", int, "$") not in (0, 1, 3, 5, 6):
    fail("$.exit_code", str(doc["exit_code"]))
if state == "incomplete" and doc["exit_code"] == 0:
    fail("$.exit_code", "an incomplete verdict never exits 0")
if reasons and doc["exit_code"] == 0:
    fail("$.exit_code", "a run that could not judge everything never exits 0")
print("schema: ok")
