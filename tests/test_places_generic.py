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


def test_a_run_that_repeats_a_character_is_no_list_of_city_initials() -> None:
    # 南云中河河道 would read 南雄 云浮 中山 河源 河源 of 广东: it is a river's course
    found = names_in("促进滹沱河源头、繁峙段、代县段、南云中河河道综合整治。")
    assert not {"南雄市", "云浮", "中山", "河源"} & set(found)
    assert {"成都", "德阳", "攀枝花"} <= set(names_in("推进成德绵眉乐雅广西攀经济带建设。"))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("推进潇河流域综合治理。", "潇河流域"),  # a one-character river before 流域
        ("保持丹河出境区水质良好。", "丹河"),  # … before 出境
        ("营造巴河流域基干防护林。", "巴河流域"),  # 营造 is a verb, not part of the name
    ],
)
def test_a_one_character_river_before_a_word_only_rivers_take(text: str, name: str) -> None:
    assert name in names_in(text)


def test_no_river_from_a_demonstrative_or_the_word_for_rivers() -> None:
    assert names_in("加强该河流域保护，加强河流水系连通，推进重点河段整治。") == []


def test_a_verb_and_its_object_name_no_place() -> None:
    # excerpts3/09 (鄂托克旗), excerpts/03 (玉溪), excerpts4/03: a verb phrase before a head
    text = (
        "从根本上解决草原过牧问题,基本解决草原过牧问题,有效解决好草原过牧问题。"
        "因地制宜连通扩容水库坝塘。关注海峡网微信。对排水管渠进行改造。"
    )
    hits, _ = find_places(text)
    assert hits == []
    # a verb that is a town's short name (化成镇) or that follows a place names the water
    assert [h.place.name for h in find_places("新建化成水库市级饮用水水源地。")[0]] == ["化成水库"]
    found = find_places("推进广清接合片区国家城乡融合发展试验区建设。")[0]
    assert [h.place.name for h in found] == ["广清接合片区"]
