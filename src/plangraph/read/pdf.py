"""PDF files with a text layer: pages -> lines with their geometry -> paragraphs, one a line.

Text comes from PDFium (pypdfium2), page by page.  A Chinese paragraph is wrapped at the
right margin, so lines are joined back into paragraphs: a new paragraph starts where a line
is indented, where the line before it ended short of the right margin (or short and on
。；：！？), where a numbered heading follows a finished sentence, after a vertical gap, or
where the font size changes.  A title in a large font wrapped over several centred lines is
joined into one line.  Page numbers (``— 3 —``, ``-3-``, ``第3页``) and running headers or
footers (the same line at the top or bottom of many pages) are dropped.  A line whose text
falls into three or more blocks separated by wide gaps is a table row: its cells are joined
by a TAB.
"""

from __future__ import annotations

import ctypes
import re
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any

from ..errors import ReadError
from ..vocab import ONE_TO_TEN
from .pdf_guard import check_page_objects, check_streams

MAX_PDF_BYTES = 200_000_000  # a plan PDF is a few MB; larger ones are refused up front
MAX_PAGES = 2000
MAX_TEXT_CHARS = 4_000_000  # the longest plans hold ~150,000 characters
_MIN_CHARS_PER_PAGE = 20  # below this on average the PDF is a scan
_SCAN_PROBE_PAGES = 20  # no text at all on the first pages: a scan, refused without reading on
_PAGES_PER_OPENING = 50  # the document is reopened after so many pages, to bound memory
# a picture covering this share of its page is content (a table, a 专栏 box, a map printed as
# an image), not a seal, logo or rule
_PICTURE_SHARE = 0.05

_PAGE_NUMBER = re.compile(
    r"""^(?:
        [-—–－−_~·•\s]* \d{1,4} [-—–－−_~·•\s]*                # 12, - 12 -, ·12·
      | 第\s*\d{1,4}\s*页 (?: \s*[,，/]?\s* 共\s*\d{1,4}\s*页 )?  # 第3页, 第3页/共20页
      | \d{1,4} \s*/\s* \d{1,4}                                  # 3/20
      | [-—–－−\s]* [ivxlcIVXLC]{1,6} [-—–－−\s]*                  # - iv -: front matter
    )$""",
    re.VERBOSE,
)
_SENTENCE_END = "。；：！？;:!?"
_HEADING_START = re.compile(
    rf"""^(?:
        [{ONE_TO_TEN}百]{{1,4}}、                   # 一、 a section
      | [(（][{ONE_TO_TEN}]{{1,3}}[)）]             # (一) a task
      | 第[{ONE_TO_TEN}百\d]{{1,4}}[章节篇部分条]   # 第三章, 第2节, 第一部分
      | \d{{1,2}}[.．、](?!\d)                     # 1. an item (not 1.5)
      | [(（]\d{{1,2}}[)）]                         # (1) an item
      | 专栏 | 附件 | 附表                           # a box, an annex, an annexed table
    )""",
    re.VERBOSE,
)
_LEADER_GAP = re.compile(r"([.…·]{3,}) +(\d{1,3})$")
_PAGE_AFTER_TITLE = re.compile(r"[\u4e00-\u9fff”)）]\d{1,3}$")  # 一、总体要求 9 in a contents page
_TOC_ENTRY = re.compile(r"(?:[.…·]{3,}|\s)\s*\d{1,3}$")
_CJK = re.compile(r"[\u3007\u3400-\u9fff\uf900-\ufaff]")
_WIDE = r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef“”‘’—…]"
_GAP_BESIDE_CHINESE = re.compile(rf"(?<={_WIDE}) +(?=\S)|(?<=\S) +(?={_WIDE})")


@dataclass(slots=True)
class _Line:
    """One printed line: its text and where it sits on the page (PDF points, y upwards)."""

    text: str
    left: float
    right: float
    top: float
    bottom: float
    em: float  # the width of a full-width character in this line's font
    page: int
    spaced: bool = False  # the line starts with printed spaces (an indent typed as spaces)
    cells: tuple[str, ...] = ()  # set when the line is a table row
    ruled: bool = False  # a row of a table drawn with rules


@dataclass(frozen=True, slots=True)
class PdfText:
    """What a PDF gives: its text, and the pages whose pictures hold text that is not read."""

    text: str  # one paragraph per line, table rows as TAB-separated cells
    picture_pages: tuple[int, ...]  # 1-based


def read(path: Path, source: str) -> PdfText:
    """The text of a PDF and the pages that carry pictures of content (not read: no OCR)."""
    pictures: list[int] = []
    lines = _read_lines(path, source, pictures)
    return PdfText("\n".join(_paragraphs(lines)), tuple(pictures))


def extract(path: Path, source: str) -> str:
    """The text of a PDF, one paragraph per line, table rows as TAB-separated cells."""
    return read(path, source).text


# --------------------------------------------------------------------------- reading


def _read_lines(path: Path, source: str, pictures: list[int]) -> list[_Line]:
    import pypdfium2.raw as raw

    try:
        size = path.stat().st_size
    except OSError as error:
        raise ReadError(source, f"cannot read: {error.strerror or error}") from None
    if size > MAX_PDF_BYTES:
        raise ReadError(
            source,
            f"the PDF is {size / 1e6:.0f} MB; plan PDFs are expected to be under "
            f"{MAX_PDF_BYTES // 1_000_000} MB",
        )
    check_streams(path, source)
    document = _open(path, source)
    pages = len(document)
    lines: list[_Line] = []
    total = odd = objects = 0
    try:
        if pages == 0:
            raise ReadError(source, "the PDF has no pages; expected a plan")
        if pages > MAX_PAGES:
            raise ReadError(
                source, f"the PDF has {pages} pages; plans are expected to have under {MAX_PAGES}"
            )
        for number in range(pages):
            if number and number % _PAGES_PER_OPENING == 0:
                document.close()  # PDFium caches fonts and objects per document: let them go
                document = _open(path, source)
            page = _page(document, number, source)
            objects += raw.FPDFPage_CountObjects(page.raw)
            check_page_objects(objects, source)
            if _has_picture(page, raw):
                pictures.append(number + 1)
            textpage = page.get_textpage()
            try:
                page_lines, page_odd = _page_lines(textpage, raw, number, _grids(page, raw))
            finally:
                textpage.close()
                page.close()
            total += sum(len(line.text) for line in page_lines)
            odd += page_odd
            if total > MAX_TEXT_CHARS:
                raise ReadError(
                    source,
                    f"the PDF holds more than {MAX_TEXT_CHARS:,} characters of text; "
                    "expected one plan",
                )
            if number == _SCAN_PROBE_PAGES - 1 and total == 0:
                raise ReadError(source, "scanned PDF, no text layer; OCR it first")
            lines.extend(page_lines)
    finally:
        document.close()
    visible = sum(1 for line in lines for ch in line.text if not ch.isspace())
    if visible < _MIN_CHARS_PER_PAGE * pages:
        raise ReadError(source, "scanned PDF, no text layer; OCR it first")
    if odd > 0.2 * (visible + odd):
        raise ReadError(
            source,
            "the PDF's text layer does not map to Unicode (its fonts lack a ToUnicode "
            "table); OCR it or export it again",
        )
    kept = _drop_page_furniture(lines, pages)
    if not any(line.text.strip() for line in kept):
        raise ReadError(source, "the PDF's only text repeats on every page (a running header?)")
    return kept


def _page(document: Any, number: int, source: str) -> Any:
    import pypdfium2 as pdfium

    try:
        return document[number]
    except pdfium.PdfiumError as error:
        raise ReadError(
            source,
            f"page {number + 1} of the PDF cannot be loaded ({str(error).rstrip('.')}; "
            "a damaged page tree?)",
        ) from None


def _has_picture(page: Any, raw: Any) -> bool:
    """Whether the page carries a picture large enough to be content rather than a seal."""
    width, height = page.get_size()
    least = _PICTURE_SHARE * width * height
    for picture in page.get_objects(filter=[raw.FPDF_PAGEOBJ_IMAGE], max_depth=2):
        left, bottom, right, top = picture.get_bounds()
        if (right - left) * (top - bottom) >= least:
            return True
    return False


def _open(path: Path, source: str) -> Any:
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as error:
        if "password" in str(error).lower():
            raise ReadError(
                source, "the PDF is encrypted with a password; expected an unprotected PDF"
            ) from None
        raise ReadError(source, f"not a readable PDF ({error}); expected a PDF file") from None


def _page_lines(
    textpage: Any, raw: Any, number: int, grids: list[_Grid]
) -> tuple[list[_Line], int]:
    """The lines of one page in reading order, and the count of unmappable characters.

    Lines are grouped from the characters' boxes rather than PDFium's own breaks: a
    character starts a new line when its middle falls outside the current line's height or
    it moves back to the left (a glyph from a fallback font, such as a dash, can otherwise
    pull two lines together).  A character inside a ruled table goes to its cell; the
    table's rows take the place of its first character."""
    handle = textpage.raw
    count = raw.FPDFText_CountChars(handle)
    items: list[_Line | _Grid] = []
    chars: list[tuple[str, float, float, float, float]] = []
    cell: list[str] | None = None  # the table cell the last character went to
    baseline = last_right = 0.0
    last_size = 1.0
    odd = 0
    rect = raw.FS_RECTF()
    x, y = ctypes.c_double(), ctypes.c_double()
    for i in range(count):
        code = raw.FPDFText_GetUnicode(handle, i)
        ch = chr(code) if 0 < code < 0x110000 else "\ufffd"
        generated = raw.FPDFText_IsGenerated(handle, i) == 1
        if ch in "\r\n":
            continue
        if ch == "\ufffd" or 0xE000 <= code <= 0xF8FF or code < 0x20:
            odd += 0 if ch == "\t" else 1
            continue
        if ch.isspace():
            if cell is not None:
                cell.append(" " if generated else "\x01")
            elif chars:
                chars.append((" " if generated else "\u3000", 0.0, 0.0, 0.0, 0.0))
            continue
        raw.FPDFText_GetLooseCharBox(handle, i, ctypes.byref(rect))
        raw.FPDFText_GetCharOrigin(handle, i, ctypes.byref(x), ctypes.byref(y))
        size = rect.top - rect.bottom
        if _CJK.match(ch):  # a Chinese character is square: its width is the font size
            size = max(size, rect.right - rect.left)
        size = max(size, last_size if size < 0.5 * last_size else 1.0)
        grid, cell = _locate(grids, (rect.left + rect.right) / 2, y.value + 0.3 * size)
        if grid is not None and cell is not None:
            if not grid.placed:
                if chars:
                    items.append(_make_line(chars, number))
                    chars = []
                items.append(grid)
                grid.placed = True
            cell.append(ch)
            continue
        last_size = size if _CJK.match(ch) or not chars else last_size
        same_row = abs(y.value - baseline) <= 0.5 * size
        if chars and same_row and rect.left < last_right - 2 * size:
            gap = _gap_for(chars, rect.left, rect.right)
            if gap is not None:  # a glyph drawn after its line (二〇二二 from a fallback font)
                box = (ch, rect.left, rect.right, y.value + 0.8 * size, y.value - 0.2 * size)
                chars.insert(gap, box)
                continue
        if chars and (not same_row or rect.left < last_right - 2 * size):
            items.append(_make_line(chars, number))
            chars = []
        if not any(c[1] or c[2] for c in chars) or (
            _CJK.match(ch) and not any(_CJK.match(c[0]) for c in chars)
        ):
            baseline = y.value  # a CJK character fixes the line's baseline
        chars.append((ch, rect.left, rect.right, y.value + 0.8 * size, y.value - 0.2 * size))
        last_right = rect.right
    if chars:
        items.append(_make_line(chars, number))
    lines: list[_Line] = []
    for item in items:
        lines.extend(item.row_lines(number) if isinstance(item, _Grid) else [item])
    return [line for line in lines if line.text.strip()], odd


def _gap_for(
    chars: list[tuple[str, float, float, float, float]], left: float, right: float
) -> int | None:
    """Where a glyph spanning ``left``–``right`` fits into a line's characters: the index of
    an empty gap inside the line as wide as the glyph, else None."""
    boxes = [(k, c[1], c[2]) for k, c in enumerate(chars) if c[1] or c[2]]
    middle = (left + right) / 2
    for (_, _, a_right), (k, b_left, _) in pairwise(boxes):
        if a_right - 1.0 <= left and right <= b_left + 1.0 and a_right < middle < b_left:
            return k
    return None


# --------------------------------------------------------------------------- ruled tables


@dataclass(slots=True)
class _Grid:
    """A table drawn with rules: the heights of its row rules (top down), the places of its
    column rules (left to right), and the characters that fell in each cell."""

    ys: list[float]
    xs: list[float]
    cells: dict[tuple[int, int], list[str]]
    rules: list[tuple[float, float, float]]  # the horizontal rules: left, right, y
    walls: list[tuple[float, float, float]]  # the vertical rules: x, bottom, top
    placed: bool = False

    def column(self, x: float, row: int) -> int:
        """The cell a point of a row falls in; where no rule divides the row at a column
        boundary, the cells on both sides are one (merged across): the leftmost counts."""
        c = next(k for k in range(len(self.xs) - 1) if x <= self.xs[k + 1])
        middle = (self.ys[row] + self.ys[row + 1]) / 2
        while c > 0 and not any(
            abs(wall - self.xs[c]) <= 2 and bottom - 2 <= middle <= top + 2
            for wall, bottom, top in self.walls
        ):
            c -= 1
        return c

    def row_lines(self, page: int) -> list[_Line]:
        self._merge_down()
        result = []
        for r in range(len(self.ys) - 1):
            texts = [
                _collapse("".join(self.cells.get((r, c), []))) for c in range(len(self.xs) - 1)
            ]
            if any(texts):
                top, bottom = self.ys[r], self.ys[r + 1]
                line = _Line("\t".join(texts), self.xs[0], self.xs[-1], top, bottom, 10.0, page)
                line.cells = tuple(texts)
                line.ruled = True
                result.append(line)
        return result

    def _merge_down(self) -> None:
        """A cell with no rule above it continues the cell above (merged down): its text goes
        to the first row of the merged cell, as in the row it starts."""
        for c in range(len(self.xs) - 1):
            middle = (self.xs[c] + self.xs[c + 1]) / 2
            start = 0
            for r in range(1, len(self.ys) - 1):
                ruled = any(
                    left - 2 <= middle <= right + 2 and abs(y - self.ys[r]) <= 2
                    for left, right, y in self.rules
                )
                if ruled:
                    start = r
                elif (r, c) in self.cells:
                    self.cells.setdefault((start, c), []).extend(self.cells.pop((r, c)))


def _locate(grids: list[_Grid], x: float, y: float) -> tuple[_Grid | None, list[str] | None]:
    for grid in grids:
        if grid.xs[0] <= x <= grid.xs[-1] and grid.ys[-1] <= y <= grid.ys[0]:
            r = next(k for k in range(len(grid.ys) - 1) if y >= grid.ys[k + 1])
            return grid, grid.cells.setdefault((r, grid.column(x, r)), [])
    return None, None


def _grids(page: Any, raw: Any) -> list[_Grid]:
    """The ruled tables of a page: thin path objects (rules) joined where they touch, kept
    where they make at least two rows and two columns."""
    horizontal: list[tuple[float, float, float]] = []  # left, right, y
    vertical: list[tuple[float, float, float]] = []  # x, bottom, top
    for obj in page.get_objects(filter=[raw.FPDF_PAGEOBJ_PATH], max_depth=3):
        left, bottom, right, top = obj.get_bounds()
        if top - bottom < 3 and right - left > 15:
            horizontal.append((left, right, (top + bottom) / 2))
        elif right - left < 3 and top - bottom > 8:
            vertical.append(((left + right) / 2, bottom, top))
        if len(horizontal) + len(vertical) > 5000:
            return []  # a drawing, not a table
    if not horizontal or not vertical:
        return []
    rules = [("h", *rule) for rule in horizontal] + [("v", *rule) for rule in vertical]
    parent = list(range(len(rules)))

    def find(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for i, (_, hl, hr, hy) in enumerate(rules[: len(horizontal)]):
        for j, (_, vx, vb, vt) in enumerate(rules[len(horizontal) :], start=len(horizontal)):
            if hl - 2 <= vx <= hr + 2 and vb - 2 <= hy <= vt + 2:
                parent[find(i)] = find(j)
    groups: dict[int, list[int]] = {}
    for k in range(len(rules)):
        groups.setdefault(find(k), []).append(k)
    grids = []
    for members in groups.values():
        ys = _distinct(rules[k][3] for k in members if rules[k][0] == "h")
        xs = [rules[k][1] for k in members if rules[k][0] == "v"]
        xs += [rules[k][1] for k in members if rules[k][0] == "h"]
        xs += [rules[k][2] for k in members if rules[k][0] == "h"]
        columns = _distinct(xs)
        if len(ys) >= 3 and len(columns) >= 3:
            rules_h = [rules[k][1:] for k in members if rules[k][0] == "h"]
            walls = [rules[k][1:] for k in members if rules[k][0] == "v"]
            grids.append(_Grid(sorted(ys, reverse=True), sorted(columns), {}, rules_h, walls))
    return grids


def _distinct(values: Any, tolerance: float = 2.0) -> list[float]:
    result: list[float] = []
    for value in sorted(values):
        if not result or value - result[-1] > tolerance:
            result.append(value)
    return result


def _make_line(chars: list[tuple[str, float, float, float, float]], page: int) -> _Line:
    spaced = chars[0][0] == "\u3000"
    while chars and chars[-1][0] in " \u3000":
        chars.pop()
    chars = [("\x01", *c[1:]) if c[0] == "\u3000" else c for c in chars]
    boxes = [c for c in chars if c[0] != " "]
    if not boxes:
        return _Line("", 0, 0, 0, 0, 1, page)
    widths = sorted(c[2] - c[1] for c in boxes if _CJK.match(c[0]))
    heights = sorted(c[3] - c[4] for c in boxes)
    em = widths[len(widths) // 2] if widths else heights[len(heights) // 2]
    em = max(em, 1.0)
    line = _Line(
        text=_collapse("".join(c[0] for c in chars)),
        left=min(c[1] for c in boxes),
        right=max(c[2] for c in boxes),
        top=max(c[3] for c in boxes),
        bottom=min(c[4] for c in boxes),
        em=em,
        page=page,
        spaced=spaced,
    )
    cells = _cells(boxes, em)
    if len(cells) >= 3:
        line.cells = tuple(cells)
    elif len(cells) == 2 and all(len(c) == 1 and _CJK.match(c) for c in cells):
        line.text = "".join(cells)  # a spaced-out heading: 前    言
    return line


def _collapse(text: str) -> str:
    """Spaces that touch Chinese text go (the gap between ``2025`` and ``年`` is typography,
    not a word space); spaces between Latin words or numbers stay, one at a time."""
    text = _LEADER_GAP.sub(r"\1\2", text)  # 总体要求........ 3: a gap, unless a printed space
    text = _GAP_BESIDE_CHINESE.sub("", text.replace("\x01", " "))
    return re.sub(r" {2,}", " ", text).strip()


def _cells(boxes: list[tuple[str, float, float, float, float]], em: float) -> list[str]:
    """Split a line at horizontal gaps wider than two characters."""
    cells: list[list[str]] = [[boxes[0][0]]]
    for before, after in pairwise(boxes):
        if after[1] - before[2] > 2.0 * em:
            cells.append([])
        cells[-1].append(after[0])
    return ["".join(cell) for cell in cells]


# --------------------------------------------------------------------------- furniture


def _drop_page_furniture(lines: list[_Line], pages: int) -> list[_Line]:
    """Drop page numbers and running headers/footers: short lines in a page's outer band
    that are page numbers, or that repeat (digits aside) on many pages."""
    by_page: dict[int, list[_Line]] = {}
    for line in lines:
        by_page.setdefault(line.page, []).append(line)
    outer: set[int] = set()
    for page_lines in by_page.values():
        ordered = sorted((x for x in page_lines if not x.ruled), key=lambda x: -x.top)
        for line in ordered[:2] + ordered[-2:]:
            outer.add(id(line))
    repeated = Counter(
        _shape(line.text) for line in lines if id(line) in outer and len(line.text) <= 60
    )
    threshold = max(3, pages // 3)
    kept = []
    for line in lines:
        if id(line) in outer and (
            _PAGE_NUMBER.match(" ".join(line.cells) if line.cells else line.text)
            or (pages >= 3 and repeated[_shape(line.text)] >= threshold)
        ):
            continue
        kept.append(line)
    return kept


def _shape(text: str) -> str:
    return re.sub(r"\d+", "#", text.replace(" ", ""))


# --------------------------------------------------------------------------- paragraphs


def _paragraphs(lines: list[_Line]) -> list[str]:
    margins = _margins(lines)
    ems = sorted(line.em for line in lines if len(line.text) >= 12 and not line.cells)
    body_em = ems[len(ems) // 2] if ems else 0.0
    steps = sorted(
        a.top - b.top
        for a, b in pairwise(lines)
        if a.page == b.page and 0 < a.top - b.top < 4 * b.em
    )
    pitch = steps[len(steps) // 2] if steps else 2 * body_em
    paragraphs: list[str] = []
    previous: _Line | None = None
    for line in lines:
        if line.cells:
            paragraphs.append("\t".join(line.cells))
            previous = None
            continue
        if previous is not None and _continues(previous, line, margins, body_em, pitch):
            paragraphs[-1] = _join(paragraphs[-1], line.text)
        else:
            paragraphs.append(line.text)
        previous = line
    return paragraphs


def _margins(lines: list[_Line]) -> dict[int, tuple[float, float]]:
    """Each page's text column (left and right edge), from its full lines, else the document's."""

    def column(sample: list[_Line]) -> tuple[float, float] | None:
        full = [line for line in sample if len(line.text) >= 12 and not line.cells]
        if len(full) < 3:
            return None
        lefts = Counter(round(line.left) for line in full)
        rights = Counter(round(line.right) for line in full)
        left = min(value for value, n in lefts.items() if n >= lefts.most_common(1)[0][1] / 2)
        right = max(value for value, n in rights.items() if n >= rights.most_common(1)[0][1] / 2)
        return float(left), float(right)

    overall = column(lines) or (
        min((line.left for line in lines), default=0.0),
        max((line.right for line in lines), default=0.0),
    )
    result: dict[int, tuple[float, float]] = {}
    for page in {line.page for line in lines}:
        found = column([line for line in lines if line.page == page])
        result[page] = found or overall
    return result


def _continues(
    before: _Line,
    line: _Line,
    margins: dict[int, tuple[float, float]],
    body_em: float,
    pitch: float,
) -> bool:
    """Whether ``line`` goes on the paragraph that ``before`` ended."""
    left, right = margins[line.page]
    b_left, b_right = margins[before.page]
    em = line.em
    ended = before.text.endswith(tuple(_SENTENCE_END)) or bool(_TOC_ENTRY.search(before.text))
    if abs(before.em - em) > 0.15 * max(before.em, em):
        return False  # another font size
    if before.page == line.page and before.top - line.top > 1.6 * pitch:
        return False  # a vertical gap wider than a line
    if (
        not ended
        and before.page == line.page  # a cover's last line does not run on to the next page
        and line.left - left > 1.5 * em
        and _centred(line, left, right)
        and _centred(before, b_left, b_right)
    ):
        # a title wrapped over centred lines: in a large font, or filling the first line
        big = body_em > 0 and em > 1.15 * body_em
        if big or before.right - before.left > (b_right - b_left) - 3 * em:
            return True
    if line.spaced or line.left > left + 0.8 * em:  # indented: a new paragraph
        return False
    short = b_right - before.right
    if short > 2.0 * em or (short > 0.8 * em and ended):
        return False
    toc = _HEADING_START.match(before.text) and _PAGE_AFTER_TITLE.search(before.text)
    return not ((ended or toc) and _HEADING_START.match(line.text))


def _centred(line: _Line, left: float, right: float) -> bool:
    margin = line.left - left
    return margin > 1.0 and abs(margin - (right - line.right)) < 2.0 * line.em


def _join(paragraph: str, text: str) -> str:
    last, first = paragraph[-1:], text[:1]
    if last.isascii() and last.isalnum() and first.isascii() and first.isalnum():
        return f"{paragraph} {text}"  # a Latin word or number broken at the line end
    return paragraph + text
