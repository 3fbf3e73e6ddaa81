#!/usr/bin/env python3
"""ctest runs each Catch2 test case by name (catch_discover_tests); a name
with ';' or a backslash is cut or mis-escaped, so ctest runs nothing for it
and reports a pass. This check fails on such names so every test really runs."""
import re
import sys
from pathlib import Path

root = Path(sys.argv[1] if len(sys.argv) > 1 else ".")
bad = []
for path in sorted((root / "tests").rglob("*.cpp")):
    for no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        m = re.search(r'TEST_CASE\("((?:[^"\\]|\\.)*)"', line)
        # In the literal, \" is a quote (fine); \\ is a backslash in the name (not fine).
        if m and (";" in m.group(1) or "\\\\" in m.group(1)):
            bad.append(f"{path.relative_to(root)}:{no}: test name with ';' or '\\' is never run by ctest: {m.group(1)}")
print("\n".join(bad) if bad else "test names: ok")
sys.exit(1 if bad else 0)
