"""Texts without numbered parts: what users save from government sites (a news report of a
plan, a Q&A page quoting its goals, a plan's opening, a 专栏 cut from it, numbered sections
that lost their title) is read as a plan, with a warning that says how; a text with neither a
plan's title nor a goal is still refused.

The texts are the real pages of ``tests/realplans/excerpts2`` and ``excerpts`` (public texts,
annotated blind); what is asserted was checked by reading them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from plangraph import api
from plangraph.errors import ReadError
from plangraph.extract import extract
from plangraph.read import read_plans, read_text

EXCERPTS = Path(__file__).parent / "realplans"


def _read(name: str):  # type: ignore[no-untyped-def]
    (plan,) = read_plans([EXCERPTS / name])
    return plan


def test_a_qa_page_quoting_a_plans_goals_is_a_plan_of_one_part() -> None:
    plan = _read("excerpts2/08-fujian-rural-living-environment.txt")
    assert plan.title == "福建省农村人居环境整治提升行动实施方案"  # 根据《…》 in the answer
    assert plan.region == "福建省"
    (section,) = plan.sections
    assert section.title == plan.title and section.tasks == ()
    # the page's header lines are the release; the plan's words start at its first goal
    assert plan.preface is not None
    assert plan.preface.text.splitlines() == [
        "TOP",
        "欢迎您访问福建省农业农村厅网站",
        "当前位置: 首页 > 解读回应 > 政策问答 > 文字问答 > 政策改革",
        "访谈解读:",
    ]
    assert any("农村生活污水治理率达到65%以上" in s.text for s in section.sentences)
    assert plan.caveats == (
        "no numbered sections (一、 or 第一章) found: read as a plan of one part",
    )


def test_the_goals_of_a_news_report_are_read_as_the_plans() -> None:
    plan = _read("excerpts2/08-fujian-rural-living-environment.txt")
    values = sorted(float(t.value) for t in extract((plan,)).targets if t.value is not None)
    assert values == [65.0, 90.0, 5000.0]  # 治理率65%以上, 自来水普及率90%以上, 公路5000公里


def test_a_notice_names_the_plan_it_forwards() -> None:
    # 《关于批转…<静安区碳达峰实施方案>的通知》: the plan, not the notice nor a plan it cites
    plan = _read("excerpts2/07-jingan-district-carbon-peak.txt")
    assert plan.title == "静安区碳达峰实施方案"
    assert plan.issued == "2022-11-21"


def test_numbered_sections_without_a_title_take_the_plan_the_text_draws_up() -> None:
    plan = _read("excerpts/03-yuxi-three-lakes-action-plan.txt")
    assert plan.title == "抚仙湖星云湖杞麓湖保护治理三年行动方案"  # 特制定实施…方案
    assert [s.title for s in plan.sections] == ["总体要求", "主要任务"]
    assert plan.caveats == (f"no title printed above the numbered sections: titled {plan.title}",)


def test_a_page_label_is_no_part_of_the_title() -> None:
    plan = read_text(
        "【浙江】瑞安市水土保持“十四五”规划\n到2025年,全市水土保持率达到93%。\n", "p.txt"
    )[0]
    assert plan.title == "瑞安市水土保持“十四五”规划"
    assert plan.region == "瑞安市"


def test_figures_of_the_past_in_a_news_lead_are_no_targets() -> None:
    # the lead's paragraphs before the plan's first goal are the release, not the plan
    text = (
        "省生态环境厅印发《某某省空气质量持续改善行动方案》。2023年,全省PM2.5平均浓度为30微克"
        "/立方米,同比下降3.2%。\n方案提出,到2025年,全省PM2.5平均浓度降至28微克/立方米。\n"
    )
    plans = read_text(text, "news.txt")
    assert [float(t.value) for t in extract(plans).targets if t.value is not None] == [28.0]


def test_the_warning_says_how_the_text_was_read(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text("根据《某某市节水行动方案》,到2025年,全市用水总量控制在10亿立方米以内。\n")
    corpus = api.build_corpus([page])
    assert corpus.warnings == (
        f"{page}:1: 某某市节水行动方案: no numbered sections (一、 or 第一章) found: "
        "read as a plan of one part",
    )


@pytest.mark.parametrize(
    "text",
    [
        "This page is in English and carries no plan at all.\n",
        "本报讯 昨天下午,市领导到农业园区调研,察看了春耕生产情况。\n",
        "这是一段普通的文字,没有章节,也没有任务。\n",
    ],
)
def test_a_text_with_neither_title_nor_goal_is_still_refused(text: str) -> None:
    with pytest.raises(ReadError, match="no recognisable plan"):
        read_text(text, "page.txt")


def test_the_real_plans_with_numbered_parts_carry_no_caveat() -> None:
    plan = _read("excerpts2/12-shandong-ev-charging-infrastructure-14fyp.txt")
    assert plan.caveats == ()


def test_a_page_cut_inside_a_plans_list_is_read_by_its_deadlines() -> None:
    # excerpts/17: the page starts inside item 9 of a municipal plan; 2017年年底前 is a deadline
    plan = _read("excerpts/17-municipal-water-action-rural-livable-2016.txt")
    assert plan.caveats and len(plan.sections) == 1
    values = sorted(float(t.value) for t in extract((plan,)).targets if t.value is not None)
    assert values == [20.0, 50.0, 50.0, 150.0, 300.0]


def test_a_letter_that_hands_tasks_down_by_a_deadline_is_read() -> None:
    # excerpts3/08: 昌江区 asks its three towns to comment on their planned farmland areas;
    # no plan title, no numbered part, no goal in prose, but a table of tasks headed
    # 到2025年规划指标(万亩): the tasks a plan hands down (refused until this round)
    plan = _read("excerpts3/08-changjiang-district-high-standard-farmland-tasks-2021-2030.txt")
    assert plan.title == "关于征求2021-2030年高标准农田建设规划任务意见的函"
    assert len(plan.sections) == 1
    assert "到2025年规划指标(万亩)" in plan.text
    places = {p.name for p in extract((plan,)).places}
    assert {"鲇鱼山镇", "丽阳镇", "荷塘乡", "江西", "昌江区"} <= places


@pytest.mark.parametrize(
    "text",
    [
        "关于召开全市农业工作会议的通知\n各区县:定于2022年4月15日召开会议,请准时参加。\n",
        "2023年工作总结\n今年共完成造林3万亩。\n",
    ],
)
def test_a_notice_without_a_plans_task_is_still_refused(text: str) -> None:
    with pytest.raises(ReadError, match="no recognisable plan"):
        read_text(text, "notice.txt")


def test_a_years_work_points_reported_in_the_news_are_read() -> None:
    # excerpts8/07 (莆田 2023年第1号河长令): a year's goals by 到今年底, no year printed
    text = (
        "记者昨日从市河长办获悉,2023年第1号河长令日前正式签发,明确今年我市河湖长制工作要点。\n"
        "河长令提出,到今年底,全市水环境质量持续保持优良,木兰溪、萩芦溪2条主要流域Ⅰ—Ⅲ类"
        "水质稳定在95%以上。\n"
    )
    (plan,) = read_text(text, "putian.txt")
    assert {"木兰溪", "萩芦溪"} <= {p.name for p in extract((plan,)).places}


def test_a_notice_that_issues_a_plan_is_read_as_its_release() -> None:
    # excerpts8/15 (重庆市梁平区“十四五”规划纲要): the page carries the notice and a table of
    # contents only; the notice says which plan it issues
    text = (
        "梁平府发〔2021〕5号\n重庆市梁平区人民政府\n"
        "关于印发重庆市梁平区国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要的通知\n"
        "各乡镇人民政府(街道办事处),区政府各部门,有关单位:\n"
        "《重庆市梁平区国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要》已经区第十七届"
        "人民代表大会第五次会议批准,现印发给你们,请认真贯彻执行。\n"
    )
    (plan,) = read_text(text, "liangping.txt")
    assert "梁平区" in {p.name for p in extract((plan,)).places}


@pytest.mark.parametrize(
    ("name", "title"),
    [
        # 关于印发…的通知 in a news lead: the plan inside
        (
            "excerpts3/04-chongqing-energy-development-14fyp.txt",
            "重庆市能源发展“十四五”规划(2021—2025年)",
        ),
        # a plan named as issued, without book marks: 国务院印发…方案:, 近日,…方案印发
        ("excerpts5/01-national-carbon-peak-action-plan-2030.txt", "2030年前碳达峰行动方案"),
        ("excerpts12/11-anhui-cold-chain-plan-2025-targets-news.txt", "安徽省冷链物流发展实施方案"),
        (
            "excerpts5/10-liaocheng-energy-saving-environmental-industry-13fyp.txt",
            "聊城市节能环保产业“十三五”发展规划",
        ),
        # no plan named: the headline, past a breadcrumb or above a dateline
        (
            "excerpts14/11-national-civil-aviation-2020-results-2021-targets-news.txt",
            "中国民航旅客运输量连续15年居世界第二",
        ),
        (
            "excerpts4/13-wangcang-county-five-year-goals-2016-news.txt",
            "打造“一极两地四区”旺苍将建广元副中心城市",
        ),
    ],
)
def test_a_page_without_a_plans_title_is_titled_by_the_plan_it_names_or_its_headline(
    name: str, title: str
) -> None:
    """Until the seventeenth round such pages were titled by their file's name."""
    assert _read(name).title == title


@pytest.mark.parametrize(
    "top",
    [
        "(一)工作目标和主要指标",  # a numbered heading
        "池政秘〔2023〕38号",  # a 文号
        "用微信扫描二维码分享至好友和朋友圈",  # a share bar
        "1、节水达标建设目标分解表",  # an item
    ],
)
def test_a_heading_a_number_or_a_share_bar_is_no_headline(top: str) -> None:
    text = f"{top}\n到2025年,全市水土保持率达到93%。\n"
    assert read_text(text, "page.txt")[0].title == "page"  # the file's name, as before
