"""A plan's own area (issue #12, "A plan's own area, when named, is a mention too").

The area a plan covers comes from its title (read/area.py); a county's plan opens its title
with the county's full name (昌黎县碧水保卫战三年行动计划, 宁海县生态环境“十四五”规划: the
development excerpts).  Where the plan names its own area in its text, that is a mention with
its quote and offsets, whether the area is a division (山东省, 巴中市) or a region (京津冀,
长江经济带, 黄河流域).
"""

from __future__ import annotations

import pytest

from plangraph.extract.places import extract_places
from plangraph.read import read_text
from plangraph.read.area import area_of


@pytest.mark.parametrize(
    ("title", "area"),
    [
        ("昌黎县碧水保卫战三年行动计划", ("昌黎县", "county")),
        ("宁海县生态环境“十四五”规划", ("宁海县", "county")),
        ("郎溪县2021年河(湖)长制工作方案", ("郎溪县", "county")),
        ("望江县生态环境保护“十四五”规划", ("望江县", "county")),
        ("巴中市生态环境保护“十四五”规划", ("巴中市", "municipal")),
        # a district's two-character name that is an everyday word opens no area
        ("城区生活垃圾分类工作方案", ("全国", "national")),
    ],
)
def test_a_countys_title_names_its_area(title: str, area: tuple[str, str]) -> None:
    assert area_of(title) == area


def test_a_regions_own_plan_names_it() -> None:
    # the opening of the 长江经济带生态环境保护规划 (excerpts2/14), shortened
    text = (
        "长江经济带生态环境保护规划\n"
        "一、总体要求\n"
        "党中央、国务院高度重视长江经济带生态环境保护工作。\n"
        "(一)保护长江。推动长江经济带沿线省市协同保护。\n"
    )
    (plan,) = read_text(text)
    assert plan.region == "长江经济带"
    places, mentions = extract_places(plan)
    own = [m for m in mentions if m.how == "own"]
    assert [m.quote.text for m in own] == ["长江经济带", "长江经济带"]
    assert all(plan.text[m.quote.start : m.quote.end] == "长江经济带" for m in own)
    assert {p.name for p in places} >= {"长江经济带", "长江"}


def test_a_countys_plan_names_itself() -> None:
    text = "昌黎县碧水保卫战三年行动计划\n一、工作目标\n到2020年,昌黎县水环境质量得到阶段性改善。\n"
    (plan,) = read_text(text)
    assert plan.region == "昌黎县"
    places, mentions = extract_places(plan)
    assert [(p.name, p.kind) for p in places] == [("昌黎县", "District")]
    assert [m.quote.text for m in mentions] == ["昌黎县"]


def test_a_plan_that_names_itself_only_in_its_title_names_it_by_its_pronoun() -> None:
    # excerpts6/04 (昌黎县), shortened: the county is named in the title only, and as 我县
    text = (
        "昌黎县碧水保卫战三年行动计划\n"
        "为切实改善水环境质量,结合我县实际,制定本计划。\n"
        "一、工作目标\n"
        "(一)全县水质。到2020年,全县水环境质量得到阶段性改善。\n"
    )
    (plan,) = read_text(text)
    places, mentions = extract_places(plan)
    assert [(p.name, p.kind) for p in places] == [("昌黎县", "District")]
    assert [(m.quote.text, m.owner.kind, m.how) for m in mentions] == [("我县", "preamble", "own")]
    # excerpts7/08: the autonomous region's 我区
    text = (
        "广西壮族自治区人民政府关于加快民族地区发展的实施意见\n"
        "各市、县人民政府:\n"
        "为促进民族地区发展,确保我区与全国同步全面建成小康社会,现提出以下意见。\n"
        "一、总体要求\n"
        "(一)指导思想。坚持加快发展。\n"
    )
    (plan,) = read_text(text)
    places, mentions = extract_places(plan)
    assert [m.quote.text for m in mentions if m.how == "own"] == ["我区"]
    # a plan that names itself in its text needs no pronoun
    text = "昌黎县碧水保卫战三年行动计划\n结合我县实际。\n一、工作目标\n到2020年,昌黎县水质改善。\n"
    (plan,) = read_text(text)
    _, mentions = extract_places(plan)
    assert [m.quote.text for m in mentions] == ["昌黎县"]


def test_a_notice_of_a_citys_departments_names_the_city() -> None:
    # excerpts4/04: four 成都 departments 关于印发成都市…的通知 (成都市 ends in 都市, which
    # opens no city elsewhere: 国际大都市)
    title = (
        "成都市发展和改革委员会 中共成都市委社会工作部 关于印发"
        "成都市城市社区嵌入式服务设施建设工程实施方案的通知"
    )
    assert area_of(title) == ("成都市", "municipal")
    assert area_of("国际大都市建设行动方案") == ("全国", "national")


def test_a_year_before_a_districts_name_and_its_town_set_apart() -> None:
    # excerpts6/05: 2022年钟楼区…实施方案, addressed to 高新园(邹区镇), a town of 钟楼区
    assert area_of("2022年钟楼区城乡生活垃圾分类工作实施方案") == ("钟楼区", "county")
    text = (
        "2022年钟楼区城乡生活垃圾分类工作实施方案\n"
        "一、工作目标\n"
        "高新园(邹区镇)、各街道要在2022年底前实现垃圾分类全覆盖。\n"
    )
    (plan,) = read_text(text)
    places, _ = extract_places(plan)
    assert [(p.name, p.parent) for p in places] == [("邹区镇", "zhonglou")]
