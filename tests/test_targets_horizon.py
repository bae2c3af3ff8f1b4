"""The general causes of target misses on municipal and ministry plans (issue 12): the plan's
period as the default deadline, chapters that look back, standards, indicators named by a
fragment, scopes from common words and kinds of area, phrasings without digits, and
commitments to progress without a figure.  The sentences are short phrasings of the genre,
as 十四五 municipal plans and ministry implementation plans print them."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from target_helpers import plan_from_text
from target_helpers import real_resolve as _real

from plangraph import model
from plangraph.extract.targets import extract_targets

FYP_TITLE = "某市“十四五”生态环境保护规划"


def found(body: str, title: str = FYP_TITLE, year: int | None = 2021) -> list[model.Target]:
    plan = dataclasses.replace(plan_from_text(body, year=year), title=title)
    return list(extract_targets(plan, _real))


def task(sentence: str, title: str = FYP_TITLE) -> list[model.Target]:
    return found("二、任务\n(一)任务。" + sentence, title)


# --------------------------------------------------------------------------- the plan's period


def test_a_goal_without_a_year_is_due_at_the_end_of_the_plans_period() -> None:
    (t,) = task("完成林草生态建设40万亩。")
    assert (t.value, t.target_year) == (Decimal(40), 2025)
    (t,) = task("新建污水管网120公里。", title="某省节能减排实施方案(2021—2025年)")
    assert t.target_year == 2025


def test_a_period_stated_in_the_text_is_the_default_too() -> None:
    plan = plan_from_text("规划期为2021—2025年。\n二、任务\n(一)任务。新建污水管网120公里。")
    (t,) = extract_targets(plan, _real)
    assert t.target_year == 2025


def test_a_plan_without_a_period_gives_no_default() -> None:
    (t,) = task("新建污水管网120公里。", title="某市生态环境保护实施方案")
    assert t.target_year is None


def test_a_deadline_within_a_year_is_its_sentences_only() -> None:
    targets = task("2022年6月底前,完成10个排污口整治。实现城市7-10天预报。")
    assert [(t.value, t.target_year) for t in targets] == [(Decimal(10), 2022), (Decimal(7), 2025)]


def test_a_year_in_chinese_numerals_is_a_deadline() -> None:
    (t,) = task("展望二〇三五年,“减油增化”取得积极进展。")
    assert t.target_year == 2035


# --------------------------------------------------------------------------- looking back


def test_a_chapter_that_looks_back_gives_no_targets_under_its_sub_headings() -> None:
    body = (
        "一、生态环境保护基本形势\n"
        "(一)生态环境保护工作取得的成效。全市生态环境质量明显改善。\n"
        "1.大气环境质量持续改善\n"
        "建成空气质量微站57个、高空视频系统15个,淘汰燃煤小锅炉528台。\n"
        "二、主要任务\n(一)任务。到2025年,建成空气质量微站80个。"
    )
    assert [t.value for t in found(body)] == [Decimal(80)]


# --------------------------------------------------------------------------- what is no goal


def test_a_figure_that_names_a_standard_is_no_goal() -> None:
    assert task("加大新建公共建筑节能65%标准和居住建筑节能75%标准的执行监督力度。") == []


def test_only_one_is_not_eleven() -> None:
    assert [t.value for t in task("打造全国唯一一个草原生态谷,建成生态廊道3条。")] == [3]


def test_a_set_phrase_counts_nothing() -> None:
    assert task("让绿色低碳生活方式走进千家万户。") == []


# --------------------------------------------------------------------------- indicators


def test_the_indicator_is_the_measured_noun_phrase() -> None:
    (t,) = task("到2025年,规模以上工业单位增加值能耗较2020年下降13.5%。")
    assert t.indicator.label_zh == "规模以上工业单位增加值能耗"
    targets = task("到2025年,再生铜、再生铝产量分别达到400万吨、1150万吨。")
    assert [t.indicator.label_zh for t in targets] == ["再生铜产量", "再生铝产量"]
    (t,) = task("到2025年,制修订300项左右绿色低碳产品评价相关标准。")
    assert (t.indicator.label_zh, t.comparator) == ("绿色低碳产品评价相关标准", "About")


# --------------------------------------------------------------------------- scopes


def test_a_common_word_is_no_district() -> None:
    (t,) = task("到2025年,新建炼化一体化项目成品油产量占原油加工量比例降至40%以下。")
    assert (t.scope, t.scope_text) == (None, None)


def test_built_up_areas_and_seats_of_government_are_kinds_of_area() -> None:
    (t,) = task("到2025年,建成区主要道路机械化清扫率达到100%。")
    assert (t.scope_text, t.indicator.label_zh) == ("建成区", "主要道路机械化清扫率")
    (t,) = task("到2025年,旗县区政府所在地道路机械化清扫率达到80%以上。")
    assert (t.scope_text, t.comparator) == ("旗县区政府所在地", "AtLeast")


def test_one_amount_after_a_list_of_places_is_their_total() -> None:
    (t,) = task("到2025年,土默特左旗、托克托县盐碱地恢复正常生产面积20万亩以上。")
    assert (t.value, t.scope, t.scope_text) == (Decimal(20), "tumotezuo", "土默特左旗、托克托县")
    # a level for places named together is one target too, as readers of real plans count
    # it (issue 12, fourth round: excerpts 06, excerpts4 04); 分别 gives each place its own
    (t,) = task("到2025年,北京、天津细颗粒物浓度降至30微克/立方米。")
    assert (t.value, t.scope, t.scope_text) == (Decimal(30), "beijing", "北京、天津")
    targets = task("到2025年,北京、天津细颗粒物浓度分别降至30、35微克/立方米。")
    assert [(t.value, t.scope) for t in targets] == [
        (Decimal(30), "beijing"),
        (Decimal(35), "tianjin"),
    ]


# --------------------------------------------------------------------------- phrasings


def test_numbers_without_digits_ranges_and_coefficients() -> None:
    (t,) = task("到2025年,开发推广万种绿色低碳产品。")
    assert (t.value, t.count_noun, t.indicator.label_zh) == (Decimal(10000), "种", "绿色低碳产品")
    (t,) = task("到2025年,实现城市7-10天预报。")
    assert (t.value, t.unit, t.comparator, t.indicator.label_zh) == (
        Decimal(7),
        "qudt:DAY",
        "AtLeast",
        "预报",
    )
    (t,) = task("到2025年底,至少开展一次全面、系统的土壤和地下水污染隐患排查。")
    assert (t.value, t.unit, t.comparator) == (Decimal(1), "pg:Count", "AtLeast")
    # a coefficient is a pure number: no unit (the ratio convention of the eval schema)
    (t,) = task("到2025年,农业灌溉水有效利用系数提高到0.65。")
    assert (t.value, t.unit, t.direction) == (Decimal("0.65"), None, "Increase")


# --------------------------------------------------------------------------- commitments


def test_progress_under_a_deadline_is_a_commitment() -> None:
    targets = task("“十四五”期间,产业结构与用能结构优化取得积极进展,能源资源利用效率大幅提升。")
    assert [t.indicator.label_zh for t in targets] == ["产业结构与用能结构优化", "能源资源利用效率"]
    assert {(t.value, t.target_year) for t in targets} == {(None, 2025)}
    (t,) = task("到2025年,地表水劣Ⅴ类全面“清零”。")
    assert t.quote.text == "地表水劣Ⅴ类全面“清零”"


def test_a_committing_clause_needs_no_year_in_a_plan_with_a_period() -> None:
    (t,) = task("严格保护耕地,确保全市湿地面积不减少。")
    assert (t.quote.text, t.target_year) == ("确保全市湿地面积不减少", 2025)
    (t,) = task("实施企业环境应急预案电子化备案,实现涉危涉重企业全覆盖。")
    assert t.state == "Covered"
    (t,) = task("基本实现清洁取暖。")
    assert t.indicator.label_zh == "清洁取暖"


def test_no_commitment_without_a_deadline_or_a_committing_word() -> None:
    assert task("加强空气质量预测预报能力建设,完善应急减排清单。") == []
    assert task("确保全市湿地面积不减少。", title="某市湿地保护实施方案") == []


def test_striving_at_the_head_of_a_list_of_goals_covers_the_list() -> None:
    targets = task("到2025年,全省力争建成充电站4500座,完成约1500艘内河船舶LNG动力改造。")
    assert [(t.value, t.aspirational) for t in targets] == [(4500, True), (1500, True)]


def test_a_nearer_years_heading_after_a_vision_governs_the_goals_under_it() -> None:
    # 山西 两山七河一流域: "(三)主要目标 / 2035年展望: … / 2025年愿景: / ——…优良天数比例达到
    # 75%以上": the goals under the 2025 heading are due by 2025, not by the vision's 2035
    body = (
        "一、总体要求\n(一)主要目标\n2035年展望:\n生态环境实现根本好转,基本每天都是优良天。\n"
        "2025年愿景:\n——生态环境持续改善。优良天数比例达到75%以上,细颗粒物浓度低于40微克/立方米。"
    )
    years = {t.quote.text: t.target_year for t in found(body) if t.value is not None}
    assert years == {"优良天数比例达到75%以上": 2025, "细颗粒物浓度低于40微克/立方米": 2025}
