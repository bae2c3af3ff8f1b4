"""The report's building blocks: its style sheet, escaping, row anchors, tables and the
"showing N of M" notes, and how many rows each section shows."""

from __future__ import annotations

import hashlib
import html
from collections.abc import Iterable, Sequence

LIMITS = {
    "links": 25,
    "reuse": 100,
    "locations": 12,
    "communities": 30,
    "targets": 60,
    "similarity": 50,
}


_CSS = """
:root { --ink: #1f2933; --muted: #616e7c; --line: #d9e2ec; --band: #f5f7fa; --accent: #0b6e4f;
        --warn: #9a6700; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff; line-height: 1.5;
       font-family: "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", "Source Han Sans SC",
                    system-ui, sans-serif; }
header, main { max-width: 72rem; margin: 0 auto; padding: 0 1.25rem; }
header { padding-top: 1.5rem; border-bottom: 1px solid var(--line); }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.25rem; margin: 2.25rem 0 .5rem; padding-bottom: .25rem;
     border-bottom: 2px solid var(--accent); }
h3 { font-size: 1.05rem; margin: 1.5rem 0 .5rem; }
p.lead, p.note { color: var(--muted); margin: .25rem 0 .75rem; }
nav ul { list-style: none; padding: 0; margin: .75rem 0 1rem; display: flex; flex-wrap: wrap;
         gap: .25rem 1rem; }
a { color: var(--accent); }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .92rem; }
th, td { border: 1px solid var(--line); padding: .3rem .5rem; text-align: left;
         vertical-align: top; }
th { background: var(--band); font-weight: 600; }
tbody tr:nth-child(even) { background: #fbfcfd; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.tag { display: inline-block; padding: 0 .4rem; border-radius: .6rem; font-size: .8rem;
       background: var(--band); border: 1px solid var(--line); white-space: nowrap; }
.tag.boiler { color: var(--warn); border-color: #e3c77a; background: #fff8e1; }
.bar { display: inline-block; height: .7rem; background: var(--accent); opacity: .75;
       vertical-align: middle; margin-left: .4rem; }
ul.locs { margin: 0; padding-left: 1.1rem; }
.quote { color: var(--muted); }
a.quote { text-decoration: none; border-bottom: 1px dotted var(--muted); }
ul.findings li { margin: .2rem 0; }
tr:target { background: #fff3c4 !important; }
footer { max-width: 72rem; margin: 2rem auto; padding: 1rem 1.25rem; color: var(--muted);
         border-top: 1px solid var(--line); font-size: .85rem; }
"""


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def anchor(key: str) -> str:
    """A stable id for the row that holds a fact (a target, task, sentence or place use), so
    that a finding can link to the quote it rests on."""
    return "q-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def _table(
    header: Sequence[str],
    rows: Iterable[Sequence[str]],
    numeric: Sequence[int] = (),
    ids: Sequence[str] | None = None,
    anchors: set[str] | None = None,
) -> list[str]:
    """A table; cells are HTML already escaped by the caller.  ``ids`` (one per row, or "")
    become row ids, each used once; ``anchors`` collects those given."""
    head = "".join(
        f'<th class="num">{_e(h)}</th>' if i in numeric else f"<th>{_e(h)}</th>"
        for i, h in enumerate(header)
    )
    out = ["<table>", f"<thead><tr>{head}</tr></thead>", "<tbody>"]
    for k, row in enumerate(rows):
        cells = "".join(
            f'<td class="num">{c}</td>' if i in numeric else f"<td>{c}</td>"
            for i, c in enumerate(row)
        )
        key = ids[k] if ids is not None and k < len(ids) else ""
        if key and anchors is not None and key not in anchors:
            anchors.add(key)
            out.append(f'<tr id="{key}">{cells}</tr>')
        else:
            out.append(f"<tr>{cells}</tr>")
    out += ["</tbody>", "</table>"]
    return out


def _more(total: int, shown: int) -> list[str]:
    if total <= shown:
        return []
    return [
        f'<p class="note">Showing {shown} of {total}; '
        "<code>plangraph analyze --format json</code> lists them all.</p>"
    ]
