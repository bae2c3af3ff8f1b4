"""Stage 5: the analysis as one self-contained HTML page that opens offline.

Inline CSS, no script and no external URL; every piece of plan text is data and goes
through :func:`html.escape`.  The page links to the interactive views by relative paths
(``views/overview.html`` …, written by :mod:`plangraph.viz` next to the report), and is
byte-identical for the same graph: no timestamps, everything in the analyses' order.

The modules: :mod:`.page` (the page assembled and written), :mod:`.differs` (the first
screen: what differs, and the crosswalk and distinctive commitments it links to),
:mod:`.sections` (views, themes, linkages, reuse, targets, centrality) and :mod:`.markup`
(style, escaping, anchors, tables).
"""

from __future__ import annotations

from ..analysis.findings import FINDING_TITLES, OTHER_FINDINGS
from .differs import QUOTES_PER_FINDING
from .markup import LIMITS, anchor
from .page import render_report, write_report
from .sections import VIEWS, plan_view_file

__all__ = [
    "FINDING_TITLES",
    "LIMITS",
    "OTHER_FINDINGS",
    "QUOTES_PER_FINDING",
    "VIEWS",
    "anchor",
    "plan_view_file",
    "render_report",
    "write_report",
]
