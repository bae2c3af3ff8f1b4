"""The HTML report in a real browser: it opens offline and plan text with payloads is inert."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from browser_helpers import PAYLOADS, build_graph, chromium_missing_reason, guard, poison

SKIP = chromium_missing_reason()
pytestmark = pytest.mark.skipif(SKIP is not None, reason=SKIP or "")


def test_report_with_payloads_in_every_text_runs_nothing(browser: Any, tmp_path: Path) -> None:
    from plangraph.api import write_report

    graph = poison(build_graph(None, tmp_path), tmp_path / "poisoned.ttl")
    page_path = write_report(tmp_path / "report.html", graph)
    page = browser.new_page()
    dialogs: list[str] = []
    requests: list[str] = []
    errors: list[str] = []
    guard(page, errors, requests, dialogs)
    page.goto(page_path.resolve().as_uri())
    page.wait_for_load_state("load")
    text = page.evaluate("document.body.innerText")
    injected = page.evaluate("window.__xss === undefined ? null : window.__xss")
    images = page.evaluate("document.querySelectorAll('img, iframe, object, script').length")
    javascript_links = page.evaluate(
        "[...document.querySelectorAll('a')].filter(a => a.href.startsWith('javascript:')).length"
    )
    page.close()
    assert dialogs == [] and injected is None and errors == []
    assert requests == [], f"the report asked the network for {requests}"
    assert images == 0
    assert javascript_links == 0
    assert any(payload in text for payload in PAYLOADS), "payloads should show as text"
    assert "细颗粒物(PM2.5)年均浓度" in text
