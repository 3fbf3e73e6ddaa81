#!/usr/bin/env python3
# Why: ARCHITECTURE.md's rule — data flows one way, a stage never includes a
# later one, parsers do not judge, renderers do not reach into the pipeline —
# holds only if something fails when it is broken. This reads every
# `#include "…"` in lib/ and cmd/ and checks it against the allowed pairs
# below (the rule as data). Usage: check_flow.py REPO_ROOT
import re
import sys
from pathlib import Path

# stage -> stages whose headers it may include (itself always allowed).
ALLOWED = {
    "util": set(),
    "io": {"util"},
    "model": {"util"},
    "formats": {"util", "io", "model"},                       # parsers produce, they do not judge
    "classify": {"util", "io", "model"},                      # judges records, never parses files
    "aggregate": {"util", "model", "classify"},
    "correlate": {"util", "model", "classify", "aggregate"},
    "playbook": {"util", "model", "correlate"},
    # help-desk and admin workflows (precheck, campaign plans) decide from findings, aggregates and playbooks
    "workflow": {"util", "model", "classify", "aggregate", "correlate", "playbook"},
    "render": {"util", "model", "classify", "aggregate", "correlate", "playbook", "workflow"},  # draws the report model only
    "run": {"util", "io", "model", "formats", "classify", "aggregate", "correlate", "playbook", "workflow"},  # orchestrates, never renders
    "synth": {"util", "model", "classify"},                   # a generator beside the flow; nothing in lib/ uses it
}
STAGES = set(ALLOWED)
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)


def main(root: Path) -> int:
    problems = []
    for path in sorted((root / "lib").rglob("*")):
        if path.suffix not in (".h", ".cpp"):
            continue
        stage = path.relative_to(root / "lib").parts[0]
        if stage not in ALLOWED:
            problems.append(f"{path.relative_to(root)}: lib/{stage}/ is not a stage listed in tests/arch/check_flow.py")
            continue
        for m in INCLUDE.finditer(path.read_text(encoding="utf-8")):
            target = m.group(1).split("/")[0]
            if "/" not in m.group(1) or target not in STAGES:
                continue  # same-folder or generated headers
            if target != stage and target not in ALLOWED[stage]:
                line = path.read_text(encoding="utf-8")[: m.start()].count("\n") + 1
                problems.append(f"{path.relative_to(root)}:{line}: {stage} includes {m.group(1)} "
                                f"(allowed: {', '.join(sorted(ALLOWED[stage])) or 'nothing'})")
    # cmd/ is the thin binary: it may use any stage; nothing in lib/ may include cmd/.
    for path in sorted((root / "lib").rglob("*")):
        if path.suffix in (".h", ".cpp") and re.search(r'#\s*include\s+"(\.\./)*cmd/', path.read_text(encoding="utf-8")):
            problems.append(f"{path.relative_to(root)}: lib/ includes cmd/")
    for p in problems:
        print(p)
    if problems:
        print(f"{len(problems)} include(s) against the data flow (ARCHITECTURE.md)")
        return 1
    print("include flow ok")
    return 0


def self_test() -> int:
    """The check must fail on planted violations (and pass a clean tree)."""
    import contextlib, io, tempfile
    with tempfile.TemporaryDirectory() as d:
        root = Path(d)
        files = {
            "lib/formats/p.cpp": '#include "classify/x.h"\n',       # a parser judging
            "lib/render/r.h": '#include "run/pipeline.h"\n',         # a renderer reaching into the pipeline
            "lib/model/m.h": '#include "util/time.h"\n#include "x.h"\n',  # fine
        }
        for name, text in files.items():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            (root / name).write_text(text)
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            rc = main(root)
        text = out.getvalue()
        ok = rc == 1 and "lib/formats/p.cpp:1: formats includes classify/x.h" in text \
            and "lib/render/r.h:1: render includes run/pipeline.h" in text and "m.h" not in text
    print("self-test", "ok" if ok else "FAILED:\n" + text)
    return 0 if ok else 1


if __name__ == "__main__":
    if sys.argv[1:2] == ["--self-test"]:
        sys.exit(self_test())
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else ".")))
