"""Causes of misses in the ninth blind round's excerpts (``realplans/excerpts9``, scored
blind before anyone read them), each tested on the real sentence it was found in."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from plangraph.api import build_corpus
from plangraph.errors import ReadError

# excerpts9/23: a news report on the 十四五国家信息化规划 quoting its indicators "from 2020's
# value to 2025's"
INFORMATIZATION = (
    "十四五国家信息化规划\n"
    "《规划》提出,到2025年,网民规模从2020年的9.89亿提高到12亿,5G用户普及率从2020年的15%"
    "提高到56%,IT项目投资占全社会固定资产投资总额比例从2020年3.5%提高到5.8%,计算机,通信和"
    "其他电子设备制造业研发经费投入强度从2020年的2.35%提高到3.2%,全国高新技术企业数量从2020年"
    "的27.5万家提高到45万家。\n"
)


def _targets(tmp_path: Path, text: str) -> dict[str, object]:
    path = tmp_path / "plan.txt"
    path.write_text(text, "utf-8")
    return {t.quote.text: t for t in build_corpus([path]).extraction.targets}


def test_a_goal_from_a_base_value_to_a_level_is_named_by_what_comes_before_from(
    tmp_path: Path,
) -> None:
    found = _targets(tmp_path, INFORMATIZATION)
    share = found["5G用户普及率从2020年的15%提高到56%"]
    assert share.indicator.label_zh == "5G用户普及率"  # type: ignore[attr-defined]
    assert share.value == Decimal(56) and share.change is False  # type: ignore[attr-defined]
    # the value it starts from is the base, in the base year
    assert share.base_value == Decimal(15) and share.base_year == 2020  # type: ignore[attr-defined]
    rd = next(t for q, t in found.items() if q.endswith("2.35%提高到3.2%"))
    assert rd.indicator.label_zh.endswith("研发经费投入强度")  # type: ignore[attr-defined]
    firms = next(t for q, t in found.items() if "高新技术企业数量" in q)
    assert firms.indicator.label_zh == "高新技术企业数量"  # type: ignore[attr-defined]
    assert firms.value == Decimal(450000)  # type: ignore[attr-defined]
    assert firms.base_value == Decimal(275000)  # type: ignore[attr-defined]


def test_the_count_of_a_plans_own_indicators_is_no_goal(tmp_path: Path) -> None:
    text = (
        "十四五国家信息化规划\n《规划》要求到2025年数字中国发展指数提高到95,并明确数字设施,创新能力,"
        "产业转型,政务服务四个方面十六个具体量化指标其中,数字设施方面,到2025年5G用户普及率达到56%。\n"
    )
    values = {t.value for t in _targets(tmp_path, text).values()}  # type: ignore[attr-defined]
    assert Decimal(16) not in values and Decimal(4) not in values
    assert Decimal(56) in values


def test_bare_chao_before_a_spaced_number_is_above(tmp_path: Path) -> None:
    # excerpts9/07 (湛江): web pages set numbers apart with spaces
    text = "湛江市2024年实施河湖长制工作要点\n到2024年底,新建和改造城镇污水管网超 75 公里。\n"
    (target,) = _targets(tmp_path, text).values()
    assert target.comparator == "Above"  # type: ignore[attr-defined]
    assert target.indicator.label_zh == "新建和改造城镇污水管网"  # type: ignore[attr-defined]


ZHANJIANG = """4月7日,湛江市湖光岩风景区管理局发布关于湛江市 2024 年实施河湖长制工作要点的通知。
《通知》指出,要确保完成 90%流域入河排污口排查、监测、溯源工作,完成 70%重点流域整治任务。
原文如下:
关于印发《湛江市 2024 年实施河湖长制工作要点》的通知
各县(市、区)人民政府(管委会),市全面推行河湖长制领导小组各成员单位:
"""

XIUSHAN = """我县持续提升农村供水保障服务能力
围绕“应急能力提升”开展专项行动,到2027年,有效解决特殊干旱年份整村连片缺水和抗风险能力弱的农村地区供水问题。全面实现农村供水县域统管。城乡供水一体化率达到83.5%,农村自来水普及率达到98%。
"""


@pytest.mark.parametrize("text", [ZHANJIANG, XIUSHAN], ids=["notice-in-book-marks", "solves"])
def test_texts_that_issue_or_state_a_plan_without_numbered_sections_are_read(
    tmp_path: Path, text: str
) -> None:
    # a notice issuing a plan whose title is in book marks (关于印发《…工作要点》的通知), and a
    # county news item stating what is to be solved by a deadline (到2027年,有效解决…)
    path = tmp_path / "page.txt"
    path.write_text(text, "utf-8")
    (plan,) = build_corpus([path]).plans
    assert plan.text


def test_a_news_item_without_a_deadline_or_plan_is_still_refused(tmp_path: Path) -> None:
    path = tmp_path / "news.txt"
    path.write_text(
        "我县召开县委农办会议\n会议指出,要维护群众切身利益,推进乡村振兴工作走深走实。\n", "utf-8"
    )
    with pytest.raises(ReadError, match="no recognisable plan"):
        build_corpus([path])


# excerpts9/22: the 十四五 推进农业农村现代化规划's indicator table, quoted on a quiz page one cell
# per line, each cell closed by a bar
AGRICULTURE = """材料一:国务院印发的《“十四五”推进农业农村现代化规划》,其中主要指标,部分如下图所示:
指标 |
2020年基期值(起始日期用作比较的数据) |
2025年目标值(各项目标应达到的水平) |
年均增(5年累计) |
粮食综合生产能力(亿吨) |
一 |
>6.5 |
一 |
农业科技进步贡献率(%) |
60 |
64 |
[4] |
高标准农田面积(亿亩) |
8 |
10.75 |
[2.75) |
农作物耕种收综合机械化率(%) |
71 |
75 |
[4] |
"""


def test_an_indicator_table_pasted_one_cell_per_line_is_read_by_rows(tmp_path: Path) -> None:
    found = list(_targets(tmp_path, AGRICULTURE).values())
    by_label = {t.indicator.label_zh: t for t in found}  # type: ignore[attr-defined]
    share = by_label["农业科技进步贡献率"]
    assert (share.value, share.target_year) == (Decimal(64), 2025)  # type: ignore[attr-defined]
    assert (share.base_value, share.base_year) == (Decimal(60), 2020)  # type: ignore[attr-defined]
    grain = next(t for label, t in by_label.items() if label.startswith("粮食综合生产能力"))
    assert grain.value == Decimal("6.5") and grain.comparator == "Above"  # type: ignore[attr-defined]
    assert grain.base_value is None  # type: ignore[attr-defined]
    # the cumulative column ([4]) is the change over five years, not a goal of its own
    assert Decimal(4) not in {t.value for t in found}  # type: ignore[attr-defined]
