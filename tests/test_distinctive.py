"""Distinctive commitments on the seed: terms a reader notices, found by contrast."""

from __future__ import annotations

from collections import Counter

import pyoxigraph as ox
import pytest

from plangraph.analysis import Analysis, analyze
from plangraph.analysis.distinctive import log_odds, terms_of

PLAN = "https://w3id.org/plangraph/id/plan/"


@pytest.fixture(scope="module")
def result(seed_store: ox.Store) -> Analysis:
    return analyze(seed_store)


def test_terms_are_nouns_and_noun_phrases() -> None:
    terms = terms_of("探索推动烟花爆竹等协同管控。")
    assert "烟花爆竹" in terms
    assert "探索" not in terms and "推动" not in terms  # verbs are no commitment
    assert all(len(t) >= 2 for t in terms)


def test_log_odds_favours_the_plan_that_uses_a_term_more() -> None:
    counts = {
        "a": Counter({"氢能": 5, "大气": 10}),
        "b": Counter({"大气": 10, "岸电": 1}),
    }
    z = log_odds(counts, prior_weight=10)
    assert z["a"]["氢能"] > 1.5 > z["a"]["大气"]
    assert z["a"]["大气"] < 0 < z["b"]["大气"]  # the same count weighs more in the shorter b


def test_jjj_alone_fights_its_battles_and_names_greenhouse_gases(result: Analysis) -> None:
    # 京津冀 writes 蓝天/碧水/净土保卫战 (the others do not) and 温室气体 (only it)
    only = {t.term for t in result.distinctive.of_plan(PLAN + "jjj-2025", "only")}
    assert "保卫战" in only
    assert "温室气体" in only


def test_yrd_alone_has_diesel_trucks_and_emission_rights(result: Analysis) -> None:
    only = {t.term for t in result.distinctive.of_plan(PLAN + "yrd-2025", "only")}
    assert {"柴油货车", "排污权"} <= only


def test_gba_alone_is_cross_border(result: Analysis) -> None:
    only = {t.term for t in result.distinctive.of_plan(PLAN + "gba-2025", "only")}
    assert "跨境" in only


def test_region_names_are_not_commitments(result: Analysis) -> None:
    terms = {t.term for t in result.distinctive.terms}
    assert not terms & {"京津冀", "长三角", "粤港澳大湾区", "珠三角"}


def test_every_term_has_its_quotes_with_exact_offsets(result: Analysis) -> None:
    texts = {p.iri: p.text for p in result.data.plans}
    assert result.distinctive.terms
    for term in result.distinctive.terms:
        assert term.quotes
        for quote in term.quotes:
            assert texts[term.plan][quote.start : quote.end] == term.term
            assert term.term in quote.text
        if term.sharing == "one-other":
            assert len(term.shared_with) == 1 and term.plan not in term.shared_with


def test_the_agencies_responsible_are_no_distinctive_terms() -> None:
    # 工业领域碳达峰实施方案 (2022), 二(九)2: the note of who is responsible names agencies,
    # which say who acts, not what the plan commits to
    sentence = (
        "打造重点行业碳达峰碳中和公共服务平台,建立产品全生命周期碳排放基础数据库。"
        "(国家发展改革委、工业和信息化部、生态环境部、市场监管总局、国家统计局等按职责分工负责)"
    )
    terms = terms_of(sentence)
    assert {"公共服务平台", "基础数据库", "行业碳达峰"} <= set(terms)
    assert not {"发展改革", "市场监管", "市场监管总局", "总局", "职责"} & set(terms)
