"""Saved web pages: a government article page -> its article text, one paragraph a line.

The page is parsed with lxml.  Scripts, styles, forms, navigation, headers, footers and
asides are dropped; the article body is the element that holds the most link-free
paragraph text (gov.cn's ``#UCAP-CONTENT``, a provincial site's ``.TRS_Editor`` … are found
by that measure, not by name).  Before the body come the title (the last heading above it,
else the page ``<title>`` without its site suffix) and the document's metadata (索引号,
发文机关, 发文字号 …) as ``label：value`` lines.  Inside the body each block is a line, a
table row is one line of TAB-separated cells, and lines that are page furniture (打印,
关闭, 分享到, 责任编辑 …) or only links are dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ..errors import ReadError
from ..vocab import alternation
from .text import decode

_DROP_TAGS = (
    "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas",
    "form", "button", "input", "select", "textarea", "nav", "header", "footer", "aside", "map",
    "audio", "video", "head",
    "rt", "rp",  # a ruby annotation's reading (規<rp>(</rp><rt>guī</rt><rp>)</rp>)
)  # fmt: skip
_BLOCK_TAGS = frozenset(
    [
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "table",
        "tbody",
        "thead",
        "tfoot",
        "tr",
        "section",
        "article",
        "main",
        "blockquote",
        "pre",
        "center",
        "address",
        "figure",
        "figcaption",
        "hr",
    ]
)
_CONTAINERS = frozenset(("div", "td", "article", "section", "main", "body", "center"))
# Labels of the metadata block above a government document (gov.cn and provincial sites).
METADATA_LABELS = (
    "索引号", "主题分类", "发文机关", "发布机构", "发文单位", "成文日期", "发文日期", "标题",
    "发文字号", "文号", "发布日期", "发布时间", "生效日期", "有效性", "主题词", "公开方式",
)  # fmt: skip
# Short lines that are page furniture, not article text.
FURNITURE = (
    "打印", "关闭", "打印本页", "关闭窗口", "分享到", "分享", "扫一扫在手机打开当前页", "扫一扫",
    "字体", "大", "中", "小", "默认", "责任编辑", "我要纠错", "纠错", "收藏", "相关链接",
    "相关稿件", "相关文件", "上一篇", "下一篇", "返回顶部", "【", "】", "[", "]", "|",
)  # fmt: skip
_FURNITURE_LINE = re.compile(
    r"^(?:[\s:：|｜/]*(?:"
    + alternation(FURNITURE)
    + r")[\s:：|｜/]*)+$|^(?:责任编辑|来源|编辑)[:：].{0,20}$"
)
_CJK = re.compile(r"[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]")
_SPACE = re.compile(r"[ \t\r\n\f\u00a0]+")
_MIN_ARTICLE_CHARS = 40


def looks_like_html(head: bytes) -> bool:
    """Whether the first bytes of a file are HTML markup (a saved page), not plain text."""
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").decode("latin-1").lower()
    if not text.startswith("<"):
        return False
    markup = re.search(r"<(?:!doctype\s+html|html|head|body|meta|title|div|p|table)[\s>/]", text)
    return markup is not None


def _parser() -> Any:
    import lxml.html

    return lxml.html.HTMLParser(huge_tree=True)


def extract(data: bytes, source: str, charset: str | None = None) -> str:
    """The article text of a saved web page, one paragraph a line; ``charset`` is the one a
    container declares for it (a web archive's MIME header), tried before the page's own."""
    import lxml.etree
    import lxml.html

    text = _decode(data, source, charset)
    try:
        # huge_tree: libxml2 otherwise drops whatever lies deeper than 256 elements (a page
        # nested that deep still shows its text); it allows 2,048 levels, the input is capped
        root = lxml.html.document_fromstring(text, parser=_parser())
    except (lxml.etree.ParserError, ValueError) as error:
        raise ReadError(source, f"cannot parse the web page ({error}); expected HTML") from None
    page_title = _page_title(root)
    for element in list(root.iter(lxml.etree.Comment, lxml.etree.ProcessingInstruction)):
        _remove(element)
    for element in list(root.iter(*_DROP_TAGS)):
        if element.tag == "header" and any(
            a.tag in ("article", "main") for a in element.iterancestors()
        ):
            continue  # an article's own header holds its title
        _remove(element)
    body = _article(root)
    if body is None:
        raise ReadError(
            source,
            "no article text found in the web page; expected a saved government article page",
        )
    lines = [*_metadata(root, body), *_heading(root, body, page_title)]
    lines.extend(line for line in _lines(body) if not _is_furniture(line))
    return "\n".join(lines)


# --------------------------------------------------------------------------- decoding


def _decode(data: bytes, source: str, charset: str | None = None) -> str:
    """Decode by the given charset, else the page's declared one, else as a text file
    (UTF-8 or GB18030)."""
    match = re.search(rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?\s*([a-zA-Z0-9_-]+)", data[:4096])
    declared = [charset] if charset else []
    if match:
        declared.append(match.group(1).decode("ascii"))
    for name in declared:
        name = name.lower()
        if name in ("gb2312", "gbk", "gb18030", "x-gbk", "cp936"):
            name = "gb18030"
        try:
            return data.decode(name)
        except (LookupError, UnicodeError):  # UnicodeError: the "undefined" codec
            pass
    return decode(data, source)


# --------------------------------------------------------------------------- finding


def _remove(element: Any) -> None:
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail
    if tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(element)


def _cjk_count(text: str) -> int:
    return len(_CJK.findall(text))


def _article(root: Any) -> Any | None:
    """The element holding the most link-free paragraph text (each paragraph counts for its
    parent in full and for its grandparent in half)."""
    scores: dict[Any, float] = {}
    for block in root.iter("p", "div", "td", "li", "section", "article"):
        own = _own_text(block)
        chars = _cjk_count(own)
        if chars < 10:
            continue
        links = sum(_cjk_count(a.text_content()) for a in block.iter("a"))
        if links > 0.3 * chars:
            continue
        weight = chars - links
        parent = block.getparent() if block.tag == "p" or block.tag == "li" else block
        if parent is None:
            continue
        scores[parent] = scores.get(parent, 0.0) + weight
        grand = parent.getparent()
        if grand is not None:
            scores[grand] = scores.get(grand, 0.0) + weight / 2
    candidates = [(score, el) for el, score in scores.items() if el.tag in _CONTAINERS]
    if not candidates:
        return None
    best_score, best = max(candidates, key=lambda item: item[0])
    if best_score < _MIN_ARTICLE_CHARS:
        return None
    return best


def _own_text(element: Any) -> str:
    """Text of an element without that of nested block elements."""
    parts = [element.text or ""]
    for child in element:
        if child.tag not in _BLOCK_TAGS:
            parts.append(child.text_content())
        parts.append(child.tail or "")
    return "".join(parts)


def _page_title(root: Any) -> str | None:
    title = root.find(".//title")
    if title is None:
        return None
    text = _clean(title.text_content())
    return re.split(r"\s*(?:_|\||｜|—{1,2}|-{1,2})\s*", text)[0] or None


def _before(root: Any, body: Any) -> Iterator[Any]:
    """Elements that precede ``body`` in document order (not its ancestors)."""
    ancestors = set(body.iterancestors())
    for element in root.iter():
        if element is body:
            return
        if element not in ancestors:
            yield element


def _heading(root: Any, body: Any, page_title: str | None) -> list[str]:
    headings = [_clean(el.text_content()) for el in _before(root, body) if el.tag in ("h1", "h2")]
    headings = [h for h in headings if _cjk_count(h) >= 4]
    title = headings[-1] if headings else page_title
    if not title:
        return []
    first = next(iter(_lines(body)), "")
    return [] if _compact(first) == _compact(title) else [title]


def _metadata(root: Any, body: Any) -> list[str]:
    """``label：value`` lines from the metadata block above the body."""
    found: list[str] = []
    seen: set[str] = set()
    cells = [
        _clean(el.text_content())
        for el in _before(root, body)
        if el.tag in ("td", "th", "dt", "dd")
        or (el.tag in ("li", "span", "p", "div", "b", "strong") and len(el) == 0)
    ]
    cells = [cell for k, cell in enumerate(cells) if k == 0 or cell != cells[k - 1]]
    for k, cell in enumerate(cells):
        label = re.sub(r"\s", "", cell).rstrip(":：")
        match = re.match(r"^\s*([^:：]{2,9}?)\s*[:：]\s*(.*)$", cell)
        if label in METADATA_LABELS and k + 1 < len(cells):
            value = cells[k + 1]
            name = label
        elif match and re.sub(r"\s", "", match.group(1)) in METADATA_LABELS and match.group(2):
            name, value = re.sub(r"\s", "", match.group(1)), match.group(2)
        else:
            continue
        value = value.strip()
        if not value or re.sub(r"\s", "", value).rstrip(":：") in METADATA_LABELS or name in seen:
            continue
        seen.add(name)
        found.append(f"{name}：{value}")
    return found


# --------------------------------------------------------------------------- body lines


def _lines(body: Any) -> Iterator[str]:
    """The body as lines: a line per block, a TAB-joined line per table row."""
    buffer: list[str] = []

    def flush() -> Iterator[str]:
        line = _clean("".join(buffer))
        buffer.clear()
        if line:
            yield line

    def walk(element: Any) -> Iterator[str]:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag == "table" and not _is_layout(element):
            yield from flush()
            yield from _table(element)
        elif tag == "br":
            yield from flush()
        else:
            block = tag in _BLOCK_TAGS
            if block:
                yield from flush()
            buffer.append(element.text or "")
            for child in element:
                yield from walk(child)
                buffer.append(child.tail or "")
            if block:
                yield from flush()

    yield from walk(body)
    yield from flush()


def _table(table: Any) -> Iterator[str]:
    for row in table.iter("tr"):
        if row.getparent() is not None and _nearest_table(row) is not table:
            continue  # a row of a nested table: its text is in the outer cell
        cells: list[str] = []
        for cell in row:
            if cell.tag not in ("td", "th"):
                continue
            text = " ".join(_clean(line) for line in _lines_of_cell(cell))
            cells.append(text.replace("\t", " "))
            span = cell.get("colspan", "1")
            extra = int(span) - 1 if span.isdigit() else 0
            cells.extend([""] * min(extra, 50))
        if any(cells):
            yield "\t".join(cells)


def _is_layout(table: Any) -> bool:
    """A table used to lay out a page, not to hold data: one column, or a cell holding
    paragraphs of running text."""
    rows = [row for row in table.iter("tr") if _nearest_table(row) is table]
    if not any(sum(1 for cell in row if cell.tag in ("td", "th")) >= 2 for row in rows):
        return True
    return any(
        _cjk_count(cell.text_content()) > 300 and cell.find(".//p") is not None
        for row in rows
        for cell in row
        if cell.tag in ("td", "th")
    )


def _nearest_table(row: Any) -> Any:
    for ancestor in row.iterancestors():
        if ancestor.tag == "table":
            return ancestor
    return None


def _lines_of_cell(cell: Any) -> Iterator[str]:
    yield from _lines(cell)


def _clean(text: str) -> str:
    """Collapse whitespace as a browser does; a line break between Chinese characters goes."""

    def space(match: re.Match[str]) -> str:
        start, end = match.start(), match.end()
        before = text[start - 1] if start else ""
        after = text[end] if end < len(text) else ""
        if "\n" in match.group() and _CJK.match(before or " ") and _CJK.match(after or " "):
            return ""
        return " "

    return _SPACE.sub(space, text).strip()


def _compact(text: str) -> str:
    return re.sub(r"\s", "", text)


def _is_furniture(line: str) -> bool:
    return len(line) <= 40 and bool(_FURNITURE_LINE.match(line))
