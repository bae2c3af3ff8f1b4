"""Release forms: who issued a plan, when, under which 文号, for which area and at which level.

Each synthetic document is written the way such documents are printed (a 国务院 notice with
its 文号, addressees, signature and date; a multi-department notice with a spaced signature
block; a 中共中央 国务院 opinion; a provincial department's notice; a plan with only a cover
date).  The real plans of ``../shared/real-plans`` are checked against the meta of
``tests/realplans/gold/<slug>/structure.json``, written by reading them.
"""

from __future__ import annotations

import json

import pytest
from shared_paths import GOLD, REAL_PLANS

from plangraph.extract import agencies as ag
from plangraph.extract import extract
from plangraph.model import Plan
from plangraph.read import read_plans, read_text, region_slug
from plangraph.read.area import area_of
from plangraph.read.release import document_number, issued_date, parse_date, split_issuers

REAL = REAL_PLANS

BODY = (
    "一、总体要求\n"
    "以习近平新时代中国特色社会主义思想为指导,全面贯彻党的二十大精神。\n"
    "二、重点任务\n"
    "(一)优化产业结构。坚决遏制高耗能、高排放、低水平项目盲目上马。\n"
    "(二)优化能源结构。到2025年,非化石能源消费比重达20%左右。\n"
)

STATE_COUNCIL_NOTICE = (
    "国务院关于印发《空气质量持续改善行动计划》的通知\n"
    "国发〔2023〕24号\n"
    "各省、自治区、直辖市人民政府,国务院各部委、各直属机构:\n"
    "现将《空气质量持续改善行动计划》印发给你们,请认真贯彻执行。\n"
    "国务院\n"
    "2023年11月30日\n"
    "(此件公开发布)\n"
    "空气质量持续改善行动计划\n"
    "为持续深入打好蓝天保卫战,切实保障人民群众身体健康,制定本行动计划。\n" + BODY
)

MINISTRIES_NOTICE = (
    "关于印发《减污降碳协同增效实施方案》的通知\n"
    "环综合[2022]42号\n"
    "各省、自治区、直辖市及新疆生产建设兵团生态环境厅(局)、发展改革委、工业和信息化主管部门:\n"
    "经国务院同意,现将《减污降碳协同增效实施方案》印发给你们,请结合实际认真贯彻落实。\n"
    "生 态 环 境 部    国家发展改革委\n"
    "工业和信息化部    住房城乡建设部\n"
    "交 通 运 输 部    农 业 农 村 部\n"
    "国 家 能 源 局\n"
    "2022年6月10日\n"
    "减污降碳协同增效实施方案\n"
    "为深入贯彻落实党中央、国务院关于碳达峰碳中和决策部署,制定本实施方案。\n" + BODY
)

OPINION = (
    "中共中央 国务院关于全面推进美丽中国建设的意见\n"
    "(2023年12月27日)\n"
    "建设美丽中国是全面建设社会主义现代化国家的重要目标。现提出如下意见。\n" + BODY
)

NEWS_RELEASE = (
    "中共中央办公厅 国务院办公厅印发《关于深化生态保护补偿制度改革的意见》\n"
    "近日,中共中央办公厅、国务院办公厅印发了《关于深化生态保护补偿制度改革的意见》,"
    "并发出通知,要求各地区各部门结合实际认真贯彻落实。\n"
    "《关于深化生态保护补偿制度改革的意见》全文如下。\n"
    "关于深化生态保护补偿制度改革的意见\n"
    "生态保护补偿制度作为生态文明制度的重要组成部分。\n" + BODY
)

PROVINCIAL_DEPARTMENT_NOTICE = (
    "上海市生态环境局关于印发《上海市碳普惠管理办法(试行)》的通知\n"
    "沪环气候〔2023〕12号\n"
    "各区生态环境局,有关单位:\n"
    "现将《上海市碳普惠管理办法(试行)》印发给你们,请遵照执行。\n"
    "上海市生态环境局\n"
    "2023年1月31日\n"
    "上海市碳普惠管理办法(试行)\n" + BODY
)

PROVINCIAL_DEPARTMENTS_SIGNED = (
    "关于印发《山西省工业领域碳达峰实施方案》的通知\n"
    "晋工信节能字〔2022〕248号\n"
    "各市工信局、发展改革委、生态环境局:\n"
    "现将《山西省工业领域碳达峰实施方案》印发给你们,请认真组织实施。\n"
    "山西省工业和信息化厅  省发展改革委  省生态环境厅\n"
    "2022年12月30日\n"
    "山西省工业领域碳达峰实施方案\n" + BODY
)

# a saved gov.cn page: its metadata table (cells TAB-separated), then the notice
WEB_PAGE = (
    "索引号:\t000014349/2023-00123\t主题分类:\t生态环境\n"
    "发文机关:\t国务院\t成文日期:\t2023年11月30日\n"
    "标题:\t国务院关于印发《空气质量持续改善行动计划》的通知\n"
    "发文字号:\t国发〔2023〕24号\t发布日期:\t2023年12月07日\n"
    "国务院关于印发《空气质量持续改善行动计划》的通知\n"
    "各省、自治区、直辖市人民政府,国务院各部委、各直属机构:\n"
    "现将《空气质量持续改善行动计划》印发给你们,请认真贯彻执行。\n"
    "国务院\n"
    "2023年11月30日\n"
    "空气质量持续改善行动计划\n" + BODY
)

COVER_ONLY = "“十四五”生态环境监测规划\n二〇二一年十二月\n" + BODY


def one(text: str, source: str = "<text>") -> Plan:
    (plan,) = read_text(text, source)
    return plan


# --------------------------------------------------------------------------- release forms


def test_state_council_notice() -> None:
    plan = one(STATE_COUNCIL_NOTICE)
    assert plan.title == "空气质量持续改善行动计划"
    assert plan.issuers == ("国务院",)
    assert plan.document_number == "国发〔2023〕24号"
    assert plan.issued == "2023-11-30"
    assert (plan.region, plan.level) == ("全国", "national")
    assert plan.id == "china-2023"
    assert [t.title for t in plan.tasks] == ["优化产业结构", "优化能源结构"]
    assert plan.preface is not None and "(此件公开发布)" in plan.preface.text


def test_multi_department_notice_with_a_spaced_signature_block() -> None:
    plan = one(MINISTRIES_NOTICE)
    assert plan.issuers == (
        "生态环境部",
        "国家发展改革委",
        "工业和信息化部",
        "住房城乡建设部",
        "交通运输部",
        "农业农村部",
        "国家能源局",
    )
    assert plan.approved_by == "国务院"
    assert plan.document_number == "环综合〔2022〕42号"  # brackets as 〔〕
    assert plan.issued == "2022-06-10"
    assert (plan.region, plan.level) == ("全国", "national")
    assert ag.issuers(plan) == ("mee", "ndrc", "miit", "mohurd", "mot", "mara", "nea")


def test_opinion_issued_under_its_own_title() -> None:
    plan = one(OPINION)
    assert plan.issuers == ("中共中央", "国务院")
    assert plan.issued == "2023-12-27"
    assert (plan.region, plan.level) == ("全国", "national")


def test_news_release_of_the_general_offices() -> None:
    plan = one(NEWS_RELEASE)
    assert plan.issuers == ("中共中央办公厅", "国务院办公厅")
    assert ag.issuers(plan) == ("cpc-central-office", "state-council-office")
    assert plan.document_number is None and plan.issued is None


def test_provincial_department_notice() -> None:
    plan = one(PROVINCIAL_DEPARTMENT_NOTICE)
    assert plan.issuers == ("上海市生态环境局",)
    assert plan.document_number == "沪环气候〔2023〕12号"
    assert plan.issued == "2023-01-31"
    assert (plan.region, plan.level) == ("上海市", "provincial")
    assert plan.id == "shanghai-2023"
    (agency,) = ag.issuing_agencies(plan)
    assert (agency.id, agency.name) == ("shanghai-mee", "上海市生态环境局")
    assert agency.name_en == "Shanghai Municipal Bureau of Ecology and Environment"


def test_provincial_departments_signed_with_short_forms_resolved_to_the_province() -> None:
    plan = one(PROVINCIAL_DEPARTMENTS_SIGNED)
    assert plan.issuers == ("山西省工业和信息化厅", "省发展改革委", "省生态环境厅")
    assert (plan.region, plan.level) == ("山西省", "provincial")
    found = ag.issuing_agencies(plan)
    assert [a.id for a in found] == ["shanxi-miit", "shanxi-ndrc", "shanxi-mee"]
    assert found[1].name == "山西省发展和改革委员会"
    assert "省发展改革委" in found[1].short_names  # the form as printed is kept
    assert found[2].name == "山西省生态环境厅"


def test_web_page_metadata_table() -> None:
    plan = one(WEB_PAGE)
    assert plan.issuers == ("国务院",)
    assert (plan.document_number, plan.issued) == ("国发〔2023〕24号", "2023-11-30")  # 成文日期


def test_notice_title_printed_over_two_lines() -> None:
    text = STATE_COUNCIL_NOTICE.replace("关于印发《空气质量", "关于印发《空气质量\n", 1)
    plan = one(text)
    assert plan.issuers == ("国务院",)
    assert plan.title == "空气质量持续改善行动计划"


def test_plan_title_wrapped_at_the_page_width_before_a_table_of_contents() -> None:
    # a PDF's text: the body title runs past the line and wraps, then a 目录 stands before the
    # first section; the notice before it is still the plan's release
    title = "某某省“十四五”生态保护和生态文明建设、生态经济与绿色低碳循环发展规划"
    text = (
        "某某省人民政府关于印发" + title + "的通知\n某政发〔2021〕34号\n"
        "各市、县人民政府，省人民政府各委、办、厅、局：\n"
        "现将《" + title + "》印发给你们，请认真组织实施。\n"
        "某某省人民政府\n2021年9月28日\n（此件公开发布）\n" + title[:-3] + "\n" + title[-3:] + "\n"
        "目录\n一、规划背景4\n二、主要任务9\n"
        "一、规划背景\n“十三五”期间，生态环境质量显著改善。\n"
        "二、主要任务\n（一）加强生态保护\n到2025年，森林覆盖率达到25%。\n"
    )
    plan = one(text)
    assert plan.title == title
    assert plan.issuers == ("某某省人民政府",)
    assert (plan.document_number, plan.issued) == ("某政发〔2021〕34号", "2021-09-28")


def test_plan_with_only_a_cover_date() -> None:
    plan = one(COVER_ONLY)
    assert plan.issuers == ()
    assert plan.issued == "2021-12"
    assert (plan.region, plan.level) == ("全国", "national")
    assert plan.id == "china-2021"


# --------------------------------------------------------------------------- the pieces


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("2021年9月28日", "2021-09-28"),
        ("二〇二一年十二月二十日", "2021-12-20"),
        ("二〇二二年五月", "2022-05"),
        ("2021年12月", "2021-12"),
        ("2021年13月", None),
    ],
)
def test_dates(text: str, iso: str | None) -> None:
    assert parse_date(text) == iso


@pytest.mark.parametrize(
    ("lines", "number"),
    [
        (["国发〔2023〕24号"], "国发〔2023〕24号"),
        (["国办发[2021]5号"], "国办发〔2021〕5号"),
        (["发改环资(2021)13号"], "发改环资〔2021〕13号"),
        (["根据《关于加强生态保护的意见》(国发〔2020〕3号),制定本方案。"], None),
    ],
)
def test_document_numbers(lines: list[str], number: str | None) -> None:
    assert document_number(lines) == number


def test_signature_date_wins_over_a_date_in_the_text() -> None:
    assert issued_date(["2023年5月1日起施行。", "国务院", "2023年4月2日"]) == "2023-04-02"


@pytest.mark.parametrize(
    ("printed", "names"),
    [
        ("科  技  部", ("科技部",)),
        ("中共中央办公厅 国务院办公厅", ("中共中央办公厅", "国务院办公厅")),
        ("国家发展改革委国家能源局", ("国家发展改革委", "国家能源局")),
        ("生态环境部、财政部", ("生态环境部", "财政部")),
    ],
)
def test_issuers_printed_together(printed: str, names: tuple[str, ...]) -> None:
    assert split_issuers(printed) == names


@pytest.mark.parametrize(
    ("title", "issuers", "area"),
    [
        ("京津冀美丽中国先行区建设行动方案", (), ("京津冀", "regional")),
        ("关于推动成渝地区双城经济圈建设的若干意见", (), ("成渝地区双城经济圈", "regional")),
        ("黄河流域生态保护和高质量发展规划纲要", (), ("黄河流域", "regional")),
        (
            "支持宁夏建设黄河流域生态保护和高质量发展先行区实施方案",
            (),
            ("宁夏回族自治区", "provincial"),
        ),
        ("巴中市“十四五”生态环境保护规划", (), ("巴中市", "municipal")),
        ("北京市“十四五”时期生态环境保护规划", (), ("北京市", "provincial")),
        ("空气质量持续改善行动计划", ("国务院",), ("全国", "national")),
        ("城乡建设领域碳达峰实施方案", ("住房和城乡建设部",), ("全国", "national")),
        ("建立健全生态产品价值实现机制的实施方案", ("广东省人民政府",), ("广东省", "provincial")),
        ("国家适应气候变化战略2035", (), ("全国", "national")),
    ],
)
def test_area_comes_from_title_and_issuer_never_a_title_fragment(
    title: str, issuers: tuple[str, ...], area: tuple[str, str]
) -> None:
    assert area_of(title, issuers) == area


def test_region_slugs() -> None:
    assert [region_slug(r) for r in ("全国", "宁夏回族自治区", "陕西省", "巴中市", "京津冀")] == [
        "china",
        "ningxia",
        "shaanxi",
        "bazhong",
        "jjj",
    ]


def test_plans_of_one_area_and_year_get_their_document_number_in_the_id() -> None:
    other = STATE_COUNCIL_NOTICE.replace("国发〔2023〕24号", "国发〔2023〕7号")
    first, second = (one(t) for t in (STATE_COUNCIL_NOTICE, other))
    from plangraph.read.release import _unique_ids

    ids = [p.id for p in _unique_ids([first, second])]
    assert ids == ["china-2023-gf24", "china-2023-gf7"]
    assert [p.id for p in _unique_ids([second, first])] == ids[::-1]  # not order-dependent


def test_national_plan_covers_china_and_a_provincial_plan_its_province() -> None:
    national = one(STATE_COUNCIL_NOTICE)
    provincial = one(PROVINCIAL_DEPARTMENT_NOTICE)
    regions = {r.plans[0]: r for r in extract([national, provincial]).regions}
    assert (regions["china-2023"].id, regions["china-2023"].name_en) == ("china", "China")
    assert regions["shanghai-2023"].members == ("shanghai",)


# --------------------------------------------------------------------------- real plans

BLIND = set(
    (GOLD.parent / "blind.txt").read_text(encoding="utf-8").split()
)  # reported, not tuned on
REAL_SLUGS = sorted(
    p.name for p in GOLD.iterdir() if (p / "structure.json").exists() and p.name not in BLIND
)


@pytest.mark.skipif(not REAL.is_dir(), reason="../shared/real-plans is missing")
@pytest.mark.parametrize("fmt", ["txt", "pdf"])
@pytest.mark.parametrize("slug", REAL_SLUGS)
def test_real_plan_issuers_area_number_and_date_as_printed(slug: str, fmt: str) -> None:
    meta = json.loads((GOLD / slug / "structure.json").read_text(encoding="utf-8"))["meta"]
    (plan,) = read_plans([REAL / f"{slug}.{fmt}"])
    assert list(plan.issuers) == meta["issuers"]
    assert plan.region == meta["area"]
    assert plan.level == meta["level"]
    assert plan.document_number == meta["document_number"]
    assert plan.issued == meta["issued"]


def test_red_header_of_a_printed_notice() -> None:
    text = "山西省人民政府文件\n" + STATE_COUNCIL_NOTICE.replace(
        "国务院关于印发", "关于印发", 1
    ).replace("国务院\n2023", "2023", 1)
    plan = one(text)
    assert plan.issuers == ("山西省人民政府",)


# the opening of a district's notice as saved from its site (吐鲁番市高昌区, 2023): the page's
# metadata prints the 文号 and the date it was made public; the body prints no full date
GAOCHANG = """规范性文件
关于印发《吐鲁番市高昌区实施草原生态保护补助奖励政策实施方案(2023年)》的通知
索 引 号 010600106/2023-00071 发布机构 高昌区政府办公室 公开日 2023-07-04
文  号 高区财农〔2023〕45号 主题分类 生态保护 失效日期
高昌区各相关单位、各乡镇(场、片区、街道)人民政府:
为认真贯彻落实草原生态保护补助奖励政策,结合我区实际,制定本方案,现印发你们,请认真贯彻执行。
吐鲁番市高昌区实施草原生态保护补助奖励政策实施方案
一、重要意义与实施原则
(一)重要意义
草原在我国生态文明建设和经济社会发展大局中具有重要战略地位。
(二)实施原则
坚持生态优先,到2025年草原综合植被盖度稳定在一定水平。
"""


@pytest.mark.parametrize("name", ["gaochang-grassland-2023.txt", "plan.txt", "附件1.txt"])
def test_a_plan_year_is_read_from_its_document_number_whatever_the_file_is_called(
    tmp_path, name: str
) -> None:
    path = tmp_path / name
    path.write_text(GAOCHANG, "utf-8")
    (plan,) = read_plans([path])
    assert plan.document_number == "高区财农〔2023〕45号"
    assert plan.year == 2023
    assert plan.id == "tulufan-2023"


@pytest.mark.parametrize(
    ("metadata", "year"),
    [
        ("发布时间:2021-10-27来源:未知 编辑:生活头条", 2021),  # a repost of the 2021 notice
        ("索 引 号 010600106/2023-00071 发布机构 高昌区政府办公室 公开日 2023-07-04", 2023),
        ("发 布 日 期：2019年03月05日", 2019),
        # a reposting site's own time, with no label saying it is the document's: no year
        ("时间:2023-04-26 17:25:07 公文范文 来源:网友投稿", None),
    ],
)
def test_a_plan_year_from_the_date_a_saved_page_prints(
    tmp_path, metadata: str, year: int | None
) -> None:
    lines = GAOCHANG.splitlines()
    lines[2:4] = [metadata]
    path = tmp_path / "plan.txt"
    path.write_text("\n".join(lines), "utf-8")
    (plan,) = read_plans([path])
    assert plan.year == year
