#!/usr/bin/env python3
"""Print one of the README's two opening commands, so CI runs exactly what users read.

    python3 scripts/readme_commands.py example   # sets up and runs the main job
    python3 scripts/readme_commands.py test      # sets up and runs the tests

The commands are the fenced `bash` blocks that follow the markers
`<!-- command: example -->` and `<!-- command: test -->` in README.md.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"


def command(name: str, text: str) -> str:
    m = re.search(rf"<!-- command: {re.escape(name)} -->\s*```bash\n(.*?)```", text, re.S)
    if not m:
        raise SystemExit(f"README.md has no '<!-- command: {name} -->' block")
    return m.group(1).strip()


if __name__ == "__main__":
    if len(sys.argv) != 2 or sys.argv[1] not in ("example", "test"):
        raise SystemExit(__doc__)
    print(command(sys.argv[1], README.read_text(encoding="utf-8")))
