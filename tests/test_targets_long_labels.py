"""A target's indicator named by a long printed phrase keeps its head, cut between listed
items, never inside a word.  The sentence is Bazhong's (巴中市生态环境保护"十四五"规划, 2021)."""

from __future__ import annotations

from pathlib import Path

from plangraph.api import build_corpus

BAZHONG = (
    "巴中市生态环境保护“十四五”规划\n"
    "一、主要任务\n"
    "(一)加强辐射环境安全监管\n"
    "到2025年,实施采煤沉陷区居民避险搬迁、基础设施和公共服务设施建设、生态修复与环境整治、"
    "接续替代产业平台建设等综合治理工程79个。\n"
)


def test_a_long_listed_indicator_is_cut_where_a_listed_item_starts(tmp_path: Path) -> None:
    path = tmp_path / "bazhong.txt"
    path.write_text(BAZHONG, "utf-8")
    (target,) = build_corpus([path]).extraction.targets
    assert target.value == 79
    assert target.indicator.label_zh == "生态修复与环境整治、接续替代产业平台建设等综合治理工程"
    assert target.quote.text.endswith("综合治理工程79个")
