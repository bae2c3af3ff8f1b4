"""Plans for target tests, read from a few lines by the project's own reader.

A test writes the body of a plan (``一、`` sections, ``(一)`` tasks, lines of a table as
TAB-separated cells) and gets the :class:`~plangraph.model.Plan` that ``plangraph.read``
makes of it under a title line, so that targets are tested on the structure, sentences and
normalized text the pipeline really hands to the extractor.  Used by ``test_targets*.py``.
"""

from __future__ import annotations

import dataclasses

from plangraph import model
from plangraph.extract.targets import extract_targets
from plangraph.read import read_text

TITLE = "测试行动方案"  # a title that names no area and no year

#: place names of the seed and the genre -> ids, a resolver independent of the gazetteer
PLACES = {
    "北京": "bj",
    "天津": "tj",
    "河北": "he",
    "上海": "shanghai",
    "江苏": "jiangsu",
    "浙江": "zhejiang",
    "安徽": "anhui",
    "广东": "gd",
    "香港": "hong-kong",
    "澳门": "macao",
    "广州": "guangzhou",
    "深圳": "shenzhen",
    "珠三角": "prd",
    "秦皇岛": "qinhuangdao",
    "唐山": "tangshan",
    "长江": "yangtze-river",
    "新安江": "xin-an-river",
    "淮河": "huai-river",
    "太湖": "taihu-lake",
    "巢湖": "chaohu-lake",
    "雄安新区": "xiongan",
    "盐城": "yancheng",
    "温州": "wenzhou",
}


def resolve(name: str) -> str | None:
    return PLACES.get(name)


def real_resolve(name: str) -> str | None:
    """The project's own resolver, as the pipeline passes it."""
    from plangraph.extract.places import resolve_place

    place = resolve_place(name)
    return place.id if place is not None else None


def plan_from_text(body: str, year: int | None = 2025, title: str = TITLE) -> model.Plan:
    """The one plan ``plangraph.read.read_text`` reads from ``title`` and ``body``.

    ``year`` is the plan's year (the year its targets default to and its past ends), set on
    the plan read, since a title without a year gives none.
    """
    (plan,) = read_text(f"{title}\n{body.strip(chr(10))}", "<test>")
    return dataclasses.replace(plan, year=year)


def targets_of(body: str, year: int | None = 2025) -> list[model.Target]:
    """The targets of a plan body, places resolved by :data:`PLACES`."""
    return list(extract_targets(plan_from_text(body, year=year), resolve))


def real_targets(body: str, region: str = "") -> list[model.Target]:
    """The targets of a plan body of 2025, places resolved by the project's gazetteer."""
    plan = plan_from_text(body, year=2025)
    if region:
        plan = dataclasses.replace(plan, region=region)
    return list(extract_targets(plan, real_resolve))
