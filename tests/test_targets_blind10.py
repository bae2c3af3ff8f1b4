"""Causes of misses in the tenth blind round's excerpts (``realplans/excerpts10``, scored
blind before anyone read them), each tested on the real text it was found in.  Reading
traditional characters is tested in ``test_read_script.py``."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from plangraph.api import build_corpus

EXCERPTS = Path(__file__).resolve().parent / "realplans" / "excerpts10"


def _corpus(number: str) -> object:
    return build_corpus([next(EXCERPTS.glob(f"{number}-*.txt"))])


def test_a_forum_repost_of_each_citys_assessed_goals_is_read_as_a_plan() -> None:
    # 16: 陕西 蓝天保卫战2019年工作方案 quoted on a forum: "2019年各市(区)空气质量考核指标为,
    # 西安市优良天数257天,PM2.5浓度为54微克/立方米;宝鸡市…" with no numbered part and no 到…年
    corpus = _corpus("16")
    found = {t.quote.text: t for t in corpus.extraction.targets}  # type: ignore[attr-defined]
    xian = found["西安市优良天数257天"]
    assert xian.value == Decimal(257) and xian.unit == "qudt:DAY"
    assert xian.scope == "xian" and xian.target_year == 2019
    # the city heading the first clause after 考核指标为 heads the next clause too
    assert found["PM2.5浓度为54微克/立方米"].scope == "xian"
    assert found["宝鸡市优良天数276天"].scope == "baoji"


def test_a_work_plans_goals_after_a_colon_make_it_a_plan() -> None:
    # 24: 庆元县 2018 tourism: "实现以下目标:实现接待游客超386万人次、旅游综合收入25.03亿元"
    corpus = _corpus("24")
    found = {
        (t.indicator.label_zh, t.value): t
        for t in corpus.extraction.targets  # type: ignore[attr-defined]
    }
    assert ("旅游综合收入", Decimal("25.03")) in found
    visitors = found[("接待游客", Decimal(386))]
    assert visitors.unit == "pg:TenThousandPersonTime"
    assert visitors.comparator == "Above" and visitors.target_year == 2018


def test_a_page_holding_only_an_indicator_table_is_read() -> None:
    # 01: the 十二五 中医药 indicator table (具体指标 | 2010年 | 2015年 | 年均增长 | 属性),
    # one cell per line, each row closed by 预期性: no title line, no goal sentence
    (plan,) = _corpus("01").plans  # type: ignore[attr-defined]
    assert "中医医院床位数" in plan.text
