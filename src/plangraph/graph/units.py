"""How a target's unit is written into the graph: an IRI, or the unit as the plan prints it.

``pg:unit`` is an IRI for the units whose IRI says what a reader of the plan reads: the
kinds of figure plangraph compares across plans (percent, µg/m³, percentage points, counts)
and the units of ``ontology/units.ttl`` and QUDT named by a Chinese multiplier and a base
unit the way Chinese plans write them (万千瓦 ``pg:TenThousandKiloW``, 亿立方米, 公里,
公顷).  The other units are SI spellings a reader of the plan never sees (千瓦时 is QUDT's
``KiloW-HR``, 平方公里 ``KiloM2``, 吨标准煤 a plangraph unit of coal equivalent): for those
``pg:unit`` holds the unit as the plan prints it (``"平方公里"``, ``"吨/日"``), so that
the figure reads and compares as written, and ``pg:unitCode`` keeps its QUDT or plangraph
IRI for stores that convert units.
"""

from __future__ import annotations

import functools
import re

from ..model import Target, UnitCode

__all__ = ["PRINTED", "printed_unit", "written_unit"]

#: Units written as printed, their IRI kept in pg:unitCode.
PRINTED: frozenset[UnitCode] = frozenset(
    {
        "qudt:PERMILLE",
        "pg:PerHundredThousand",
        "qudt:DeciB",
        "qudt:HR",
        "qudt:MIN",
        "qudt:YR",
        "qudt:TONNE",
        "qudt:KiloW-HR",
        "qudt:MegaW",
        "qudt:GigaW",
        "qudt:KiloM2",
        "qudt:MilliGM-PER-M3",
        "qudt:MilliGM-PER-L",
        "pg:TonneCoalEquivalent",
        "pg:GramCoalEquivalentPerKiloWattHour",
        "pg:TenThousandTonneCoalEquivalent",
        "pg:HundredMillionTonneCoalEquivalent",
        "pg:TonnePerDay",
        "pg:TenThousandTonnePerDay",
        "pg:M3PerDay",
        "pg:TenThousandM3PerDay",
        "pg:Jin",
        "pg:TenThousandJin",
        "pg:HundredMillionJin",
        "pg:TenThousandKiloWattHour",
        "pg:HundredMillionKiloWattHour",
        "pg:TenThousandKiloM2",
        "pg:M3PerMu",
        "pg:ExaFLOPS",
        "pg:PetaFLOPS",
        "pg:ExaByte",
        "pg:PetaByte",
        "pg:TEU",
        "pg:TenThousandTEU",
        "pg:PersonTime",
        "pg:TenThousandPersonTime",
        "pg:HundredMillionPersonTime",
        "pg:TonnePerYear",
        "pg:TenThousandTonnePerYear",
        "pg:HundredMillionTonnePerYear",
        "pg:YuanPerPerson",
        "qudt:KiloGM",
        "pg:TenThousandKiloGM",
        "pg:HundredMillionKiloGM",
        "pg:HundredMillionTonneKiloM",
        "pg:TenThousandTonneKiloM",
        "pg:HundredMillionPersonKiloM",
        "pg:TenThousandYuanPerPerson",
        "pg:USDollar",
        "pg:TenThousandUSDollar",
        "pg:HundredMillionUSDollar",
        "pg:TenThousand",
        "pg:HundredMillion",
    }
)


#: Units a reader writes otherwise than the figure prints them (10/10万: 1/10万).
_AS_READ: dict[UnitCode, str] = {
    "pg:PerHundredThousand": "1/10万",
    "pg:TenThousand": "万",  # 用户数超过6000万: the scale alone, as printed
    "pg:HundredMillion": "亿",
}


@functools.lru_cache(maxsize=1)
def _spellings() -> dict[UnitCode, tuple[str, ...]]:
    """Each unit's printed spellings, in the order of the extraction's table (the first is
    the usual one): 平方公里 and 平方千米 for ``qudt:KiloM2``."""
    from ..extract.targets.unit_words import UNITS

    spellings: dict[UnitCode, list[str]] = {}
    for printed, code in UNITS.items():
        spellings.setdefault(code, []).append(printed)
    return {code: tuple(names) for code, names in spellings.items()}


def _after_a_figure(text: str, name: str) -> int:
    """Where ``name`` first follows a figure in ``text`` (提高1岁; not the 年 of 2020年),
    or -1."""
    at = text.find(name)
    while at >= 0:
        before = text[:at].rstrip()
        if before[-1:].isdigit() and not re.search(r"(?<!\d)(?:19|20)\d\d$", before):
            return at
        at = text.find(name, at + 1)
    return -1


def printed_unit(target: Target) -> str | None:
    """The unit of ``target`` as its quote prints it, if it is one of :data:`PRINTED`
    (the spelling met first right after a figure in the quote, else met first at all, the
    longer at the same place; the usual spelling when the quote has none, as in an indicator
    table's unit column); else None."""
    code = target.unit
    if code is None or code not in PRINTED:
        return None
    return written_unit(target)


def written_unit(target: Target) -> str:
    """The unit of ``target`` as a reader writes it, whatever its kind: the spelling its
    quote prints (万元/吨标准煤, 千瓦时), the usual one if the quote has none; "" without a
    unit."""
    code = target.unit
    if code is None:
        return ""
    if code in _AS_READ:
        return _AS_READ[code]
    names = _spellings().get(code, ())
    text = target.quote.text
    after = [(at, -len(n), n) for n in names if (at := _after_a_figure(text, n)) >= 0]
    found = after or [(text.find(n), -len(n), n) for n in names if n in text]
    if found:
        return min(found)[2].replace(" ", "")  # 万立方米/ 日 as a page breaks it: 万立方米/日
    return names[0] if names else code.partition(":")[2]
