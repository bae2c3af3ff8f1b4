"""The same real text saved as a web page or a Word file yields the facts its plain text does.

Each excerpt of ``tests/realplans/excerpts5/`` and ``excerpts6/`` (34 real plan texts and
reports, national to county, as saved from government sites) is written here as a page shaped
like a county government's article page (navigation, breadcrumb, 【打印】【关闭】, related
links, footer) in GB18030, and as a Word file (python-docx: a centred first line, indented
paragraphs), each under the text's own file name.  Each must read to the same task titles,
targets and places as the text itself: a reader of one format that drops, splits or adds
a line changes them.
"""

from __future__ import annotations

import html
from functools import cache
from pathlib import Path

import pytest

from plangraph.api import build_corpus
from plangraph.model import Corpus

REALPLANS = Path(__file__).resolve().parent / "realplans"
TEXTS = sorted((*REALPLANS.glob("excerpts5/[0-9]*.txt"), *REALPLANS.glob("excerpts6/[0-9]*.txt")))


def _lines(text: Path) -> list[str]:
    return [line.strip() for line in text.read_text("utf-8").splitlines() if line.strip()]


def _page(lines: list[str]) -> bytes:
    title = html.escape(lines[0])
    body = "\n".join(f'<p style="text-indent:2em;">{html.escape(line)}</p>' for line in lines[1:])
    page = f"""<!DOCTYPE html><html><head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>{title}_政策文件_县人民政府</title><script>var _hmt = [];</script></head><body>
<div class="top"><a href="/">首页</a> | <a href="#">政务公开</a> | <a href="#">政策文件</a></div>
<div class="position">当前位置：<a href="/">首页</a> &gt; 政务公开 &gt; 政策文件</div>
<div class="article"><h1>{title}</h1>
<div class="info">来源：县政府办公室 【字体：大 中 小】【打印】【关闭】</div>
<div class="content" id="zoom">
{body}
</div></div>
<div class="related"><h3>相关链接</h3><ul><li><a href="#">关于印发工作要点的通知</a></li></ul></div>
<div class="footer">主办单位：县人民政府办公室 备案号：ICP备12345678号</div></body></html>"""
    return page.encode("gb18030")


def _docx(lines: list[str], path: Path) -> None:
    import docx
    from docx.shared import Pt

    document = docx.Document()
    heading = document.add_paragraph(lines[0])
    heading.alignment = 1  # centred
    for line in lines[1:]:
        paragraph = document.add_paragraph(line)
        paragraph.paragraph_format.first_line_indent = Pt(32)
    document.save(str(path))


def _facts(corpus: Corpus) -> tuple[list[str], list[tuple[str, ...]], list[str]]:
    (plan,) = corpus.plans
    targets = sorted(
        (t.indicator.id, str(t.value), str(t.unit), str(t.target_year), t.quote.text)
        for t in corpus.extraction.targets
    )
    places = sorted({m.target for m in corpus.extraction.place_mentions})
    return [task.title for task in plan.tasks], targets, places


@cache
def _from_text(text: Path) -> tuple[list[str], list[tuple[str, ...]], list[str]]:
    return _facts(build_corpus([text]))


@pytest.mark.skipif(not TEXTS, reason="tests/realplans/excerpts5 and excerpts6 are missing")
@pytest.mark.parametrize("fmt", ["html", "docx"])
@pytest.mark.parametrize("text", TEXTS, ids=lambda path: f"{path.parent.name[-1]}-{path.stem[:22]}")
def test_an_excerpt_reads_the_same_from_a_page_and_a_word_file(
    tmp_path: Path, text: Path, fmt: str
) -> None:
    lines = _lines(text)
    saved = tmp_path / f"{text.stem}.{fmt}"
    if fmt == "html":
        saved.write_bytes(_page(lines))
    else:
        _docx(lines, saved)
    tasks, targets, places = _facts(build_corpus([saved]))
    expected_tasks, expected_targets, expected_places = _from_text(text)
    assert tasks == expected_tasks
    assert targets == expected_targets
    assert places == expected_places


def test_the_excerpts_hold_facts_to_compare() -> None:
    """The comparison above is not empty: the set holds tasks, targets and places."""
    counts = [_from_text(text) for text in TEXTS]
    assert sum(len(tasks) for tasks, _, _ in counts) >= 25
    assert sum(len(targets) for _, targets, _ in counts) >= 150
    assert sum(len(places) for _, _, places in counts) >= 120
