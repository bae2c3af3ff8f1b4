"""Places, matching and resolution in context: short names of divisions, same-named
divisions, runs of abbreviations and of city initials, region names and their heads.

Every sentence is in the style of the genre (the real plans of ../shared/real-plans and the
seed); the expected places were checked against data/divisions.tsv by hand.
"""

from __future__ import annotations

import pytest

from plangraph.extract.places import find_places, resolve_place
from plangraph.extract.places.resolve import area_of


def ids(text: str, region: str = "") -> list[str]:
    own = frozenset({region}) if region else frozenset()
    hits, _ = find_places(text, own, area_of(region))
    return [h.place.id for h in hits]


def names(text: str, region: str = "") -> list[str]:
    own = frozenset({region}) if region else frozenset()
    hits, _ = find_places(text, own, area_of(region))
    return [h.place.name for h in hits]


# ------------------------------------------------------------------ short names of divisions


def test_a_short_name_after_the_city_it_lies_in() -> None:
    # 东营市利津县, 垦利区, 河口区; 潍坊市寿光市: the list shares the province of 利津
    assert ids("建成东营利津、垦利、河口,潍坊寿光等风光储输一体化基地。") == [
        *("dongying", "lijin", "kenli", "hekou", "weifang", "shouguang"),
    ]


def test_short_names_of_the_plans_own_city_stand_alone() -> None:
    assert ids("加快南江、通江生态建设。", "巴中市") == ["nanjiang", "tongjiang-bazhong"]
    assert "nanjiang" not in ids("加快南江、通江生态建设。")  # no context elsewhere


def test_a_short_name_before_an_area_word() -> None:
    assert ids("推进金山地区转型发展。") == ["jinshanqu"]
    assert ids("支持宝山区域转型。") == ["baoshanqu"]  # 宝山区 of Shanghai, the curated one


def test_a_short_name_before_the_whole_of_it_or_a_class_closing_a_list() -> None:
    # 石狮市, 晋江市 and 南安市 are county-level cities of 泉州 (福建), 安溪县 and 永春县
    # counties of it; 晋江 is also a river, which 等地 after a list of divisions rules out
    assert names("在石狮、晋江等地开展试点。") == ["石狮市", "晋江市"]
    assert names("推动晋江、南安等县(市)发展。") == ["晋江市", "南安市"]
    assert names("安溪、永春两县率先完成。") == ["安溪县", "永春县"]
    assert names("石狮全市建成区基本消除黑臭水体。") == ["石狮市"]
    assert names("加强平原等地农田建设。") == []  # a lone everyday word before 等地


@pytest.mark.parametrize(
    "sentence",
    [
        "完善平原农田防护林体系。",  # 平原县
        "坚持和平发展道路。",  # 和平区
        "推动城关镇建设。",  # no county named 城关
        "探索开展河口区生态环境质量综合评价。",  # 河口区 (Dongying) is an estuary area here
        "开展气候变化健康适应城市、乡村建设。",  # 应城市
        "面临夏季洪涝风险加重。",  # 临夏
        "构建公铁联运城市配送新体系。",  # 运城
        "推进示范县创建。",  # 范县
        "重点河流和县级以上水源地。",  # 和县
        "全省新增城镇污水处理能力。",  # 增城
    ],
)
def test_everyday_words_stay_words(sentence: str) -> None:
    assert names(sentence) == []


def test_a_short_name_never_hides_a_longer_name() -> None:
    # 和平 (和平区) must not take 平 from 平昌县
    assert ids("通江县、南江县和平昌县分别实施。")[-1] == "pingchang"


def test_resolve_place_does_not_strip_to_a_short_name() -> None:
    assert resolve_place("平原地区") is None
    place = resolve_place("巴州区")
    assert place is not None and place.id == "bazhou-bazhong"


# ------------------------------------------------------------------ same-named divisions


def test_same_named_districts_are_told_apart_by_the_plans_area() -> None:
    assert ids("推进朝阳区生态修复。", "北京市") == ["chaoyangqu"]
    assert ids("推进朝阳区生态修复。", "长春市") == ["chaoyang-changchun"]
    assert ids("推进朝阳区生态修复。", "吉林省") == ["chaoyang-changchun"]


def test_a_name_before_its_parent_is_read_in_that_parent() -> None:
    assert ids("支持长春朝阳区建设。") == ["changchun", "chaoyang-changchun"]


def test_a_lake_is_not_taken_for_a_county_of_the_area() -> None:
    # 太湖县 lies in Anhui, a member of 长三角, but 太湖 is the lake
    assert ids("推进太湖综合治理。", "长三角") == ["taihu"]


# ------------------------------------------------------------------ abbreviations and initials


def test_a_run_of_city_initials_is_read_in_one_province() -> None:
    found = names("推动成德绵眉乐雅广西攀经济带建设。")
    assert "广西" not in found
    assert found[:6] == ["成都", "德阳", "绵阳", "眉山", "乐山", "雅安"]


def test_the_plans_own_province_abbreviation_joins_a_run() -> None:
    assert ids("支持宁蒙合作开展贺兰山生态保护。", "宁夏") == ["ningxia", "neimenggu", "helanshan"]
    assert "neimenggu" not in ids("支持宁蒙合作开展贺兰山生态保护。")


def test_a_part_of_the_plans_own_province() -> None:
    assert "宁东" in names("统筹宁东、鄂尔多斯、榆林能源化工产业。", "宁夏")
    assert "宁东" not in names("统筹宁东、鄂尔多斯、榆林能源化工产业。")


def test_a_province_part_before_a_region_word() -> None:
    hits, _ = find_places("以鲁西南地区为重点。")
    (hit,) = hits
    assert hit.place.name == "鲁西南" and "鲁西南地区" in hit.place.aliases


# ------------------------------------------------------------------ regions and towns


def test_national_strategic_regions_are_places() -> None:
    found = names("深化与京津冀、长三角、粤港澳大湾区等地区创新合作,融入长江经济带。")
    assert found == ["京津冀", "长三角", "粤港澳大湾区", "长江经济带"]
    assert names("支持天山北坡城市群、长江中游城市群建设。") == [
        "天山北坡城市群",
        "长江中游城市群",
    ]


def test_the_plans_own_region_and_its_own_province_are_mentions() -> None:
    own = frozenset({"京津冀"})
    hits, _ = find_places("推动京津冀协同发展。", own, area_of("京津冀"))
    assert [(h.place.name, h.how, h.start, h.end) for h in hits] == [("京津冀", "own", 2, 5)]
    assert names("山东省坚持绿色发展。", "山东省") == ["山东"]


def test_a_regions_other_name_names_the_region() -> None:
    # regions.tsv's other names of a region (the strategy's name, 三地) shield no longer
    # the region they start with: 黄河流域 in 黄河流域生态保护和高质量发展 (excerpts4/01)
    text = "认真落实黄河流域生态保护和高质量发展国家重大战略,推动京津冀三地协同。"
    hits, _ = find_places(text)
    assert [(h.place.name, text[h.start : h.end], h.how) for h in hits] == [
        ("黄河流域", "黄河流域", "region"),
        ("京津冀", "京津冀", "region"),
    ]
    hits, _ = find_places(text, frozenset({"黄河流域", "黄河流域生态保护和高质量发展"}))
    assert [h.how for h in hits] == ["own", "region"]


def test_region_heads_name_regions() -> None:
    assert names("构筑鲁南经济圈生态空间。") == ["鲁南经济圈"]
    assert names("筑牢胶东经济圈生态安全屏障。") == ["胶东经济圈"]
    # a city's metropolitan area names the city, as 广州、深圳都市圈 does
    assert names("推动广州、深圳都市圈联动发展。") == ["广州", "深圳"]


def test_a_town_after_its_city() -> None:
    hits, _ = find_places("项目所在地为东营市史口镇。")
    assert [(h.place.name, h.place.kind) for h in hits] == [("东营", "City"), ("史口镇", "Town")]
    assert hits[1].place.province == "shandong"


def test_generic_words_with_a_verb_are_no_places() -> None:
    assert names("增强湿地碳汇能力,实施受损湿地修复,遏制盐湖退化。") == []


def test_towns_by_their_full_names_where_no_county_is_named() -> None:
    # 洪濑镇 is one town of 南安市 (福建) in data/towns.tsv; 东海街道 names four (泉州 丰泽区
    # among them), so it is a town of that name, neither the 东海 nor 东海县
    assert ids("推进洪濑镇污水管网建设。") == ["town-350583113"]
    assert names("东海街道完成雨污分流改造。") == ["东海街道"]
    assert names("丰泽区东海街道完成雨污分流改造。") == ["丰泽区", "东海街道"]


@pytest.mark.parametrize(
    "sentence",
    [
        "推进中心镇、重点镇建设。",  # classes of towns
        "统筹古城乡村振兴。",  # 乡村 is a word
        "加快小城镇建设。",
        "长江经济带林业局开展普查。",  # forestry bureaus the table lists as towns
    ],
)
def test_classes_of_towns_and_words_across_are_no_towns(sentence: str) -> None:
    assert [n for n in names(sentence) if n.endswith(("镇", "乡", "街道", "局"))] == []


def test_villages_set_apart_as_names() -> None:
    # 梧林村 and 塘东村 are villages of 晋江/南安 (泉州); 莲湖村 of 庆元 (excerpts10/24), named
    # before its grade; a village after its town (洪濑镇梧林村)
    assert names("整治梧林村、塘东村环境。") == ["梧林村", "塘东村"]
    assert names("成功创建莲湖村国家3A级旅游景区。") == ["莲湖村"]
    assert names("洪濑镇梧林村完成改造。") == ["洪濑镇", "梧林村"]


def test_communities_and_landform_villages_of_a_county_plan() -> None:
    # 桑植's farmers' markets (excerpts16/36): a community after its town, and a village whose
    # name starts with a word (龙洞) or a surname and 家, ending in a landform, after 和
    assert names("城区内新建澧源市场和澧源镇朱家台社区菜市场。") == ["澧源镇", "朱家台社区"]
    assert "龙洞坪村" in names("走马坪白族乡叶家桥村农贸市场和龙洞坪村农贸市场已完成建设。")


@pytest.mark.parametrize(
    "sentence",
    ["海淀区文明社区创建。", "朝阳区老旧社区改造。", "澧源镇老旧村整治。", "推进和示范村建设。"],
)
def test_kinds_of_communities_and_villages_are_no_places(sentence: str) -> None:
    assert [n for n in names(sentence) if n.endswith(("村", "社区"))] == []


@pytest.mark.parametrize(
    "sentence",
    [
        "行政村、自然村全覆盖。",
        "推进重点村、中心村和特色村建设。",
        "建设美丽宜居村、特色保护村。",
        "统筹推进城镇、乡村、农村建设。",
        "每个村(社区)配备网格员。",
        "千村整治、百村示范。",
    ],
)
def test_classes_of_villages_are_no_villages(sentence: str) -> None:
    assert names(sentence) == []


def test_a_reserves_level_alone_names_no_reserve() -> None:
    assert names("建设省级自然保护区和县级自然保护区。") == []


def test_a_county_level_city_whose_name_ends_in_a_generic_word() -> None:
    # 韩城市 (渭南, 陕西) and 诸城市 (潍坊, 山东): 城市 "city" ends their names
    assert names("支持韩城市、华阴市发展。") == ["韩城市", "华阴市"]
    assert names("诸城市优良天数252天。") == ["诸城市"]
    assert names("提升适应城市气候变化能力。") == []  # 应城市 read across 适应


def test_a_short_name_that_is_no_word_stands_alone() -> None:
    # 满洲里市 and 二连浩特市 are the border-crossing cities of 内蒙古 (excerpts10/06)
    assert names("服务核心口岸的满洲里至齐齐哈尔、二连浩特至太原4条通道。") == [
        *("满洲里市", "齐齐哈尔", "二连浩特市", "太原"),
    ]
    assert names("七里河治理。") == ["七里河"]  # a river's name too: not 七里河区


def test_a_list_of_the_areas_towns_by_their_short_names() -> None:
    # 安海镇, 东石镇, 金井镇 and the six 街道 of 晋江市 (泉州); 佛堂镇 and 赤岸镇 of 义乌市
    assert names("推进安海、东石、金井等沿海镇污水管网建设。", "晋江市") == [
        *("安海镇", "东石镇", "金井镇"),
    ]
    assert names("青阳、梅岭、西园、罗山、灵源、新塘6个街道。", "晋江市") == [
        *("青阳街道", "梅岭街道", "西园街道", "罗山街道", "灵源街道", "新塘街道"),
    ]
    assert names("推进佛堂、赤岸等镇建设。", "义乌市") == ["佛堂镇", "赤岸镇"]
    assert names("推进佛堂、赤岸等镇建设。") == []  # no area: no county says whose


def test_a_list_of_one_countys_towns_by_their_short_names_anywhere() -> None:
    # 沿浦镇, 宜山镇, 莒溪镇, 炎亭镇, 望里镇, 赤溪镇, 灵溪镇 and 岱岭畲族乡 are towns of 苍南县
    # (温州) in data/towns.tsv; only 苍南 has them all, so the list says where they lie even
    # where the plan's area is unknown (excerpts18/22, a county's progress table)
    assert names("建成投用沿浦、宜山、莒溪、炎亭、望里、赤溪、岱岭、灵溪浦亭等8家卫生院") == [
        *("沿浦镇", "宜山镇", "莒溪镇", "炎亭镇", "望里镇", "赤溪镇", "岱岭畲族乡", "灵溪镇"),
    ]
    # two short names need the plan's own county: 赤溪镇 and 灵溪镇 of 苍南
    assert names("中心敬老院建设进度(赤溪、灵溪偏慢)", "苍南县") == ["赤溪镇", "灵溪镇"]
    assert names("中心敬老院建设进度(赤溪、灵溪偏慢)") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "推进东城、西城、南城、北城协同发展。",  # directions, towns of many counties
        "加强教育、卫生、文化、体育设施建设。",  # words
    ],
)
def test_lists_of_words_are_no_towns(sentence: str) -> None:
    assert [n for n in names(sentence) if n.endswith(("镇", "乡", "街道"))] == []


def test_a_basin_named_like_a_county_elsewhere_is_no_county() -> None:
    # 南江 is a river of 义乌 and the county 南江县 of 巴中 (四川)
    assert "南江县" not in names("义乌江、南江流域综合治理。", "义乌市")
    assert names("南江流域综合治理。", "巴中市") == ["南江县"]


def test_three_short_names_of_one_province_listed_together() -> None:
    # 石狮市, 晋江市 and 南安市 are county-level cities of 泉州 (福建); 东阳市 and 永康市 of 金华
    # (浙江), listed after 义乌
    assert names("支持石狮、晋江、南安发展外向型经济。") == ["石狮市", "晋江市", "南安市"]
    assert names("推进义乌、东阳、永康小商品市场建设。") == ["义乌", "东阳市", "永康市"]
    assert names("和平、平安、长安。") == []  # everyday words


def test_divisions_listed_with_what_they_grow() -> None:
    # 砀山县, 长丰县, 怀远县 and 怀宁县 are counties of 安徽; 夷陵区, 蕲春县 and 嘉鱼县 of 湖北,
    # each item a division and its product (excerpts12/11 and 12/12)
    assert names("依托砀山酥梨、长丰草莓、怀远石榴、怀宁蓝莓等特色果蔬生产基地。") == [
        *("砀山县", "长丰县", "怀远县", "怀宁县"),
    ]
    found = names("推动随县(香菇)、夷陵(蜜桔)、蕲春(蕲艾)、嘉鱼(蔬菜)等县市创建产业园。")
    assert {"夷陵区", "蕲春县", "嘉鱼县"} <= set(found)
    assert names("推进长丰草莓基地建设。") == []  # alone, a short name before a product is none
    # a county renamed a city keeps its old full name whole: 长垣县 (now 长垣市), not 长垣
    assert "长垣市" not in names("延津县、封丘县、长垣县、凤泉区编制完成规划。")


def test_a_short_name_before_its_government() -> None:
    # 石狮市 (泉州, 福建) named by its government's office
    assert names("日前,石狮人民政府办公室下达2017年就业目标责任书。") == ["石狮市"]


def test_a_verb_of_the_dictionary_ends_where_a_name_starts() -> None:
    # 高峰镇 and 天城镇 are towns of 万州区 (重庆); 控制 is no boundary word of the list
    assert names("一般控制高峰镇、天城镇、高梁镇、新田镇等区域。")[:2] == ["高峰镇", "天城镇"]
    # 展示 ends before 范, but 示范 is the word: no 范县 (河南)
    assert "范县" not in names("开展示范县创建工作。")


def test_the_corps_is_no_province() -> None:
    assert names("各省、自治区、直辖市及新疆生产建设兵团工业和信息化主管部门。") == []
    assert names("新疆、西藏等地区。") == ["新疆", "西藏"]
