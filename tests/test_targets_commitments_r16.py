"""Commitments without numbers in the shapes of goal statements that recur in every kind of
text, counted in the sixteenth round: goals that name no year in a plan without a period, the
items of a year's list of livelihood projects under any of the genre's names for it, and the
states the goals close a clause with.  The plan bodies are written here."""

from __future__ import annotations

from target_helpers import plan_from_text, resolve

from plangraph.extract.targets import extract_targets


def commitments_of(body: str, title: str = "测试行动方案", year: int | None = None) -> list[str]:
    plan = plan_from_text(body, year=year, title=title)
    return [t.quote.text for t in extract_targets(plan, resolve) if t.value is None]


def test_goals_without_a_year_in_a_plan_without_a_period_are_goals() -> None:
    """A goals paragraph that opens with the effort (通过三年专项整治) and names no year, in a
    plan whose title gives no period, states goals (excerpts, a province's farmland news: 打造
    全国重要的粮食生产核心区 under a goals unit without a year)."""
    body = (
        "一、总体目标\n通过三年专项整治,安全生产责任体系更加完善,重大安全风险得到有效管控,"
        "事故总量持续下降。\n二、主要任务\n(一)强化源头管控。加强企业安全管理。"
    )
    assert commitments_of(body) == [
        "安全生产责任体系更加完善",
        "重大安全风险得到有效管控",
        "事故总量持续下降",
    ]


def test_the_guiding_ideas_printed_among_undated_goals_are_no_goal() -> None:
    """excerpts11, 榆阳 health opinion: 以…为指导,…逐步形成有利于健康的生活方式 under 总体要求
    is the plan's manner."""
    body = (
        "一、总体要求\n以新时代中国特色社会主义思想为指导,全面落实规划纲要,"
        "逐步形成有利于健康的生活方式。\n二、主要任务\n(一)加强健康教育。推进健康知识普及。"
    )
    assert commitments_of(body) == []


def test_a_years_livelihood_list_under_another_name_pledges_each_item() -> None:
    """A year's list of projects titled without a count (2024年民生实事项目): each item
    pledges its project, verb first; an item numbered inline (4) and an effort to finish
    (加快建成) included, as in excerpts14's 甘谷 list; 对…进行改造 as in its 洋县 table."""
    body = (
        "一、教育\n1.新建县第三幼儿园。\n2.对全县20所农村学校运动场进行改造。\n"
        "二、城建\n3.加快建成县城滨河公园。\n4.为全县65岁以上老年人免费体检。\n"
        "5.加强城市管理。"
    )
    found = commitments_of(body, title="某县2024年民生实事项目")
    assert found == [
        "新建县第三幼儿园",
        "对全县20所农村学校运动场进行改造",
        "加快建成县城滨河公园",
        "为全县65岁以上老年人免费体检",
    ]


def test_a_years_projects_named_inside_a_task_make_no_list() -> None:
    """excerpts9, 湛江 work points: 完成2024年省民生实事…任务 names projects in a task; the text
    is no list of them and its other items pledge nothing by their verb alone."""
    body = "一、重点工作\n(一)完成2024年省民生实事城镇生活污水治理任务。\n(二)新建城南公园。\n"
    assert "新建城南公园" not in commitments_of(body, title="某市2024年河湖长制工作要点")


def test_the_genres_further_states_close_a_goal() -> None:
    """States the goals close a clause with, each as a family: a trend held better (持续稳定
    向好), order kept (和谐稳定, 充满活力: excerpts13, 重庆 social undertakings), a task
    finished (圆满完成), a start made (初具规模: excerpts14, 鄂尔多斯 medical plan), a level
    held level (与…基本持平: excerpts14, civil aviation), what is linked up (全面接入…:
    excerpts14, railway plan)."""
    body = (
        "一、总体要求\n(一)主要目标。到2025年,安全生产形势持续稳定向好,社会治安和谐稳定,"
        "社会事业整体发展充满活力,燃气管道更新改造任务圆满完成,区域医疗中心建设初具规模,"
        "货邮运输量与疫情前基本持平,重要港口全面接入铁路专用线,脱贫攻坚成果巩固拓展。"
    )
    assert commitments_of(body, year=2025) == [
        "安全生产形势持续稳定向好",
        "社会治安和谐稳定",
        "社会事业整体发展充满活力",
        "燃气管道更新改造任务圆满完成",
        "区域医疗中心建设初具规模",
        "货邮运输量与疫情前基本持平",
        "重要港口全面接入铁路专用线",
        "脱贫攻坚成果巩固拓展",
    ]


def test_a_purpose_before_a_task_finished_is_no_goal() -> None:
    """excerpts7, 景县 water work plan: 为确保指标顺利完成 is what the work is for."""
    body = "一、工作目标\n到2016年底,为确保指标顺利完成,制定如下措施。"
    assert commitments_of(body, year=2016) == []


def test_the_state_a_principle_brings_about_is_a_goal() -> None:
    """excerpts6, 郎溪 river chiefs (指导思想: …推动全县河湖面貌明显提升) and excerpts7, 龙里
    living environment (基本原则: …实现农村人居环境整体改善): the principles close with the
    state the work brings about (in a plan whose period gives the deadline); a change only by how
    much (进一步提升) is none."""
    body = (
        "一、总体要求\n(一)指导思想\n坚持问题导向,聚焦水岸共治,推动全县河湖面貌明显提升。\n"
        "(二)基本原则\n——突出重点。用3年时间集中攻坚,实现农村人居环境整体改善。\n"
        "——协调发展。促进我区生态文明水平进一步提升。\n"
        "二、主要任务\n(一)加强管理。推进建设。"
    )
    found = commitments_of(body, title="某县2021年河湖长制工作方案", year=2021)
    assert found == ["推动全县河湖面貌明显提升", "实现农村人居环境整体改善"]


def test_the_goals_a_purpose_quotes_whole_are_goals() -> None:
    """excerpts9, 郑州 district river chiefs: 为…,早日实现“河安湖晏、水清鱼跃…”目标,制定本工作
    要点 — the quoted list of states is the plan's goal; the rest of the purpose is none."""
    body = (
        "为深入贯彻治水方针,加快提升河库保护治理能力和水平,早日实现“河安湖晏、水清鱼跃、"
        "岸绿景美”目标,制定本工作要点。\n一、重点工作\n(一)强化河长履职。加强巡河。"
    )
    title = "2024年河湖长制工作要点"  # due in its year: a goal with no state needs a deadline
    assert commitments_of(body, title, year=2024) == ["早日实现“河安湖晏、水清鱼跃、岸绿景美”目标"]
    # with no deadline anywhere it names nothing one could check, and the graph's shapes
    # require a state, a direction or a deadline of a commitment: it is left out
    assert commitments_of(body, year=2024) == []
