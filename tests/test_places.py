"""Places: the gazetteer tables, mentions in the seed plans, and the genre rules on small texts."""

from __future__ import annotations

import time

import pytest

from plangraph import model
from plangraph.extract import gazetteer as gz
from plangraph.extract.places import extract_places, find_places, resolve_place
from plangraph.read import read_text

# ------------------------------------------------------------------------------ helpers


def mentioned(plan: model.Plan) -> dict[str, set[str]]:
    """Place id -> owners ("task:6", "closing" …) where the plan mentions it."""
    _, mentions = extract_places(plan)
    out: dict[str, set[str]] = {}
    for m in mentions:
        key = f"{m.owner.kind}:{m.owner.key}" if m.owner.key else m.owner.kind
        out.setdefault(m.target, set()).add(key)
    return out


def names_in(text: str) -> list[str]:
    hits, _ = find_places(text)
    return [h.place.name for h in hits]


@pytest.fixture(scope="module")
def jjj(plan_by_region: dict[str, model.Plan]) -> dict[str, set[str]]:
    return mentioned(plan_by_region["京津冀"])


@pytest.fixture(scope="module")
def yrd(plan_by_region: dict[str, model.Plan]) -> dict[str, set[str]]:
    return mentioned(plan_by_region["长三角"])


@pytest.fixture(scope="module")
def gba(plan_by_region: dict[str, model.Plan]) -> dict[str, set[str]]:
    return mentioned(plan_by_region["粤港澳大湾区"])


# ------------------------------------------------------------------------------ tables


def test_gazetteer_loads_and_covers_the_country() -> None:
    places = gz.places()
    provinces = [p for p in places if p.kind == "Province"]
    assert len(provinces) == 34
    assert {"beijing", "shanxi", "shaanxi", "neimenggu", "hongkong", "macao"} <= {
        p.id for p in provinces
    }
    cities = [p for p in places if p.kind == "City"]
    assert len(cities) > 330
    assert all(p.province for p in cities)
    assert len({p.id for p in places}) == len(places)


@pytest.mark.parametrize(
    ("pid", "name", "name_en", "kind"),
    [
        ("miyunshuiku", "密云水库", "Miyun Reservoir", "Reservoir"),
        ("taipuhe", "太浦河", "Taipu River", "River"),
        ("baiyangdian", "白洋淀", "Baiyangdian Lake", "Lake"),
        ("bohaiwan", "渤海湾", "Bohai Bay", "Bay"),
        ("tianjingang", "天津港", "Port of Tianjin", "Port"),
        ("xinanjiang", "新安江", "Xin'an River", "River"),
        ("qiandaohu", "千岛湖", "Qiandao Lake", "Lake"),
        ("mipushidi", "米埔湿地", "Mai Po Wetlands", "Wetland"),
        ("huananguojiazhiwuyuan", "华南国家植物园", "South China National Botanical Garden", None),
        ("xionganxinqu", "雄安新区", "Xiong'an New Area", "DevelopmentZone"),
        ("hengqin", "横琴", "Hengqin", "DevelopmentZone"),
    ],
)
def test_gazetteer_rows(pid: str, name: str, name_en: str, kind: str | None) -> None:
    place = gz.place_by_id(pid)
    assert place is not None
    assert (place.name, place.name_en) == (name, name_en)
    if kind:
        assert place.kind == kind


def test_regions() -> None:
    jjj = gz.region_named("京津冀")
    yrd = gz.region_named("长江三角洲")
    gba = gz.region_named("大湾区")
    assert jjj is not None and jjj.members == ("beijing", "tianjin", "hebei")
    assert yrd is not None and yrd.id == "yrd"
    assert set(yrd.members) == {"shanghai", "jiangsu", "zhejiang", "anhui"}
    assert gba is not None and len(gba.members) == 11 and gba.plans == ()
    assert {"hongkong", "macao", "zhaoqing"} <= set(gba.members)
    assert gz.region_named("成渝地区双城经济圈") is not None
    unknown = gz.region_for("某某地区")
    assert unknown.name == "某某地区" and unknown.id.isascii()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("id\tname\n", "expected header"),
        ("id\tname\taliases\tkind\tprovince\tname_en\nx\tX\t\tCity\n", ":2: expected 6"),
        (
            "id\tname\taliases\tkind\tprovince\tname_en\na\tA\t\tCity\t\tA\na\tB\t\tCity\t\tB\n",
            ":3: duplicate id 'a'",
        ),
        ("id\tname\taliases\tkind\tprovince\tname_en\na\tA\t\tVolcano\t\tA\n", "unknown kind"),
        ("id\tname\taliases\tkind\tprovince\tname_en\na\tA\t\tCity\tnowhere\tA\n", "nowhere"),
    ],
)
def test_gazetteer_validation_names_file_and_line(text: str, message: str) -> None:
    with pytest.raises(gz.GazetteerError, match=message) as info:
        gz.parse_places(text, "bad.tsv")
    assert str(info.value).startswith("bad.tsv:")


def test_region_members_must_exist() -> None:
    text = "id\tname\taliases\tname_en\tmembers\nr\tR\t\tR\tbeijing|atlantis\n"
    with pytest.raises(gz.GazetteerError, match=r"regions\.tsv:2: member 'atlantis'"):
        gz.parse_regions(text, "regions.tsv", frozenset({"beijing"}))


@pytest.mark.parametrize(
    ("name", "pid"),
    [
        ("北京", "beijing"),
        ("北京市", "beijing"),
        ("京", "beijing"),
        ("广东省", "guangdong"),
        ("内蒙古自治区", "neimenggu"),
        ("珠三角", "zhujiangsanjiaozhou"),
        ("华北", "huabeidiqu"),  # 华北地区 without its suffix
        ("国家发展改革委", None),
        ("平原地区", None),
        ("", None),
    ],
)
def test_resolve_place(name: str, pid: str | None) -> None:
    place = resolve_place(name)
    assert (place.id if place else None) == pid


# ------------------------------------------------------------------------------ seed plans


def test_jjj_places(jjj: dict[str, set[str]]) -> None:
    assert "task:6" in jjj["miyunshuiku"]
    for pid in ("yuqiaoshuiku", "guantingshuiku", "ziyahe", "bohaiwan", "qinhuangdao", "tangshan"):
        assert "task:6" in jjj[pid], pid
    assert {"task:6", "task:13", "task:20"} <= jjj["yongdinghe"]
    assert "task:3" in jjj["tianjingang"]
    assert {"task:9"} <= jjj["taihangshan"] & jjj["yanshan"]
    assert "task:10" in jjj["huabeidiqu"] and "task:10" in jjj["saihanbajixielinchang"]
    for pid in ("xionganxinqu", "baiyangdian", "binhaixinqu", "zhongxintianjinshengtaicheng"):
        assert "task:15" in jjj[pid], pid


def test_jjj_compound_park(jjj: dict[str, set[str]]) -> None:
    # 燕山—塞罕坝国家公园: the park and both places it is named after
    assert "task:9" in jjj["yanshansaihanbaguojiagongyuan"]
    assert "task:9" in jjj["saihanba"]
    assert "task:9" in jjj["yanshan"]


def test_jjj_abbreviations(jjj: dict[str, set[str]], plan_by_region: dict[str, model.Plan]) -> None:
    # 京雄合作 -> 北京, 雄安新区; 京津深化 -> 北京, 天津
    assert "task:4" in jjj["xionganxinqu"]
    assert "task:4" in jjj["beijing"]
    _, mentions = extract_places(plan_by_region["京津冀"])
    abbreviated = {(m.quote.text, m.target) for m in mentions if m.how == "abbreviation"}
    assert {("京", "beijing"), ("雄", "xionganxinqu"), ("津", "tianjin")} <= abbreviated


def test_jjj_exclusions(jjj: dict[str, set[str]], plan_by_region: dict[str, model.Plan]) -> None:
    assert not any(gz.region_by_id(i) for i in jjj)  # 京津冀 is the region, not a place
    _, mentions = extract_places(plan_by_region["京津冀"])
    texts = {m.quote.text for m in mentions}
    assert "平原地区" not in texts and "京津冀" not in texts


def test_yrd_places(yrd: dict[str, set[str]]) -> None:
    assert {"task:5", "task:21"} <= yrd["taipuhe"]
    assert {"task:5", "task:15"} <= yrd["xinanjiang"] & yrd["qiandaohu"]  # 新安江—千岛湖
    assert {"task:5", "task:10"} <= yrd["huaihe"] & yrd["hongzehu"]  # 淮河—洪泽湖
    assert "task:11" in yrd["changjiangkou"] and "task:11" in yrd["hangzhouwan"]  # 长江口—杭州湾
    assert "task:10" in yrd["wannan"] and "task:10" in yrd["zhexi"]  # 皖南—浙西山区
    assert "task:10" in yrd["wanxi"] and "task:10" in yrd["dabieshan"]
    assert "task:3" in yrd["shanghaigang"]
    assert "task:16" in yrd["pudongxinqu"] and "task:16" in yrd["chuzhou"]
    # 长三角生态绿色一体化发展示范区 (一体化示范区) is a development zone, not the region
    zone = "changsanjiaoshengtailvseyitihuafazhanshifanqu"
    assert {"task:5", "task:14", "task:21"} <= yrd[zone]


def test_yrd_parks(yrd: dict[str, set[str]]) -> None:
    for pid in (
        "qianjiangyuanbaishanzuguojiagongyuan",
        "qianjiangyuan",
        "baishanzu",
        "huangshanguniujiangguojiagongyuan",
        "guniujiang",
        "nanbeijiliedaoguojiagongyuan",
    ):
        assert "task:10" in yrd[pid], pid
    # 黄山 the mountain names the park; 安徽黄山 is the city
    assert "task:10" in yrd["huangshan"]
    assert "task:15" in yrd["huangshanshi"]


def test_yrd_power_lines(yrd: dict[str, set[str]]) -> None:
    # 蒙电入沪、蒙电入苏、甘电入浙、陕电蒙电入皖
    for pid in ("neimenggu", "gansu", "shaanxi", "shanghai", "jiangsu", "zhejiang", "anhui"):
        assert "task:2" in yrd[pid], pid
    # 苏皖与鲁豫交界地区
    for pid in ("jiangsu", "anhui", "shandong", "henan"):
        assert "task:4" in yrd[pid], pid


def test_gba_places(gba: dict[str, set[str]]) -> None:
    for pid in ("dongjiang", "xijiang", "beijiang", "xinfengjiang", "shenzhenhe", "qianshanhe"):
        assert "task:6" in gba[pid], pid
    assert "task:6" in gba["zhujiangxijiangjingjidai"] and "task:6" in gba["zhujiang"]
    for pid in ("nanling", "huananguojiazhiwuyuan", "wutongshan", "honghualing", "mipushidi"):
        assert "task:8" in gba[pid], pid
    for pid in ("yuedong", "yuexi", "yuebei", "nankunshan", "luofushan", "wanlvhu"):
        assert "task:11" in gba[pid], pid
    for pid in ("hengqin", "qianhai", "nanshaqu", "hetao"):
        assert "task:20" in gba[pid], pid
    assert "hebei" not in gba  # 深圳河北岸 is 深圳河 + 北岸


def test_gba_abbreviations(gba: dict[str, set[str]]) -> None:
    assert {"zhuhai", "zhongshan", "jiangmen"} <= {p for p, o in gba.items() if "task:1" in o}
    assert "task:8" in gba["hengqin"]  # 琴澳
    assert "task:8" in gba["shenzhen"] and "task:8" in gba["hongkong"]  # 深港
    assert "task:7" in gba["hongkong"]  # 粤港共治
    assert "closing" in gba["hongkong"] and "closing" in gba["macao"]  # 携手港澳


def test_mentions_quote_their_sentence(plans: tuple[model.Plan, ...]) -> None:
    for plan in plans:
        sentences = {s.index: s for s in plan.sentences}
        tasks = {t.key for t in plan.tasks}
        _, mentions = extract_places(plan)
        assert mentions
        for m in mentions:
            q = m.quote
            assert plan.text[q.start : q.end] == q.text
            s = sentences[q.sentence]
            assert s.start <= q.start < q.end <= s.end
            assert m.plan == plan.id
            if m.owner.kind == "task":
                assert m.owner.key in tasks


def test_no_region_is_a_place(plans: tuple[model.Plan, ...]) -> None:
    for plan in plans:
        places, mentions = extract_places(plan)
        region_words = {"京津冀", "长三角", "粤港澳大湾区", "大湾区"}
        assert not region_words & {p.name for p in places}
        assert not region_words & {m.quote.text for m in mentions}


def test_no_pattern_noise_in_seed(plans: tuple[model.Plan, ...]) -> None:
    for plan in plans:
        places, _ = extract_places(plan)
        assert [p.name for p in places if p.source == "pattern"] == []


def test_speed(plans: tuple[model.Plan, ...]) -> None:
    extract_places(plans[0])  # build the lexicon once
    start = time.perf_counter()
    for _ in range(10):
        for plan in plans:
            extract_places(plan)
    per_plan = (time.perf_counter() - start) / (10 * len(plans))
    assert per_plan < 0.05  # about 3 ms on a laptop; generous for CI


# ------------------------------------------------------------------------------ genre


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
    ],
)
def test_generic_words_are_not_places(sentence: str) -> None:
    assert names_in(sentence) == []


def test_abbreviation_rules() -> None:
    assert names_in("推动晋冀蒙交界地区联防联控。") == ["山西", "河北", "内蒙古"]
    assert names_in("实施疆电外送、青电入豫工程。") == ["新疆", "青海", "河南"]
    assert names_in("推动深莞惠一体化。") == ["深圳", "东莞", "惠州"]
    assert names_in("推进川渝合作。") == ["四川", "重庆"]
    # one-character abbreviations never stand alone, and need a cue or a known grouping
    assert names_in("深化改革,加快中长期规划,推进中新合作。") == []
    assert names_in("推进西电东送工程。") == []


def test_book_titles_are_not_places() -> None:
    assert names_in("落实《太湖流域管理条例》,加强巢湖治理。") == ["巢湖"]


def test_ambiguous_names_follow_context() -> None:
    hits, _ = find_places("安徽黄山开展试点。")
    assert [h.place.id for h in hits] == ["anhui", "huangshanshi"]
    hits, _ = find_places("保护黄山生态。")
    assert [h.place.id for h in hits] == ["huangshan"]


def test_synthetic_plan_end_to_end() -> None:
    text = (
        "成渝地区双城经济圈美丽中国先行区建设行动方案\n"
        "为贯彻落实党中央、国务院决策部署,制定本方案。\n"
        "一、总体要求\n"
        "到2027年,区域生态环境质量持续改善。\n"
        "二、共建长江上游生态屏障\n"
        "(一)加强跨界河流治理。推进川渝共建嘉陵江、涪江跨界河流联防联控,"
        "加强龙溪河生态修复,推进寨子湖湿地公园建设。\n"
        "区域内各省级人民政府对先行区建设负总责。\n"
    )
    (plan,) = read_text(text)
    places, mentions = extract_places(plan)
    by_id = {p.id: p for p in places}
    assert {"changjiang", "sichuan", "chongqing", "jialingjiang", "fujiang", "longxihe"} <= set(
        by_id
    )
    assert by_id["longxihe"].source == "pattern"
    assert any(p.name == "寨子湖湿地公园" and p.kind == "Wetland" for p in places)
    owners = {(m.target, m.owner) for m in mentions}
    assert ("changjiang", model.Owner("section", "2")) in owners
    assert ("jialingjiang", model.Owner("task", "1")) in owners
    assert not any(p.name.startswith("成渝") for p in places)  # the plan's own region


# ------------------------------------------------------------------ genre rules (held-out plans)


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


def test_a_listed_county_follows_listed_districts() -> None:
    assert "礼县" in _names("在陇南、天水、礼县开展试点。")


def test_direction_after_a_province_abbreviation_names_an_area() -> None:
    names = _names("推进鄂西、湘南、赣北生态保护。")
    assert names == ["鄂西", "湘南", "赣北"]
    assert _names("加强东北风防护。") == []


def test_strong_province_runs_need_no_cue() -> None:
    assert _names("推进湘赣鄂电网互联互济。") == ["湖南", "江西", "湖北"]


def test_a_zone_keeps_its_leading_abbreviations_and_city() -> None:
    assert "川渝高竹新区" in _names("推进川渝高竹新区建设。")
    assert "石首麋鹿国家级自然保护区" in _names("建设石首麋鹿国家级自然保护区。")


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


def test_spelled_out_city_groupings() -> None:
    assert names_in("推进海澄文一体化发展。") == ["海口", "澄迈", "文昌"]
    assert names_in("海澄文三地") == ["海口", "澄迈", "文昌"]
    assert names_in("打造大三亚旅游圈。") == ["三亚"]
    hits, _ = find_places("支持海口江东新区发展。")
    assert [(h.place.id, h.place.province) for h in hits] == [("jiangdongxinqu", "hainan")]


def test_short_county_names_and_common_words() -> None:
    assert names_in("推进定安、屯昌、临高和徐闻建设。") == ["定安", "屯昌", "临高", "徐闻"]
    assert names_in("推进东方、儋州海上风电项目。") == ["东方", "儋州"]
    assert names_in("东方市加强治理。") == ["东方"]
    assert names_in("海南东方探索治理。") == ["海南", "东方"]
    assert names_in("发扬东方智慧,建设白沙滩。") == []
    assert resolve_place("昌江黎族自治县").id == "changjiangxian"  # type: ignore[union-attr]
    assert resolve_place("徐闻县").province == "guangdong"  # type: ignore[union-attr]


def test_northeast_china_but_not_a_direction() -> None:
    assert names_in("推动东北黑土区保护。") == ["东北黑土区"]  # a named region of its own
    assert names_in("推动东北地区全面振兴。") == ["东北地区"]
    assert names_in("位于城区东北部,吹东北风。") == []
