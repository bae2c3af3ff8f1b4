"""Causes found in the development excerpts during the eighteenth round (the blind set of
the round, ``realplans/excerpts18``, is scored apart), each tested on the real text it was
found in."""

from __future__ import annotations

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
