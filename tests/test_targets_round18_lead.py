"""Causes the lead found in the development excerpts during the eighteenth round (the
round's blind set, ``realplans/excerpts18``, is scored apart), each tested on the real text
it was found in."""

from __future__ import annotations

from decimal import Decimal

import pytest
from excerpt_targets import excerpt_corpus


@pytest.mark.parametrize(
    "folder,number,words",
    [
        # a rank among peers: 残疾预防主要指标处于全国中上水平, 经济总量力争达到全国中位以上水平,
        # 国家级非遗代表性项目数量持续居全国领先
        ("excerpts16", "13", "处于全国中上水平"),
        ("excerpts17", "06", "达到全国中位以上水平"),
        ("excerpts15", "07", "持续居全国领先"),
        # a state tended to (矿业产值逐步趋于稳定) and a vision drawn (美丽画卷基本绘就)
        ("excerpts16", "38", "逐步趋于稳定"),
        ("excerpts16", "04", "基本绘就"),
    ],
)
def test_commitments_of_rank_tendency_and_vision(folder: str, number: str, words: str) -> None:
    corpus = excerpt_corpus(folder, number)
    found = [t for t in corpus.extraction.targets if t.value is None and words in t.quote.text]
    assert found, words


def test_a_table_row_cut_off_in_its_last_cells_keeps_its_goal() -> None:
    # 17/22: a district's 2019 task table copied with bars, the page cut inside the last row's
    # list of departments (2 | 服务业增加值 | 增长6% | 区发改经信局 | 区财政局、…、区): the row's
    # goal stands in its first cells, before the cut; its indicator is the row's name cell
    corpus = excerpt_corpus("excerpts17", "22")
    found = {t.indicator.label_zh: t.value for t in corpus.extraction.targets if t.value}
    assert found == {"地区生产总值": Decimal("5.5"), "服务业增加值": Decimal(6)}
