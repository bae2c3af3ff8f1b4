"""Causes of misses in the fourteenth blind round's excerpts (``realplans/excerpts14``, scored
blind before anyone read them), each tested on the real text it was found in, and the rule
on a sentence of the same shape."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from excerpt_targets import excerpt_corpus
from excerpt_targets import numeric as _numeric
from excerpt_targets import text_targets as _targets

from plangraph.errors import ReadError
from plangraph.model import Corpus
from plangraph.read import read_text


def _corpus(number: str) -> Corpus:
    return excerpt_corpus("excerpts14", number)


def test_the_numbered_goals_under_a_goals_heading_take_its_year() -> None:
    # 10: 浙江 质量强省 opinions, "(二)主要目标。到2025年,质量整体水平全面提高…。" then
    # "1.经济发展质量效益持续跃升。…制造业质量竞争力指数达到92以上,…研发投入强度达到3.3%,
    # 全员劳动生产率达到22万元/人。" and the excerpt ends at "2.高标准质量供给全面优化。": the
    # numbered goals are the goals chapter's, not a closing paragraph, and due in 2025
    targets = {t.indicator.label_zh: t for t in _numeric(_corpus("10"))}
    assert {t.target_year for t in targets.values()} == {2025}
    assert targets["研发投入强度"].value == Decimal("3.3")  # 研发 names the spending here
    assert targets["全员劳动生产率"].unit == "pg:TenThousandYuanPerPerson"
    assert targets["制造业质量竞争力指数"].comparator == "AtLeast"


def test_a_goals_paragraph_after_the_deadline_takes_its_year(tmp_path: Path) -> None:
    # 01: 海南 "1.总体目标" … "到2023年,主要科技创新指标实现“六个倍增、六个突破”,…。" then a
    # paragraph of its own: "“六个倍增”——…比重增加一倍,达到1.2%,…高新技术企业数量增加一倍,
    # 达到2000家;高新技术企业营业收入翻一番,达到1600亿元;…"
    targets = _numeric(_corpus("01"))
    assert {t.target_year for t in targets} == {2023}
    levels = {t.value: t for t in targets}
    assert levels[Decimal("1.2")].indicator.label_zh.startswith("全社会研发")  # no slogan
    assert levels[Decimal(2000)].indicator.label_zh == "高新技术企业数量"
    assert levels[Decimal(1600)].unit == "pg:HundredMillionYuan"
    # the doubling that a level follows is not a goal of its own (+100%)
    doubled = [t for t in targets if t.value == 100 and "达到" in t.quote.text]
    assert doubled == []


def test_a_doubling_is_a_goal_where_no_level_follows(tmp_path: Path) -> None:
    text = "到2025年,高新技术企业营业收入翻一番,达到1600亿元,科技型中小企业数量翻一番。\n"
    targets = _targets(text, tmp_path)
    assert [(t.value, t.unit) for t in targets] == [
        (Decimal(1600), "pg:HundredMillionYuan"),
        (Decimal(100), "qudt:PERCENT"),
    ]
    assert targets[0].indicator.label_zh == "高新技术企业营业收入"


def test_one_to_a_ratio_is_read_by_its_second_term(tmp_path: Path) -> None:
    # 38: 鄂尔多斯 "每千人床位数达到6.8张,公立医院床人比不低于1:1.6,医护比不低于1:1.2"
    targets = {t.indicator.label_zh: t for t in _numeric(_corpus("38"))}
    assert targets["公立医院床人比"].value == Decimal("1.6")
    assert targets["公立医院床人比"].comparator == "AtLeast"
    assert targets["医护比"].value == Decimal("1.2")
    # a payment rule (按1:1比例) and a map's scale are no goals
    text = "某县实施方案\n到2025年,按1:1比例配套建设资金,编制1:10000比例尺地形图。\n"
    assert _targets(text, tmp_path) == []


def test_money_per_person_and_in_dollars_keep_their_units(tmp_path: Path) -> None:
    text = (
        "到2025年,全员劳动生产率达到22万元/人,人均地区生产总值达到1.5万美元,"
        "实际使用外资达到50亿美元,运输总周转量达到1062亿吨公里。\n"
    )
    units = {t.indicator.label_zh: (t.value, t.unit) for t in _targets(text, tmp_path)}
    assert units["全员劳动生产率"] == (Decimal(22), "pg:TenThousandYuanPerPerson")
    assert units["人均地区生产总值"] == (Decimal("1.5"), "pg:TenThousandUSDollar")
    assert units["实际使用外资"] == (Decimal(50), "pg:HundredMillionUSDollar")
    assert units["运输总周转量"] == (Decimal(1062), "pg:HundredMillionTonneKiloM")


def test_a_notice_issuing_a_years_livelihood_projects_is_a_plan() -> None:
    # 34: 洋县 "關于印發洋縣2024年十大民生實事項目的通知", its attachment a table of projects
    # whose 2024年建設內容 cells state what is built: "實施田塊整治500畝", "布設耕地質量監測點30處"
    targets = _numeric(_corpus("34"))
    assert {t.target_year for t in targets} == {2024}
    by_quote = {t.quote.text: t for t in targets}
    assert by_quote["实施田块整治500亩"].unit == "pg:Mu"
    assert by_quote["布设耕地质量监测点30处"].value == 30


def test_a_report_of_the_years_livelihood_projects_is_a_plan() -> None:
    # 35: 甘谷县 "县政府将继续优先保障民生投入,重点抓好15件大事和民生实事。分别是: (1)…
    # (8)新建行政村公共厕所120座、旅游厕所8座,农村户用厕所14500座。…" on a page headed
    # "甘谷县政府2020年将为民办好15件大事和民生实事" and dated 2020-05-11: the year's goals
    targets = _numeric(_corpus("35"))
    assert {t.target_year for t in targets} == {2020}
    by_label = {t.indicator.label_zh: t for t in targets}
    assert by_label["农村户用厕所"].value == 14500
    assert by_label["农村生活垃圾处理站"].value == 5  # not "(9)建成…" nor "()…"
    assert by_label["公益性岗位"].comparator == "AtLeast"


def test_a_page_explaining_a_plan_is_read_under_the_plans_title() -> None:
    # 39: "文字解读:临沭县创建省级全域旅游示范区工作方案 | |||…" (a saved page's empty cells)
    corpus = _corpus("39")
    assert corpus.plans[0].title == "临沭县创建省级全域旅游示范区工作方案"
    # "历时1个多月的时间" is how long the drafting took, no goal
    assert _numeric(corpus) == []


def test_a_list_of_projects_without_a_year_or_a_date_is_no_plan() -> None:
    text = "县里将办好10件民生实事,群众反响很好。\n"
    with pytest.raises(ReadError):
        read_text(text, "news.txt")


def test_a_summarys_highlights_report_what_was_done() -> None:
    # excerpts13/32: 长治 农业农村局 2022 summary, "二、全市三农工作亮点" then "(一)大豆玉米带状
    # 复合种植实现一季双收。…2022年,大豆玉米带状复合种植收获面积约11.6万亩,任务完成率129%,
    # 平均每亩收获玉米约580公斤、大豆约80公斤": what was harvested, no goal
    assert _numeric(excerpt_corpus("excerpts13", "32")) == []
