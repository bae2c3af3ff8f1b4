"""Commitments without numbers in the shapes the fifteenth round counted missing on several
development texts: goals that go on past the sentence their deadline opens, a page cut off after
its goals heading, a state after an adverb of growing degree among the goals, and the items of
a year's list of livelihood projects.  Each shape is one read in a development excerpt (named
beside it); the plan bodies are written here."""

from __future__ import annotations

from target_helpers import plan_from_text, resolve, targets_of

from plangraph.extract.targets import extract_targets


def commitments_of(body: str, title: str = "测试行动方案", year: int | None = 2025) -> list[str]:
    plan = plan_from_text(body, year=year, title=title)
    return [t.quote.text for t in extract_targets(plan, resolve) if t.value is None]


def test_goals_go_on_in_the_sentences_after_the_deadline_that_opens_them() -> None:
    """excerpts13, 铜梁 commerce plan explained: 到2025年,A基本构建,B显著提高。C持续强化,…
    — the second sentence is under the same deadline and states goals as much as the first."""
    body = (
        "一、发展基础\n“十三五”期间,全市商务发展取得显著成效。\n"
        "二、总体思路\n坚持稳中求进。到2025年,新时代商务体系基本构建,开放型经济发展水平显著提高。"
        "外资利用水平不断提高,营商环境更加优化。\n"
        "三、重点任务\n(一)加强流通体系建设。推进城乡商业网点建设。"
    )
    found = commitments_of(body)
    assert "外资利用水平不断提高" in found
    assert "营商环境更加优化" in found


def test_a_deadline_at_the_end_of_the_five_year_plan_opens_goals() -> None:
    """excerpts12, 北京 heating plan reposted: 到“十四五”末,…,供热结构不断优化."""
    body = (
        "一、发展基础\n供热能力稳步提升。\n"
        "二、发展目标\n规划指出,到“十四五”末,全市城镇地区基本实现清洁能源供热,供热结构不断优化。"
    )
    assert "供热结构不断优化" in commitments_of(body)


def test_a_state_after_an_adverb_of_growing_degree_is_a_goal_among_the_goals() -> None:
    """excerpts13, 铜梁: 商务服务民生能力持续强化, 消费对经济增长贡献更加突出."""
    found = commitments_of(
        "一、总体要求\n(一)主要目标。到2025年,商务服务民生能力持续强化,消费对经济增长贡献更加突出。"
    )
    assert found == ["商务服务民生能力持续强化", "消费对经济增长贡献更加突出"]


def test_what_grows_harder_or_a_way_of_doing_is_no_goal() -> None:
    """excerpts11, 江苏 ageing forum repost (the challenges, 任务更加繁重) and excerpts5, 浦东
    soil (促进土壤资源安全、持续利用): no state reached."""
    found = commitments_of(
        "一、总体要求\n(一)主要目标。到2025年,养老服务等方面任务更加繁重,促进土壤资源安全、持续利用。"
    )
    assert found == []


def test_the_goals_after_a_heading_the_page_cuts_off_are_goals() -> None:
    """excerpts12, 湖南 cold chain: (二)建设目标 on its own line, the paragraphs after it the
    last of the page (the reader sets them as the closing)."""
    body = (
        "一、总体要求\n"
        "(一)指导思想。以习近平新时代中国特色社会主义思想为指导,推动冷链物流高质量发展。\n"
        "(二)建设目标\n"
        "到2025年,基本构建起布局合理、运行高效的现代冷链物流体系。\n"
        "设施布局更加完善。依托农产品优势产区,打造若干国家级、省级骨干冷链物流基地。"
    )
    found = commitments_of(body)
    assert "设施布局更加完善" in found
    assert "打造若干国家级、省级骨干冷链物流基地" in found


LIVELIHOOD = "某县2024年十大民生实事项目"


def test_each_item_of_a_year_of_livelihood_projects_is_a_pledge() -> None:
    """excerpts13, 浙江 2024 十方面民生实事: the items without a figure are pledges for the
    year, verb first (为…免费接种…, 全面推行…制度, 实行…, 新建…); the work of an effort
    (加强…) is none."""
    body = (
        "一、医疗卫生\n为全省60岁以上老年人免费接种流感疫苗。实行全省医保参保人员一地签约。\n"
        "二、养老帮困\n全面推行长期护理保险制度。加强孤独症儿童医疗康复救治。\n"
        "三、教育助学\n新建城南幼儿园。"
    )
    found = commitments_of(body, title=LIVELIHOOD, year=2024)
    assert found == [
        "为全省60岁以上老年人免费接种流感疫苗",
        "实行全省医保参保人员一地签约",
        "全面推行长期护理保险制度",
        "新建城南幼儿园",
    ]


def test_the_same_items_outside_a_livelihood_list_are_tasks() -> None:
    """In a plan's tasks the same words are the work: 新建…, 实行… commit to nothing there."""
    found = targets_of("二、任务\n(一)任务。新建城南幼儿园。实行医保一地签约。")
    assert [t for t in found if t.value is None] == []


def test_a_trade_made_into_something_is_the_aim_of_the_principles() -> None:
    """excerpts9, 宿州 culture and tourism: the principles close with 努力将旅游业培育成为…,
    in a text that names no period."""
    body = (
        "一、总体要求\n(一)指导思想。坚持以文塑旅、以旅彰文,做精产品、做足特色,"
        "努力将旅游业培育成为我市国民经济重要支柱产业。\n(二)总体布局。充分发挥旅游资源优势。"
    )
    found = commitments_of(body, year=None)
    assert found == ["努力将旅游业培育成为我市国民经济重要支柱产业"]


def test_the_expected_goals_of_a_year_are_goals() -> None:
    """excerpts13, a county's rural work points of 2020: 二、预期目标 heads the year's goals."""
    body = (
        "一、总体要求\n坚持农业农村优先发展。\n"
        "二、预期目标\n全县粮食播面稳定在127.28万亩以上,实现新农村建设全覆盖,农村镇村环境全面改善。\n"
        "三、重点工作\n(一)坚决打赢脱贫攻坚战。"
    )
    assert "农村镇村环境全面改善" in commitments_of(body, year=2020)


def test_goals_quoted_whole_as_the_aim_are_goals() -> None:
    """excerpts13, 民政部 elderly care briefing: 为实现2035年“A成熟定型,B享有…”目标打下坚实
    基础 — the quoted list of states is the goal; a slogan's name (“两个建成”目标) is none."""
    found = commitments_of(
        "二、任务\n(一)任务。为实现2035年“中国特色养老服务体系成熟定型,全体老年人享有基本养老服务”"
        "目标打下坚实基础。奋力实现“两个建成”目标。"
    )
    assert len(found) == 1
    assert "中国特色养老服务体系成熟定型,全体老年人享有基本养老服务" in found[0]
