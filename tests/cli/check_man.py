#!/usr/bin/env python3
# Why: the man pages are written by hand (man/*.scd), so nothing but this
# check keeps them true to the CLI: each subcommand's page must list exactly
# the options `idtriage --generate flags` reports for it (names and value
# name, e.g. "*--since* _TIME_"), and every declared value of an option
# (--format, --only, …) on its "One of:" line; every page must compile with
# scdoc when it is installed; and every EXAMPLES command must run: from a
# copy of testdata/drill-mo1329260/ (as the pages say), /tmp/ in a command
# meaning a scratch directory, each must end in a verdict (0, 1, 5, 10, 11),
# never in a usage, input, internal or output error (2, 3, 4, 6).
# Usage: check_man.py BINARY SOURCE_DIR
import os, pathlib, re, shutil, subprocess, sys, tempfile

binary, src = sys.argv[1], pathlib.Path(sys.argv[2])
dump = subprocess.run([binary, "--generate", "flags"], capture_output=True, text=True, check=True).stdout
real = {}  # command -> {names: (value name, [values])}
for line in dump.splitlines():
    cmd, names, value, values, _help = line.split("\t")
    real.setdefault(cmd, {})[names] = (value, values.split())

failures = []
listed = {}  # command -> {names: (value name, one-of line)}
pages = sorted((src / "man").glob("idtriage-*.1.scd"))
for page in pages:
    top = page.name[len("idtriage-"):-len(".1.scd")]
    section = None
    current = None
    for n, line in enumerate(page.read_text().splitlines(), 1):
        if line.startswith("# "):
            head = line[2:].strip()
            current = None
            if head == "OPTIONS":
                section = top
            elif head.endswith(" OPTIONS"):
                section = top + " " + head[: -len(" OPTIONS")].lower()
            else:
                section = None
            continue
        if section is None:
            continue
        m = re.fullmatch(r"((?:\*-[-\w]+\*(?:, )?)+)(?: _(.+)_)?", line)
        if m:
            names = ", ".join(re.findall(r"\*(-[-\w]+)\*", m.group(1)))
            if names in listed.setdefault(section, {}):
                failures.append(f"{page.name}:{n}: {names} listed twice")
            listed[section][names] = [m.group(2) or "", ""]
            current = listed[section][names]
        elif current is not None and line.startswith("\tOne of:"):
            current[1] = line
for cmd, options in real.items():
    got = listed.get(cmd, {})
    page = "idtriage-" + cmd.split()[0] + ".1.scd"
    for names, (value, values) in options.items():
        if names not in got:
            failures.append(f"{page}: {cmd}: {names}{' ' + value if value else ''} is missing")
            continue
        if got[names][0] != value:
            failures.append(f"{page}: {cmd}: {names} takes '{value}', the page says '{got[names][0]}'")
        for v in values:
            if "*" + v.replace("_", "\\_") + "*" not in got[names][1]:
                failures.append(f"{page}: {cmd}: {names}: value '{v}' is not on its 'One of:' line")
    for names in got:
        if names not in options:
            failures.append(f"{page}: {cmd}: {names} is not an option of the command")
for cmd in listed:
    if cmd not in real:
        failures.append(f"a page lists options for '{cmd}', which is not a command")
if not (src / "man" / "idtriage.1.scd").exists():
    failures.append("man/idtriage.1.scd is missing")
if shutil.which("scdoc"):
    for page in [src / "man" / "idtriage.1.scd"] + pages:
        r = subprocess.run(["scdoc"], stdin=page.open(), capture_output=True, text=True)
        if r.returncode:
            failures.append(f"{page.name}: scdoc: {r.stderr.strip()}")
else:
    failures.append("scdoc is not installed (./dev installs it)")
examples = 0
with tempfile.TemporaryDirectory(prefix="idtriage-man-") as tmp:
    shutil.copytree(src / "testdata", pathlib.Path(tmp) / "testdata")
    scratch = pathlib.Path(tmp) / "scratch"
    scratch.mkdir()
    env = dict(os.environ, PATH=str(pathlib.Path(binary).resolve().parent) + os.pathsep + os.environ["PATH"])
    for page in [src / "man" / "idtriage.1.scd"] + pages:
        text = page.read_text()
        examples_part = text.split("# EXAMPLES", 1)[1].split("\n# ", 1)[0] if "# EXAMPLES" in text else ""
        for block in examples_part.split("```\n")[1::2]:
            for command in block.replace("\\\\\n", " ").strip().splitlines():
                examples += 1
                # notify-helpdesk stands for the reader's own alerting command.
                r = subprocess.run("notify-helpdesk() { :; }; " + command.replace("/tmp/", str(scratch) + "/"),
                                   shell=True, executable="/bin/bash", cwd=pathlib.Path(tmp) / "testdata" / "drill-mo1329260",
                                   env=env, capture_output=True, text=True)
                if r.returncode not in (0, 1, 5, 10, 11):
                    failures.append(f"{page.name}: example exits {r.returncode}: {command}\n  {r.stderr.strip()[:300]}")
for f in failures:
    print("FAIL", f)
print(f"man pages: {len(pages) + 1} pages, {sum(len(o) for o in real.values())} options and {examples} examples checked, {len(failures)} failures")
sys.exit(1 if failures else 0)
