"""Reading plans from web pages, Word documents and PDFs: the same plan in every format
yields the same tasks, targets and places; bad files fail with one line naming the file.

The fixtures in tests/formats/ are made by tests/formats/make_fixtures.py from the text of
a real plan (Ningxia, 2022) and of the bundled seed (京津冀); the real PDFs of the
development set are read from ../shared/real-plans when it is there.
"""

from __future__ import annotations

import contextlib
import io
import re
import struct
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from shared_paths import REAL_PLANS

from plangraph.api import build_corpus
from plangraph.cli import cli
from plangraph.errors import ReadError
from plangraph.model import Corpus
from plangraph.read import (
    DOC,
    DOCX,
    HTML,
    MHTML,
    PDF,
    TEXT,
    read_file,
    read_plans,
    read_text,
    sniff,
)

ROOT = Path(__file__).resolve().parent.parent
FORMATS = ROOT / "tests" / "formats"
SEED = ROOT / "data" / "plans" / "beautiful-china-pioneer-zones-2025.txt"
REAL = REAL_PLANS
BLIND = {"industry-carbon-peak-2022", "hohhot-eco-environment-14fyp"}
NINGXIA = "支持宁夏建设黄河流域生态保护和高质量发展先行区实施方案"


def _facts(corpus: Corpus, plan_id: str) -> tuple[list[str], set[tuple[object, ...]], set[str]]:
    """Task titles, targets (indicator, value, unit, year) and places of one plan."""
    (plan,) = [p for p in corpus.plans if p.id == plan_id]
    targets = {
        (t.indicator.id, t.value, t.unit, t.target_year)
        for t in corpus.extraction.targets
        if t.plan == plan_id
    }
    places = {m.target for m in corpus.extraction.place_mentions if m.plan == plan_id}
    return [t.title for t in plan.tasks], targets, places


@pytest.fixture(scope="module")
def ningxia_text() -> Corpus:
    return build_corpus([FORMATS / "ningxia.txt"])


@pytest.mark.parametrize(
    ("name", "media_type"),
    [
        ("ningxia.html", HTML),
        ("ningxia.mhtml", MHTML),
        ("ningxia.docx", DOCX),
        ("ningxia.doc", DOC),
        ("ningxia.pdf", PDF),
    ],
)
def test_the_same_plan_in_every_format(ningxia_text: Corpus, name: str, media_type: str) -> None:
    corpus = build_corpus([FORMATS / name])
    (plan,) = corpus.plans
    assert plan.title == NINGXIA
    assert plan.media_type == media_type
    titles, targets, places = _facts(corpus, plan.id)
    # the page and the Word file print a date the text lacks, so the plan id may differ
    (text_plan,) = ningxia_text.plans
    expected_titles, expected_targets, expected_places = _facts(ningxia_text, text_plan.id)
    assert len(titles) == 32
    assert titles == expected_titles
    assert titles[0] == "指导思想" and titles[-1] == "加强统筹协调"
    assert targets == expected_targets
    assert len(targets) == 33  # as read from the text, by the extraction of today
    assert ("soil-conservation-rate", Decimal(78), "qudt:PERCENT", 2025) in targets
    assert ("forest-coverage", Decimal(20), "qudt:PERCENT", 2025) in targets
    assert places == expected_places
    assert {"ningxia", "huanghe", "yinchuan", "liupanshan", "tenggelishamo"} <= places
    for task in plan.tasks:  # offsets index the plan's text in every format
        assert plan.text[task.start : task.end].endswith(task.text.split("\n")[-1])


def test_the_text_version_reads_as_plain_text(ningxia_text: Corpus) -> None:
    (plan,) = ningxia_text.plans
    assert plan.media_type == TEXT


def test_a_seed_plan_from_a_gb2312_ministry_page_matches_the_seed() -> None:
    page = build_corpus([FORMATS / "jjj-2025.html"])
    seed = build_corpus([SEED])
    (plan,) = page.plans
    assert plan.id == "jjj-2025"
    assert plan.media_type == HTML
    (text_plan,) = [p for p in seed.plans if p.id == "jjj-2025"]
    assert plan.text == text_plan.text  # the release and plan, nothing of the page around it
    assert _facts(page, "jjj-2025") == _facts(seed, "jjj-2025")
    assert len(plan.tasks) == 22


# --------------------------------------------------------------------------- web pages


def test_a_gov_cn_page_keeps_the_article_and_drops_the_page_around_it() -> None:
    from plangraph.read.html import extract

    lines = extract((FORMATS / "ningxia.html").read_bytes(), "ningxia.html").split("\n")
    assert lines[:5] == [
        "主题分类：城乡建设、环境保护\\生态环境",
        "发文机关：国家发展改革委",
        "成文日期：2022年04月28日",
        f"标题：{NINGXIA}",
        NINGXIA,
    ]
    assert lines[5].startswith("为深入贯彻落实习近平总书记关于推动黄河流域生态保护")
    assert lines[-1].startswith("（三十二）加强统筹协调。")
    text = "\n".join(lines)
    furniture_words = ("首页", "分享到", "打印", "关闭", "相关链接", "责任编辑", "主办单位")
    for furniture in (*furniture_words, "京ICP备", "请输入关键词", "_hmt", "text-indent"):
        assert furniture not in text, furniture
    text_lines = (FORMATS / "ningxia.txt").read_text("utf-8").split("\n")
    assert lines[4:] == [line for line in text_lines if line]


NOTICE_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>国务院关于印发《空气质量持续改善行动计划》的通知_国务院文件_中国政府网</title>
<script>document.write("x")</script></head><body>
<div class="nav"><a href="/">首页</a> <a href="/zhengce/">政策</a></div>
<table class="bd1"><tr><td><b>索 引 号：</b></td><td>000014349/2023-00111</td>
<td><b>主题分类：</b></td><td>环境保护\\其他</td></tr>
<tr><td><b>发文机关：</b></td><td>国务院</td><td><b>成文日期：</b></td><td>2023年11月30日</td></tr>
<tr><td><b>发文字号：</b></td><td>国发〔2023〕24号</td><td><b>发布日期：</b></td>
<td>2023年12月07日</td></tr></table>
<div class="article"><h1>国务院关于印发《空气质量持续改善行动计划》的通知</h1>
<div id="UCAP-CONTENT" class="pages_content">
<p>各省、自治区、直辖市人民政府，国务院各部委、各直属机构：</p>
<p>　　现将《空气质量持续改善行动计划》印发给你们，请认真贯彻执行。</p>
<p style="text-align:right">国务院</p>
<p style="text-align:right">2023年11月30日</p>
<p>（此件公开发布）</p>
<table><tr><td>指标</td><td colspan="2">2025年</td></tr>
<tr><td>PM2.5浓度</td><td></td><td>下降10%</td></tr></table>
</div>
<div class="share">分享到：<a>微博</a></div><p>【打印】【关闭】</p></div>
<div class="footer">主办单位：国务院办公厅</div></body></html>"""


def test_a_notice_page_keeps_document_number_signature_date_and_table_rows() -> None:
    from plangraph.read.html import extract

    lines = extract(NOTICE_PAGE.encode("utf-8"), "notice.html").split("\n")
    assert lines == [
        "索引号：000014349/2023-00111",
        "主题分类：环境保护\\其他",
        "发文机关：国务院",
        "成文日期：2023年11月30日",
        "发文字号：国发〔2023〕24号",
        "发布日期：2023年12月07日",
        "国务院关于印发《空气质量持续改善行动计划》的通知",
        "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：",
        "现将《空气质量持续改善行动计划》印发给你们，请认真贯彻执行。",
        "国务院",
        "2023年11月30日",
        "（此件公开发布）",
        "指标\t2025年\t",
        "PM2.5浓度\t\t下降10%",
    ]


def test_a_layout_table_around_the_article_is_not_a_data_table() -> None:
    from plangraph.read.html import extract

    paragraphs = (FORMATS / "ningxia.txt").read_text("utf-8").split("\n")[1:6]
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    page = (
        "<html><head><meta charset='utf-8'><title>实施方案</title></head><body>"
        "<table width='100%'><tr><td><a href='/'>首页</a></td></tr></table>"
        f"<table width='960'><tr><td class='bt_content'><div>{body}</div></td></tr></table>"
        "</body></html>"
    )
    # no heading above the body: the page title stands for it
    assert extract(page.encode("utf-8"), "old.html").split("\n") == ["实施方案", *paragraphs]


def test_a_page_without_article_text_is_refused(tmp_path: Path) -> None:
    page = tmp_path / "index.html"
    page.write_text(
        "<!DOCTYPE html><html><head><title>中国政府网</title></head><body>"
        "<div class='nav'><a href='/'>首页</a><a href='/zhengce/'>政策</a></div>"
        "<ul><li><a href='/a'>国务院关于印发空气质量持续改善行动计划的通知</a></li></ul>"
        "<script>var a = '很长的脚本文字很长的脚本文字很长的脚本文字很长的脚本文字';</script>"
        "</body></html>",
        "utf-8",
    )
    with pytest.raises(ReadError, match=r"index\.html: no article text found in the web page"):
        read_file(page)


# --------------------------------------------------------------------------- Word


def test_a_docx_gives_paragraphs_and_table_rows_in_document_order() -> None:
    from plangraph.read.docx import extract

    lines = extract(FORMATS / "ningxia.docx", "ningxia.docx").split("\n")
    assert lines[:3] == [
        "发文机关\t国家发展改革委\t成文日期\t2022年4月28日",
        "主题分类\t城乡建设、环境保护\t\t",  # merged over three columns: text once, then empty
        NINGXIA,
    ]
    text_lines = (FORMATS / "ningxia.txt").read_text("utf-8").split("\n")
    assert lines[2:] == [line for line in text_lines if line]


def test_a_table_row_keeps_its_empty_cells_through_normalizing() -> None:
    from plangraph.read.normalize import normalize

    document = normalize("\t2\tPM2.5浓度\t28.1\t\n  一、总体要求\t\n\t二、主要任务", "t.txt")
    assert document.lines == ("\t2\tPM2.5浓度\t28.1\t", "一、总体要求", "二、主要任务")


# --------------------------------------------------------------------------- PDF


def test_a_printed_pdf_loses_its_running_header_footer_and_page_numbers() -> None:
    from plangraph.read.pdf import extract

    text = extract(FORMATS / "ningxia.pdf", "ningxia.pdf")
    assert "file://" not in text and "ningxia-print.html" not in text
    assert "PM" not in text.replace("PM2.5", "")  # the printing time in the header
    text_lines = (FORMATS / "ningxia.txt").read_text("utf-8").split("\n")
    assert text.split("\n") == [line for line in text_lines if line]


def _real(slug: str) -> Path:
    if slug in BLIND:
        pytest.fail("blind plans are not read here")
    path = REAL / f"{slug}.pdf"
    if not path.exists():
        pytest.skip(f"{REAL} is not there (the development set lives beside the repository)")
    return path


REAL_PDFS = [
    "bazhong-eco-environment-14fyp",
    "eco-environment-monitoring-14fyp",
    "guangdong-eco-civilization-14fyp",
    "jiangsu-climate-14fyp",
    "national-climate-adaptation-strategy-2035",
    "ningxia-yellow-river-pilot-zone-2022",
    "shandong-climate-14fyp",
    "shanxi-two-mountains-seven-rivers-14fyp",
]


# pages that print content as pictures, checked by looking at the PDFs: 山西's 规划指标体系 table
# (p. 13) and its 专栏 boxes are images; 广东 draws its charts of the 十三五 record on pp. 7-10
PICTURE_PAGES = {
    "shanxi-two-mountains-seven-rivers-14fyp": (
        9,
        13,
        18,
        23,
        26,
        31,
        33,
        34,
        35,
        36,
        37,
        38,
        40,
        49,
    ),
    "guangdong-eco-civilization-14fyp": (7, 9, 10),
}


@pytest.mark.parametrize("slug", REAL_PDFS)
def test_pages_with_pictures_of_content_are_named_and_seals_are_not(slug: str) -> None:
    from plangraph.read.pdf import read

    assert read(_real(slug), slug).picture_pages == PICTURE_PAGES.get(slug, ())


def test_a_pdf_with_pictures_is_read_with_a_warning_naming_its_pages(tmp_path: Path) -> None:
    from plangraph.api import build

    slug = "guangdong-eco-civilization-14fyp"
    result = build([_real(slug)], tmp_path, analysis=False)
    (warning,) = result.warnings
    assert warning.startswith(f"{_real(slug)}: 广东省生态文明建设“十四五”规划: pages 7, 9, 10 ")
    assert "not read" in warning
    turtle = result.path.read_text("utf-8")
    assert "pg:picturePage 10 , 7 , 9 ;" in turtle


def _task_titles(path: Path) -> list[str] | str:
    try:
        return [task.title for plan in read_file(path) for task in plan.tasks]
    except ReadError as error:
        return error.detail


@pytest.mark.parametrize("slug", REAL_PDFS)
def test_a_real_pdf_gives_the_tasks_of_its_text(slug: str) -> None:
    pdf = _real(slug)
    from_text = _task_titles(pdf.with_suffix(".txt"))
    from_pdf = _task_titles(pdf)
    if isinstance(from_text, str):  # structure finds no plan in the text: nor in the PDF
        assert from_pdf == from_text
        return
    assert isinstance(from_pdf, list)
    assert len(from_pdf) >= len(from_text) - 2
    # contents-page lines may differ in leader dots; the tasks of the body are the same
    body = {t for t in from_text if "..." not in t and "…" not in t}
    missing = body - set(from_pdf)
    assert len(missing) <= max(1, len(body) // 50), sorted(missing)[:5]


def test_a_real_pdf_table_row_becomes_tab_separated_cells() -> None:
    from plangraph.read.pdf import extract

    pdf = _real("shandong-climate-14fyp")
    lines = extract(pdf, pdf.name).split("\n")
    assert "3.煤炭消费总量（亿吨）\t3.88\t完成国家分解任务\t约束性" in lines
    assert "11.湿地保护率（%）\t≥60\t≥60\t预期性" in lines


def test_a_ruled_table_keeps_merged_cells_in_place() -> None:
    from plangraph.read.pdf import extract

    pdf = _real("guangdong-eco-civilization-14fyp")
    # builds of PDFium differ on this file's closing bracket after a per cent sign (the text
    # layer of the 5.x wheels has none: 森林覆盖率（%); the cells are what this test is about
    lines = [line.replace("（%\t", "（%）\t") for line in extract(pdf, pdf.name).split("\n")]
    header = "类别\t评价内容\t序号\t指标\t\t2015年基期数\t2020年目标值\t2020年实际值\t指标属性"
    start = lines.index(header)
    assert lines[start + 1 : start + 3] == [
        # 类别 and 评价内容 span rows down: their text in the first row only
        "生态空间\t（一）国土空间优化\t1\t森林覆盖率（%）\t\t56.92\t58.66\t58.66\t约束性",
        "\t\t2\t耕地保有量（万公顷）\t\t316.3\t247.93\t247.93*\t约束性",
    ]
    # 指标 is split in two columns only where the table divides it
    assert (
        "\t\t10\t饮用水达标程度\t城市集中式饮用水源地水质达标率（%）\t100\t100\t100\t预期性"
        in lines
    )
    assert "\t\t\t\t农村生活饮用水水质达标率（%）\t60.1\t90\t90.37\t预期性" in lines


def test_a_real_pdf_loses_its_page_numbers() -> None:
    from plangraph.read.pdf import extract

    pdf = _real("ningxia-yellow-river-pilot-zone-2022")
    text = extract(pdf, pdf.name)
    assert "— 1 —" not in text and "— 2 —" not in text
    assert text.split("\n")[0] == NINGXIA
    assert text.split("\n")[2] == "一、重要意义"


# --------------------------------------------------------------------------- bad files


def _pdf(content: bytes, *, extra: bytes = b"") -> bytes:
    """A one-page PDF with the given content stream, with a correct cross-reference table."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R" + extra + b" >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    start = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, start)
    )
    return out.getvalue()


def test_a_pdf_with_only_an_image_is_a_scan(tmp_path: Path) -> None:
    image = b"q 200 0 0 200 0 0 cm BI /W 4 /H 4 /CS /G /BPC 8 ID " + bytes(range(16)) + b" EI Q"
    path = tmp_path / "scan.pdf"
    path.write_bytes(_pdf(image))
    with pytest.raises(ReadError, match=r"scan\.pdf: scanned PDF, no text layer; OCR it first"):
        read_file(path)


def test_an_encrypted_pdf_is_refused(tmp_path: Path) -> None:
    import pypdf

    writer = pypdf.PdfWriter()
    writer.add_blank_page(200, 200)
    writer.encrypt("secret", algorithm="RC4-128")  # RC4 needs no extra package
    path = tmp_path / "locked.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    with pytest.raises(ReadError, match=r"locked\.pdf: the PDF is encrypted with a password"):
        read_file(path)


def test_a_damaged_pdf_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.7\n" + b"\x00garbage" * 10)
    with pytest.raises(ReadError, match=r"broken\.pdf: not a readable PDF"):
        read_file(path)


def test_a_pdf_above_the_size_limit_is_refused_before_it_is_read(tmp_path: Path) -> None:
    from plangraph.read.pdf import MAX_PDF_BYTES

    path = tmp_path / "huge.pdf"
    with path.open("wb") as handle:
        handle.write(b"%PDF-1.7\n")
        handle.truncate(MAX_PDF_BYTES + 1)  # sparse: no disk space used
    with pytest.raises(
        ReadError, match=r"huge\.pdf: the PDF is 200 MB; plan PDFs are expected to be under 200 MB"
    ):
        read_file(path)


def test_a_truncated_docx_is_refused(tmp_path: Path) -> None:
    data = (FORMATS / "ningxia.docx").read_bytes()
    path = tmp_path / "cut.docx"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(ReadError, match=r"cut\.docx: a damaged or truncated zip/\.docx"):
        read_file(path)


def test_a_docx_with_broken_xml_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bad.docx"
    with zipfile.ZipFile(FORMATS / "ningxia.docx") as source, zipfile.ZipFile(path, "w") as out:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/document.xml":
                data = data[: len(data) // 2]
            out.writestr(item, data)
    with pytest.raises(ReadError, match=r"bad\.docx: a damaged \.docx"):
        read_file(path)


def test_a_zip_bomb_is_refused_without_unpacking_it(tmp_path: Path) -> None:
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"<" + b"a" * (60 * 1024 * 1024) + b"/>")
    assert path.stat().st_size < 200_000
    with pytest.raises(ReadError, match=r"bomb\.docx: word/document\.xml in the \.docx expands"):
        read_file(path)


def test_a_zip_declaring_a_huge_size_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "liar.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
        archive.writestr("word/media/image1.png", b"x")
    data = bytearray(path.read_bytes())
    # the central directory entry of the second member: set its uncompressed size to 4 GB
    central = data.rfind(b"PK\x01\x02")
    data[central + 24 : central + 28] = (0xFFFFFFF0).to_bytes(4, "little")
    path.write_bytes(bytes(data))
    with pytest.raises(ReadError, match=r"liar\.docx: the \.docx declares 4295 MB uncompressed"):
        read_file(path)


def test_a_zip_that_is_not_a_word_document_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "sheet.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(ReadError, match=r"sheet\.docx: a zip archive that is not a Word \.docx"):
        read_file(path)


def test_a_word_97_doc_gives_the_docx_text_with_its_table_rows() -> None:
    doc = read_file(FORMATS / "ningxia.doc")[0].text
    assert doc == read_file(FORMATS / "ningxia.docx")[0].text.replace("环境保护\t\t", "环境保护")
    (plan,) = read_file(FORMATS / "indicators.doc")
    rows = [line for line in plan.text.splitlines() if "\t" in line]
    # empty cells stay in place, a cell's two paragraphs are one cell
    assert rows == [
        "指标\t单位\t2020年\t2025年\t属性",
        "细颗粒物(PM2.5)浓度 (年均)\t微克/立方米\t35\t30\t约束性",  # normalized
        "地表水达到或好于Ⅲ类水体比例\t%\t\t85\t",
        "森林覆盖率\t%\t40.1\t42\t",
    ]
    assert plan.text == read_file(FORMATS / "indicators.docx")[0].text


def test_a_doc_writes_out_the_numbers_word_draws_from_a_list() -> None:
    """numbered.doc: the Ningxia plan typed without 一、 and （一）, which a multilevel list
    draws (chineseCounting; tasks from （一） in each section): the text as printed."""
    from plangraph.read.docx import number_label

    expected, task = [], 0
    for line in (FORMATS / "ningxia.txt").read_text("utf-8").split("\n"):
        if not line:
            continue
        if _SECTION_MARK.match(line):
            task = 0
        elif _TASK_MARK.match(line):
            task += 1
            line = _TASK_MARK.sub(f"（{number_label(task, 'chineseCounting')}）", line)
        expected.append(line)
    (plan,) = read_file(FORMATS / "numbered.doc")
    assert plan.text.split("\n") == read_text("\n".join(expected))[0].text.split("\n")
    assert len(plan.tasks) == 32
    assert [t.title for t in plan.tasks] == [
        t.title for t in read_file(FORMATS / "ningxia.txt")[0].tasks
    ]


def test_a_doc_keeps_a_fields_shown_text_and_drops_its_code() -> None:
    from plangraph.read.doc import _lines

    text = '见\x13 HYPERLINK "https://www.gov.cn/" \x14中国政府网\x15。\r第二段\x0b续行\r'
    assert _lines(text, {}) == ["见中国政府网。", "第二段", "续行"]


def test_a_doc_reads_8_bit_pieces_and_unicode_pieces_in_order() -> None:
    """Word stores runs of Latin text one byte a character ("compressed", Windows-1252) and
    the rest as UTF-16; the piece table says which is where.  LibreOffice writes only UTF-16,
    so this file is put together here, after [MS-DOC]: a FIB, a piece table of two pieces."""
    import struct

    from plangraph.read.doc import _Document, _lines

    latin, chinese = "PM2.5 \x93target\x94\r".encode("latin-1"), "降至30微克\r".encode("utf-16-le")
    word = bytearray(0x600)
    struct.pack_into("<H8xH", word, 0, 0xA5EC, 0x0200)  # wIdent; fWhichTblStm: 1Table
    struct.pack_into("<H", word, 32, 14)  # csw
    struct.pack_into("<H", word, 62, 22)  # cslw
    struct.pack_into("<I", word, 64 + 12, 15 + 7)  # ccpText
    struct.pack_into("<H", word, 152, 93)  # cbRgFcLcb
    word[0x400 : 0x400 + len(latin)] = latin
    word[0x500 : 0x500 + len(chinese)] = chinese
    plc = struct.pack("<3I", 0, 15, 22)  # character positions of the two pieces
    plc += struct.pack("<HIH", 0, (2 * 0x400) | 0x40000000, 0)  # 8-bit, at 0x400
    plc += struct.pack("<HIH", 0, 0x500, 0)  # UTF-16, at 0x500
    table = b"\x02" + struct.pack("<I", len(plc)) + plc
    struct.pack_into("<II", word, 154 + 8 * 33, 0, len(table))  # fcClx, lcbClx
    text, marks = _Document(bytes(word), table, "made.doc").read()
    assert text == "PM2.5 “target”\r降至30微克\r"
    assert _lines(text, marks) == ["PM2.5 “target”", "降至30微克"]


LISTS_DOC = [
    "某市生态环境保护行动方案",
    "一、总体要求",  # from the paragraph style 章
    "（一）指导思想。坚持生态优先。",
    "（二）主要目标。",
    "到2025年，森林覆盖率达到42%。",  # after a line break in the same paragraph
    "二、主要任务",
    "（一）加强水污染防治。详见中国政府网。",  # the hyperlink's shown text, not its address
    "1.第一项",
    "2.第二项",
    "5.第五项",  # a list restarted at 5 ...
    "1.第六项",  # ... which LibreOffice saves as two lists (its own reading shows 1. too)
    "序号\t指标",
    "1\t地表水优良比例",  # the 序号 column numbered by a list of its own
    "2\t森林覆盖率",
    "三、保障措施",
    "\t".join(f"{year}年" for year in range(2001, 2041)),  # properties in the Data stream
    "\t".join(str(column) for column in range(1, 41)),
    "专栏1\t工程 规模 污水管网 100公里",  # a table nested in a cell: the outer cell's text
    "四、加强组织领导。",
]


def test_a_doc_writes_out_numbers_from_styles_lists_and_table_cells() -> None:
    """lists.doc (see make_fixtures.py): checked against LibreOffice's own reading of the
    file (soffice --convert-to txt), which shows the same numbers."""
    from plangraph.read.doc import extract

    assert extract(FORMATS / "lists.doc", "lists.doc").split("\n") == LISTS_DOC


def test_a_doc_writes_out_a_text_box_after_the_paragraph_it_is_anchored_in() -> None:
    """textbox.doc: a 专栏 drawn as a text box, whose text Word keeps in the text boxes
    document after the main text; its anchor is in the heading 一、重点工程."""
    from plangraph.read.doc import extract

    assert extract(FORMATS / "textbox.doc", "textbox.doc").split("\n") == [
        "某市水生态环境保护行动方案",
        "一、重点工程",
        "专栏1 重点工程",
        "新建城镇污水管网100公里，改造雨污合流管网50公里。",
        "（一）推进污水管网建设。到2025年，城市生活污水集中收集率达到70%。",
        "二、保障措施",
    ]


def test_a_doc_leaves_out_deleted_and_hidden_text() -> None:
    """revised.doc: a tracked change (40% deleted, 42% inserted) left in the file, and a
    hidden run; the text as printed ([MS-DOC] sprmCFRMarkDel, sprmCFVanish)."""
    from plangraph.read.doc import extract

    assert extract(FORMATS / "revised.doc", "revised.doc").split("\n") == [
        "某市林业发展行动方案",
        "（一）扩大森林面积。到2025年，森林覆盖率达到42%。",
        "（二）加强森林防火。",
    ]


def test_a_doc_symbol_is_its_character_not_a_bracket() -> None:
    """Word stores a symbol inserted from a font as "(" with sprmCFSpec and sprmCSymbol
    (font, character); a symbol font's private-use character is dropped."""
    from plangraph.read.doc import _character_effect

    special = bytes.fromhex("5508 01")  # sprmCFSpec 1
    assert _character_effect(special + bytes.fromhex("096a 0200 1a22")) == "√"
    assert _character_effect(special + bytes.fromhex("096a 0300 fcf0")) == "\x01"  # Wingdings
    assert _character_effect(bytes.fromhex("096a 0200 1a22")) is None  # not special
    assert _character_effect(bytes.fromhex("0008 01")) == ""  # sprmCFRMarkDel
    assert _character_effect(bytes.fromhex("0008 00")) is None


def test_a_doc_section_break_ends_its_paragraph() -> None:
    """breaks.doc: a section break (0x0C at a PlcfSed boundary) is the mark of 二、主要任务;
    read as a mere line break, 三、 would be lost and 二、 counted for the wrong paragraph.
    The same numbers as LibreOffice's own reading of the file."""
    from plangraph.read.doc import extract

    assert extract(FORMATS / "breaks.doc", "breaks.doc").split("\n") == [
        "某县生态保护规划",
        "一、总体要求",
        "坚持生态优先、绿色发展。",
        "二、主要任务",
        "三、保障措施",
    ]


def test_a_doc_page_break_before_a_numbered_heading_keeps_the_number_on_it() -> None:
    """Word stores a page break as 0x0C inside the paragraph that follows it: the label goes
    on the paragraph's text, not on the empty line before the break."""
    from plangraph.read.doc import _lines, _Paragraph

    class Numbers:
        def label(self, ilfo: int | None, ilvl: int | None, istd: int) -> str:
            return "二、" if ilfo == 1 else ""

    text = "总体要求\r\x0c主要任务\r"
    marks = {10: _Paragraph(list_format=1, list_level=0)}
    assert text[10] == "\r"
    lines = _lines(text, marks, Numbers())  # type: ignore[arg-type]
    assert lines == ["总体要求", "", "二、主要任务"]


def test_a_tab_inside_a_doc_table_cell_does_not_make_a_column() -> None:
    from plangraph.read.doc import _lines, _Paragraph

    text = "指标\t说明\x0742\x07\x07"
    marks = {5: _Paragraph(True), 8: _Paragraph(True), 9: _Paragraph(True, True)}
    assert _lines(text, marks) == ["指标 说明\t42"]


def test_a_doc_numbers_a_paragraph_from_its_style_alone(tmp_path: Path) -> None:
    """Word often stores a heading's list only in its paragraph style (STSH): here the
    paragraphs of style 章 (istd 88) lose their own sprmPIlfo, and keep their 一、 二、."""
    import olefile

    from plangraph.read.doc import _Document, _streams, extract

    path = tmp_path / "styled.doc"
    path.write_bytes((FORMATS / "lists.doc").read_bytes())
    own = bytes.fromhex("5800 0a2600 0b46 0700")  # istd 88; sprmPIlvl 0; sprmPIlfo 7
    with olefile.OleFileIO(str(path), write_mode=True) as ole:
        word = ole.openstream("WordDocument").read()
        assert word.count(own) == 3  # two paragraphs of one page share theirs
        ole.write_stream("WordDocument", word.replace(own, bytes.fromhex("5800 0a2600 0046 0700")))
    document = _Document(*_streams(path, "styled.doc")[:2], "styled.doc")
    _, marks = document.read()
    styled = [paragraph for paragraph in marks.values() if paragraph.style == 88]
    assert len(styled) == 4 and {p.list_format for p in styled} == {None}
    assert extract(path, "styled.doc").split("\n") == LISTS_DOC


def _lvl(text: str, nfc: int = 0, start: int = 1, flags: int = 0, restart: int = 0) -> bytes:
    """An LVL ([MS-DOC] 2.9.150): LVLF (28 bytes), no grpprls, then the xst."""
    lvlf = struct.pack("<iBB9sB4s4sBBBB", start, nfc, flags, b"", 0, b"", b"", 0, 0, restart, 0)
    assert len(lvlf) == 28
    return lvlf + struct.pack("<H", len(text)) + text.encode("utf-16-le")


def _lists(
    levels: list[bytes], overrides: list[bytes]
) -> tuple[bytes, tuple[int, int], tuple[int, int]]:
    """A table stream of one list (lsid 7; simple if it has one level) and one list
    instance per entry of ``overrides`` (its LFOLVLs)."""
    lstf = struct.pack("<ii18sBB", 7, 0, b"\xff\x0f" * 9, 1 if len(levels) == 1 else 0, 0)
    plf_lst = struct.pack("<h", 1) + lstf
    lfos = b"".join(struct.pack("<i8xBBBB", 7, len(o) // 8, 0, 0, 0) for o in overrides)
    plf_lfo = struct.pack("<I", len(overrides)) + lfos
    plf_lfo += b"".join(struct.pack("<I", 0xFFFFFFFF) + o for o in overrides)
    table = plf_lst + b"".join(levels) + plf_lfo
    at = len(plf_lst) + len(b"".join(levels))
    return table, (0, len(plf_lst)), (at, len(plf_lfo))


def test_a_doc_list_instance_may_restart_its_list() -> None:
    """Instances (LFOs) of one list count on together; one whose LFOLVL sets fStartAt
    restarts the level at iStartAt ([MS-DOC] 2.9.131 LFO, 2.9.132 LFOLVL)."""
    from plangraph.read.doc_lists import Lists

    restart = struct.pack("<iI", 5, 0x10)  # iStartAt 5; iLvl 0, fStartAt
    lists = Lists(*_lists([_lvl("\x00.")], [b"", b"", restart]))
    shown = [lists.label(instance, 0) for instance in (1, 2, 1, 3, 3)]
    assert shown == ["1.", "2.", "3.", "5.", "6."]
    assert lists.label(4, 0) == ""  # no such instance


def test_a_doc_list_level_restarts_as_its_lvlf_says() -> None:
    """Level 1 restarts after level 0 unless fNoRestart (with ilvlRestartLim 0: never);
    fLegal shows every number of the level's text in decimal ([MS-DOC] 2.9.149 LVLF)."""
    from plangraph.read.doc_lists import Lists

    chinese = 37  # msonfcChnDbNum1: chineseCounting
    plain = [_lvl("\x00、", chinese), _lvl("（\x01）", chinese), *[_lvl("")] * 7]
    lists = Lists(*_lists(plain, [b""]))
    shown = [lists.label(1, level) for level in (0, 1, 1, 0, 1)]
    assert shown == ["一、", "（一）", "（二）", "二、", "（一）"]
    never = [
        _lvl("\x00、", chinese),
        _lvl("\x00.\x01", chinese, flags=0x08 | 0x04),
        *[_lvl("")] * 7,
    ]
    lists = Lists(*_lists(never, [b""]))
    shown = [lists.label(1, level) for level in (0, 1, 1, 0, 1)]
    assert shown == ["一、", "1.1", "1.2", "二、", "2.3"]


def test_a_doc_list_with_absurd_numbers_is_read_without_harm() -> None:
    """Start numbers beyond Word's 0x7FFF (here 2**31 - 1 in Roman numerals, or negative in
    Chinese) are clamped rather than written out at length or failing."""
    from plangraph.read.doc_lists import Lists

    lists = Lists(*_lists([_lvl("\x00", 1, start=0x7FFFFFFF)], [b""]))
    assert lists.label(1, 0) == "MMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMDCCLXVII"  # 32767
    lists = Lists(*_lists([_lvl("\x00、", 37, start=-50)], [b""]))
    assert lists.label(1, 0) == "〇、"
    # a list instance whose LFOLVLs run past the table: no numbers, no failure
    lists = Lists(*_lists([_lvl("\x00.")], [struct.pack("<iI", 5, 0x20)]))
    assert lists.label(1, 0) == ""


def test_a_doc_whose_pieces_overlap_is_refused() -> None:
    """Pieces must follow one another ([MS-DOC] 2.9.178 PlcPcd: aCp ascending); pieces that
    each claim the whole text would multiply it."""
    from plangraph.read.doc import _Document

    word = bytearray(0x600)
    struct.pack_into("<H8xH", word, 0, 0xA5EC, 0x0200)
    struct.pack_into("<H", word, 32, 14)
    struct.pack_into("<H", word, 62, 22)
    struct.pack_into("<I", word, 64 + 12, 100)  # ccpText
    struct.pack_into("<H", word, 152, 93)
    plc = struct.pack("<4I", 0, 100, 0, 100) + struct.pack("<HIH", 0, 0x400, 0) * 3
    table = b"\x02" + struct.pack("<I", len(plc)) + plc
    struct.pack_into("<II", word, 154 + 8 * 33, 0, len(table))
    with pytest.raises(ReadError, match=r"made\.doc: a damaged \.doc \(its pieces of text are"):
        _Document(bytes(word), table, "made.doc").read()


def test_a_doc_listing_one_page_of_properties_a_million_times_costs_one_page() -> None:
    """A bin table ([MS-DOC] 2.8.6 PlcBtePapx) of 1,000,000 entries naming the same page:
    the page is read once, for the paragraphs that need it, not a million times."""
    from plangraph.read.doc import _Document, _streams

    word, table, data = _streams(FORMATS / "ningxia.doc", "ningxia.doc")
    fib = _Document(word, table, "ningxia.doc", data)
    fc_bte, lcb_bte = fib.pair(13)
    first_page = struct.unpack_from("<I", table, fc_bte + lcb_bte - 4 * ((lcb_bte - 4) // 8))[0]
    count = 1_000_000
    bins = struct.pack(f"<{count + 1}I", *range(0, 4 * (count + 1), 4))
    bins += struct.pack("<I", first_page) * count
    hostile = bytearray(word)
    struct.pack_into("<II", hostile, fib.fc_lcb + 8 * 13, len(table), len(bins))
    document = _Document(bytes(hostile), table + bins, "hostile.doc", data)
    text, _ = document.read()
    assert len(document.pages) == 1
    assert text == _Document(word, table, "ningxia.doc", data).read()[0]


def test_a_doc_whose_character_runs_are_out_of_order_is_read_without_them() -> None:
    """The bin table of character properties must ascend ([MS-DOC] 2.8.5 PlcBteChpx); one
    that does not (here 200,000 entries at one offset, which every piece would walk) is
    passed over: the text is read as it stands."""
    from plangraph.read.doc import _Document, _streams

    word, table, data = _streams(FORMATS / "ningxia.doc", "ningxia.doc")
    fib = _Document(word, table, "ningxia.doc", data)
    count = 200_000
    bins = struct.pack(f"<{count + 1}I", *[0x800] * (count + 1)) + struct.pack("<I", 1) * count
    hostile = bytearray(word)
    struct.pack_into("<II", hostile, fib.fc_lcb + 8 * 12, len(table), len(bins))
    document = _Document(bytes(hostile), table + bins, "hostile.doc", data)
    text, _ = document.read()
    assert document.character_bins is None
    assert text == fib.read()[0]


def test_a_damaged_doc_raises_only_read_errors(tmp_path: Path) -> None:
    """1,000 copies of the .doc fixtures with random bytes changed: each is read or refused
    with a ReadError, never another exception."""
    import random

    from plangraph.read.doc import _Document, _lines, _streams
    from plangraph.read.doc_lists import Numbering

    chance = random.Random(20261206)
    files = sorted(FORMATS.glob("*.doc"))
    streams = [_streams(path, path.name) for path in files]
    for trial in range(1000):
        if trial % 4 == 0:  # the whole file: the OLE container too
            data = bytearray(chance.choice(files).read_bytes())
            for _ in range(chance.choice((1, 4, 16, 64))):
                data[chance.randrange(len(data))] = chance.randrange(256)
            path = tmp_path / "fuzzed.doc"
            path.write_bytes(bytes(data))
            with contextlib.suppress(ReadError):
                read_file(path)
            continue
        word, table, extra = (bytearray(stream) for stream in chance.choice(streams))
        for _ in range(chance.choice((1, 4, 16))):
            target = chance.choice((word, table, table))
            at = chance.randrange(min(len(target), 0x600) if chance.random() < 0.3 else len(target))
            target[at] = chance.choice((0, 0xFF, chance.randrange(256)))
        with contextlib.suppress(ReadError):
            document = _Document(bytes(word), bytes(table), "fuzzed.doc", bytes(extra))
            text, marks = document.read()
            pairs = (document.pair(1), document.pair(73), document.pair(74))
            _lines(text, marks, Numbering(bytes(table), *pairs))


def test_a_damaged_doc_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "cut.doc"
    path.write_bytes((FORMATS / "ningxia.doc").read_bytes()[:5000])
    with pytest.raises(ReadError, match=r"^cut\.doc: a damaged \.doc \(.+\); expected a Word"):
        read_file(path, "cut.doc")
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)
    with pytest.raises(ReadError, match=r"cut\.doc: a damaged \.doc"):
        read_file(path, "cut.doc")


def test_an_ole_file_that_is_not_a_word_document_is_refused(tmp_path: Path) -> None:
    name = "WordDocument".encode("utf-16-le")
    data = (FORMATS / "ningxia.doc").read_bytes()
    assert data.count(name) == 1  # the stream's name in the OLE directory
    path = tmp_path / "sheet.xls"
    path.write_bytes(data.replace(name, "WordDocumenx".encode("utf-16-le")))
    with pytest.raises(ReadError, match=r"an OLE file that is not a Word document"):
        read_file(path)


def test_a_saved_single_file_page_reads_as_its_page() -> None:
    for name in ("ningxia", "jjj-2025"):  # a UTF-8 page, and a GBK one
        archived = read_file(FORMATS / f"{name}.mhtml")
        page = read_file(FORMATS / f"{name}.html")
        assert [p.text for p in archived] == [p.text for p in page]
        assert {p.media_type for p in archived} == {MHTML}


def test_a_web_archive_without_a_page_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "page.mhtml"
    path.write_bytes(
        b"From: <Saved by Blink>\r\nSnapshot-Content-Location: https://www.gov.cn/\r\n"
        b"MIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\r\n"
    )
    with pytest.raises(ReadError, match=r"page\.mhtml: a web archive \(\.mhtml\) without an HTML"):
        read_file(path)


def _archive(*parts: tuple[str, bytes], top: str = "") -> bytes:
    """A web archive (RFC 2557) of the given (headers, body) parts."""
    out = [
        "From: <Saved by Blink>\r\nMIME-Version: 1.0\r\n"
        f'Content-Type: multipart/related; type="text/html"; boundary="b"{top}\r\n\r\n'
    ]
    for headers, body in parts:
        out.append(f"--b\r\n{headers}\r\n\r\n{body.decode('latin-1')}\r\n")
    out.append("--b--\r\n")
    return "".join(out).encode("latin-1")


def test_a_web_archive_opens_on_the_part_its_start_parameter_names(tmp_path: Path) -> None:
    """RFC 2387: the root of a multipart/related is the part whose Content-ID ``start``
    names, wherever it lies; here after a page of another plan."""
    other = NOTICE_PAGE.encode("utf-8")
    page = (FORMATS / "ningxia.html").read_bytes()
    path = tmp_path / "saved.mht"
    path.write_bytes(
        _archive(
            ("Content-Type: text/html; charset=utf-8\r\nContent-ID: <other@x>", other),
            ("Content-Type: text/html; charset=utf-8\r\nContent-ID: <page@x>", page),
            top='; start="<page@x>"',
        )
    )
    (plan,) = read_file(path)
    assert plan.text == read_file(FORMATS / "ningxia.html")[0].text


def test_a_web_archive_whose_article_lies_in_a_frame_reads_the_frame(tmp_path: Path) -> None:
    """Chrome saves a frame as a further text/html part; a page that is only a frame around
    the article is read from it."""
    shell = (
        b"<html><head><meta charset='utf-8'><title>\xe9\xa6\x96\xe9\xa1\xb5</title></head><body>"
        b"<div class='nav'><a href='/'>\xe9\xa6\x96\xe9\xa1\xb5</a></div>"
        b"<iframe src='cid:frame-1@mhtml.blink'></iframe></body></html>"
    )
    page = (FORMATS / "ningxia.html").read_bytes()
    path = tmp_path / "framed.mhtml"
    path.write_bytes(
        _archive(
            ("Content-Type: text/html\r\nContent-Location: https://www.gov.cn/a.htm", shell),
            ("Content-Type: text/html\r\nContent-ID: <frame-1@mhtml.blink>", page),
        )
    )
    (plan,) = read_file(path)
    assert plan.text == read_file(FORMATS / "ningxia.html")[0].text


def test_a_web_archive_with_a_bogus_charset_falls_back_to_the_pages_own(tmp_path: Path) -> None:
    """A charset that is no text encoding ("undefined" raises UnicodeError, not a decoding
    error) is passed over for the page's <meta charset>."""
    page = (FORMATS / "jjj-2025.html").read_bytes()  # GB18030, declared in the page
    path = tmp_path / "odd.mhtml"
    path.write_bytes(_archive(("Content-Type: text/html; charset=undefined", page)))
    assert [p.text for p in read_file(path)] == [
        p.text for p in read_file(FORMATS / "jjj-2025.html")
    ]


def test_a_hostile_web_archive_is_refused_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "deep.mhtml"
    nested = "".join(
        f'--b{i}\r\nContent-Type: multipart/related; boundary="b{i + 1}"\r\n\r\n'
        for i in range(3000)
    )
    path.write_text(
        'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b0"\r\n\r\n'
        + nested
        + "--b3000\r\nContent-Type: text/html\r\n\r\n<p>x</p>\r\n",
        "ascii",
    )
    with pytest.raises(ReadError, match=r"deep\.mhtml: the web archive nests its parts too deeply"):
        read_file(path)
    path = tmp_path / "many.mhtml"
    path.write_bytes(_archive(*[("Content-Type: image/png", b"x")] * 10_001))
    with pytest.raises(ReadError, match=r"many\.mhtml: the web archive has over 10,000 parts"):
        read_file(path)


def test_a_damaged_web_archive_raises_only_read_errors(tmp_path: Path) -> None:
    """300 copies of the .mhtml fixtures with random bytes changed (often in the MIME
    headers): each is read or refused with a ReadError, never another exception."""
    import random

    from plangraph.read.mhtml import extract

    chance = random.Random(20261206)
    files = sorted(FORMATS.glob("*.mhtml"))
    path = tmp_path / "fuzzed.mhtml"
    for _ in range(300):
        data = bytearray(chance.choice(files).read_bytes())
        for _ in range(chance.choice((1, 4, 16, 64))):
            at = chance.randrange(len(data) if chance.random() < 0.5 else 3000)
            data[at] = chance.choice((0x0A, 0x3D, 0x2D, 0x3A, 0x3B, 0x22, chance.randrange(256)))
        path.write_bytes(bytes(data))
        with contextlib.suppress(ReadError):
            extract(path, "fuzzed.mhtml")


def test_a_file_is_read_as_what_it_is_whatever_its_extension(tmp_path: Path) -> None:
    page = tmp_path / "plan.pdf"
    page.write_bytes((FORMATS / "ningxia.html").read_bytes())
    word = tmp_path / "plan.txt"
    word.write_bytes((FORMATS / "ningxia.docx").read_bytes())
    pdf = tmp_path / "plan.html"
    pdf.write_bytes((FORMATS / "ningxia.pdf").read_bytes())
    assert (sniff(page), sniff(word), sniff(pdf)) == (HTML, DOCX, PDF)
    for path, media_type in ((page, HTML), (word, DOCX), (pdf, PDF)):
        (plan,) = read_file(path)
        assert (plan.title, plan.media_type, len(plan.tasks)) == (NINGXIA, media_type, 32)


def test_a_folder_may_mix_formats(tmp_path: Path) -> None:
    for name in ("jjj-2025.html", "ningxia.docx"):
        (tmp_path / name).write_bytes((FORMATS / name).read_bytes())
    (tmp_path / "notes.md").write_text("# not a plan", "utf-8")
    plans = read_plans([tmp_path])
    assert [(p.id, p.media_type, p.source) for p in plans] == [
        ("jjj-2025", HTML, str(tmp_path / "jjj-2025.html")),
        ("ningxia-2022", DOCX, str(tmp_path / "ningxia.docx")),
    ]


def test_the_cli_refuses_a_bad_file_in_one_line_and_writes_nothing(tmp_path: Path) -> None:
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(_pdf(b"q 200 0 0 200 0 0 cm BI /W 1 /H 1 /CS /G /BPC 8 ID \x80 EI Q"))
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", str(scan), "-o", str(out)])
    assert result.exit_code == 1
    assert result.output.strip().count("\n") == 0
    assert "scan.pdf: scanned PDF, no text layer; OCR it first" in result.output
    assert "Traceback" not in result.output
    assert not (out / "plangraph.ttl").exists()


def test_the_graph_records_each_plans_file_and_format() -> None:
    from plangraph.graph import build_graph

    graph = build_graph(build_corpus([FORMATS / "ningxia.pdf"]))
    query = """PREFIX dcterms: <http://purl.org/dc/terms/>
               SELECT ?source ?format WHERE { ?plan dcterms:source ?source ;
                                                    dcterms:format ?format }"""
    rows = [(str(row[0]), str(row[1])) for row in graph.query(query)]  # type: ignore[index]
    assert rows == [("ningxia.pdf", "application/pdf")]


_SECTION_MARK = re.compile(r"^[一二三四五六七八九十]+、")
_TASK_MARK = re.compile(r"^（[一二三四五六七八九十]+）")
_NUMBERING = """<w:abstractNum xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
 w:abstractNumId="90"><w:multiLevelType w:val="multilevel"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>
<w:lvlText w:val="%1、"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>
<w:lvlRestart w:val="0"/><w:lvlText w:val="（%2）"/></w:lvl></w:abstractNum>"""


def test_word_automatic_numbering_is_written_out(tmp_path: Path) -> None:
    """The plan typed without its numbers, which Word draws from a multilevel list (tasks
    numbered on across sections): the same tasks as the text."""
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(_NUMBERING))
    num = parse_xml(
        '<w:num xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'w:numId="90"><w:abstractNumId w:val="90"/></w:num>'
    )
    numbering.append(num)
    lines = [line for line in (FORMATS / "ningxia.txt").read_text("utf-8").split("\n") if line]
    for line in lines:
        level = 0 if _SECTION_MARK.match(line) else 1 if _TASK_MARK.match(line) else None
        text = _TASK_MARK.sub("", _SECTION_MARK.sub("", line))
        paragraph = document.add_paragraph(text)
        if level is not None:
            properties = paragraph._p.get_or_add_pPr()
            properties.append(
                parse_xml(
                    '<w:numPr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/'
                    f'main"><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'
                )
            )
    path = tmp_path / "numbered.docx"
    document.save(str(path))
    from plangraph.read.docx import extract

    assert extract(path, "numbered.docx").split("\n") == lines
    (plan,) = read_file(path)
    (text_plan,) = read_file(FORMATS / "ningxia.txt")
    assert [t.title for t in plan.tasks] == [t.title for t in text_plan.tasks]
    assert plan.text == text_plan.text


_NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)


def _word(tmp_path: Path, body: str, numbering: str = "", styles: str = "") -> list[str]:
    """The lines read from a .docx made by python-docx with this raw WordprocessingML: the
    body's blocks, the numbering part's w:abstractNum and w:num, the styles part's w:style."""
    import docx
    from docx.oxml import parse_xml

    from plangraph.read.docx import extract

    document = docx.Document()
    part = document.part.numbering_part.element
    abstract = 0
    for node in parse_xml(f"<w:numbering {_NS}>{numbering}</w:numbering>"):
        if node.tag.endswith("}abstractNum"):  # every w:abstractNum before the w:num
            part.insert(abstract, node)
            abstract += 1
        else:
            part.append(node)
    for node in parse_xml(f"<w:styles {_NS}>{styles}</w:styles>"):
        document.styles.element.append(node)
    end = document.element.body[-1]  # w:sectPr
    for node in parse_xml(f"<w:body {_NS}>{body}</w:body>"):
        end.addprevious(node)
    path = tmp_path / "made.docx"
    document.save(str(path))
    return extract(path, "made.docx").split("\n")


def _w_p(text: str, num: int | None = None, level: int = 0, properties: str = "") -> str:
    """A w:p with one run of ``text``, numbered from list instance ``num`` at ``level``."""
    listed = f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr>'
    own = (listed if num is not None else "") + properties
    runs = f"<w:r><w:t>{text}</w:t></w:r>" if text else ""
    return f"<w:p>{f'<w:pPr>{own}</w:pPr>' if own else ''}{runs}</w:p>"


def _w_lvl(level: int, kind: str, text: str, start: int = 1, more: str = "") -> str:
    return (
        f'<w:lvl w:ilvl="{level}"><w:start w:val="{start}"/><w:numFmt w:val="{kind}"/>'
        f'{more}<w:lvlText w:val="{text}"/></w:lvl>'
    )


def _w_list(abstract: int, *levels: str) -> str:
    return f'<w:abstractNum w:abstractNumId="{abstract}">{"".join(levels)}</w:abstractNum>'


def _w_num(num: int, abstract: int, overrides: str = "") -> str:
    return f'<w:num w:numId="{num}"><w:abstractNumId w:val="{abstract}"/>{overrides}</w:num>'


def test_a_docx_list_instance_may_restart_its_list_or_replace_a_level(tmp_path: Path) -> None:
    """Two instances of one list count on together; a third overrides the start (the list
    restarts at 5 there, as Word shows it), a fourth replaces the level's format."""
    numbering = (
        _w_list(91, _w_lvl(0, "decimal", "%1."))
        + _w_num(91, 91)
        + _w_num(92, 91)
        + _w_num(93, 91, '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride>')
        + _w_num(
            94,
            91,
            '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/>'
            f"{_w_lvl(0, 'chineseCounting', '%1、')}</w:lvlOverride>",
        )
    )
    body = "".join(
        _w_p(text, num)
        for text, num in [("甲", 91), ("乙", 92), ("丙", 93), ("丁", 93), ("戊", 94), ("己", 94)]
    )
    assert _word(tmp_path, body, numbering) == ["1.甲", "2.乙", "5.丙", "6.丁", "一、戊", "二、己"]


def test_a_docx_numbers_the_serial_column_of_a_table(tmp_path: Path) -> None:
    """序号 drawn by Word in an otherwise empty cell, counted on down the table."""
    numbering = _w_list(92, _w_lvl(0, "decimal", "%1")) + _w_num(95, 92)
    rows = [("序号", None, "重点工程"), ("", 95, "城镇污水管网建设"), ("", 95, "黑臭水体治理")]
    body = "<w:tbl>"
    for serial, num, work in rows:
        body += f"<w:tr><w:tc>{_w_p(serial, num)}</w:tc><w:tc>{_w_p(work)}</w:tc></w:tr>"
    body += "</w:tbl>"
    assert _word(tmp_path, body, numbering) == [
        "序号\t重点工程",
        "1\t城镇污水管网建设",
        "2\t黑臭水体治理",
    ]


def test_a_docx_leaves_out_hidden_and_moved_away_text(tmp_path: Path) -> None:
    """Hidden text (w:vanish on the run, or through its character style) and the old place of
    moved text are not printed; a paragraph whose mark is hidden runs on into the next, and
    one hidden with its mark is gone."""
    styles = (
        '<w:style w:type="character" w:styleId="Secret"><w:name w:val="Secret"/>'
        "<w:rPr><w:vanish/></w:rPr></w:style>"
        '<w:style w:type="character" w:styleId="Plain"><w:name w:val="Plain"/>'
        '<w:basedOn w:val="Secret"/><w:rPr><w:vanish w:val="0"/></w:rPr></w:style>'
    )
    hidden = "<w:rPr><w:vanish/></w:rPr>"
    body = (
        "<w:p><w:r><w:t>到2025年，森林覆盖率达到</w:t></w:r>"
        f"<w:r>{hidden}<w:t>40%</w:t></w:r><w:r><w:t>42%</w:t></w:r>"
        '<w:r><w:rPr><w:rStyle w:val="Secret"/></w:rPr><w:t>（暂定）</w:t></w:r>'
        '<w:r><w:rPr><w:rStyle w:val="Plain"/></w:rPr><w:t>。</w:t></w:r></w:p>'
        '<w:p><w:moveFrom w:id="1" w:author="a" w:date="2022-01-01T00:00:00Z">'
        "<w:r><w:t>加强森林防火。</w:t></w:r></w:moveFrom>"
        "<w:r><w:t>扩大森林面积。</w:t></w:r>"
        '<w:moveTo w:id="2" w:author="a" w:date="2022-01-01T00:00:00Z">'
        "<w:r><w:t>加强森林防火。</w:t></w:r></w:moveTo></w:p>"
        f"<w:p><w:pPr>{hidden}</w:pPr><w:r>{hidden}<w:t>编者按：内部讨论稿</w:t></w:r></w:p>"
        f"<w:p><w:pPr>{hidden}</w:pPr><w:r><w:t>（一）</w:t></w:r></w:p>" + _w_p("推进国土绿化。")
    )
    assert _word(tmp_path, body, styles=styles) == [
        "到2025年，森林覆盖率达到42%。",
        "扩大森林面积。加强森林防火。",
        "（一）推进国土绿化。",
    ]


def test_a_docx_writes_chinese_legal_numbers_in_their_own_characters(tmp_path: Path) -> None:
    from plangraph.read.numbers import number_label

    numbering = _w_list(93, _w_lvl(0, "chineseLegalSimplified", "%1、", start=9)) + _w_num(96, 93)
    body = "".join(_w_p(text, 96) for text in ("总体要求", "主要任务", "保障措施"))
    assert _word(tmp_path, body, numbering) == [
        "玖、总体要求",
        "壹拾、主要任务",
        "壹拾壹、保障措施",
    ]
    shown = [number_label(n, "chineseLegalSimplified") for n in (3, 20, 105, 110)]
    assert shown == ["叁", "贰拾", "壹佰零伍", "壹佰壹拾"]
    shown = [number_label(n, "chineseCounting") for n in (10, 12, 20, 105, 110)]
    assert shown == ["十", "十二", "二十", "一百零五", "一百一十"]


def test_a_docx_level_restarts_only_after_the_level_its_lvlrestart_names(tmp_path: Path) -> None:
    """Level 3 restarts only after level 1 (lvlRestart 1), not after level 2; level 2
    never restarts (lvlRestart 0); a level without lvlRestart restarts after any above."""
    numbering = _w_list(
        94,
        _w_lvl(0, "chineseCounting", "%1、"),
        _w_lvl(1, "decimal", "%2.", more='<w:lvlRestart w:val="0"/>'),
        _w_lvl(2, "decimalEnclosedCircle", "%3", more='<w:lvlRestart w:val="1"/>'),
        _w_lvl(3, "lowerLetter", "%4)"),
    ) + _w_num(97, 94)
    steps = [
        ("甲", 0), ("乙", 1), ("丙", 2), ("丁", 3), ("戊", 1), ("己", 2), ("庚", 3),
        ("辛", 0), ("壬", 2), ("癸", 1),
    ]  # fmt: skip
    body = "".join(_w_p(text, 97, level) for text, level in steps)
    assert _word(tmp_path, body, numbering) == [
        "一、甲", "1.乙", "①丙", "a)丁", "2.戊", "②己", "a)庚", "二、辛", "①壬", "3.癸",
    ]  # fmt: skip


def test_a_docx_writes_out_a_text_box_after_the_paragraph_it_is_anchored_in(
    tmp_path: Path,
) -> None:
    """A 专栏 in a text box: Word saves it as a drawing (wps:txbx) and, for older readers, a
    copy as a VML shape (v:textbox); its paragraphs come once, after the anchor's text."""
    box = _w_p("专栏1 重点工程") + _w_p("新建城镇污水管网100公里。")
    drawing = (
        '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/'
        f'wordprocessingShape"><wps:wsp><wps:txbx><w:txbxContent>{box}</w:txbxContent>'
        "</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>"
        "</mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>"
        f"<w:txbxContent>{box}</w:txbxContent></v:textbox></v:shape></w:pict>"
        "</mc:Fallback></mc:AlternateContent></w:r>"
    )
    vml = (
        "<w:r><w:pict><v:shape><v:textbox><w:txbxContent>"
        f"{_w_p('专栏2 保障措施')}</w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
    )
    body = (
        f"<w:p><w:r><w:t>一、重点工程</w:t></w:r>{drawing}</w:p>"
        + _w_p("（一）推进污水管网建设。")
        + f"<w:p><w:r><w:t>二、保障措施</w:t></w:r>{vml}</w:p>"
    )
    assert _word(tmp_path, body) == [
        "一、重点工程",
        "专栏1 重点工程",
        "新建城镇污水管网100公里。",
        "（一）推进污水管网建设。",
        "二、保障措施",
        "专栏2 保障措施",
    ]


def test_a_docx_symbol_is_its_character_and_a_symbol_fonts_own_is_dropped(
    tmp_path: Path,
) -> None:
    """w:sym: ≤ inserted from a text font is printed; Wingdings' check mark (private use) is
    not; a no-break hyphen is a hyphen."""
    body = (
        '<w:p><w:r><w:sym w:font="Wingdings" w:char="F0FC"/><w:t>PM2.5浓度</w:t>'
        '<w:sym w:font="宋体" w:char="2264"/><w:t>35微克/立方米，PM</w:t><w:noBreakHyphen/>'
        "<w:t>10同步下降。</w:t></w:r></w:p>"
    )
    assert _word(tmp_path, body) == ["PM2.5浓度≤35微克/立方米，PM-10同步下降。"]


def test_a_docx_reads_rows_cells_and_paragraphs_inside_content_controls(tmp_path: Path) -> None:
    """A form made with content controls: a repeating row (w:sdt around w:tr), a cell in a
    control (w:sdt around w:tc), a paragraph marked as custom XML; none is lost."""
    row = "<w:tr><w:tc>{}</w:tc><w:tc>{}</w:tc></w:tr>"
    body = (
        '<w:customXml w:element="title">' + _w_p("重点项目表") + "</w:customXml><w:tbl>"
        + row.format(_w_p("项目"), _w_p("责任单位"))
        + "<w:sdt><w:sdtContent>" + row.format(_w_p("污水管网"), _w_p("市住建局"))
        + "</w:sdtContent></w:sdt><w:tr><w:tc>" + _w_p("河道清淤")
        + "</w:tc><w:sdt><w:sdtContent><w:tc>" + _w_p("市水务局")
        + "</w:tc></w:sdtContent></w:sdt></w:tr></w:tbl>"
    )  # fmt: skip
    assert _word(tmp_path, body) == [
        "重点项目表",
        "项目\t责任单位",
        "污水管网\t市住建局",
        "河道清淤\t市水务局",
    ]
