"""Causes of misses in the seventeenth blind round's excerpts (``realplans/excerpts17``, scored
blind before anyone read them), each tested on the real text it was found in, and the rule
on a sentence of the same shape."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from excerpt_targets import excerpt_corpus
from excerpt_targets import numeric as _numeric
from excerpt_targets import text_targets as _targets

from plangraph.model import Corpus


def _corpus(number: str) -> Corpus:
    return excerpt_corpus("excerpts17", number)


def test_a_report_that_hands_over_to_the_plan_gives_the_plans_goals() -> None:
    # 16: a trade site's report of 重庆江北区's infrastructure plan: "《规划》指出,…" and then the
    # plan's works without a year or a word of intent (新建、扩建220千伏变电站2座 … 新建42座公共
    # 充换电站), due at the plan's end (“十四五”, 2025); the voltage class names the substation
    targets = _numeric(_corpus("16"))
    by_value = {(t.value, t.indicator.label_zh) for t in targets}
    assert (Decimal(2), "新建、扩建220千伏变电站") in by_value
    assert (Decimal("24.7"), "新建220千伏线路") in by_value
    assert (Decimal(42), "公共充换电站") in by_value
    assert all(t.target_year == 2025 for t in targets)


def test_corner_brackets_are_quotes() -> None:
    # 18: 烟台's health plan in the news: 「十四五」末,人均预期寿命达到 81.5 岁左右,每千人口执业
    # (助理)医师 3.85 人 … and 基层门诊量占全市的 50% 以上 (a space before the qualifier)
    corpus = _corpus("18")
    targets = {t.value: t for t in _numeric(corpus)}
    assert {Decimal("81.5"), Decimal("3.85"), Decimal("3.96"), Decimal("2.8")} <= set(targets)
    assert all(t.target_year == 2025 for t in targets.values())
    assert targets[Decimal(50)].comparator == "AtLeast"
    # read with curved quotes, the text as printed kept beside for the graph's quotes
    (plan,) = corpus.plans
    assert "“十四五”末" in plan.text and "「" not in plan.text
    assert plan.printed is not None and "「十四五」末" in plan.printed


def test_a_years_figures_counted_so_far_are_no_goals() -> None:
    # 01: 水利部 in the news (January 2026): "初步统计2025年全国万元国内生产总值用水量…较“十三五”
    # 末分别下降20%和25%" reports the past; "到2030年,…较2025年分别下降10%以上" is the goal
    targets = _numeric(_corpus("01"))
    assert Decimal(20) not in {t.value for t in targets}
    assert Decimal(25) not in {t.value for t in targets}
    assert {t.target_year for t in targets} == {2030}
    assert sum(t.value == Decimal(10) for t in targets) == 2


def test_an_officials_quoted_goal_at_the_end_of_a_cut_page(tmp_path: Path) -> None:
    # 10: 安徽's industry in the news ends, cut, inside a quotation: “力争到2025 年,全省制造业
    # 增加值占GDP 比重稳定在30%: the official's goal, striven for; the figure is whole
    (target,) = _numeric(_corpus("10"))
    assert (target.value, target.target_year, target.aspirational) == (Decimal(30), 2025, True)
    # a quoted name stays masked (“两高”), and quoted figures of a year so far are no goal
    text = (
        "某省外贸工作方案\n一、主要目标\n"
        "“1—10月,进出口总额4.89万亿美元,同比增长31.9%,规模已超去年全年”。\n"
    )
    assert _targets(text, tmp_path) == []


def test_works_in_metres_and_lamps_and_where_they_are_done(tmp_path: Path) -> None:
    # 19: 涉县's ten livelihood projects: 在17个乡镇(街道办)硬化道路10万平方米并安装太阳能路灯
    # 1000盏 (the 17 townships are where the work is done), 维修更换农村37处的机泵, 铺设雨水管网
    # 345米; 在39个村改造升级10千伏线路16.66公里
    targets = {t.value: t for t in _numeric(_corpus("19"))}
    assert {Decimal(1000), Decimal(37), Decimal(345), Decimal(348)} <= set(targets)
    assert targets[Decimal(1000)].count_noun == "盏"
    assert targets[Decimal(10)].indicator.label_zh == "硬化道路"
    assert targets[Decimal("16.66")].indicator.label_zh == "升级10千伏线路"
    assert Decimal(39) not in targets
    # alone in its clause, a count after 在 is the goal
    text = "某县试点方案\n一、主要目标\n到2025年,在100个村开展垃圾分类试点。\n"
    assert [t.value for t in _targets(text, tmp_path)] == [Decimal(100)]


def test_units_in_latin_letters(tmp_path: Path) -> None:
    # 14: 西安's water: 全市用水总量控制在24.76亿m3以内,地下水开采量控制在8.106亿m3以内
    targets = {t.value: t for t in _numeric(_corpus("14"))}
    assert targets[Decimal("24.76")].unit == "pg:HundredMillionM3"
    assert targets[Decimal("24.76")].comparator == "AtMost"
    text = "某市绿地方案\n一、主要目标\n到2025年,新建绿地30万m2。\n"
    assert [(t.value, t.unit) for t in _targets(text, tmp_path)] == [
        (Decimal(30), "pg:TenThousandM2")
    ]


def test_a_ragged_table_pasted_one_cell_per_line_with_notes_between_rows() -> None:
    # 02: 健康中国行动's 主要指标 table copied one cell per line: 领域 / 序号 / 指标 / 基期水平 /
    # 2022年目标值 / 2030年目标值 / 指标性质, group headings ((一) 健康知识普及行动) and notes
    # (说明:…, 计算方法:…) between rows, empty cells dropped (8 | 中医医院设置治未病科室比例(%) |
    # 90 | 100 | 预期性: no base); a base that is a past period (2002—2012年…5.3%) is no goal
    targets = {(t.indicator.label_zh, t.target_year): t for t in _numeric(_corpus("02"))}
    assert set(targets) == {
        ("居民健康素养水平", 2022),
        ("居民健康素养水平", 2030),
        ("中医医院设置治未病科室比例", 2022),
        ("中医医院设置治未病科室比例", 2030),
    }
    assert targets["居民健康素养水平", 2022].value == Decimal(22)
    assert targets["居民健康素养水平", 2022].comparator == "AtLeast"
    assert targets["中医医院设置治未病科室比例", 2022].value == Decimal(90)
    assert targets["中医医院设置治未病科室比例", 2030].value == Decimal(100)


def test_a_ragged_row_with_one_figure_under_a_base_and_a_goal_keeps_it_as_the_base(
    tmp_path: Path,
) -> None:
    # a row that sets no goal (单位国内生产总值能耗降低 | 12.1 | 约束性): its lone figure is
    # the base, not a goal; a row with both is read whole
    text = (
        "某市“十四五”生态环境保护规划\n主要指标\n"
        + "序号\n指标名称\n2020年基准值\n2025年目标值\n指标属性\n"
        + "1\n单位国内生产总值能耗降低(%)\n12.1\n约束性\n"
        + "2\n森林覆盖率(%)\n60.2\n62\n约束性\n"
        + "3\n地表水达到或好于Ⅲ类水体比例(%)\n90\n95\n约束性\n"
    )
    targets = {t.indicator.label_zh: t.value for t in _targets(text, tmp_path)}
    assert targets == {"森林覆盖率": Decimal(62), "地表水达到或好于Ⅲ类水体比例": Decimal(95)}


def test_a_projects_progress_column_gives_no_goals(tmp_path: Path) -> None:
    # a county's table of the year's projects copied with bars (序号 | 项目名称 | 项目内容 |
    # 当前进展情况 | 进度评价 | 主办单位), rows that lost their merged first cells: the goal
    # (建设“四好农村路”50公里) is read, what is done so far (完工建设50.52公里) is not
    text = (
        "某县2023年重点民生实事项目推进情况\n"
        "2023年,全县实施十件民生实事项目,到2023年底全部完成。\n"
        "序号 | 项目名称 | 项目内容 | 当前进展情况 | 进度评价 | 主办单位 |\n"
        "1 | 农村人居环境整治提升工程 | 新增绿化面积387亩。 | 已完成新增造林390亩。 | 已完成 "
        "| 县林业局 |\n"
        "建设“四好农村路”50公里。 | 完工建设50.52公里。 | 已完成 | |||\n"
        "完成生活污水治理村庄61个。 | 61个村庄已全部开工建设,其中44个村庄已完成治理。 "
        "| 正常推进 | |||\n"
    )
    values = sorted(t.value for t in _targets(text, tmp_path))
    assert values == [Decimal(50), Decimal(61), Decimal(387)]
