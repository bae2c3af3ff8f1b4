"""Phrasings of the short real texts users bring (reposted plans, news reports quoting a
plan's goals, one-year work plans), by cause (issue 12, fourth round): a count that heads
its clause before a measure of the things counted, a plan's count of its own parts, a list
of places with one value, a count of the list just named, goals a release report states,
the year of a one-year work plan, the time of a sentence without goals, a news dateline,
goals whose years were lost, and the goals a paragraph announces.  Every sentence is
printed so in an excerpt of ``realplans/excerpts*`` (named above it, with its level); each
rule is checked on a sentence of the same kind from another plan or excerpt, which must keep
its target."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from pathlib import Path

from target_helpers import plan_from_text, real_resolve

from plangraph import model
from plangraph.extract.targets import extract_targets
from plangraph.read import read_plans

EXCERPTS = Path(__file__).resolve().parent / "realplans"


def goals(body: str, *, title: str = "测试方案", year: int = 2021) -> list[model.Target]:
    plan = plan_from_text("一、主要目标\n" + body + "\n二、任务\n(一)任务。加强保护。", year=year)
    return list(extract_targets(dataclasses.replace(plan, title=title), real_resolve))


def task(sentence: str, *, title: str = "测试方案", year: int = 2021) -> list[model.Target]:
    plan = plan_from_text("二、任务\n(一)任务。" + sentence, year=year, title=title)
    return list(extract_targets(plan, real_resolve))


def numeric(ts: list[model.Target]) -> list[tuple[Decimal | None, str]]:
    return [(t.value, t.indicator.label_zh) for t in ts if t.value is not None]


def of_file(name: str) -> list[model.Target]:
    (plan,) = read_plans([EXCERPTS / name])
    return list(extract_targets(plan, real_resolve))


# --------------------------------------------------------------------------- counts


def test_a_count_heading_a_measure_of_the_things_counted_is_no_goal() -> None:
    # excerpts2 03 (贵州, provincial): the count says over how many sections the share is taken
    ts = goals(
        "到2025年,119个国控水质监测断面水质优良比例(达到或优于Ⅲ类)达98.3%以上,"
        "247个省控水质监测断面水质优良比例(达到或优于Ⅲ类)达95%以上。"
    )
    assert [(t.value, t.unit) for t in ts] == [
        (Decimal("98.3"), "qudt:PERCENT"),
        (Decimal(95), "qudt:PERCENT"),
    ]
    # excerpts2 20 (宁波, municipal): all eleven sections meet their goal, a state
    ts = goals("到2020年,11个国家“水十条”考核断面水质达到考核要求。")
    assert numeric(ts) == []
    # excerpts 17 (municipal): a count of villages that reach a standard is a goal
    ts = goals("到2020年,300个建制村达到省宜居标准要求。")
    assert [(t.value, t.unit) for t in ts if t.value is not None] == [(Decimal(300), "pg:Count")]


def test_a_plan_counting_its_own_parts_sets_no_goal() -> None:
    # excerpts 10 (宁海县, county): the indicators of the plan, counted
    ts = goals(
        "生态环境“十四五”规划共设置生态环境保护重点指标17项,其中约束性指标7项,预期性指标10项。"
        "到2025年,空气质量优良率达到93%以上。"
    )
    # the listed indicator, labelled as printed (sixth round)
    assert numeric(ts) == [(Decimal(93), "空气质量优良率")]
    assert [t.indicator.id for t in ts if t.value is not None] == ["good-air-days-ratio"]
    # excerpts4 06 (沁县, county): its tasks and the units carrying them out
    ts = task(
        "《2025年县政府重点工作任务分解》明确133项具体任务,涉及34个牵头单位。",
        title="2025年县政府工作报告任务分解",
    )
    assert numeric(ts) == []
    # excerpts 20 (黑龙江, provincial): the tasks it focuses on
    ts = task(
        "到2025年,幸福河湖建设将聚焦筑牢河湖安全屏障、构建水资源保障体系、维护河湖生态系统等六项任务。"
    )
    assert numeric(ts) == []
    # 巴中 (municipal): works are no parts of the plan, their count is a goal
    ts = task(
        "实施采煤沉陷区居民避险搬迁、生态修复与环境整治、接续替代产业平台建设等综合治理工程79个。",
        title="巴中市“十四五”生态环境保护规划",
    )
    ((value, label),) = numeric(ts)
    assert value == Decimal(79) and label.endswith("综合治理工程")


def test_a_count_of_the_complete_list_just_named_is_no_goal() -> None:
    # excerpts 15 (上海, city): four clusters named, then counted
    ts = task("到2025年,打造电子信息、生命健康、汽车、高端装备4个万亿级产业集群。")
    assert numeric(ts) == []
    # excerpts2 18 (三明, municipal): two kinds joined by 和, and counted, stay a goal
    ts = task("到2020年,改善提升历史文化名镇名村和传统村落2个。")
    assert [t.value for t in ts] == [Decimal(2)]
    # 山东 (provincial): a list closed by 等 is not complete, its count is a total
    ts = task(
        "到2025年,新(改)建水发国际物流铁路专用线、山东钢铁集团日照有限公司铁路专用线等16条铁路专用线。"
    )
    assert [t.value for t in ts] == [Decimal(16)]


def test_an_action_verb_inside_a_noun_of_a_kind_commits_to_nothing() -> None:
    # excerpts4 07 (贵州, provincial draft): the project list of a plan, described
    ts = task(
        "其中,水源地整治与生态修复类项目97个,投资额10.36亿元,占比80.64%;"
        "水源地规范化建设类项目30个,投资额2.50亿元,占比19.36%。"
    )
    assert numeric(ts) == []
    # the same verbs as verbs (巴中): 实施…生态修复 is an action
    assert [t.value for t in task("到2025年,实施生态修复项目12个。")] == [Decimal(12)]


# --------------------------------------------------------------------------- places


def test_a_list_of_places_named_as_a_group_is_one_target() -> None:
    # excerpts 06 (national): four regions, one change; excerpts4 04 (成都): seven districts
    # (成都 holds 都, which is no 都 of 都达到)
    ts = goals(
        "到2025年,京津冀及周边地区、汾渭平原、东北地区、天山北坡城市群人为因素导致的重度及以上"
        "污染天数减少30%以上。"
    )
    assert [(t.value, t.comparator) for t in ts] == [(Decimal(30), "AtLeast")]
    assert ts[0].scope_text == "京津冀及周边地区、汾渭平原、东北地区、天山北坡城市群"
    ts = goals(
        "到2027年,确保四川天府新区、成都高新区、锦江区、青羊区50%的城市社区建成完备的社区嵌入式"
        "服务综合体。"
    )
    assert [(t.value, t.unit) for t in ts] == [(Decimal(50), "qudt:PERCENT")]
    assert "社区嵌入式服务综合体" in ts[0].indicator.label_zh
    # excerpts 09 (national): seven rivers named as a group, the group is the scope
    ts = goals(
        "到2020年,长江、黄河、珠江、松花江、淮河、海河、辽河等七大重点流域水质优良(达到或优于Ⅲ类)"
        "比例总体达到70%以上。到2030年,这七大重点流域水质优良比例总体达到75%以上。"
    )
    assert [(t.value, t.scope) for t in ts] == [(Decimal(70), None), (Decimal(75), None)]
    assert "七大重点流域" in (ts[0].scope_text or "")
    assert ts[1].scope_text == "七大重点流域"
    # 分别 still gives each place its value (the national plans of the development set)
    ts = goals("到2025年,京津冀及周边地区、长三角地区PM2.5浓度分别下降20%、15%。")
    assert [t.value for t in ts] == [Decimal(20), Decimal(15)]
    assert all(t.scope for t in ts)


def test_a_news_dateline_is_no_scope() -> None:
    # excerpts4 03 (national, a news report): 新华社北京…电 is where the report was filed
    ts = goals(
        "新华社北京8月19日电(记者胡璐)国家林草局、国家发展改革委近日联合印发《纲要》,"
        "提出到2025年我国森林覆盖率达到24.1%,森林蓄积量达到190亿立方米。"
    )
    assert [(t.value, t.scope) for t in ts] == [(Decimal("24.1"), None), (Decimal(190), None)]


# --------------------------------------------------------------------------- time


def test_a_sentence_without_goals_still_sets_the_time_of_its_paragraph() -> None:
    # excerpts4 03: the review of the last period, then its figures
    ts = task(
        "“十三五”期间,林草产业稳步壮大。林草产业总产值超过8万亿元,"
        "形成了经济林、木材加工、森林旅游3个年产值超万亿元的支柱产业。",
        title="“十四五”林业草原保护发展规划纲要",
    )
    assert ts == []
    # a deadline in a sentence without a number still governs the next one (巴中)
    ts = task("到2025年,污染防治攻坚取得新成效。城市生活污水集中收集率达到70%。")
    assert [(t.value, t.target_year) for t in ts if t.value is not None] == [(Decimal(70), 2025)]


def test_a_one_year_work_plan_is_due_in_its_year() -> None:
    # excerpts4 18 (湖北, provincial): 制定2018年度工作方案如下
    plan = plan_from_text(
        "为贯彻落实《三年行动方案》,制定2018年度工作方案如下:\n"
        "一、工作目标\n建立全省城市建设绿色发展指标体系。\n"
        "二、重点任务\n(一)统筹推进城市水环境治理。城市生活污水处理率达85%以上。",
        year=2018,
    )
    (t,) = [t for t in extract_targets(plan, real_resolve) if t.value is not None]
    assert (t.value, t.comparator, t.target_year) == (Decimal(85), "AtLeast", 2018)
    # a title that names its deadline (2030年前碳达峰行动方案)
    ts = task("非化石能源消费比重达到25%。", title="测试市2030年前碳达峰实施方案")
    assert [t.target_year for t in ts] == [2030]


# --------------------------------------------------------------------------- goals


def test_the_goals_section_is_dated_even_where_its_years_were_lost() -> None:
    # excerpts4 12 (许昌, municipal, a repost that lost its years: 年年底前)
    ts = goals(
        "年年底前,完善设施补短板。全面提升城市规划、建设、管理水平,城市功能、品质、形象迈上新台阶。"
        "年年底前,彰显特色提品质。城镇基础设施明显改善,城乡基本公共服务明显增强。"
    )
    labels = [t.indicator.label_zh for t in ts]
    assert "城镇基础设施" in labels and "城乡基本公共服务" in labels
    # the same phrases in a task without a year give nothing
    assert task("城镇基础设施明显改善,城乡基本公共服务明显增强。") == []


def test_the_paragraphs_after_one_announcing_goals_are_those_goals() -> None:
    # excerpts4 13 (旺苍县, county, a news report of the party congress's goals)
    plan = plan_from_text(
        "二、目标\n(一)目标。\n"
        "到2020年,该县将通过实施“五大发展战略”,实现四大具体目标:\n"
        "贫困人口全部脱贫。民生持续改善,基本公共服务均等化总体实现。\n"
        "综合实力显著提升。社会消费品零售总额达到60亿元,工业增加值突破100亿元。\n"
        "三次产业结构更趋合理。工业转型升级取得重大进展,农业品牌效益显著增强。",
        year=2016,
    )
    ts = list(extract_targets(plan, real_resolve))
    assert [(t.value, t.target_year) for t in ts if t.value is not None] == [
        (Decimal(60), 2020),
        (Decimal(100), 2020),
    ]
    labels = {t.indicator.label_zh for t in ts if t.value is None}
    assert {"基本公共服务均等化", "工业转型升级", "农业品牌效益"} <= labels


def test_goals_a_release_report_states_are_the_plans() -> None:
    # excerpts 04 (上海, city): a report quotes the goals of a plan it does not reprint
    ts = of_file("excerpts/04-shanghai-carbon-peak.txt")
    values = {t.value for t in ts if t.value is not None}
    assert {Decimal(30), Decimal(800), Decimal("1.5"), Decimal(8000)} <= values
    # excerpts 15 (上海): the report repeats the plan's own goals, which count once
    ts = of_file("excerpts/15-shanghai-manufacturing-three-year-plan.txt")
    assert [t.value for t in ts].count(Decimal("1.3")) == 1


# --------------------------------------------------------------------------- indicators


def test_what_a_building_works_verb_counts_is_the_indicator() -> None:
    # excerpts4 11 (武汉, municipal task list): 开工, 完工, 续建 count the works after them
    ts = task(
        "到2023年,开工富强大街、高新八路、通顺大道南延线等12个重点项目。完工友谊大道北段、和平大道"
        "南延线、白沙洲大道快速化改造、高新二路示范段等15条重点道路。续建10条线路。"
    )
    assert numeric(ts) == [
        (Decimal(12), "重点项目"),
        (Decimal(15), "重点道路"),
        (Decimal(10), "线路"),
    ]
    # excerpts 04 (上海): 落实 an area of buildings
    (t,) = task("到2025年,落实800万平方米超低能耗建筑项目。")
    assert (t.value, t.indicator.label_zh) == (Decimal(800), "超低能耗建筑项目")
    # an enumerator of a flattened list is no part of the indicator
    (t,) = task("到2023年,89.开工富强大街、高新八路等12个重点项目。")
    assert t.indicator.label_zh == "重点项目"


def test_who_acts_when_and_which_batch_name_no_count() -> None:
    # excerpts 20 (黑龙江): 提出黑龙江省将在2023年建成20个幸福河湖试点
    (t,) = task("黑龙江省水利厅提出黑龙江省将在2023年建成20个幸福河湖试点。")
    assert (t.value, t.indicator.label_zh, t.target_year) == (Decimal(20), "幸福河湖试点", 2023)
    # excerpts4 04 (成都, municipal): 首批 says which batch
    (t,) = goals("到2025年,全市首批100个嵌入式服务设施建设示范社区全面建成。")
    assert t.value == Decimal(100) and "示范社区" in t.indicator.label_zh
    # a subject that names a measure keeps it (巴中): 城市生活污水集中收集率达到70%
    (t,) = task("到2025年,城市生活污水集中收集率达到70%。")
    assert t.indicator.label_zh == "城市生活污水集中收集率"


def test_the_years_of_a_list_of_values_are_no_part_of_the_indicator() -> None:
    # excerpts4 10 (贵安新区, provincial news): one year per value
    ts = task("明确2017年、2020年、2025年新区绿化覆盖率分别提高到50%、60%、65%。", year=2016)
    assert [(t.value, t.target_year, t.indicator.label_zh) for t in ts] == [
        (Decimal(50), 2017, "新区绿化覆盖率"),
        (Decimal(60), 2020, "新区绿化覆盖率"),
        (Decimal(65), 2025, "新区绿化覆盖率"),
    ]


def test_a_figure_in_a_book_title_names_the_document() -> None:
    # 巴中 (municipal): 认真落实《…6条措施》
    ts = task(
        "认真落实《巴中市生态环境领域服务民营企业6条措施》。",
        title="巴中市“十四五”生态环境保护规划",
    )
    assert numeric(ts) == []
    # excerpts4 20 (亳州): outside the title, the same verb commits to its count
    (t,) = task("到2024年,落实高标准农田建设任务26万亩。")
    assert t.value == Decimal(26)


# --------------------------------------------------------------------------- what is not a goal


def test_a_bracket_opened_on_the_line_before_is_masked_to_its_close() -> None:
    # excerpts 19 (上海): the list inside “1+6+5+16”(…) broke across two lines
    plan = plan_from_text(
        "二、任务\n(一)持续推进海绵城市建设。推进“1+6+5+16”(1个临港国家级海绵城市\n"
        "试点区、虹桥商务区等6个市重点功能建设地区、南汇新城等5个新城和16个区海绵城市建设)海绵"
        "城市建设格局,到2025年年底,城市建成区40%以上的面积达到海绵城市建设目标要求。",
        year=2021,
    )
    ts = [t for t in extract_targets(plan, real_resolve) if t.value is not None]
    # the share of built-up area, for the whole city: 城市建成区 is the whole it is taken of
    assert [(t.value, t.comparator, t.scope, t.scope_text) for t in ts] == [
        (Decimal(40), "AtLeast", None, None)
    ]


def test_a_kind_of_area_before_above_is_the_level_of_the_things_measured() -> None:
    # excerpts2 03 (贵州): 县城以上集中式饮用水水源 are those of county towns and above
    (t,) = goals("到2025年,县城以上集中式饮用水水源达到或优于Ⅲ类比例为100%。")
    assert (t.value, t.scope, t.scope_text) == (Decimal(100), None, None)
    # a kind of area that limits the target keeps it (山西): 其他县(市)不高于85%
    ts = goals("到2025年,设区城市污水处理厂日常运行负荷率不高于80%,其他县(市)不高于85%。")
    assert [t.scope_text for t in ts] == ["设区城市", "其他县(市)"]


def test_a_bare_da_without_a_deadline_describes_the_present() -> None:
    # excerpts 08 (青海, a 前言): 多年平均出境水量达264.3亿立方米
    ts = task(
        "境内黄河干流长度1694公里,多年平均出境水量达264.3亿立方米。",
        title="黄河青海流域生态保护和高质量发展规划",
    )
    assert numeric(ts) == []
    # 达到 still commits without one (a task of a plan without a stated period)
    (t,) = task("湿地保护率达到31%。")
    assert t.value == Decimal(31)


# --------------------------------------------------------------------------- time


def test_a_task_tables_deadline_column_dates_its_rows() -> None:
    # excerpts4 20 (亳州, a 目标任务分解表 flattened: 任务 | 责任单位 | 完成时限)
    plan = plan_from_text(
        "一、经济社会发展的主要预期目标\n|\n粮食种植面积1300万亩。\n|\n市农技中心\n|\n2024年底前\n|\n"
        "二、加快新型工业化进程\n|\n推进肉牛振兴“三七百”计划,实现高品质肉牛产业产值70亿元。\n|\n"
        "产业科\n|\n2024年底前\n|",
        year=None,
    )
    ts = list(extract_targets(plan, real_resolve))
    assert [(t.value, t.target_year) for t in ts if t.value is not None] == [
        (Decimal(1300), 2024),
        (Decimal(70), 2024),
    ]


def test_a_plan_of_a_number_of_years_is_due_at_their_end() -> None:
    # excerpts 03 (玉溪, municipal): 抚仙湖星云湖杞麓湖保护治理三年行动方案 of 2023
    title = "抚仙湖星云湖杞麓湖保护治理三年行动方案"
    ts = task("确保抚仙湖水质总体保持Ⅰ类、星云湖水质Ⅴ类向好。", title=title, year=2023)
    assert ts and all(t.target_year == 2025 for t in ts)
    assert ts[0].state == "ClassReached"
    # without a span in its title, 确保 alone is a duty, not a goal by a date
    assert task("确保抚仙湖水质总体保持Ⅰ类。", year=2023) == []


def test_a_clause_led_by_shixian_commits_to_its_figure() -> None:
    # excerpts4 20 (亳州): 实现全产业链产值1330亿元 in a plan of 2024
    (t,) = task("实现全产业链产值1330亿元。", title="2024年工作任务")
    assert (t.value, t.unit, t.target_year) == (Decimal(1330), "pg:HundredMillionYuan", 2024)
    # a figure no verb commits to stays none (青海 前言, above)
    assert task("境内黄河干流长度1694公里。", title="2024年工作任务") == []


def test_a_page_title_printed_twice_gives_its_figure_once() -> None:
    # excerpts4 10 (贵安新区, a news page: its title bar and its heading)
    plan = plan_from_text(
        "二、目标\n(一)目标。\n贵州:2017年将完成造林绿化15万亩\n贵州:2017年将完成造林绿化15万亩\n"
        "近日,贵州省政府办公厅印发《总体方案》,明确于2017年完成造林绿化15万亩。",
        year=2016,
    )
    ts = [t for t in extract_targets(plan, real_resolve) if t.value is not None]
    # (since round 19 the heading's copy gives way to the text's, as a news sub-heading does)
    assert [t.quote.text for t in ts] == ["明确于2017年完成造林绿化15万亩"]
    # a plan repeating a task in two chapters keeps both (巴中)
    plan = plan_from_text(
        "二、任务\n(一)园区。到2025年,改造提升市级园区20个。\n(二)农业。到2025年,改造提升市级园区20个。",
        year=2021,
    )
    assert len(extract_targets(plan, real_resolve)) == 2


def test_the_states_short_texts_close_their_goals_with() -> None:
    # excerpts 09 (national, 水十条 summary): 工作目标: labels the paragraph's goals
    plan = plan_from_text(
        "二、目标\n(一)工作目标和主要指标\n工作目标:到2020年全国水环境质量得到阶段性改善。较大幅度地减少"
        "污染严重水体;地下水超采得到严格控制,初步遏制地下水污染加剧的趋势;近岸海域环境质量稳中趋好。",
        year=2015,
    )
    states = {
        t.indicator.label_zh: (t.state, t.direction)
        for t in extract_targets(plan, real_resolve)
        if t.value is None
    }
    assert states["污染严重水体"] == (None, "Decrease")
    assert {"地下水污染加剧的趋势", "地下水超采", "近岸海域环境质量"} <= set(states)
    # excerpts2 08 (福建) and 19 (工信部): 得到有效处理或资源化利用, 广泛应用
    labels = [
        t.indicator.label_zh
        for t in goals("到2025年,厕所粪污得到有效处理或资源化利用,绿色低碳技术装备广泛应用。")
    ]
    assert labels == ["厕所粪污", "绿色低碳技术装备"]
    # excerpts4 18 (湖北): a standard met is a goal, a rule (须符合) is none
    (t,) = goals("到2018年,城市生活污水排放符合国家标准要求。", year=2018)
    assert t.state == "StandardMet"
    assert goals("新建及改扩建冶炼项目须符合行业规范条件。") == []


def test_a_deadline_opening_a_sentence_outside_the_tasks_states_goals() -> None:
    # excerpts2 06 (national wetland plan): its opening, a part without numbered tasks
    plan = plan_from_text(
        "一、背景\n湿地是重要的生态系统。\n二、保护修复\n到2025年,红树林规模增加、质量提升,"
        "湿地生态系统综合服务功能增强,固碳能力得到提高。",
        year=2022,
    )
    labels = [t.indicator.label_zh for t in extract_targets(plan, real_resolve)]
    assert "湿地生态系统综合服务功能" in labels and "固碳能力" in labels
    # the same in a numbered task states no vague goal (the seed: 持续改善 there is none)
    assert task("到2027年,太湖、巢湖水生态环境持续改善。") == []


def test_a_system_established_is_a_goal_among_the_goals_only() -> None:
    # excerpts4 18 (湖北, a one-year work plan): 一、工作目标 建立…指标体系
    plan = plan_from_text(
        "为贯彻落实《三年行动方案》,制定2018年度工作方案如下:\n"
        "一、工作目标\n建立全省城市建设绿色发展指标体系,强化考核督办。\n"
        "二、重点任务\n(一)统筹推进。建立城市水环境治理长效机制。",
        year=2018,
    )
    ts = list(extract_targets(plan, real_resolve))
    assert [(t.indicator.label_zh, t.state, t.owner.kind) for t in ts] == [
        ("城市建设绿色发展指标体系", "Established", "plan")
    ]


def test_a_numbered_line_is_a_name_not_a_number() -> None:
    # excerpts4 11 (武汉): 建成5号线二期、19号线 completes two lines
    (t,) = task("建成轨道交通5号线二期、19号线。", title="武汉市2023年政府工作报告目标任务分解")
    assert (t.value, t.state, t.target_year) == (None, "Established", 2023)


def test_a_bare_chao_before_a_number_is_above() -> None:
    # excerpts2 15 (重庆万盛, district): 比重超38%
    (t,) = task("到2027年,高技术制造业增加值占规模以上工业增加值的比重超25%。")
    assert (t.value, t.comparator) == (Decimal(25), "Above")
    # 超 in a word is no comparator (超低排放改造)
    (t,) = task("到2025年,完成超低排放改造的钢铁产能达到3000万吨。")
    assert t.comparator == "Exactly"


def test_lizheng_heading_a_sentences_goals_covers_the_list_after_it() -> None:
    # excerpts2 19 (工信部, national): 其中 details the goals 力争 opened
    ts = task(
        "到2025年,力争废钢、废纸回收利用量分别达到3.2亿吨、6000万吨,"
        "其中,再生铜、再生铝产量达到400万吨、1150万吨。"
    )
    assert [(t.value, t.aspirational) for t in ts] == [
        (Decimal("3.2"), True),
        (Decimal(6000), True),
        (Decimal(400), True),
        (Decimal(1150), True),
    ]
    # 山西 (provincial): a new deadline after it opens goals of its own
    ts = task(
        "积极组织龙头企业,力争“两品一标”登记数量年均增长6%,到2025年,“两品一标”产品数达到1500个。"
    )
    assert [(t.value, t.aspirational) for t in ts] == [(Decimal(6), True), (Decimal(1500), False)]


def test_the_next_item_of_what_was_done_is_no_goal() -> None:
    # excerpts 16 (海口, municipal news): 划分了4个湿地功能区,12个亚区
    ts = task("到2025年,《总体规划》还划分了4个湿地功能区,12个亚区,对湿地资源分区加以保护利用。")
    assert numeric(ts) == []
    # a goal after a goal keeps its item (巴中): 新建充电站12座、充电桩3600个
    ts = task("到2025年,新建充电站12座,充电桩3600个。")
    assert [t.value for t in ts] == [Decimal(12), Decimal(3600)]


def test_an_enumerated_task_list_item() -> None:
    # excerpts4 11 (武汉 task list, as one part): 92.打通断头路20条; 85.…2000户以上
    ts = task("到2023年,92.打通断头路20条。85.完成居家适老化改造2000户以上。")
    assert numeric(ts) == [(Decimal(20), "断头路"), (Decimal(2000), "完成居家适老化改造")]


def test_a_base_year_a_quantity_is_taken_at() -> None:
    # excerpts4 18 (湖北): 以2017年渍水点数量为基值,渍水点数量消减50%
    (t,) = task("到2018年,以2017年渍水点数量为基值,渍水点数量消减50%。", year=2018)
    assert (t.value, t.base_year, t.direction, t.indicator.label_zh) == (
        Decimal(50),
        2017,
        "Decrease",
        "渍水点数量",
    )


def test_the_ground_of_a_goal_and_its_duration_are_no_goals() -> None:
    # excerpts4 04 (成都): 在总结试点形成的经验做法…基础上; excerpts 11 (休宁县): 在…要求下
    assert (
        goals("到2027年底前,在总结试点形成的经验做法和有效建设模式基础上,向全市更多社区推开。")
        == []
    )
    assert goals("到2025年,在实现新一轮高质量发展的要求下,统筹推进生态保护。") == []
    # excerpts4 13 (旺苍县): 用两年时间巩固提升; 实现四大具体目标 announces the goals
    assert goals("2020年,用两年时间巩固提升。") == []
    assert goals("到2020年,该县将实现四大具体目标。") == []
    # a goal after such a ground stays one (成都)
    ts = goals("到2027年底前,在总结试点经验基础上,全市社区嵌入式服务设施全面建成。")
    assert [t.state for t in ts] == ["Established"]
