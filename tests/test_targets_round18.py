"""Round 18 (issue 12, recall first): causes of whole targets missed, or read where there is
none, counted over the development sets; each rule tested on the real text it was found in
(``realplans/excerpts…``) and on a sentence of the same shape."""

from __future__ import annotations

from decimal import Decimal

from excerpt_targets import excerpt_corpus, numeric
from target_helpers import plan_from_text, real_resolve, real_targets

from plangraph.extract.targets import extract_targets
from plangraph.model import Target


def _numeric(folder: str, number: str) -> list[Target]:
    return numeric(excerpt_corpus(folder, number))


def _values(body: str) -> set[Decimal]:
    return {t.value for t in real_targets(body) if t.value is not None}


def _year_values(body: str) -> set[Decimal]:
    """The figures of a body under a title that names the one year of its work."""
    plan = plan_from_text(body, title="某县2025年民生实事工作方案")
    return {t.value for t in extract_targets(plan, real_resolve) if t.value is not None}


def test_the_people_a_pledged_service_is_for_are_counted() -> None:
    # excerpts14/35: 甘谷县's fifteen livelihood projects of 2020, the last one: "(15)为62户贫困
    # 残疾人家庭实施家居无障碍改造工程,为5000名适龄农村妇女免费进行“两癌”检查"
    by_value = {t.value: t for t in _numeric("excerpts14", "35")}
    assert by_value[Decimal(62)].indicator.label_zh == "贫困残疾人家庭实施家居无障碍改造工程"
    assert by_value[Decimal(62)].target_year == 2020
    assert "两癌" in by_value[Decimal(5000)].indicator.label_zh
    # the copula 为 after a subject is a level, not whom a service is for
    assert _year_values("一、民生实事\n(1)为300名困难群众提供免费体检。\n") == {Decimal(300)}
    assert _year_values("一、民生实事\n(1)全县敬老院床位总数为300张。\n") == set()


def test_what_a_sentence_says_something_comprises_is_no_goal() -> None:
    # excerpts16/38: "载入《河南省矿产资源储量简表》的矿产地38处,包括大型矿床13处、中型矿床6处、
    # 小型矿床19处" (the deposits the province has); excerpts16/10: "实施范围包括,集中连片特殊
    # 困难地区26个县、国家级贫困县31个…,共计53个县…" (whom the opinion covers)
    assert not {Decimal(38), Decimal(13), Decimal(19)} & {
        t.value for t in _numeric("excerpts16", "38")
    }
    assert not {Decimal(26), Decimal(31), Decimal(53)} & {
        t.value for t in _numeric("excerpts16", "10")
    }
    # a count the sentence commits to with a verb of its own still is one
    body = "一、目标\n到2025年,新建美丽河湖10条,包括省级美丽河湖4条。\n"
    assert _values(body) == {Decimal(10), Decimal(4)}
    assert _values("一、目标\n到2025年,矿产地38处,包括大型矿床13处。\n") == set()


def test_a_share_of_a_projects_work_is_progress_not_a_threshold() -> None:
    # excerpts10/24: 庆元's tourism tasks of 2018: "…徒步城二期项目60%工程量;精品古道项目60%的
    # 工程量" (the 的 read as a definition, 60%的 of something)
    # (the work done is what is measured, on the project named before it)
    works = {t.scope_text: t for t in _numeric("excerpts10", "24") if t.value == 60}
    assert set(works) == {"徒步城二期项目", "精品古道项目"}
    assert {t.indicator.label_zh for t in works.values()} == {"工程量"}
    (target,) = real_targets("一、目标\n到2025年,完成县医院迁建项目工程量的50%。\n")
    assert (target.value, target.scope_text) == (Decimal(50), "县医院迁建项目")


def test_a_relayed_documents_words_of_intent_state_its_goals() -> None:
    # excerpts9/07: a news report of 湛江's river chiefs' work points of 2024: "《通知》指出,要
    # 确保完成 90%流域入河排污口排查、监测、溯源工作,完成 70%重点流域整治任务" (no year of
    # their own, due in the work points' year)
    by_value = {t.value: t for t in _numeric("excerpts9", "07") if t.unit.endswith("PERCENT")}
    assert by_value[Decimal(90)].target_year == 2024
    assert by_value[Decimal(70)].indicator.label_zh == "重点流域整治任务"


def test_a_ratio_to_one_written_with_bi() -> None:
    # a ratio printed with 比 as with a colon (农产品加工业产值与农业总产值之比达到2.8比1)
    (ratio,) = real_targets("一、目标\n到2025年,农产品加工业产值与农业总产值之比达到2.8比1。\n")
    assert (ratio.value, ratio.unit) == (Decimal("2.8"), None)
    (per_one,) = real_targets("一、目标\n到2025年,医护比达到1比1.2。\n")
    assert per_one.value == Decimal("1.2")


def test_the_indicators_a_plan_counts_among_are_its_parts() -> None:
    # excerpts13/09: 重庆's social undertakings plan in the news: "…30个指标(17个约束性指标,13个
    # 预期性指标)。13个预期性指标中,较受关注的人口平均预期寿命…" (among the plan's indicators)
    assert Decimal(13) not in {t.value for t in _numeric("excerpts13", "09")}
