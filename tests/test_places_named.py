"""Places named the way municipal plans name them: villages after their county, industrial
parks by their own name, rivers after a size prefix, regions named by a run of city
abbreviations, and the everyday phrases that only look like such names.

Each sentence is written in the style of the genre (the municipal plans of
../shared/real-plans); the expected places were checked by reading, and the divisions
against data/divisions.tsv.
"""

from __future__ import annotations

import pytest

from plangraph import model
from plangraph.extract.places import extract_places, find_places
from plangraph.extract.places.resolve import area_of


def names(text: str, region: str = "") -> list[str]:
    own = frozenset({region}) if region else frozenset()
    hits, _ = find_places(text, own, area_of(region))
    return [h.place.name for h in hits]


def kinds(text: str) -> list[tuple[str, str]]:
    hits, _ = find_places(text)
    return [(h.place.name, h.place.kind) for h in hits]


# ------------------------------------------------------------------ villages and towns


def test_a_village_after_its_county() -> None:
    assert kinds("支持平昌县白衣村、南江县红光村开展生态文明示范创建。") == [
        ("平昌县", "District"),
        ("白衣村", "Town"),
        ("南江县", "District"),
        ("红光村", "Town"),
    ]


def test_a_gacha_after_its_banner() -> None:
    assert names("支持阿巴嘎旗巴彦图嘎查发展生态畜牧业。") == ["阿巴嘎旗", "巴彦图嘎查"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("全县行政村生活污水治理率达到60%。", []),
        ("推进南江县传统村落保护和城中村改造。", ["南江县"]),
        ("南江县村级河长全覆盖。", ["南江县"]),
    ],
)
def test_words_for_villages_name_none(sentence: str, expected: list[str]) -> None:
    assert names(sentence) == expected


# ------------------------------------------------------------------ parks and zones


def test_a_park_named_by_a_proper_head() -> None:
    assert names("依托金桥产业园、长乐科技园发展数字经济。") == ["金桥产业园", "长乐科技园"]


def test_a_kind_of_park_is_no_name() -> None:
    assert names("建设化工产业园、新能源产业园和绿色低碳科技园。") == []
    assert names("争创碳近零排放工业园区和自治区级绿色工业园区。") == []


def test_a_park_inside_a_zone_is_a_place_of_its_own() -> None:
    found = names("巴中经济开发区兴文产业园建设污水处理厂。")
    assert "巴中经济开发区" in found and "兴文产业园" in found
    assert "巴中经济开发区兴文产业园" not in found


def test_a_park_after_the_short_form_of_its_county() -> None:
    assert names("实现阿旗金鼎物流园区全封闭运行。") == ["金鼎物流园区"]


def test_a_county_name_wins_over_a_conjunction() -> None:
    # 和林格尔县 of Hohhot: 和 is no conjunction here
    assert names("支持经济技术开发区、和林格尔新区发展。") == ["和林格尔新区"]
    assert names("加快和林格尔新区建设。") == ["和林格尔新区"]
    assert names("推进和平新区建设。") == []


# ------------------------------------------------------------------ rivers, plains and areas


def test_a_size_prefix_makes_a_river_of_a_city_name() -> None:
    assert kinds("推进大黑河、小黑河综合治理。") == [("大黑河", "River"), ("小黑河", "River")]
    assert kinds("加强黄河支流大黑河水质监测。") == [("黄河", "River"), ("大黑河", "River")]
    assert kinds("支持黑河市建设。") == [("黑河", "City")]


def test_plains_and_grasslands_by_their_head() -> None:
    assert kinds("保护土默川农田生态。") == [("土默川", "Area")]
    assert kinds("推进敕勒川草原保护。") == [("敕勒川草原", "Area")]
    assert names("恢复退化草原和万亩草原。") == []


def test_a_name_may_start_with_a_character_that_ends_words() -> None:
    assert names("保护化龙水库水质。") == ["化龙水库"]
    assert names("推进标准化水库建设。") == []


def test_a_reservoir_before_the_level_of_its_water_source() -> None:
    assert names("加强白岩水库县级饮用水水源地保护。") == ["白岩水库"]


def test_a_scenic_area_named_after_a_place_that_is_also_a_city() -> None:
    assert names("创建红鱼洞、黄石盘国家水利风景区。") == ["黄石盘国家水利风景区"]
    assert names("建设滨湖国家湿地公园。") == ["滨湖国家湿地公园"]


# ------------------------------------------------------------------ regions of city groups


def test_a_run_of_city_abbreviations_before_a_region_word() -> None:
    assert names("推动苏锡常地区协同治理。") == ["苏锡常", "苏州", "无锡", "常州"]
    # without a region word the run names the cities only
    assert names("推动呼包鄂协同发展。") == ["呼和浩特", "包头", "鄂尔多斯"]


def test_a_quoted_name_before_its_head() -> None:
    assert names("主动融入“长株潭”城市群。") == ["长株潭城市群"]


# ------------------------------------------------------------------ phrases that look like names


@pytest.mark.parametrize(
    "sentence",
    [
        "实现天蓝地绿、水净河清。",  # a clause, no river 水净河
        "开展巡河查河。",  # patrol the river
        "科学界定自然保护区范围。",
        "推动融入“四大经济圈”。",  # a count of regions
        "确保黑臭水体长治久清。",  # not 长治
        "推进“绿化青山、守护北疆”行动。",  # green hills
        "形成高山特色、中山农牧、低山粮食的格局。",  # middle mountains, not 中山
        "完成鲁西化工集团减排改造。",  # a company
        "完成金鸡山化工减排工程。",  # a company
        "推进河口湿地建设。",  # wetlands at river mouths
    ],
)
def test_phrases_that_look_like_names(sentence: str) -> None:
    assert names(sentence) == []


# ------------------------------------------------------------------ one plan, many places


def test_names_with_the_same_toneless_pinyin_stay_apart() -> None:
    text = "加快芦溪河、鹿溪河综合治理。"
    sentence = model.Sentence(1, 0, len(text), text)
    section = model.Section(1, "", 0, len(text), 1, (sentence,), ())
    plan = model.Plan(
        *("p", "", "巴中市", None, text, "", 1, "continuous", None, None),
        *((section,), None, (), None, None, None, False, None),
    )
    places, mentions = extract_places(plan)
    assert [p.name for p in places] == ["芦溪河", "鹿溪河"]
    assert len({p.id for p in places}) == 2
    assert {m.target for m in mentions} == {p.id for p in places}


def test_a_county_of_the_area_that_starts_a_longer_name() -> None:
    # 莱西市 and 荣成市 are county-level cities of Shandong
    assert names("保护修复莱西姜山湿地。", "山东省") == ["莱西姜山湿地", "莱西市"]
    assert names("保护修复莱西姜山湿地。") == ["莱西姜山湿地"]  # no area, no reading
    found = names("建设荣成大天鹅国家级自然保护区。", "山东省")
    assert found == ["荣成大天鹅国家级自然保护区", "荣成市"]
    # a river named after its county names the river only
    assert names("推进南江河、通江河治理。", "巴中市") == ["南江河", "通江河"]


def test_a_sluice_names_a_river_section() -> None:
    # the section, as plans count it and as readers list it (南通's 姚港断面, 团结闸断面 in
    # tests/realplans/excerpts5/08): a reader who lists 红旗闸 is matched by it too
    assert kinds("改善红旗闸断面水质。") == [("红旗闸断面", "Area")]
    assert names("推进病险水闸除险加固和节制闸改造。") == []
    assert names("实施沁河流域闸坝联合调度。") == ["沁河流域"]  # the basin, no sluice
