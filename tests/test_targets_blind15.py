"""Causes of misses in the fifteenth blind round's excerpts (``realplans/excerpts15``, scored
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
    return excerpt_corpus("excerpts15", number)


def test_a_long_first_sentence_is_the_body_not_a_heading() -> None:
    # 11: a news page on 四川's seed-industry plan (2011—2020): "《规划》提出,未来10年,我省将立足
    # 资源禀赋和发展基础,…。到2015年,建立…集约化…优势种子生产基地70万亩。到2020年,…建成…种子
    # 种苗生产基地180个共计134万亩。" The paragraph's first sentence names 发展基础, the words of
    # a review heading; it is no heading, and the goals after it stand
    targets = {t.value: t for t in _numeric(_corpus("11"))}
    assert targets[Decimal(70)].target_year == 2015
    assert targets[Decimal(70)].unit == "pg:TenThousandMu"
    assert targets[Decimal(180)].target_year == 2020
    assert targets[Decimal(134)].target_year == 2020
    # 集约化 is a word: neither "about" nor cut out of the indicator
    assert targets[Decimal(70)].comparator == "Exactly"
    assert "集约化" in targets[Decimal(70)].indicator.label_zh


def test_work_a_plan_expects_done_by_a_date_is_a_goal() -> None:
    # 33: 汉台区 "預(yù)計到2024年底前,將實現(xiàn)新增天然氣用戶約3萬戶,中心城區(qū)氣化率達到96%
    # 以上" (traditional, a mirror's pinyin): what its own campaign delivers, not a projection
    targets = {t.value: t for t in _numeric(_corpus("33"))}
    assert targets[Decimal(30000)].target_year == 2024
    assert targets[Decimal(30000)].comparator == "About"
    assert targets[Decimal(96)].comparator == "AtLeast"
    assert targets[Decimal(96)].target_year == 2024


def test_a_projection_is_still_no_goal(tmp_path: Path) -> None:
    text = (
        "某省老龄事业发展规划\n到2025年,养老机构护理型床位占比达到55%。"
        "预计到2025年全省老年人口将达1950万人。\n"
    )
    assert [t.value for t in _targets(text, tmp_path)] == [Decimal(55)]


def test_a_look_back_goes_on_until_the_text_looks_ahead() -> None:
    # 09: 陕西 十四五 就业促进规划 in the provincial daily: "《规划》指出,“十三五”期间,…累计达
    # 225.43万人,…" and four more paragraphs of what was done (城镇就业率从46.4%提升到63%,
    # 全省人力资源服务机构达2038家, 高等教育毛入学率达到60%以上): none is a goal
    assert _numeric(_corpus("09")) == []


def test_a_look_back_ends_where_a_paragraph_looks_ahead(tmp_path: Path) -> None:
    text = (
        "某市“十四五”就业促进规划\n“十三五”期间,全市城镇新增就业累计达25万人。\n"
        "全市人力资源服务机构达238家。\n"
        "《规划》提出,全市城镇新增就业30万人以上。\n"
    )
    targets = _targets(text, tmp_path)
    assert [t.value for t in targets] == [Decimal(300000)]


def test_rates_under_a_ceiling_without_a_unit() -> None:
    # 02: 山东 十四五 安全生产规划 (news): "亿元GDP生产安全事故死亡率控制在0.01以内、工矿商贸
    # 就业人员十万人生产安全事故死亡率控制在0.5以内、道路交通万车死亡率控制在1.35以内" — deaths
    # per unit, no unit printed; 十万人 is the rate's denominator, no count
    targets = {t.value: t for t in _numeric(_corpus("02"))}
    for value in ("0.01", "0.5", "1.35"):
        rate = targets[Decimal(value)]
        assert rate.unit is None and rate.comparator == "AtMost" and rate.target_year == 2025
        assert rate.indicator.label_zh.endswith("死亡率")
    assert Decimal(100000) not in targets
    # "重特大事故得到有效遏制、各类生产安全事故死亡人数下降10%": the first item is a state of
    # its own, so the fall's indicator starts after it (and without 各类)
    assert targets[Decimal(10)].indicator.label_zh == "生产安全事故死亡人数"


def test_thresholds_that_define_a_share_are_no_goals() -> None:
    # 08: 全民健身计划(2011—2015年): "每周参加体育锻炼活动不少于3次、每次不少于30分钟、锻炼强度
    # 中等以上的人数比例达到32%以上" — 3次 and 30分钟 say whom the share counts
    targets = _numeric(_corpus("08"))
    share = next(t for t in targets if t.value == 32)
    assert share.indicator.label_zh.endswith("人数比例")
    assert share.comparator == "AtLeast" and share.target_year == 2015
    assert not [t for t in targets if t.value == 3]
