"""Regenerate docs/ontology/index.html from ontology/plangraph.ttl with pyLODE (a test extra).

    python scripts/ontology_docs.py [OUTPUT.html]        # or: make docs

pyLODE lists the members of an owl:unionOf in no fixed order; this script runs it with a fixed
hash seed and then sorts those members by name, so that the same ontology always gives the
same bytes (tests/test_ontology_docs.py regenerates and compares).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ONTOLOGY = ROOT / "ontology" / "plangraph.ttl"
OUTPUT = ROOT / "docs" / "ontology" / "index.html"
SPAN = r"<span>\s*<a [^>]*>[^<]*</a>\s*(?:<sup [^>]*>[^<]*</sup>\s*)?</span>"
UNION = re.compile(
    rf"(?P<indent>[ \t]*)(?P<group>{SPAN}(?:\s*<span class=\"cardinality\">or</span>\s*{SPAN})+)"
)


def pylode() -> str:
    beside = Path(sys.executable).parent / "pylode"
    found = str(beside) if beside.is_file() else shutil.which("pylode")
    if found is None:
        raise SystemExit("pylode is not installed; pip install -e '.[test]'")
    return found


def _sorted_union(match: re.Match[str]) -> str:
    members = re.findall(SPAN, match["group"])
    members.sort(key=lambda span: re.sub(r"<[^>]+>|\s+", "", span))
    indent = match["indent"]
    joiner = f'\n{indent}<span class="cardinality">or</span>\n{indent}'
    return indent + joiner.join(" ".join(m.split()) for m in members)


def render() -> str:
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "index.html"
        env = {**os.environ, "PYTHONHASHSEED": "0"}
        command = [pylode(), str(ONTOLOGY), "--sort", "--css", "true", "--profile", "ontpub"]
        subprocess.run(
            [*command, "--outputfile", str(target)], check=True, env=env, capture_output=True
        )
        html = target.read_text(encoding="utf-8")
    return UNION.sub(_sorted_union, html)


def main() -> None:
    output = Path(sys.argv[1]) if len(sys.argv) > 1 else OUTPUT
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(render(), encoding="utf-8")
    print(f"wrote {output}")


if __name__ == "__main__":
    main()
