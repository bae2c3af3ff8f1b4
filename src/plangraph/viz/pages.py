"""The at-a-glance views: plain HTML tables, not graph drawings.

* ``crosswalk``: plans as columns, the tasks that are the same matter side by side, the
  tasks without a counterpart in a last row (:mod:`.crosswalk`);
* ``theme-matrix``: themes × regions, each cell the tasks of the region that carry the
  theme, main matter or mentioned where the graph says so (:mod:`.matrix`).

Both are read from the one projection the analyses share (:mod:`plangraph.projection`); the
crosswalk is computed by :func:`plangraph.analysis.crosswalk.analyze_crosswalk` on it, for
corpora of up to :data:`plangraph.pipeline.COMPARE_UP_TO` plans (as the build does).

Pages are rendered with autoescape on; their Content-Security-Policy allows only the inline
style and the page's one inline script (by hash), and they reference nothing outside the
file: they open offline, print, and need no library.
"""

from __future__ import annotations

import base64
import hashlib
from typing import Any

from markupsafe import Markup

#: the pages, in the order the index lists them: name -> (title, English title, what)
PAGE_TITLES = {
    "crosswalk": (
        "任务对应",
        "Task crosswalk",
        "各方案中对应的任务并排，无对应任务单列 counterpart tasks side by side, "
        "tasks without a counterpart apart",
    ),
    "theme-matrix": (
        "主题 × 区域",
        "Themes × regions",
        "每个区域承载各主题的任务数 how many tasks of each region carry each theme",
    ),
}

# the one script of a page: a filter box over the rows (textContent only, no HTML)
FILTER_SCRIPT = """
(function () {
  var box = document.getElementById("filter");
  var rows = document.querySelectorAll("tr.row");
  box.addEventListener("input", function () {
    var q = box.value.trim();
    rows.forEach(function (row) {
      row.style.display = !q || row.textContent.indexOf(q) >= 0 ? "" : "none";
    });
  });
})();
""".strip()


def csp(script: str = FILTER_SCRIPT) -> str:
    """A policy allowing the inline style and exactly ``script`` (by hash), nothing else."""
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    return (
        "default-src 'none'; style-src 'unsafe-inline'; "
        f"script-src 'sha256-{digest}'; img-src data:; base-uri 'none'; form-action 'none'"
    )


def render(template_file: str, **context: Any) -> str:
    """A page template of this package, rendered with autoescape on and the filter script."""
    from jinja2 import Environment, StrictUndefined

    from ..resources import read_text

    env = Environment(autoescape=True, undefined=StrictUndefined, keep_trailing_newline=True)
    template = env.from_string(read_text("viz", template_file))
    html: str = template.render(csp=csp(), script=Markup(FILTER_SCRIPT), **context)
    return html
