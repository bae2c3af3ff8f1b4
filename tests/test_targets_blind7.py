"""Causes of this round's blind misses (excerpts of real texts read by the lead after the
blind score was taken), each on the real sentence it was found in."""

from __future__ import annotations

from pathlib import Path

from plangraph.api import build_corpus
from plangraph.extract.targets.headings import heading_year

# 湖南省人民政府关于落实《政府工作报告》重点工作部门分工的意见 (湘政发〔2019〕1号): the year's
# expected goals are printed without a year; the heading over them names it
HUNAN = """湖南省人民政府关于落实《政府工作报告》重点工作部门分工的意见
湘政发〔2019〕1号
省直和中央在湘有关单位:
为认真做好2019年政府工作,实现经济社会发展目标任务,现就《政府工作报告》确定的重点工作提出部门分工意见如下:
一、落实2019年经济社会发展总体要求和主要预期目标
(一)总体要求:以习近平新时代中国特色社会主义思想为指导,统筹推进“五位一体”总体布局。主要预期目标:经济增长7.5%—8%;规模工业增加值增长7%;城镇调查失业率5%左右;居民消费价格涨幅3%左右;万元GDP能耗下降2.5%。
二、深化供给侧结构性改革
(二)推动制造业高质量发展。加快建设制造强省。
"""


def _targets(tmp_path: Path, text: str, name: str = "plan.txt") -> list:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return list(build_corpus([path]).extraction.targets)


def test_goals_without_a_year_are_due_in_the_year_their_heading_names(tmp_path: Path) -> None:
    targets = {t.quote.text: t for t in _targets(tmp_path, HUNAN) if t.value is not None}
    assert targets["规模工业增加值增长7%"].target_year == 2019
    assert targets["万元GDP能耗下降2.5%"].target_year == 2019
    assert targets["城镇调查失业率5%左右"].target_year == 2019


def test_which_headings_name_the_year_of_their_goals() -> None:
    hunan = "一、落实2019年经济社会发展总体要求和主要预期目标\n(一)总体要求"
    assert heading_year(hunan, 2019) == 2019
    assert heading_year("三、主要目标\n(二)2035年远景目标", 2021) == 2035
    assert heading_year("二、主要目标\n(一)到2025年", 2021) == 2025
    assert heading_year("(一)2021年至2025年主要目标", 2021) is None
    # a period, a look back, a year before the plan's and two years name no single deadline
    assert heading_year("一、总体要求\n(二)2021—2025年主要目标", 2021) is None
    assert heading_year("一、2020年以来工作进展", 2021) is None
    assert heading_year("一、2019年主要目标", 2021) is None
    assert heading_year("(一)2025年和2035年目标", 2021) is None
    assert heading_year("(一)加快产业结构绿色低碳转型", 2025) is None


def test_a_concentration_with_its_unit_spelled_out(tmp_path: Path) -> None:
    # 潮州市打赢蓝天保卫战实施方案 (2019): 微克每立方米 for 微克/立方米
    text = (
        "潮州市打赢蓝天保卫战实施方案\n一、工作目标\n"
        "到2020年,全市细颗粒物(PM2.5)年均浓度控制在29微克每立方米以下。\n"
    )
    (target,) = _targets(tmp_path, text)
    assert (target.value, target.unit, target.target_year) == (29, "qudt:MicroGM-PER-M3", 2020)
    assert target.quote.text.endswith("控制在29微克每立方米以下")


def test_a_file_named_after_its_year_gives_it_when_no_title_is_printed(tmp_path: Path) -> None:
    # a news page about 莆田's 2023年第1号河长令 prints no title: the title is the file's name,
    # and the year in that name is the plan's, not a horizon of its title
    text = (
        "来源:莆田发布\n"
        "记者昨日从市河长办获悉,2023年第1号河长令日前正式签发,明确今年我市河湖长制工作要点。\n"
        "河长令提出,到今年底,全市小流域Ⅰ—Ⅲ类水质比例力争达到100%。\n"
    )
    (target,) = [
        t for t in _targets(tmp_path, text, "putian-river-chief-2023.txt") if t.value is not None
    ]
    assert (target.value, target.target_year) == (100, 2023)


def test_a_count_of_what_a_measure_is_taken_over_sets_no_goal_after_a_topic(
    tmp_path: Path,
) -> None:
    # 潮州 (2019): 六项 counts the indicators whose concentrations are to meet the standard;
    # the same shape after the area (全市119个国控断面…) is no count to reach either
    text = (
        "潮州市打赢蓝天保卫战实施方案\n一、工作目标\n"
        "到2020年,全市空气质量六项基本指标年评价浓度均达到国家二级标准,"
        "全市119个国控断面水质优良比例达到80%,建成5个断面水质自动监测站。\n"
    )
    found = [(t.value, t.unit) for t in _targets(tmp_path, text)]
    assert (None, None) in found  # the standard met: a commitment
    assert (80, "qudt:PERCENT") in found
    assert (5, "pg:Count") in found  # a count after a verb of building stays a goal
    assert (6, "pg:Count") not in found and (119, "pg:Count") not in found
