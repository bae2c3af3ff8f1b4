"""Word's automatic numbering in a .docx (ECMA-376 Part 1, 17.9): the label (一、, （二）, 3.)
each numbered paragraph shows, which Word draws and which is not in the text.

A paragraph names a numbering instance (``w:numPr/w:numId``) and a level (``w:ilvl``),
directly or through its paragraph style and the styles that style is based on.  An instance
(``w:num``) names an abstract list (``w:abstractNum``) whose levels (``w:lvl``) give the start
number, the number format and the text with placeholders (``%1`` … ``%9``) for the numbers of
the levels.  Numbers count on through an abstract list, whichever of its instances a
paragraph is in, as the .doc reader (read/doc_lists.py) counts an LSTF through its LFOs:

- an instance may override a level's start (``w:lvlOverride/w:startOverride``): the level
  restarts at that number at the instance's first paragraph of that level, or replace the
  whole level (``w:lvlOverride/w:lvl``);
- a level restarts after a paragraph at a more significant level, unless ``w:lvlRestart``
  says otherwise: 0 never, n only after a paragraph at level n (1-based) or above;
- a level marked ``w:isLgl`` shows every number of its text in decimal (1.1, not 一.1).
"""

from __future__ import annotations

from typing import Any, NamedTuple

from .numbers import number_label

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MAX_START = 32767  # Word's largest start number
MAX_LEVELS = 9


class Level(NamedTuple):
    """One level of a list: its ``w:lvl``."""

    kind: str  # w:numFmt
    text: str  # w:lvlText, such as "（%2）"
    start: int
    restart_limit: int  # restarts after a paragraph at a level below this index
    legal: bool  # w:isLgl


class Numbering:
    """The label of each numbered paragraph, counted paragraph by paragraph in document order."""

    def __init__(self, document: Any) -> None:
        # numId -> (abstractNumId, ilvl -> overriding start, ilvl -> overriding level)
        self.instances: dict[str, tuple[str, dict[int, int], dict[int, Level]]] = {}
        self.lists: dict[str, dict[int, Level]] = {}  # abstractNumId -> its levels
        self.counters: dict[str, dict[int, int]] = {}  # abstractNumId -> level -> number
        self.started: set[tuple[str, int]] = set()  # (numId, level) whose start override is used
        self.styles: dict[str, Any] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            root = None
        if root is not None:
            for node in root.iterchildren(f"{_W}abstractNum"):  # the first of an id counts
                levels = self.lists.setdefault(node.get(f"{_W}abstractNumId", ""), {})
                if levels:
                    continue
                for element in node.iterchildren(f"{_W}lvl"):
                    depth = _integer(element.get(f"{_W}ilvl"), 0)
                    if 0 <= depth < MAX_LEVELS:
                        levels[depth] = _level(element, depth)
            for node in root.iterchildren(f"{_W}num"):
                starts: dict[int, int] = {}
                formats: dict[int, Level] = {}
                for override in node.iterchildren(f"{_W}lvlOverride"):
                    depth = _integer(override.get(f"{_W}ilvl"), 0)
                    if not 0 <= depth < MAX_LEVELS:
                        continue
                    start = _val(override, "startOverride")
                    if start is not None:
                        starts[depth] = max(0, min(_integer(start, 0), MAX_START))
                    element = override.find(f"{_W}lvl")
                    if element is not None:
                        formats[depth] = _level(element, depth)
                key = _val(node, "abstractNumId") or ""
                self.instances.setdefault(node.get(f"{_W}numId", ""), (key, starts, formats))
        for style in document.styles.element.iterchildren(f"{_W}style"):
            self.styles[style.get(f"{_W}styleId", "")] = style

    def label(self, paragraph: Any) -> str:
        """The label of ``paragraph`` (a ``w:p``), counting it if it is numbered."""
        found = self._num_pr(paragraph)
        if found is None or found[0] not in self.instances:
            return ""
        num_id, ilvl = found
        key, starts, formats = self.instances[num_id]
        listed = self.lists.get(key, {})
        levels = {depth: formats.get(depth, listed.get(depth)) for depth in range(MAX_LEVELS)}
        level = levels[ilvl]
        if level is None:
            return ""
        counters = self.counters.setdefault(key, {})
        if ilvl in starts and (num_id, ilvl) not in self.started:
            self.started.add((num_id, ilvl))
            counters[ilvl] = starts[ilvl] - 1  # the instance restarts the level
        counters[ilvl] = min(counters.get(ilvl, level.start - 1) + 1, 10 * MAX_START)
        for deeper in [depth for depth in counters if depth > ilvl]:
            below = levels[deeper]
            if below is None or ilvl < below.restart_limit:
                del counters[deeper]  # a more significant level restarts the deeper ones
        if level.kind == "bullet":
            return ""
        text = level.text
        for depth in range(MAX_LEVELS):
            if f"%{depth + 1}" in text:
                other = levels[depth]
                value = counters.get(depth, other.start if other else 1)
                kind = other.kind if other else level.kind
                shown = number_label(value, "decimal" if level.legal else kind)
                text = text.replace(f"%{depth + 1}", shown)
        return text

    def _num_pr(self, paragraph: Any) -> tuple[str, int] | None:
        """The paragraph's numId and level, its own or its style's; None if not numbered."""
        properties = paragraph.find(f"{_W}pPr")
        style_id = None
        num_id: str | None = None
        ilvl: int | None = None
        for _ in range(11):  # the paragraph, then its style and the styles it is based on
            if properties is not None:
                num_pr = properties.find(f"{_W}numPr")
                if num_pr is not None:
                    num_id = _val(num_pr, "numId") if num_id is None else num_id
                    found = _val(num_pr, "ilvl")
                    ilvl = _integer(found, 0) if ilvl is None and found is not None else ilvl
                    if num_id is not None and ilvl is not None:
                        break
                style_id = _val(properties, "pStyle") if style_id is None else style_id
            style = self.styles.get(style_id or "")
            if style is None:
                break
            properties = style.find(f"{_W}pPr")
            style_id = _val(style, "basedOn") or ""
        if not num_id or num_id == "0":
            return None
        return num_id, min(max(ilvl or 0, 0), MAX_LEVELS - 1)


def _level(element: Any, depth: int) -> Level:
    restart = _val(element, "lvlRestart")
    legal = element.find(f"{_W}isLgl")
    return Level(
        _val(element, "numFmt") or "decimal",
        _val(element, "lvlText") or "",
        max(0, min(_integer(_val(element, "start"), 1), MAX_START)),
        depth if restart is None else min(max(_integer(restart, depth), 0), depth),
        legal is not None and legal.get(f"{_W}val") not in ("0", "false", "off"),
    )


def _integer(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _val(node: Any, name: str) -> str | None:
    child = node.find(f"{_W}{name}")
    return child.get(f"{_W}val") if child is not None else None
