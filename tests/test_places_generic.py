"""Places read against everyday words: short names that are common words, runs of generic
water heads, and the named belts, barriers, zones and former river courses of plans."""

from __future__ import annotations

import pytest

from plangraph.errors import PlangraphError
from plangraph.extract.gazetteer import common_words, parse_common_words
from plangraph.extract.places import find_places
from plangraph.extract.places.lexicon import head_runs


def names_in(text: str) -> list[str]:
    hits, _ = find_places(text)
    return [h.place.name for h in hits]


@pytest.mark.parametrize(
    "text",
    [
        "建立应急监测“工具箱”，实现应急监测资源全域动态管理。",  # 资源县
        "推动光明地区发展。",  # 光明区 (深圳)
    ],
)
def test_a_short_name_that_is_an_everyday_word_is_no_place_before_an_area_word(
    text: str,
) -> None:
    assert names_in(text) == []


def test_a_short_name_that_is_no_everyday_word_still_names_its_area() -> None:
    assert "宝山区" in names_in("推进宝山区域转型发展。")


def test_the_common_words_table_comes_from_jiebas_dictionary() -> None:
    words = common_words()
    assert {"资源", "合作", "港口"} <= words
    assert "宝山" not in words and "朝阳" not in words  # names, not everyday words


def test_a_broken_common_words_table_names_the_file_and_line() -> None:
    with pytest.raises(PlangraphError, match=r"common-words.tsv:3: expected a word"):
        parse_common_words("word\tfrequency\tpos\n资源\t17453\tn\n\t1\tn\n")


def test_runs_of_water_heads_are_kinds_of_water_not_a_river() -> None:
    assert names_in("加快江海河湖水系生态廊道建设，推进河湖库塘清淤。") == []
    assert names_in("加强海河流域综合治理。") == ["海河流域"]
    assert "江海河湖" in head_runs() and "海河" not in head_runs()


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("在东北森林带开展监测。", "东北森林带", "Area"),
        ("推进北方防沙带建设。", "北方防沙带", "Area"),
        ("加强青藏高原生态屏障区保护。", "青藏高原生态屏障区", "Area"),
        ("实施黄河故道综合治理。", "黄河故道", "River"),
        ("建设苏南国家自主创新示范区。", "苏南国家自主创新示范区", "DevelopmentZone"),
    ],
)
def test_named_belts_barriers_zones_and_former_courses(text: str, name: str, kind: str) -> None:
    hits, _ = find_places(text)
    assert (name, kind) in {(h.place.name, h.place.kind) for h in hits}
