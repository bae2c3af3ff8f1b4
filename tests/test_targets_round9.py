"""Causes of misses found in round nine on the development excerpts (``realplans/excerpts8``,
``excerpts3`` …), each tested on the real text it was found in, in the general shape it
stands for."""

from __future__ import annotations

from pathlib import Path

from plangraph.api import build_corpus

# 益阳 page of the national rural revitalization indicators (2018-2022): nothing but a table
# turned on its side, its header cells spaced out to the column's width
YIYANG = """以文化为笔 绘就乡村振兴新图景
主 要 指 标 |
粮食综合生产能力 | 农业科技进步贡献率 | 农业劳动生产率 | 农产品加工产值与农业产值比 |
2022 年 目 标 值 |
>6亿吨 | 61.5% | 5.5万元/人 | 2.5 |
属 性 | 约束性 | 预期性 | 预期性 | 预期性 |
"""

# 北极星环保网's repost of 鄂尔多斯市创建国家生态文明建设示范市规划(2021-2035年): the editor's lead
# quotes the plan's 总体目标 above the notice and the plan's numbered chapters
ORDOS = (
    "北极星环保网获悉,6月16日,鄂尔多斯市人民政府办公室印发创建国家生态文明建设示范市规划"
    "(2021-2035年),规划总体目标提出,紧密围绕鄂尔多斯市创建生态文明建设示范市的战略目标,"
    "通过重点任务与重点工程的部署,实现鄂尔多斯市生态系统功能显著提升、生态安全屏障能力明显"
    "加强的生态文明示范市新格局。\n"
    """鄂尔多斯市人民政府办公室
2022年6月16日
鄂尔多斯市创建国家生态文明建设示范规划(2021-2035年)
第1章 创建基础与面临形势
“十三五”期间,鄂尔多斯市生态制度体系逐步完善,环境污染治理取得新成就。
第2章 总体要求
坚持生态优先、绿色发展。
"""
)


def _targets(tmp_path: Path, text: str, name: str = "plan.txt") -> list:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return list(build_corpus([path]).extraction.targets)


def test_a_page_of_a_table_on_its_side_with_spaced_out_headers_is_read(tmp_path: Path) -> None:
    targets = {t.quote.text: t for t in _targets(tmp_path, YIYANG)}
    assert targets[">6亿吨"].comparator == "Above"
    assert targets[">6亿吨"].target_year == 2022
    assert targets[">6亿吨"].binding is True
    assert targets["61.5%"].indicator.label_zh == "农业科技进步贡献率"
    assert targets["61.5%"].binding is False
    assert targets["2.5"].unit is None


def test_goals_a_repost_quotes_from_the_plan_are_the_plans(tmp_path: Path) -> None:
    # no year: due at the plan's deadline, as its goals chapter's are
    (target,) = [t for t in _targets(tmp_path, ORDOS) if "生态系统功能显著提升" in t.quote.text]
    assert target.value is None
    assert target.target_year == 2035
    assert "生态安全屏障能力明显加强" in target.quote.text


def test_a_repost_lead_without_quoted_goals_still_sets_none(tmp_path: Path) -> None:
    lead = ORDOS.replace("规划总体目标提出,", "规划")
    assert not [t for t in _targets(tmp_path, lead) if "生态系统功能" in t.quote.text]


# 莆田 2023年第1号河长令 (a news report of the order): a part of the goal stated in brackets
PUTIAN = """莆田市2023年河湖长制工作要点
一、工作目标
到今年底,全市水环境质量持续保持优良,木兰溪、萩芦溪2条主要流域Ⅰ—Ⅲ类水质稳定在95%以上(其中Ⅰ—Ⅱ类稳定在25%以上),小流域Ⅰ—Ⅲ类水质比例力争达到100%。
二、主要任务
(一)深化水域岸线空间整治。
"""


def test_a_part_of_a_goal_in_brackets_is_a_goal_where_the_whole_is(tmp_path: Path) -> None:
    targets = {t.quote.text: t for t in _targets(tmp_path, PUTIAN, "putian-2023.txt")}
    whole = targets["木兰溪、萩芦溪2条主要流域Ⅰ—Ⅲ类水质稳定在95%以上"]
    part = targets["其中Ⅰ—Ⅱ类稳定在25%以上"]
    assert (part.value, part.comparator, part.target_year) == (25, "AtLeast", 2023)
    assert part.indicator.label_zh == "Ⅰ—Ⅱ类"
    assert (part.scope, part.scope_text) == (whole.scope, whole.scope_text)
    assert whole.value == 95


def test_a_bracket_that_names_or_notes_stays_masked() -> None:
    from plangraph.extract.targets.clauses import mask

    # a name, and a note of what a figure counts, are not goals of their own
    assert "25" not in mask("国控断面(其中省控断面25个)水质优良比例达到90%")
    assert "，" not in mask("重点城市(含直辖市)空气质量")
    assert "25" in mask("水质稳定在95%以上(其中Ⅰ—Ⅱ类稳定在25%以上)")
