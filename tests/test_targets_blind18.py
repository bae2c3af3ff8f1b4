"""Causes of misses in the eighteenth blind round's excerpts (``realplans/excerpts18``, scored
blind before anyone read them), each tested on the real text it was found in."""

from __future__ import annotations

from decimal import Decimal

from excerpt_targets import excerpt_corpus
from excerpt_targets import numeric as _numeric

from plangraph.model import Corpus


def _corpus(number: str) -> Corpus:
    return excerpt_corpus("excerpts18", number)


def test_a_livelihood_list_named_by_a_slogan_pledges_each_item() -> None:
    # 24: 金凤区发布2025年民生“十心”实事 — a district's list of the year's projects, each item
    # behind a bullet (▶新增公共停车位800个。); the slogan in quotes names the list
    targets = {t.indicator.label_zh: t for t in _numeric(_corpus("24"))}
    assert targets["新增公共停车位"].value == Decimal(800)
    assert targets["保障性租赁住房"].value == Decimal(352)  # not 性租赁住房: an adjective
    assert len(targets) >= 20
    assert all(t.target_year == 2025 for t in targets.values())
    assert not any(label.startswith("▶") for label in targets)


def test_a_progress_table_of_livelihood_projects_pledges_its_projects_not_its_progress() -> None:
    # 22: 2022年度市县民生实事未完成项目进度表, one cell per line (序号 / 项目内容 / 当前进度 /
    # 牵头单位 / 备注): the projects are the year's goals, the progress (80%, 95%, 98%…) is not
    targets = _numeric(_corpus("22"))
    values = {t.value for t in targets}
    assert {Decimal(5), Decimal(1000), Decimal(55), Decimal(70), Decimal(3)} <= values
    assert {Decimal(18), Decimal(376), Decimal(752), Decimal(16)} <= values
    assert not values & {Decimal(80), Decimal(95), Decimal(90), Decimal(98), Decimal("98.4")}
    assert all(t.target_year == 2022 for t in targets)
    labels = {t.indicator.label_zh for t in targets}
    assert "新增“文化驿站”" in labels  # not the serial before it (新增13)


def test_the_level_a_goal_of_pace_reaches_is_a_goal_though_projected() -> None:
    # 17: 拉薩's tourism plan in the news: 國內旅游收入年均增長15%左右,預計2025年達到640億元 —
    # the projection is the level the plan's pace reaches, not someone's forecast
    targets = {(t.indicator.label_zh, t.value): t for t in _numeric(_corpus("17"))}
    assert targets["国内旅游收入", Decimal(640)].target_year == 2025
    assert targets["国内旅游收入", Decimal(15)].comparator == "About"
    assert targets["国内旅游人数", Decimal(4200)].target_year == 2025


def test_what_a_plan_set_out_for_a_deadline_is_no_past() -> None:
    # 07: 《湖北省养老服务体系建设“十四五”规划》明确了到2025年养老床位总数达到50万张、…: 明确了
    # before a deadline sets goals, it reports nothing done
    targets = {t.indicator.label_zh: t.value for t in _numeric(_corpus("07"))}
    assert targets["养老床位总数"] == Decimal(500000)
    assert targets["社区日间照料设施覆盖率"] == Decimal(100)


def test_verbs_of_providing_are_no_indicators() -> None:
    # 21: 长宁区2024年为民办实事项目: 改建100张认知障碍照护床位, 开办26个小学生爱心暑托班
    labels = {t.indicator.label_zh for t in _numeric(_corpus("21"))}
    assert {"认知障碍照护床位", "小学生爱心暑托班"} <= labels
    assert not labels & {"改建", "开办", "推出"}


def test_a_spaced_table_keeps_its_groups_and_sub_rows() -> None:
    # 09: 浙江's 13th-plan education indicators, cells set apart by single spaces: a group line
    # that opens with a numeral word (九年义务教育) is a group, not (九) and a name; a sub-row
    # (其中:研究生 万人 6.35 8) and the rows after it are read
    corpus = _corpus("09")
    assert "九年义务教育\t\t\t" in corpus.plans[0].text
    targets = {(t.indicator.label_zh, t.value) for t in _numeric(corpus)}
    assert ("研究生", Decimal(80000)) in targets
    assert ("毛入学率", Decimal(62)) in targets
    assert ("从业人员继续教育", Decimal(1000)) in targets
