"""Agencies: co-issuers, approval, mentions of actors and the responsibilities the text assigns."""

from __future__ import annotations

import pytest

from plangraph import model
from plangraph.extract import gazetteer as gz
from plangraph.extract.agencies import (
    agency_by_id,
    approved_by,
    extract_agencies,
    find_agencies,
    issuers,
    issuing_agencies,
    resolve_agency,
)
from plangraph.read import read_text

SEVEN = ("mee", "ndrc", "miit", "mof", "mnr", "mohurd", "pbc")
FULL_NAMES = (
    "生态环境部",
    "国家发展和改革委员会",
    "工业和信息化部",
    "财政部",
    "自然资源部",
    "住房和城乡建设部",
    "中国人民银行",
)


def test_agency_table() -> None:
    table = gz.agencies()
    assert len({a.id for a in table}) == len(table)
    assert {a.kind for a in table} == {"agency", "government", "actor"}
    state_council = agency_by_id("state-council")
    assert state_council is not None and state_council.kind == "government"
    ndrc = agency_by_id("ndrc")
    assert ndrc is not None and {"国家发展改革委", "发展改革委"} <= set(ndrc.short_names)


@pytest.mark.parametrize(
    ("printed", "aid"),
    [
        ("国家发展改革委", "ndrc"),
        ("国家发展和改革委员会", "ndrc"),
        ("发展改革委", "ndrc"),
        ("住房城乡建设部", "mohurd"),
        ("人民银行", "pbc"),
        ("中华人民共和国生态环境部", "mee"),
        ("国家林草局", "nfga"),
        ("金融监管总局", "nfra"),
        ("中国证监会", "csrc"),
        ("国家卫生健康委", "nhc"),
        ("国务院", "state-council"),
        ("省级人民政府", "provincial-governments"),
        ("某某委员会", None),
    ],
)
def test_resolve_agency(printed: str, aid: str | None) -> None:
    found = resolve_agency(printed)
    assert (found.id if found else None) == aid


def test_seven_co_issuers_with_full_names(plans: tuple[model.Plan, ...]) -> None:
    assert len(plans) == 3
    for plan in plans:
        assert issuers(plan) == SEVEN
        names = tuple(agency_by_id(a).name for a in issuers(plan))  # type: ignore[union-attr]
        assert names == FULL_NAMES
        assert approved_by(plan) == "state-council"


def test_mentions_and_actors(plan_by_region: dict[str, model.Plan]) -> None:
    agencies, mentions, _ = extract_agencies(plan_by_region["京津冀"])
    ids = {a.id for a in agencies}
    assert set(SEVEN) | {"state-council", "cpc-central"} <= ids
    assert {"financial-institutions", "relevant-departments", "provincial-governments"} <= ids
    owners = {(m.target, m.owner.kind, m.owner.key) for m in mentions}
    assert ("financial-institutions", "task", "19") in owners
    assert ("cpc-central", "preamble", "") in owners
    assert ("state-council", "preface", "") in owners
    plan = plan_by_region["京津冀"]
    for m in mentions:
        assert plan.text[m.quote.start : m.quote.end] == m.quote.text


def test_gba_financial_institutions(plan_by_region: dict[str, model.Plan]) -> None:
    _, mentions, _ = extract_agencies(plan_by_region["粤港澳大湾区"])
    assert any(m.target == "financial-institutions" and m.owner.key == "17" for m in mentions)


@pytest.mark.parametrize("region", ["京津冀", "长三角"])
def test_provincial_governments_answer_for_the_zone(
    region: str, plan_by_region: dict[str, model.Plan]
) -> None:
    _, _, duties = extract_agencies(plan_by_region[region])
    closing = [d for d in duties if d.owner.kind == "closing"]
    assert [(d.actor, d.actor_is_place) for d in closing] == [("provincial-governments", False)]
    assert closing[0].quote.text.endswith("负总责")


def test_beijing_is_the_core(plan_by_region: dict[str, model.Plan]) -> None:
    _, _, duties = extract_agencies(plan_by_region["京津冀"])
    core = [d for d in duties if d.owner == model.Owner("task", "15")]
    assert [(d.actor, d.actor_is_place) for d in core] == [("beijing", True)]
    assert core[0].quote.text.startswith("北京作为")


def test_guangdong_leads(plan_by_region: dict[str, model.Plan]) -> None:
    _, _, duties = extract_agencies(plan_by_region["粤港澳大湾区"])
    closing = [d for d in duties if d.owner.kind == "closing"]
    assert [(d.actor, d.actor_is_place) for d in closing] == [("guangdong", True)]
    assert not any(d.actor == "provincial-governments" for d in duties)  # no 负总责 here


def test_generic_departments_are_not_ministries() -> None:
    assert [h.agency.id for h in find_agencies("各地生态环境部门、财政部门加强协作。")] == []
    assert [h.agency.id for h in find_agencies("省发展改革委会同省财政厅推进。")] == []
    assert [h.agency.id for h in find_agencies("由生态环境部牵头,财政部配合。")] == ["mee", "mof"]


def test_synthetic_plan_responsibilities_and_unknown_issuer() -> None:
    text = (
        "水利部等三部门联合印发《成渝地区双城经济圈美丽中国先行区建设行动方案》\n"
        "近日,经国务院同意,水利部、国家林草局、某某管理中心等三部门联合印发了"
        "《成渝地区双城经济圈美丽中国先行区建设行动方案》。\n"
        "成渝地区双城经济圈美丽中国先行区建设行动方案\n"
        "为贯彻落实党中央、国务院决策部署,制定本方案。\n"
        "一、总体要求\n"
        "到2027年,区域生态环境质量持续改善。\n"
        "二、共建长江上游生态屏障\n"
        "(一)加强跨界河流治理。由水利部牵头建立嘉陵江联防联控机制,支持金融机构开发绿色信贷。\n"
        "区域内各省级人民政府对先行区建设负总责,重庆发挥引领带动作用。\n"
    )
    (plan,) = read_text(text)
    ids = issuers(plan)
    assert ids[:2] == ("mwr", "nfga")
    assert len(ids) == 3 and ids[2].isascii()  # 某某管理中心 gets a pinyin id
    assert approved_by(plan) == "state-council"
    agencies, _, duties = extract_agencies(plan)
    assert ids[2] in {a.id for a in agencies}
    got = {(d.owner.kind, d.owner.key, d.actor, d.actor_is_place) for d in duties}
    assert ("task", "1", "mwr", False) in got
    assert ("closing", "", "provincial-governments", False) in got
    assert ("closing", "", "chongqing", True) in got
    assert not any(d.actor == "financial-institutions" for d in duties)


def _duties(text: str) -> list[tuple[str, bool]]:
    (plan,) = read_text(
        "某某方案\n近日,生态环境部印发了《某某方案》。\n某某方案\n为贯彻落实,制定本方案。\n"
        "一、总体要求\n到2027年,生态环境质量持续改善。\n" + text + "\n"
    )
    _, _, duties = extract_agencies(plan)
    return [(d.actor, d.actor_is_place) for d in duties]


def test_city_and_county_governments_answer() -> None:
    assert _duties("各市县人民政府对本地区生态环境保护负总责。") == [
        ("city-county-governments", False)
    ]


def test_a_coordinated_subject_answers_together() -> None:
    got = _duties("江苏、浙江和安徽三省对区域治理负总责。")
    assert got == [("jiangsu", True), ("zhejiang", True), ("anhui", True)]
    got = _duties("河北、山西省级人民政府对本行政区域治理负总责。")
    assert got == [("hebei", True), ("shanxi", True), ("provincial-governments", False)]


# --------------------------------------------------------------------------- local bodies


@pytest.mark.parametrize(
    ("printed", "agency_id", "full", "english"),
    [
        (
            "山西省人民政府",
            "shanxi-government",
            "山西省人民政府",
            "Shanxi Provincial People's Government",
        ),
        (
            "巴中市人民政府",
            "bazhong-government",
            "巴中市人民政府",
            "Bazhong Municipal People's Government",
        ),
        (
            "上海市人民政府办公厅",
            "shanghai-government-office",
            "上海市人民政府办公厅",
            "General Office of the Shanghai Municipal People's Government",
        ),
        (
            "江苏省生态环境厅",
            "jiangsu-mee",
            "江苏省生态环境厅",
            "Jiangsu Provincial Department of Ecology and Environment",
        ),
        (
            "成都市生态环境局",
            "chengdu-mee",
            "成都市生态环境局",
            "Chengdu Municipal Bureau of Ecology and Environment",
        ),
        (
            "广东省发展改革委",
            "guangdong-ndrc",
            "广东省发展和改革委员会",
            "Guangdong Provincial Development and Reform Commission",
        ),
        (
            "浙江省住房和城乡建设厅",
            "zhejiang-mohurd",
            "浙江省住房和城乡建设厅",
            "Zhejiang Provincial Department of Housing and Urban-Rural Development",
        ),
    ],
)
def test_local_governments_and_departments_by_pattern(
    printed: str, agency_id: str, full: str, english: str
) -> None:
    from plangraph.extract.agencies import local_agency

    agency = local_agency(printed)
    assert agency is not None
    assert (agency.id, agency.name, agency.name_en) == (agency_id, full, english)


def test_generic_local_words_are_not_agencies() -> None:
    from plangraph.extract.agencies import local_agency

    assert local_agency("各市人民政府") is None
    assert local_agency("省政府") is None  # no plan to say which province


def test_issuer_of_a_provincial_notice_becomes_an_agency_node() -> None:
    text = (
        "河北省人民政府关于印发河北省节水行动实施方案的通知\n"
        "冀政字〔2021〕5号\n"
        "各市(含定州、辛集市)人民政府,省政府各部门:\n"
        "现将《河北省节水行动实施方案》印发给你们,请认真贯彻执行。\n"
        "河北省人民政府\n"
        "2021年2月3日\n"
        "河北省节水行动实施方案\n"
        "一、重点任务\n"
        "(一)推进农业节水。推广高效节水灌溉。\n"
    )
    (plan,) = read_text(text)
    assert issuers(plan) == ("hebei-government",)
    (agency,) = issuing_agencies(plan)
    assert agency.kind == "government" and "河北省政府" in agency.short_names
