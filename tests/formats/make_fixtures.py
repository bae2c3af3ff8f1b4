"""Rebuild the format fixtures from the text of two real plans (run from the repository root).

    .venv/bin/python tests/formats/make_fixtures.py

- ``ningxia.html``: the Ningxia plan (``ningxia.txt``, a real plan) in a page shaped like a
  gov.cn policy-library article: top bar, navigation, breadcrumb, metadata table, title,
  body in ``#UCAP-CONTENT``, attachment link, share bar, related links, footer, scripts.
- ``ningxia.docx``: the same plan written with python-docx: paragraphs and a table.
- ``ningxia.pdf``: the same plan printed by Debian's headless chromium from a page styled
  like a printed government document (indented paragraphs, centred title), with chromium's
  running header and footer (date, title, file address, page numbers) left on.
- ``ningxia.doc``: ``ningxia.docx`` saved by LibreOffice (Debian's libreoffice-writer-nogui,
  only needed to rebuild it) in the Word 97-2003 format.
- ``indicators.doc`` / ``indicators.docx``: a short plan whose 主要指标 table has empty cells
  and a cell of two paragraphs, written with python-docx and saved as .doc by LibreOffice.
- ``numbered.doc``: the Ningxia plan typed without its 一、 and （一） numbers, which Word draws
  from a multilevel list (chineseCounting, tasks numbered from （一） in each section), written
  with python-docx and saved as .doc by LibreOffice.
- ``lists.doc``: a short plan whose numbers Word draws in every way a .doc stores them: 一、
  from the paragraph style 章 (its list in the stylesheet), （一） from the paragraph, a list
  restarted at 5 (a list instance overriding the start), a 序号 column numbered by a list of
  its own; with a line break inside a numbered paragraph, a hyperlink (a field), a table of
  40 columns (whose rows' properties lie in the Data stream) and a table nested in a cell;
  written with python-docx and saved as .doc by LibreOffice.
- ``textbox.doc``: a short plan whose 专栏 (a box of key projects) is a text box anchored in
  a heading, written with python-docx (a VML text box) and saved as .doc by LibreOffice.
- ``revised.doc``: a short plan with tracked changes left in it (a deleted and an inserted
  figure) and a hidden run, written with python-docx and saved as .doc by LibreOffice.
- ``breaks.doc``: numbered headings (一、 二、 三、 from a list) where a section break (to a
  landscape page) ends the second, written with python-docx and saved as .doc by
  LibreOffice.
- ``ningxia.mhtml`` and ``jjj-2025.mhtml``: the two pages above as chromium saves a page as a
  single file (Page.captureSnapshot, the snapshot behind "Save as… Webpage, Single File").
- ``jjj-2025.html``: the first release and plan of the bundled seed (京津冀) in a GB18030 page
  shaped like a ministry news page: 当前位置 breadcrumb, 【字体：大 中 小】【打印】【关闭】,
  相关链接, footer.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
ROOT = HERE.parent.parent
TITLE = "支持宁夏建设黄河流域生态保护和高质量发展先行区实施方案"


def paragraphs(lines: list[str]) -> str:
    return "\n".join(f'<p style="text-indent:2em;">{html.escape(line)}</p>' for line in lines)


def ningxia_lines() -> list[str]:
    return [line for line in (HERE / "ningxia.txt").read_text("utf-8").splitlines() if line]


def ningxia_html() -> str:
    lines = ningxia_lines()
    assert lines[0] == TITLE
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="keywords" content="宁夏,黄河流域,先行区">
<title>{TITLE}_国务院部门文件_中国政府网</title>
<link rel="stylesheet" href="https://www.gov.cn/images/gtml/2023/css/common.css">
<style>.pages_content p {{ text-indent: 2em; line-height: 2; }}
.share a {{ margin: 0 4px; }}</style>
<script>var _hmt = _hmt || [];
(function() {{ var hm = document.createElement("script"); }})();</script>
</head>
<body>
<div class="header">
  <div class="topbar"><a href="/">首页</a> | <a href="#">简</a> | <a href="#">繁</a> |
  <a href="#">EN</a> | <a href="#">登录</a> | <a href="#">个人中心</a> | <a href="#">退出</a>
  | <a href="#">邮箱</a> | <a href="#">无障碍</a></div>
  <div class="nav"><ul>
    <li><a href="/">首页</a></li><li><a href="/yaowen/">新闻</a></li>
    <li><a href="/zhuanti/">专题</a></li><li><a href="/zhengce/">政策</a></li>
    <li><a href="/hudong/">互动</a></li><li><a href="/fuwu/">服务</a></li>
    <li><a href="/shuju/">数据</a></li><li><a href="/guoqing/">国情</a></li>
  </ul></div>
  <form class="search"><input type="text" placeholder="请输入关键词"><button>搜索</button></form>
</div>
<div class="BreadcrumbNav"><a href="/">首页</a> &gt; <a href="/zhengce/">政策</a> &gt;
  <a href="/zhengce/zhengceku/">国务院政策文件库</a> &gt; <a href="#">国务院部门文件</a></div>
<div class="policyLibraryOverview_header">
<table class="bd1" cellpadding="0" cellspacing="1">
  <tr><td><b>索&nbsp;引&nbsp;号：</b></td><td></td>
      <td><b>主题分类：</b></td><td>城乡建设、环境保护\\生态环境</td></tr>
  <tr><td><b>发文机关：</b></td><td>国家发展改革委</td>
      <td><b>成文日期：</b></td><td>2022年04月28日</td></tr>
  <tr><td><b>标　　题：</b></td><td colspan="3">{TITLE}</td></tr>
</table>
</div>
<div class="article oneColumn pub_border">
  <h1>{TITLE}</h1>
  <div class="pages-date">2022-04-28 10:00 <span class="font">来源：国家发展改革委网站</span></div>
  <div class="pages_content" id="UCAP-CONTENT">
{paragraphs(lines[1:])}
  </div>
  <div class="attachment"><p>附件：<a href="P020220428.pdf">{TITLE}.pdf</a></p></div>
  <div class="share"><span>分享到</span> <a href="#">微信</a> <a href="#">微博</a>
    <a href="#">QQ空间</a></div>
  <div class="editor">【我要纠错】 责任编辑：王某</div>
  <div class="print"><a href="javascript:window.print()">【打印】</a>
    <a href="javascript:window.close()">【关闭】</a></div>
  <div class="related"><h3>相关链接</h3><ul>
    <li><a href="#">国务院关于黄河流域生态保护和高质量发展规划纲要的批复</a></li>
    <li><a href="#">黄河流域生态保护和高质量发展规划纲要</a></li>
    <li><a href="#">国家发展改革委有关负责同志就支持宁夏建设先行区答记者问</a></li>
  </ul></div>
</div>
<div class="footer">
  <p>主办单位：国务院办公厅　运行维护单位：中国政府网运行中心</p>
  <p>版权所有：中国政府网　中文域名：中国政府网.政务</p>
  <p>网站标识码bm01000001　京ICP备05070218号　京公网安备11010202000001号</p>
</div>
<script src="https://www.gov.cn/images/gtml/2023/js/share.js"></script>
</body>
</html>
"""


def ningxia_print_html() -> str:
    lines = ningxia_lines()
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{TITLE}</title>
<style>
@page {{ size: A4; margin: 37mm 26mm 35mm 28mm; }}
body {{ font-family: "Noto Serif CJK SC", serif; font-size: 16pt; line-height: 28pt;
        text-align: justify; }}
h1 {{ font-size: 22pt; line-height: 33pt; text-align: center; font-weight: normal;
      margin: 0 0 28pt; }}
p {{ margin: 0; text-indent: 2em; }}
</style></head><body>
<h1>{html.escape(lines[0])}</h1>
{paragraphs(lines[1:])}
</body></html>
"""


def seed_release() -> list[str]:
    lines = (ROOT / "data" / "plans" / "beautiful-china-pioneer-zones-2025.txt").read_text("utf-8")
    out: list[str] = []
    for line in lines.splitlines():
        if not line.strip():
            continue
        out.append(line)
        if line.startswith("(此文有删减)"):
            break
    return out


def jjj_html() -> bytes:
    lines = seed_release()
    headline = lines[0]
    page = f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN"
 "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />
<title>{headline}--部门动态</title>
<script type="text/javascript" src="../../js/jquery.js"></script>
<script type="text/javascript">function doZoom(size) {{
  document.getElementById('zoom').style.fontSize = size + 'px'; }}</script>
<style type="text/css">.TRS_Editor P {{ margin-top: 5px; line-height: 2; font-size: 16px; }}</style>
</head>
<body>
<div id="top"><a href="#">网站首页</a> <a href="#">机构</a> <a href="#">新闻</a>
  <a href="#">信息</a> <a href="#">业务</a> <a href="#">互动</a></div>
<table width="1000" class="main"><tr><td>
  <div class="position">当前位置：<a href="#">首页</a> &gt; <a href="#">新闻</a> &gt;
    <a href="#">部门动态</a></div>
  <div class="content_title"><h2>{html.escape(headline)}</h2></div>
  <div class="content_info">来源：生态环境部　发布日期：2025-03-20
    <span>【字体：<a href="javascript:doZoom(18)">大</a> <a href="javascript:doZoom(16)">中</a>
    <a href="javascript:doZoom(14)">小</a>】</span></div>
  <div class="content_body" id="zoom"><div class="TRS_Editor">
{paragraphs(lines[1:])}
  </div></div>
  <div class="content_tools"><a href="javascript:window.print()">【打印】</a>
    <a href="javascript:window.close()">【关闭】</a></div>
  <div class="xglj"><div class="xglj_title">相关链接</div>
    <a href="#">生态环境部召开3月例行新闻发布会</a><br />
    <a href="#">美丽中国建设评估指标体系及实施方案</a><br /></div>
</td></tr></table>
<div id="footer">版权所有：中华人民共和国生态环境部　ICP备案编号:京ICP备05009132号<br />
  网站标识码：bm17000009　地址：北京市东城区东长安街12号</div>
</body>
</html>
"""
    return page.encode("gb18030")


def ningxia_docx(path: Path) -> None:
    import docx
    from docx.shared import Pt

    lines = ningxia_lines()
    document = docx.Document()
    document.styles["Normal"].font.size = Pt(16)
    table = document.add_table(rows=2, cols=4)
    for row, cells in zip(
        table.rows,
        [("发文机关", "国家发展改革委", "成文日期", "2022年4月28日"), ("主题分类", "", "", "")],
        strict=True,
    ):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text
    merged = table.rows[1].cells[1].merge(table.rows[1].cells[3])
    merged.text = "城乡建设、环境保护"
    heading = document.add_paragraph(lines[0])
    heading.alignment = 1  # centred
    for line in lines[1:]:
        paragraph = document.add_paragraph(line)
        paragraph.paragraph_format.first_line_indent = Pt(32)
    document.core_properties.title = TITLE
    document.save(str(path))


def print_pdf(page: str, target: Path) -> None:
    chromium = shutil.which("chromium")
    if chromium is None:
        raise SystemExit("chromium is missing: apt-get install -y chromium fonts-noto-cjk")
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "ningxia-print.html"
        source.write_text(page, "utf-8")
        subprocess.run(
            [
                chromium,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                f"--print-to-pdf={target}",
                source.as_uri(),
            ],
            check=True,
            capture_output=True,
        )


INDICATORS = [
    ["指标", "单位", "2020年", "2025年", "属性"],
    ["细颗粒物（PM2.5）浓度", "微克/立方米", "35", "30", "约束性"],
    ["地表水达到或好于Ⅲ类水体比例", "%", "", "85", ""],
    ["森林覆盖率", "%", "40.1", "42", ""],
]


def indicators_docx(path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("某市“十四五”生态环境保护规划")
    document.add_paragraph("一、主要指标")
    table = document.add_table(rows=len(INDICATORS), cols=len(INDICATORS[0]))
    for r, row in enumerate(INDICATORS):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    table.cell(1, 0).add_paragraph("（年均）")  # a cell of two paragraphs
    document.add_paragraph("二、主要任务")
    document.add_paragraph("（一）深入打好蓝天保卫战。到2025年，细颗粒物浓度下降到30微克/立方米。")
    document.save(str(path))


NUMBERING = """<w:abstractNum xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
 w:abstractNumId="90"><w:multiLevelType w:val="multilevel"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>
<w:lvlText w:val="%1、"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>
<w:lvlText w:val="（%2）"/></w:lvl></w:abstractNum>"""
SECTION_MARK = re.compile(r"^[一二三四五六七八九十]+、")
TASK_MARK = re.compile(r"^（[一二三四五六七八九十]+）")


def numbered_docx(path: Path) -> None:
    """The Ningxia plan with its 一、 and （一） drawn by Word's list numbering."""
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(NUMBERING))
    numbering.append(
        parse_xml(
            '<w:num xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
            'w:numId="90"><w:abstractNumId w:val="90"/></w:num>'
        )
    )
    for line in ningxia_lines():
        level = 0 if SECTION_MARK.match(line) else 1 if TASK_MARK.match(line) else None
        paragraph = document.add_paragraph(TASK_MARK.sub("", SECTION_MARK.sub("", line)))
        if level is not None:
            paragraph._p.get_or_add_pPr().append(
                parse_xml(
                    '<w:numPr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/'
                    f'main"><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'
                )
            )
    document.save(str(path))


LISTS = """<w:abstractNum xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
 w:abstractNumId="91"><w:multiLevelType w:val="multilevel"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:pStyle w:val="Zhang"/>
<w:lvlText w:val="%1、"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>
<w:lvlText w:val="（%2）"/></w:lvl></w:abstractNum>"""
DECIMAL = """<w:abstractNum xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
 w:abstractNumId="{id}"><w:multiLevelType w:val="singleLevel"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="{text}"/>
</w:lvl></w:abstractNum>"""
NUM = (
    '<w:num xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'w:numId="{num}"><w:abstractNumId w:val="{id}"/>{override}</w:num>'
)
NUM_PR = (
    '<w:numPr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    '<w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr>'
)


def lists_docx(path: Path) -> None:
    """A short plan numbered by Word in the ways a .doc stores it (see ``lists.doc``)."""
    import docx
    from docx.enum.style import WD_STYLE_TYPE
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn

    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(LISTS))
    numbering.insert(1, parse_xml(DECIMAL.format(id=92, text="%1.")))
    numbering.insert(2, parse_xml(DECIMAL.format(id=93, text="%1")))
    restart = '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride>'
    for num, abstract, override in ((91, 91, ""), (92, 92, ""), (94, 92, restart), (93, 93, "")):
        numbering.append(parse_xml(NUM.format(num=num, id=abstract, override=override)))
    chapter = document.styles.add_style("Zhang", WD_STYLE_TYPE.PARAGRAPH)
    chapter.name = "章"
    chapter.element.get_or_add_pPr().append(parse_xml(NUM_PR.format(level=0, num=91)))

    def numbered(text: str, num: int, level: int = 0) -> Any:
        paragraph = document.add_paragraph(text)
        paragraph._p.get_or_add_pPr().append(parse_xml(NUM_PR.format(level=level, num=num)))
        return paragraph

    document.add_paragraph("某市生态环境保护行动方案")
    document.add_paragraph("总体要求", style="Zhang")
    numbered("指导思想。坚持生态优先。", 91, 1)
    numbered("主要目标。", 91, 1).add_run().add_break()  # a line break: the same paragraph
    document.paragraphs[-1].add_run("到2025年，森林覆盖率达到42%。")
    document.add_paragraph("主要任务", style="Zhang")
    task = numbered("加强水污染防治。详见", 91, 1)
    relation = document.part.relate_to(
        "https://www.gov.cn/", RELATIONSHIP_TYPE.HYPERLINK, is_external=True
    )
    link = parse_xml(
        '<w:hyperlink xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
        f'r:id="{relation}"><w:r><w:t>中国政府网</w:t></w:r></w:hyperlink>'
    )
    task._p.append(link)
    task.add_run("。")
    for text, num in (("第一项", 92), ("第二项", 92), ("第五项", 94), ("第六项", 94)):
        numbered(text, num)
    table = document.add_table(rows=3, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "序号", "指标"
    for row in (1, 2):
        table.cell(row, 0).paragraphs[0]._p.get_or_add_pPr().append(
            parse_xml(NUM_PR.format(level=0, num=93))
        )
        table.cell(row, 1).text = ("地表水优良比例", "森林覆盖率")[row - 1]
    document.add_paragraph("保障措施", style="Zhang")
    wide = document.add_table(rows=2, cols=40)
    for column in range(40):
        wide.cell(0, column).text = f"{2001 + column}年"
        wide.cell(1, column).text = str(column + 1)
    outer = document.add_table(rows=1, cols=2)
    outer.cell(0, 0).text = "专栏1"
    inner = outer.cell(0, 1).add_table(rows=2, cols=2)
    for (row, column), text in zip(
        ((0, 0), (0, 1), (1, 0), (1, 1)), ("工程", "规模", "污水管网", "100公里"), strict=True
    ):
        inner.cell(row, column).text = text
    document.add_paragraph("加强组织领导。", style="Zhang")
    assert chapter.element.find(qn("w:pPr")) is not None
    document.save(str(path))


TEXT_BOX = """<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
 xmlns:v="urn:schemas-microsoft-com:vml"><w:pict><v:shape id="box1" type="#_x0000_t202"
 style="position:absolute;margin-left:0;margin-top:20pt;width:300pt;height:80pt;z-index:1">
<v:textbox><w:txbxContent><w:p><w:r><w:t>专栏1 重点工程</w:t></w:r></w:p>
<w:p><w:r><w:t>新建城镇污水管网100公里，改造雨污合流管网50公里。</w:t></w:r></w:p>
</w:txbxContent></v:textbox></v:shape></w:pict></w:r>"""


def textbox_docx(path: Path) -> None:
    """A short plan with its 专栏 in a text box (see ``textbox.doc``)."""
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    document.add_paragraph("某市水生态环境保护行动方案")
    document.add_paragraph("一、重点工程")._p.append(parse_xml(TEXT_BOX))
    document.add_paragraph("（一）推进污水管网建设。到2025年，城市生活污水集中收集率达到70%。")
    document.add_paragraph("二、保障措施")
    document.save(str(path))


WORD_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
CHANGED = 'w:id="{id}" w:author="reviewer" w:date="2024-01-01T00:00:00Z"'


def revised_docx(path: Path) -> None:
    """A short plan with tracked changes and hidden text (see ``revised.doc``)."""
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    document.add_paragraph("某市林业发展行动方案")
    target = document.add_paragraph("（一）扩大森林面积。到2025年，森林覆盖率达到")
    target._p.append(
        parse_xml(
            f"<w:del {WORD_NS} {CHANGED.format(id=1)}><w:r><w:delText>40%</w:delText></w:r></w:del>"
        )
    )
    target._p.append(
        parse_xml(f"<w:ins {WORD_NS} {CHANGED.format(id=2)}><w:r><w:t>42%</w:t></w:r></w:ins>")
    )
    target.add_run("。")
    hidden = document.add_paragraph("（二）加强森林防火。")
    hidden._p.append(
        parse_xml(f"<w:r {WORD_NS}><w:rPr><w:vanish/></w:rPr><w:t>内部意见：再议</w:t></w:r>")
    )
    document.save(str(path))


def breaks_docx(path: Path) -> None:
    """Numbered headings around a page break and a section break (see ``breaks.doc``)."""
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_BREAK
    from docx.oxml import parse_xml

    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(LISTS))
    numbering.append(parse_xml(NUM.format(num=91, id=91, override="")))

    def heading(text: str) -> Any:
        paragraph = document.add_paragraph()
        paragraph._p.get_or_add_pPr().append(parse_xml(NUM_PR.format(level=0, num=91)))
        paragraph.add_run(text)
        return paragraph

    document.add_paragraph("某县生态保护规划")
    heading("总体要求")
    document.add_paragraph("坚持生态优先、绿色发展。")
    second = heading("")
    second.runs[0].add_break(WD_BREAK.PAGE)  # LibreOffice makes it "page break before"
    second.add_run("主要任务")
    document.add_section().orientation = WD_ORIENT.LANDSCAPE  # ends 主要任务's section
    heading("保障措施")
    document.save(str(path))


def save_as_doc(source: Path) -> None:
    """``source`` (.docx) saved beside it as .doc by LibreOffice."""
    office = shutil.which("soffice")
    if office is None:
        raise SystemExit("LibreOffice is missing: apt-get install -y libreoffice-writer-nogui")
    subprocess.run(
        [office, "--headless", "--convert-to", "doc", "--outdir", str(source.parent), str(source)],
        check=True,
        capture_output=True,
    )


def save_as_mhtml(page: Path, target: Path) -> None:
    """``page`` as chromium saves it as a single file (MHTML)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=shutil.which("chromium"))
        tab = browser.new_page()
        tab.goto(page.resolve().as_uri())
        session = tab.context.new_cdp_session(tab)
        data = session.send("Page.captureSnapshot", {"format": "mhtml"})["data"]
        target.write_text(data, encoding="utf-8", newline="")
        browser.close()


def main() -> None:
    (HERE / "ningxia.html").write_text(ningxia_html(), "utf-8")
    (HERE / "jjj-2025.html").write_bytes(jjj_html())
    ningxia_docx(HERE / "ningxia.docx")
    print_pdf(ningxia_print_html(), HERE / "ningxia.pdf")
    save_as_doc(HERE / "ningxia.docx")
    indicators_docx(HERE / "indicators.docx")
    save_as_doc(HERE / "indicators.docx")
    with tempfile.TemporaryDirectory() as folder:
        numbered = Path(folder) / "numbered.docx"
        numbered_docx(numbered)
        save_as_doc(numbered)
        shutil.copy(numbered.with_suffix(".doc"), HERE / "numbered.doc")
    with tempfile.TemporaryDirectory() as folder:
        for name, write in (
            ("lists", lists_docx),
            ("textbox", textbox_docx),
            ("breaks", breaks_docx),
            ("revised", revised_docx),
        ):
            made = Path(folder) / f"{name}.docx"
            write(made)
            save_as_doc(made)
            shutil.copy(made.with_suffix(".doc"), HERE / f"{name}.doc")
    for name in ("ningxia", "jjj-2025"):
        save_as_mhtml(HERE / f"{name}.html", HERE / f"{name}.mhtml")


if __name__ == "__main__":
    main()
