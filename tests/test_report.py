"""The HTML report: one self-contained, offline, deterministic page, with plan text escaped."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from plangraph.analysis import Analysis, analyze
from plangraph.report import plan_view_file, render_report, write_report

PAYLOAD = '<img src=x onerror=alert(1)>"><script>alert(2)</script>'
FIRST_TASKS = (
    "(一)加快产业结构绿色低碳转型。",
    "(一)构建协同共赢绿色产业体系。",
    "(一)构建区域协作发展格局。",
)


@pytest.fixture(scope="module")
def result(seed_store: ox.Store) -> Analysis:
    return analyze(seed_store)


@pytest.fixture(scope="module")
def page(result: Analysis) -> str:
    return render_report(result)


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def tags(page: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Tags()
    parser.feed(page)
    return parser.tags


def test_the_page_is_self_contained_and_offline(page: str) -> None:
    assert page.startswith("<!DOCTYPE html>\n")
    assert '<meta charset="utf-8">' in page
    found = tags(page)
    names = {tag for tag, _ in found}
    assert "script" not in names and "link" not in names and "iframe" not in names
    assert names & {"img", "object", "embed"} == set()
    assert not re.search(r"(?i)(?:https?:|ftp:)?//[a-z0-9]", page)  # no URL, not even in CSS
    assert "@import" not in page and "url(" not in page
    for tag, attrs in found:
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name)
            if name in ("href", "src"):
                assert value and not re.match(r"(?i)[a-z][a-z0-9+.-]*:", value), value


def test_the_page_holds_every_table(page: str) -> None:
    for section in ("views", "themes", "linkages", "reuse", "targets", "centrality", "communities"):
        assert f'<section id="{section}">' in page
    assert page.count("<table>") >= 15
    assert "加快推进重点区域自然资源确权登记" in page
    assert "≤ 33 µg/m³" in page and "≤ 30 µg/m³" in page and "≤ 20 µg/m³" in page
    assert "boilerplate: template" in page
    assert "内蒙古" in page  # 蒙电入沪: a place the 长三角 plan names outside its region


def test_the_page_links_the_interactive_views_relatively(page: str, result: Analysis) -> None:
    hrefs = [attrs["href"] for tag, attrs in tags(page) if tag == "a"]
    views = [h for h in hrefs if h and not h.startswith("#")]
    expected = ["crosswalk.html", "theme-matrix.html"]  # the table pages, first
    expected += ["overview.html", "region-theme.html", "linkages.html", "places.html"]
    expected += [plan_view_file(p.id) for p in result.data.plans]
    assert views == [f"views/{name}" for name in expected]
    assert "views/plan-jjj-2025.html" in views
    from plangraph.viz.views import plan_view_name

    for plan in result.data.plans:
        assert plan_view_file(plan.id) == plan_view_name(plan.id) + ".html"
    anchors = [h for h in hrefs if h and h.startswith("#")]
    assert all(f'id="{a[1:]}"' in page for a in anchors)


def test_what_differs_comes_first_and_links_each_quote_to_its_row(page: str) -> None:
    main = page[page.index("<main>") :]
    assert main.index('<section id="findings">') < main.index('<section id="crosswalk">')
    findings = main[: main.index("</section>")]
    for title in (
        "Same indicator, different values, years or scopes",
        "Commitments of one plan, or of two only",
        "Tasks without a counterpart in another plan",
        "Places named outside the plan&#x27;s own area",
    ):
        assert title in findings, title
    links = re.findall(r'<a class="quote" href="#(q-[0-9a-f]{12})">「([^」]*)」</a>', findings)
    assert len(links) >= 20
    for key, words in links:  # the row (or crosswalk task) it links to holds those words
        row = re.search(rf'<(tr|span) id="{key}">(.*?)</\1>', page, flags=re.DOTALL)
        assert row, key
        assert words in row.group(2).replace("&quot;", '"'), (key, words)
    # read in the seed: PM2.5 of 京津冀 33, 长三角 30, 粤港澳 below 20 µg/m³ by 2027
    pm = next(li for li in findings.split("<li>") if li.startswith("细颗粒物(PM2.5)年均浓度"))
    assert "京津冀 ≤ 33 µg/m³, 2027" in pm and "粤港澳大湾区 ≤ 20 µg/m³, 2027" in pm
    assert "细颗粒物(PM2.5)年均浓度降至33微克/立方米" in pm
    # 京津冀 alone has (十六), linked to its row in the crosswalk (the seed's gold: no
    # counterpart; (十三) 提升适应气候变化能力 has a partial one in 长三角 since the two-pair
    # calibration of the crosswalk)
    alone = next(li for li in findings.split("<li>") if li.startswith("京津冀 alone has"))
    assert "(16) “四区联动”绘就美丽新图景" in alone and 'href="#q-' in alone


def test_the_report_is_written_atomically_and_byte_identical(
    result: Analysis, tmp_path: Path
) -> None:
    first = write_report(result, tmp_path / "out" / "report.html")
    data = first.read_bytes()
    data.decode("utf-8")
    second = write_report(result, tmp_path / "out" / "report.html")
    assert second.read_bytes() == data
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["report.html"]


def test_plan_text_is_escaped(tmp_path: Path, seed_text: str) -> None:
    from plangraph import api

    text = seed_text
    for title in FIRST_TASKS:
        assert title in text
        text = text.replace(title, title[:3] + PAYLOAD + title[3:])
    source = tmp_path / "plans.txt"
    source.write_text(text, encoding="utf-8")
    graph = api.build([source], tmp_path / "out").path
    output = api.write_report(tmp_path / "out" / "report.html", graph)
    page = output.read_text(encoding="utf-8")
    assert "<img" not in page and "<script" not in page and "onerror=alert(1)>" not in page
    escaped = "&lt;img src=x onerror=alert(1)&gt;&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;"
    assert escaped in page
    assert {tag for tag, _ in tags(page)} & {"img", "script"} == set()


def test_cli_report(seed_graph_file: Path, tmp_path: Path) -> None:
    from plangraph.cli import cli

    output = tmp_path / "report.html"
    runner = CliRunner()
    done = runner.invoke(cli, ["report", "-o", str(output), "--graph", str(seed_graph_file)])
    assert done.exit_code == 0, done.output
    assert done.output == f"wrote {output}\n"
    first = output.read_bytes()
    again = runner.invoke(cli, ["report", "-o", str(output), "--graph", str(seed_graph_file)])
    assert again.exit_code == 0 and output.read_bytes() == first
