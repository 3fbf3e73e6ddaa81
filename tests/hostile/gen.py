#!/usr/bin/env python3
# Why: the hostile-input suite (run_hostile.sh) builds every input it needs
# from this generator, so no large or binary file is committed and each case
# says in code what is hostile about it. Usage: gen.py KIND OUT [ARGS...]
import gzip
import json
import sys
import zlib


def signin(i, user=None, code=50126, when="2026-06-01T05:50:00Z", extra=None):
    props = {
        "id": f"id-{i}",
        "createdDateTime": when,
        "userPrincipalName": user or f"user{i % 97}@contoso.com",
        "appDisplayName": "My Signins",
        "appId": "19db86c3-b2b9-44cc-b339-36da233a3be2",
        "ipAddress": f"203.0.113.{i % 250}",
        "status": {"errorCode": code},
    }
    if extra:
        props.update(extra)
    return {"time": when, "category": "SignInLogs", "operationName": "Sign-in activity", "properties": props}


def line(obj):
    return json.dumps(obj, separators=(",", ":"))


def eventhub_lines(n, **kw):
    return "".join(line(signin(i, **kw)) + "\n" for i in range(n))


def write(path, data, mode="w"):
    with open(path, mode) as f:
        f.write(data)


def gzip_stream(path, chunks, level=9):
    # Streams `chunks` (bytes) into a .gz without holding them in memory.
    co = zlib.compressobj(level, zlib.DEFLATED, 31)
    with open(path, "wb") as f:
        for c in chunks:
            f.write(co.compress(c))
        f.write(co.flush())


def main():
    kind, out, args = sys.argv[1], sys.argv[2], sys.argv[3:]
    if kind == "eventhub":  # N records of Event Hub JSON lines
        write(out, eventhub_lines(int(args[0])))
    elif kind == "eventhub-range":  # records with ids START..END-1 (overlapping exports share ids)
        a, b = int(args[0]), int(args[1])
        hours = ["2026-06-01T0%d:10:00Z" % (i % 10) for i in range(10)]
        write(out, "".join(line(signin(i, when=hours[i % 10])) + "\n" for i in range(a, b)))
    elif kind == "sparse":  # minimal Event Hub records: a category and a time, keys in either case
        write(out, '{"time": "1/9/2007 9:41:00 AM", "category": "SignInLogs"}\n'
                   '{"Category":"ServicePrincipalSignInLogs","CorrelationId":"c-1","CreatedDateTime":'
                   '"2025-07-01T10:45:17.5824212Z","DurationMs":0,"OperationName":"Sign-in activity"}\n')
    elif kind == "service-principal":  # a failing service principal and a managed identity
        sp = {"time": "2022-02-08T06:22:28Z", "category": "ServicePrincipalSignInLogs", "resultType": "7000215",
              "properties": {"id": "sp-1", "userId": None, "appId": "6131d760-0000-4000-8000-000000000002",
                             "status": {"errorCode": 7000215}, "servicePrincipalName": "Deploy-Pipeline",
                             "servicePrincipalId": "b029d485-0000-4000-8000-000000000003"}}
        mi = {"time": "2022-01-24T04:59:49Z", "category": "ManagedIdentitySignInLogs", "resultType": "0",
              "properties": {"id": "mi-1", "userId": "", "ipAddress": "", "status": {"errorCode": 0},
                             "servicePrincipalName": "vm-backup-identity",
                             "servicePrincipalId": "9d370547-0000-4000-8000-000000000005"}}
        write(out, line(sp) + "\n" + line(mi) + "\n")
    elif kind == "eventhub-gz":  # N records, gzip'd
        with gzip.open(out, "wt") as f:
            f.write(eventhub_lines(int(args[0])))
    elif kind == "zero-bomb":  # MiB of zeros, gzip'd (about 1000:1)
        mib = int(args[0])
        gzip_stream(out, (bytes(1 << 20) for _ in range(mib)))
    elif kind == "text-bomb":  # MiB of one repeated record line, gzip'd
        mib = int(args[0])
        block = (line(signin(1)) + "\n").encode() * 2000
        reps = (mib << 20) // len(block) + 1
        gzip_stream(out, (block for _ in range(reps)))
    elif kind == "deep":  # a record nested 100k deep inside FIELD
        field, depth = args[0], 100000
        deep = "[" * depth + "]" * depth
        recs = [line(signin(0)), line(signin(1))[:-2] + f',"{field}":{deep}' + "}}", line(signin(2))]
        write(out, "\n".join(recs) + "\n")
    elif kind == "bad-first-line":  # junk, then N good records
        write(out, "garbage{not json\n" + eventhub_lines(int(args[0])))
    elif kind == "run-together":  # two records on line 1, then one a line
        recs = [line(signin(i)) for i in range(4)]
        write(out, recs[0] + recs[1] + "\n" + recs[2] + "\n" + recs[3] + "\n")
    else:
        sys.exit(f"gen.py: unknown kind {kind}")


if __name__ == "__main__":
    main()
