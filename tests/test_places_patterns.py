"""Places named by their generic head (…河 …湖 …水库 …湿地 …国家公园 …新区): the suffix
patterns, generic words that stay words, compounds, prefixed rivers and modifiers."""

from __future__ import annotations

import pytest

from plangraph.extract.places import find_places, resolve_place


def names_in(text: str) -> list[str]:
    hits, _ = find_places(text)
    return [h.place.name for h in hits]


def test_suffix_pattern_finds_unknown_names() -> None:
    hits, _ = find_places("加强龙溪河、梁滩河生态修复,推进石门水库水源地保护。")
    found = {(h.place.name, h.place.kind, h.place.source) for h in hits}
    assert ("龙溪河", "River", "pattern") in found
    assert ("梁滩河", "River", "pattern") in found
    assert ("石门水库", "Reservoir", "pattern") in found
    river = next(h.place for h in hits if h.place.name == "龙溪河")
    assert (river.id, river.name_en) == ("longxihe", "Longxihe")


def test_pattern_place_takes_the_province_before_it() -> None:
    hits, _ = find_places("支持浙江新港山生态保护。")
    place = next(h.place for h in hits if h.place.source == "pattern")
    assert (place.name, place.kind, place.province, place.name_en) == (
        "新港山",
        "Mountain",
        "zhejiang",
        "Xingangshan",
    )


def test_unknown_park_and_its_parts() -> None:
    hits, _ = find_places("推进创建太行山—五台山国家公园。")
    names = [(h.place.name, h.how) for h in hits]
    assert ("太行山", "gazetteer") in names and ("五台山", "gazetteer") in names
    park = [h.place for h in hits if h.place.name == "太行山—五台山国家公园"]
    assert park and park[0].kind == "ProtectedArea" and park[0].source == "pattern"


@pytest.mark.parametrize(
    "sentence",
    [
        "强化入河排污口监管,开展美丽河湖、美丽海湾保护与建设。",
        "推进重点湖库富营养化防治,实施河湖生态流量保障,加强跨界河流联防联控。",
        "推进历史遗留废弃矿山治理,统筹山水林田湖草沙一体化保护。",
        "推动沿海港口集疏港铁路建设,加强渔港环境综合整治,发展湾区经济。",
        "严格湿地用途管控,推进国家重要湿地认定,建设城市湿地和郊野公园。",
        "实施病险水库除险加固,推进新城新区绿色低碳发展。",
        "深化“绿水青山就是金山银山”实践创新基地建设。",
        "以交界地区、跨界流域为重点,实施平原地区大气污染治理。",
        "加强中华白海豚、中华穿山甲等珍稀物种保护,推进冰川、冻土、雪山保护。",
        "实施滨海滩涂湿地生态修复工程,加强19条水鸟生态廊道建设。",
        "高水平绘好新时代‘富春山居图’。",  # a painting (浙江省海洋生态环境保护“十四五”规划)
        # read in real excerpts (云南省, 南京市): the kinds of land reordered, a plateau's
        # lakes as a kind, governing the lakes
        "通过对山水田林湖草系统治理,实施水安全保障。",
        "完善立法保护九大高原湖泊,实现“一湖一条例”,推动依法治湖。",
        "修订九大高原湖泊保护条例,全面护河。",
    ],
)
def test_generic_words_are_not_places(sentence: str) -> None:
    assert names_in(sentence) == []


def test_town_and_country_after_a_city_is_no_township() -> None:
    # 上海市碳达峰实施方案: 城乡 (town and country) in an agency's name, not a 乡 named 住房城
    assert names_in("上海市住房城乡建设管理委、市发展改革委负责。") == ["上海"]
    assert names_in("统筹推进德州市城乡供水一体化。") == ["德州"]


def test_book_titles_are_not_places() -> None:
    assert names_in("落实《太湖流域管理条例》,加强巢湖治理。") == ["巢湖"]


def test_ambiguous_names_follow_context() -> None:
    hits, _ = find_places("安徽黄山开展试点。")
    assert [h.place.id for h in hits] == ["anhui", "huangshanshi"]
    hits, _ = find_places("保护黄山生态。")
    assert [h.place.id for h in hits] == ["huangshan"]


def _names(text: str) -> list[str]:
    from plangraph.extract.places import find_places

    hits, _ = find_places(text)
    return [h.place.name for h in hits]


def test_a_name_ending_in_a_numeral_counts_things() -> None:
    assert _names("二、共护一江两湖") == []
    assert "九省区" not in _names("推动山西、河南、山东九省区协同共治。")


def test_generic_adjectives_and_segment_words_are_no_names() -> None:
    assert _names("让黄河成为造福人民的幸福河。") == ["黄河"]
    assert "段水生态廊道" not in _names("推进太原、晋中、临汾段水生态廊道建设。")


def test_a_compound_of_simple_names_names_each_part() -> None:
    names = _names("推进幕阜山—九岭山生态廊道建设。")
    assert "幕阜山" in names and "九岭山" in names
    assert not any("—" in n for n in names)
    # 云南 (excerpts19): a mountain and a gorge of one scenic area
    assert _names("分批次启动玉龙雪山—虎跳峡等10个世界级旅游景区") == ["玉龙雪山", "虎跳峡"]


def test_a_listed_county_follows_listed_districts() -> None:
    assert "礼县" in _names("在陇南、天水、礼县开展试点。")


def test_new_heads_find_mountains_deserts_and_zones() -> None:
    names = _names("保护鹦哥岭、七仙岭,治理乌兰布和沙漠,支持沈阳浑南高新区建设。")
    assert "七仙岭" in names and "乌兰布和沙漠" in names and "沈阳浑南高新区" in names


def parts_in(text: str) -> list[str]:
    _, parts = find_places(text)
    return [h.place.name for h in parts]


def test_a_name_before_a_strong_head_is_only_a_modifier() -> None:
    # a known city before 水库 names the reservoir, not the city
    assert names_in("调度丰满水库、白山水库下泄流量。") == ["丰满水库", "白山水库"]
    assert "白山" in parts_in("调度丰满水库、白山水库下泄流量。")
    # a pattern name (…岭) before 水库 is the modifier of the reservoir
    assert names_in("保护石门岭水库水源地。") == ["石门岭水库"]
    # an alias ending in a generic head is not read inside a longer name of that head
    assert names_in("整治青前湾、三亚湾岸线。") == ["青前湾", "三亚湾"]
    assert "宁波前湾新区" in names_in("支持前湾新区建设。")


def test_generic_modifiers_make_no_port() -> None:
    assert names_in("服务自由贸易港建设和自由贸易区发展。") == []
    assert names_in("推进化工产业园升级。") == []


def test_a_park_or_town_named_after_a_place() -> None:
    assert names_in("建设文昌航天产业园。") == ["文昌航天产业园", "文昌"]
    assert names_in("建设湛江南三岛科技城。") == ["湛江南三岛科技城", "湛江"]


def test_parks_and_old_towns_named_by_a_proper_name() -> None:
    # a district's projects (excerpts18/21, 24), a city's tourism plan (excerpts18/18): the
    # park's kind (体育, 河滨) may stand between its name and 公园
    assert names_in("新建虹桥体育公园市民健身步道,改建虹桥河滨公园篮球场。") == [
        *("虹桥体育公园", "虹桥河滨公园"),
    ]
    assert names_in("▶提升改造森林公园、毓秀公园、宝湖公园体育设施") == ["毓秀公园", "宝湖公园"]
    assert names_in("打造青城古镇、河口古镇、连城古镇、阿干古镇4个历史文化旅游名镇。") == [
        *("青城古镇", "河口古镇", "连城古镇", "阿干古镇"),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "完善由城市公园、微型公园、口袋公园组成的城乡公园体系。",
        "各县区建成1个以上体育公园,新建小微公园2个。",
        "开展幸福河流和河长制主题公园建设。",
        "基本建成彰显公园城市底色的美丽宜居城市。",
        "打造一批特色古镇、千年古镇。",
        "推进大尺度公园和生态廊道建设,全面推进田园变公园。",  # a size; a slogan
        "推进大型灌区、重点灌区续建配套,四川省灌区节水改造。",
    ],
)
def test_kinds_of_parks_old_towns_and_irrigation_districts_are_no_places(sentence: str) -> None:
    assert [n for n in names_in(sentence) if n.endswith(("公园", "古镇", "灌区"))] == []


def test_an_irrigation_district_named_by_its_place() -> None:
    assert names_in("推进都江堰灌区续建配套与现代化改造。")[:1] == ["都江堰灌区"]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("开工建设萧江塘河控制闸。", ["萧江塘河"]),  # a kind of sluice on a river
        ("加快高新技术产业园区基础设施建设。", []),  # 高新技术: no proper name
        ("加快湖北省居家社区机构相协调。", ["湖北"]),  # 居家 (at home): no community
    ],
)
def test_kind_words_after_a_generic_head_are_no_names(sentence: str, expected: list[str]) -> None:
    assert names_in(sentence) == expected


def test_prefixed_rivers_are_other_rivers() -> None:
    assert names_in("治理南辽河、北松花江和第三松花江。") == ["南辽河", "北松花江", "第三松花江"]
    hits, parts = find_places("治理大辽河口。")
    assert [h.place.name for h in hits] == ["大辽河"]
    assert not parts  # neither 辽河 nor 辽河口
    assert names_in("保护大小兴安岭森林。") == ["大兴安岭", "小兴安岭"]


def test_a_known_name_before_plain_or_grassland() -> None:
    hits, parts = find_places("稳定松花江平原和锡林郭勒草原。")
    assert [(h.place.name, h.place.kind) for h in hits] == [
        ("松花江平原", "Area"),
        ("锡林郭勒草原", "Area"),
    ]
    assert {"松花江", "锡林郭勒盟"} <= {h.place.name for h in parts}
    assert [(h.place.name, h.place.kind) for h in find_places("修复团结河口湿地。")[0]][:1] == [
        ("团结河口", "Estuary")
    ]


def test_short_county_names_and_common_words() -> None:
    assert names_in("推进定安、屯昌、临高和徐闻建设。") == ["定安", "屯昌", "临高", "徐闻"]
    assert names_in("推进东方、儋州海上风电项目。") == ["东方", "儋州"]
    assert names_in("东方市加强治理。") == ["东方"]
    assert names_in("海南东方探索治理。") == ["海南", "东方"]
    assert names_in("发扬东方智慧,建设白沙滩。") == []
    assert resolve_place("昌江黎族自治县").id == "changjiangxian"  # type: ignore[union-attr]
    assert resolve_place("徐闻县").province == "guangdong"  # type: ignore[union-attr]


def test_northeast_china_but_not_a_direction() -> None:
    assert names_in("推动东北黑土区保护。") == ["东北黑土区"]  # the natural zone
    assert names_in("推动东北地区黑土保护。") == ["东北地区"]
    assert names_in("位于城区东北部,吹东北风。") == []


def test_a_citys_unit_area_is_no_district() -> None:
    # "成都市单位地区生产总值能源消耗下降14%": 单位地区生产总值 is energy per unit of GDP; a
    # district's name after its city (张家口崇礼区) is still read
    assert names_in("到2025年,成都市单位地区生产总值能源消耗下降14%。") == ["成都"]
    assert names_in("张家口崇礼区建成冰雪运动基地。") == ["张家口", "崇礼区"]


def test_scenic_areas_named_by_their_place() -> None:
    # 湖光岩 (湛江) and 宝泉, 万仙山, 八里沟 (辉县, 新乡) are scenic areas of those names;
    # the city before a scenic area's own name is a place of its own, not part of it
    assert names_in("湛江市湖光岩风景区管理局发布通知。") == ["湛江", "湖光岩风景区"]
    assert names_in("确保宝泉景区旅游开发项目开工建设。") == ["宝泉景区"]
    assert names_in("推进八里沟景区、万仙山景区、关山景区提质。") == [
        *("八里沟景区", "万仙山景区", "关山景区"),
    ]
    # 柳叶湖旅游度假区 (常德) names the lake's resort, and the lake
    assert "柳叶湖" in names_in("柳叶湖旅游度假区、西湖管理区要落实责任。")


@pytest.mark.parametrize(
    "sentence",
    [
        "成功创建国家4A级旅游景区。",  # a grade
        "打造精品景区和红色景区。",  # kinds of scenic area
        "推进十大景区建设。",  # a count
        "建设旅游度假区。",
        "景区村庄提升工程。",
    ],
)
def test_kinds_of_scenic_area_are_no_names(sentence: str) -> None:
    assert names_in(sentence) == []


def test_zones_named_by_a_place_and_a_short_proper_name() -> None:
    # 杨凌示范区 (陕西, excerpts10/16), 山西综改示范区 (the 山西 plan), 福州自贸片区 and
    # 厦门海沧保税港区 (福建)
    assert names_in("杨凌示范区优良天数269天。") == ["杨凌示范区"]
    assert names_in("依托山西综改示范区。") == ["山西综改示范区", "山西"]
    assert names_in("福州自贸片区、厦门海沧保税港区")[::2] == ["福州自贸片区", "厦门海沧保税港区"]


@pytest.mark.parametrize(
    "sentence",
    [
        "建设中国特色社会主义先行示范区。",
        "建设化肥减量增效示范区。",
        "成功创建省级生态示范区。",
        "建设海洋牧场示范区。",
    ],
)
def test_kinds_of_zone_are_no_names(sentence: str) -> None:
    assert names_in(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "持续开展基层河库长履职专项整治行动。",  # excerpts9/08: 河库长, rivers and reservoirs
        "推动解决影响河库健康的突出问题。",
    ],
)
def test_rivers_and_reservoirs_together_name_no_river(sentence: str) -> None:
    assert names_in(sentence) == []


def test_a_slogan_on_a_city_names_the_city() -> None:
    # excerpts9/01 (江阴): “水韵江阴” holds no river 水韵江; 美丽湖州 names 湖州 (浙江)
    assert names_in("全面展现“水韵江阴”的现实模样。") == []
    assert names_in("建设美丽湖州。") == ["湖州"]


def test_generic_waters_and_positions_name_no_water() -> None:
    # excerpts9/26 (甘肃): 内陆河 "inland rivers" holds no 陆河 (陆河县 of 汕尾, 广东);
    # excerpts7/12 (南通): 滨江新城 is the riverside new town, no river 滨江
    assert names_in("统筹黄河、长江、内陆河流域水资源。") == ["黄河", "长江"]
    assert names_in("充分彰显张謇故里、滨江新城、通江达海的独特魅力。") == []


@pytest.mark.parametrize(
    ("sentence", "zone", "anchors"),
    [
        # 山东 海洋经济 (excerpts14): a peninsula and a delta, each with the purpose of its zone
        (
            "统筹推进山东半岛蓝色经济区和黄河三角洲高效生态经济区建设。",
            "山东半岛蓝色经济区",
            ["山东半岛", "黄河三角洲"],
        ),
        # 休宁 (excerpts): two waters joined by a dash name one zone
        (
            "在推进新安江—千岛湖生态补偿试验区建设要求下,新安江流域排污权交易",
            "新安江—千岛湖生态补偿试验区",
            ["新安江", "千岛湖"],
        ),
    ],
)
def test_strategic_zone_named_by_a_region_or_a_water(
    sentence: str, zone: str, anchors: list[str]
) -> None:
    hits, _ = find_places(sentence)
    names = [h.place.name for h in hits]
    assert zone in names and all(a in names for a in anchors)
    assert next(h.place for h in hits if h.place.name == zone).kind == "Area"


@pytest.mark.parametrize(
    "sentence",
    [
        # 旺苍 (excerpts4): the roles a county claims for itself, named after a part of Sichuan
        "“四区”即秦巴片区全面小康先行区、川东北新型工业示范区、川陕革命老区振兴发展先导区",
        # a title the cities of a belt earn, and an honour a county earns
        "建设长江经济带绿色发展示范区,创建国家生态文明建设示范区。",
    ],
)
def test_roles_and_honours_are_no_strategic_zones(sentence: str) -> None:
    names = names_in(sentence)
    assert not any(n.endswith("示范区") for n in names)
