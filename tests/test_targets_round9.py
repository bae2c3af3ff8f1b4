"""Causes of misses found in round nine on the development excerpts (``realplans/excerpts8``,
``excerpts3`` …), each tested on the real text it was found in, in the general shape it
stands for."""

from __future__ import annotations

from decimal import Decimal
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


# 曾都区 解读 of its 油茶 demonstration project (2024): the construction content, a list of
# works and their sizes, items separated by ; and many without a verb of their own
ZENGDU = """曾都区中央财政油茶产业发展示范奖补示范项目实施方案
一、建设内容
(一)资源培育。依托现有嫁接苗培育、采穗圃相关企业,建设嫁接苗培育基地50亩,年出苗量250万株;油茶良种采穗圃300亩,年出德量60吨;完成新造油茶林27674亩,低改油茶林8465亩。
(二)产业拓展。新建油茶果储运初加工基地2个、油茶籽仓储中心1个;扶持跨地区经营、产供销一体化龙头企业1家。
(三)产业基础。全区油茶林10万亩。
"""


def test_a_list_of_works_goes_on_past_a_semicolon(tmp_path: Path) -> None:
    values = {
        t.quote.text: (t.value, t.unit)
        for t in _targets(tmp_path, ZENGDU, "zengdu-2024.txt")
        if t.value is not None
    }
    assert values["油茶良种采穗圃300亩"] == (300, "pg:Mu")
    assert values["年出德量60吨"] == (60, "qudt:TONNE")
    assert values["低改油茶林8465亩"] == (8465, "pg:Mu")
    # a verb of fostering an enterprise sets a count of them
    assert values["扶持跨地区经营、产供销一体化龙头企业1家"] == (1, "pg:Count")
    # a new paragraph starts afresh: what the area has now is no goal
    assert not [q for q in values if "10万亩" in q]


# goals closed by a state the genre writes with an adjective or a result: 泾县 and 贵州 水污染防治
# 工作方案 (2016), 广西 民族地区 (2017), 湖南 政府工作报告 分工 (2019)
STATES = """某省水污染防治工作方案
一、工作目标
到2020年,全省水环境质量稳定明显改善,地下水水质持续良好。到2030年,全省水环境质量总体优良。
到2020年,青弋江泾南交界段面水质达II类,脱贫攻坚取得实效,人居环境更加优美,金融财政风险有效防控。
二、主要任务
(一)加强治理。营造良好氛围。
"""


def test_states_the_goals_close_a_clause_with(tmp_path: Path) -> None:
    targets = {t.quote.text: t for t in _targets(tmp_path, STATES) if t.value is None}
    assert targets["地下水水质持续良好"].target_year == 2020
    assert targets["全省水环境质量总体优良"].target_year == 2030
    assert targets["脱贫攻坚取得实效"].indicator.label_zh == "脱贫攻坚"
    assert "人居环境更加优美" in targets
    assert "金融财政风险有效防控" in targets
    assert targets["青弋江泾南交界段面水质达II类"].state == "ClassReached"
    # a task's imperative is no state reached
    assert not [q for q in targets if "良好氛围" in q]


def test_kinds_listed_before_the_head_they_share_scope_one_value_each(tmp_path: Path) -> None:
    # 莆田 河长令 (2023): two kinds of drinking water source, one rate, 分别 two values
    text = PUTIAN.replace(
        "小流域Ⅰ—Ⅲ类水质比例力争达到100%。",
        "县级及以上、农村“千吨万人”集中式饮用水水源地水质达标率分别达100%、95%以上。",
    )
    found = [t for t in _targets(tmp_path, text, "putian-2023.txt") if "分别" in t.quote.text]
    assert [(t.value, t.scope_text) for t in found] == [
        (100, "县级及以上"),
        (95, "农村“千吨万人”"),
    ]
    assert {t.indicator.id for t in found} == {"drinking-water-compliance"}


def test_indicators_listed_with_their_values_keep_no_kind(tmp_path: Path) -> None:
    text = PUTIAN.replace(
        "小流域Ⅰ—Ⅲ类水质比例力争达到100%。",
        "城市生活污水集中收集率、污水处理厂进水浓度分别达到70%、200毫克/升。",
    )
    found = [t for t in _targets(tmp_path, text, "putian-2023.txt") if "分别" in t.quote.text]
    assert len(found) == 2 and all(t.scope_text is None for t in found)


def test_values_given_to_the_items_a_group_lists_measure_each_item(tmp_path: Path) -> None:
    # 潮州市打赢蓝天保卫战实施方案 (2019): A、B和C等主要污染物排放总量…分别下降15%、10%和26%
    text = (
        "潮州市打赢蓝天保卫战实施方案\n一、工作目标\n到2020年,全市二氧化硫(SO2)、氮氧化物(NOX)"
        "和挥发性有机物(VOCs)等主要污染物排放总量比2015年分别下降15%、10%和26%。\n"
    )
    found = {t.value: t.indicator.label_zh for t in _targets(tmp_path, text)}
    assert "氮氧化物" in found[10] and "排放总量" in found[10]
    assert "挥发性有机物" in found[26]
    assert "二氧化硫" in found[15]


def test_a_group_measured_as_a_whole_keeps_its_name(tmp_path: Path) -> None:
    text = (
        "潮州市打赢蓝天保卫战实施方案\n一、工作目标\n到2020年,全市二氧化硫、氮氧化物"
        "等主要污染物排放总量比2015年下降10%。\n"
    )
    (target,) = _targets(tmp_path, text)
    assert target.indicator.label_zh.endswith("主要污染物排放总量")


# 昌江区 letter handing 2021-2030 farmland tasks down to its towns (2022): a table with a group
# of columns per deadline, pasted one cell per line, its empty cells dropped
CHANGJIANG = """关于征求2021-2030年高标准农田
建设规划任务意见的函
鲇鱼山镇、丽阳镇、荷塘乡人民政府:
初步制定了全区2021-2030年高标准农田建设规划任务面积。现将拟下达你乡(镇)的规划任务面积征求意见。
单位 |
到2025年规划指标(万亩) |
到2030年规划指标(万亩) | ||||
累计建成高标准农田面积 |
累计改造提升高标准农田面积 |
累计新增高效节水灌溉面积 |
累计建成高标准农田面积 |
累计改造提升高标准农田面积 |
累计新增高效节水灌溉面积 | |
全区 |
5.56 |
0.80 |
5.56 |
0.80 | ||
鲇鱼山镇 |
2.70 |
0.40 |
2.70 |
0.40 | ||
荷塘乡 |
0.20 |
0.20
2022年4月12日
"""


def test_a_table_of_tasks_by_town_under_year_groups(tmp_path: Path) -> None:
    found = sorted(
        (t.value, t.target_year, t.scope, t.indicator.label_zh, t.unit)
        for t in _targets(tmp_path, CHANGJIANG, "changjiang-2022.txt")
    )
    assert len(found) == 10
    whole = [f for f in found if f[2] is None]
    assert sorted((f[0], f[1]) for f in whole) == [
        (Decimal("0.80"), 2025),
        (Decimal("0.80"), 2030),
        (Decimal("5.56"), 2025),
        (Decimal("5.56"), 2030),
    ]
    assert {f[4] for f in found} == {"pg:TenThousandMu"}
    town = [f for f in found if f[0] == Decimal("0.20")]
    assert [(f[1], f[3]) for f in town] == [
        (2025, "累计建成高标准农田面积"),
        (2030, "累计建成高标准农田面积"),
    ]
    assert all(f[2] is not None for f in town)  # scoped to 荷塘乡


def test_a_measure_narrowed_to_its_local_part_is_another_measure() -> None:
    # 上海市能源发展“十三五”规划: 非化石能源…14%左右,其中本地非化石能源…1.5%左右
    from plangraph.extract.targets.indicators import load_indicators

    table = load_indicators()
    assert table.match("本地非化石能源占一次能源消费比重") is None
    whole = table.match("全市非化石能源占一次能源消费比重")
    assert whole is not None and whole.id == "non-fossil-share"


def test_the_last_goal_of_a_list_closed_by_its_name_is_read(tmp_path: Path) -> None:
    # 昆明市城市黑臭水体治理专项攻坚战实施方案 (2018), as a news report states its goals
    text = (
        "昆明市城市黑臭水体治理专项攻坚战实施方案\n一、总体目标\n至2020年底,持续巩固昆明市城市"
        "建成区黑臭水体整治成果,实现长制久清,其他县(市)区建成区黑臭水体排查整治工作取得明显成效"
        "的总体目标。\n二、主要任务\n(一)加强治理。\n"
    )
    quotes = {t.quote.text: t.target_year for t in _targets(tmp_path, text)}
    assert quotes["其他县(市)区建成区黑臭水体排查整治工作取得明显成效"] == 2020
