"""Chinese text as the file prints it, for a plan read in simplified characters.

A plan printed in traditional characters is read in simplified ones (``read/script.py``),
and one with pinyin readings after its characters (区(qū)域) without them;
:attr:`Plan.printed` holds its text as printed (offset for offset, but for the readings).
Its own triples' Chinese literals (quotes, sentences, titles, labels taken from its text)
are given back as printed: a literal found in the read text is replaced by the printed
text at the same place (with any readings inside it); any other (a label the extraction
put together) character by character, with the character the plan prints most often for
each.  An indicator keeps its label in simplified characters and, where the label is the
plan's own words, carries it as printed too (without readings).  Shared nodes (places,
regions, agencies, themes) keep their names in simplified characters, so that plans in
either script meet on them.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..model import Plan
from ..read.script import printed_chars, printed_offsets, without_readings
from .iris import ID, plan_iri
from .items import Item

_PLAN_BASE = ID + "plan/"


class Printer:
    def __init__(self, plan: Plan) -> None:
        assert plan.printed is not None
        self.text, self.printed = plan.text, plan.printed
        self.at = printed_offsets(plan.text, plan.printed)
        self.chars = printed_chars([(plan.text, plan.printed)])
        self.done: dict[str, str] = {}

    def _span(self, at: int, length: int) -> str:
        # from the first character to the last as printed, the readings between them too
        return self.printed[self.at[at] : self.at[at + length - 1] + 1] if length else ""

    def exact(self, text: str) -> str | None:
        """``text`` as printed where the plan's text holds it, without pinyin readings;
        None where it does not."""
        at = self.text.find(text)
        return None if at < 0 else without_readings(self._span(at, len(text)))

    def __call__(self, text: str) -> str:
        found = self.done.get(text)
        if found is None:
            at = self.text.find(text)
            if at >= 0:
                found = self._span(at, len(text))
            else:
                found = "".join(self.chars.get(char, char) for char in text)
            self.done[text] = found
        return found


def as_printed(items: list[Item], plans: Iterable[Plan]) -> list[Item]:
    """``items`` with the Chinese literals of each plan read in simplified characters given
    back as printed (the same list when there is no such plan)."""
    printers = {plan_iri(p.id): Printer(p) for p in plans if p.printed is not None}
    if not printers:
        return items
    out: list[Item] = []
    for item in items:
        subject, predicate, obj = item
        if len(obj) == 3 and obj[2] == "zh" and subject.startswith(_PLAN_BASE):
            cut = subject.find("/", len(_PLAN_BASE))
            printer = printers.get(subject if cut < 0 else subject[:cut])
            if printer is not None:
                text, datatype, language = obj
                item = (subject, predicate, (printer(text), datatype, language))
        out.append(item)
    return out
