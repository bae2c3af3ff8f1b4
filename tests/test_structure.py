"""Structure in every common layout: 一、/(一) plans and 第一章/第一节 outlines,
headings on their own line, one sentence per line, tables of contents, cover pages, 前言,
专栏 boxes, indicator tables, nested items (1. (1) ①, 一、 inside a 节), annexes and
抄送/印发 lines; nested tasks in the graph; task recall on the real plans against the gold
written by reading them."""

from __future__ import annotations

import json
import unicodedata

import pytest
import rdflib
from shared_paths import GOLD, REAL_PLANS

from plangraph.extract import extract
from plangraph.graph import build_graph, task_iri
from plangraph.model import Corpus, Plan
from plangraph.read import check_counts, read_plans, read_text
from plangraph.shacl import validate_graph

REAL = REAL_PLANS
PG = rdflib.Namespace("https://w3id.org/plangraph/ontology#")

OUTLINE = """河北省“十四五”生态环境保护规划
二〇二二年五月
目  录
前  言..................................................1
第一章  发展形势........................................2
第一节  主要成效........................................2
第二章  主要任务........................................5
第一节  推进绿色低碳发展................................5
第二节  改善环境质量....................................8
附件  重点任务分工表...................................12
前  言
“十四五”时期是推动经济社会发展全面绿色转型的关键时期。
第一章  发展形势
第一节  主要成效
一、大气环境质量持续改善
全省细颗粒物平均浓度下降到38.6微克/立方米。
二、水环境质量稳步提升
国考断面优良水体比例达到76.3%。
第二章  主要任务
坚持精准治污、科学治污、依法治污。
第一节  推进绿色低碳发展
1.推动产业结构调整。严控高耗能、高排放项目。
2.推动能源结构调整。到2025年,非化石能源消费比重达到13%。
专栏1  绿色低碳重点工程
1.清洁能源工程。新增风电、光伏发电装机2000万千瓦。
2.节能改造工程。实施钢铁、焦化行业节能改造。
第二节  改善环境质量
加强细颗粒物和臭氧协同控制。
附件:重点任务分工表
"""

NOTICE_LAYOUT = """某省人民政府关于印发某省节水行动实施方案的通知
某政发〔2021〕34号
各市、县人民政府,省人民政府各委、办、厅、局:
现将《某省节水行动实施方案》印发给你们,请认真组织实施。
某省人民政府
2021年9月28日
(此件公开发布)
某省节水行动实施方案
目录
一、总体要求1
(一)指导思想1
(二)主要目标2
二、重点任务3
(三)推进节水3
一、总体要求
(一)指导思想
以习近平生态文明思想为指导
深入实施国家节水行动
(二)主要目标。
到2025年,全省用水总量控制在100亿立方米以内。
二、重点任务
(三)推进节水。实施全社会节水行动。
1.农业节水。推广高效节水灌溉。
(1)发展喷灌。新增喷灌面积10万亩。
(2)发展滴灌。新增滴灌面积5万亩。
2.工业节水。一是推进废水循环利用,二是推广先进节水工艺。
①钢铁行业。推广串联用水。
②化工行业。推广循环冷却。
抄送:省委各部门,省人大常委会办公厅,省政协办公厅。
某省人民政府办公厅2021年10月12日印发
"""

INDICATOR_TABLE = """山东省“十四五”应对气候变化规划
二、指导思想、基本原则和主要目标
(一)指导思想。坚持以习近平生态文明思想为指导。
(二)基本原则。坚持系统观念。
(三)主要目标。到2025年,单位地区生产总值二氧化碳排放降低完成国家下达任务。
指标\t2020年\t2025年\t属性
(一)总体指标
1.单位地区生产总值二氧化碳排放较2020年降低(%)\t—\t完成国家分解任务\t约束性
(二)能源领域
2.非化石能源消费比重(%)\t7.6\t13左右\t预期性
(三)建筑领域
3.累计新增绿色建筑面积(亿平方米)\t1.38\t[5]\t预期性
三、严格控制温室气体排放
(四)开展二氧化碳排放达峰行动。制定碳达峰行动方案。
"""


def one(text: str) -> Plan:
    (plan,) = read_text(text, "plan.txt")
    return plan


# --------------------------------------------------------------------------- 第一章 / 第一节


def test_outline_chapters_are_sections_and_articles_are_tasks() -> None:
    plan = one(OUTLINE)
    assert plan.title == "河北省“十四五”生态环境保护规划"
    assert [s.title for s in plan.sections] == ["发展形势", "主要任务"]
    assert [(t.key, t.title) for t in plan.tasks] == [
        ("1-1", "主要成效"),
        ("2-1", "推进绿色低碳发展"),
        ("2-2", "改善环境质量"),
    ]
    assert plan.numbering == "restarting"
    assert plan.sections[1].sentences[1].text == "坚持精准治污、科学治污、依法治污。"


def test_outline_cover_toc_preface_and_annex() -> None:
    plan = one(OUTLINE)
    assert "......" not in plan.text  # the table of contents is not part of the plan
    assert plan.preamble is not None
    assert plan.preamble.text.startswith("二〇二二年五月\n前  言\n“十四五”时期")
    assert (plan.issued, plan.region, plan.level) == ("2022-05", "河北省", "provincial")
    assert plan.closing is not None and plan.closing.text == "附件:重点任务分工表"
    assert "附件" not in plan.tasks[-1].text


def test_outline_nested_units_and_boxes() -> None:
    plan = one(OUTLINE)
    first, green, _ = plan.tasks
    assert [(t.key, t.title, t.parent) for t in first.subtasks] == [
        ("1-1-1", "大气环境质量持续改善", "1-1"),
        ("1-1-2", "水环境质量稳步提升", "1-1"),
    ]
    # the 1. items of 专栏1 stay text of the task they stand in
    assert [t.title for t in green.subtasks] == ["推动产业结构调整", "推动能源结构调整"]
    assert "清洁能源工程" in green.text and "清洁能源工程" in green.subtasks[-1].text
    assert len(plan.all_tasks) == 7
    for task in plan.all_tasks:  # every span slices back to the marker and the text
        assert plan.text[task.start : task.end].endswith(task.text)


# --------------------------------------------------------------------------- notice layout


def test_headings_on_their_own_line_and_one_sentence_per_line() -> None:
    plan = one(NOTICE_LAYOUT)
    assert [(t.key, t.title) for t in plan.tasks] == [
        ("1", "指导思想"),
        ("2", "主要目标"),
        ("3", "推进节水"),
    ]
    guide = plan.tasks[0]
    assert guide.body == "以习近平生态文明思想为指导\n深入实施国家节水行动"
    assert [s.text for s in guide.sentences] == [
        "指导思想",
        "以习近平生态文明思想为指导",
        "深入实施国家节水行动",
    ]
    assert plan.tasks[1].body.startswith("到2025年")


def test_items_under_a_task_nest_two_levels() -> None:
    water = one(NOTICE_LAYOUT).tasks[2]
    assert [(t.key, t.title) for t in water.subtasks] == [("3-1", "农业节水"), ("3-2", "工业节水")]
    farming, industry = water.subtasks
    assert [(t.key, t.title) for t in farming.subtasks] == [
        ("3-1-1", "发展喷灌"),
        ("3-1-2", "发展滴灌"),
    ]
    assert [(t.key, t.title) for t in industry.subtasks] == [
        ("3-2-1", "钢铁行业"),
        ("3-2-2", "化工行业"),
    ]
    assert industry.body.startswith("一是推进废水循环利用,二是推广先进节水工艺。")  # 一是… is text
    assert farming.sentences == ()  # the sentences stay with the top-level task
    assert "新增滴灌面积5万亩。" in [s.text for s in water.sentences]


def test_toc_with_page_numbers_and_copy_lines_are_not_plan_content() -> None:
    plan = one(NOTICE_LAYOUT)
    assert len(plan.sections) == 2 and len(plan.tasks) == 3
    assert "一、总体要求1" not in plan.text
    assert plan.closing is not None
    assert plan.closing.text.startswith("抄送:省委各部门")
    assert plan.closing.text.endswith("2021年10月12日印发")
    assert "抄送" not in plan.tasks[-1].text
    assert plan.issuers == ("某省人民政府",)
    assert (plan.document_number, plan.issued) == ("某政发〔2021〕34号", "2021-09-28")


def test_indicator_table_rows_are_not_tasks() -> None:
    plan = one(INDICATOR_TABLE)
    assert [t.title for t in plan.tasks] == [
        "指导思想",
        "基本原则",
        "主要目标",
        "开展二氧化碳排放达峰行动",
    ]
    assert [t.key for t in plan.tasks] == ["1", "2", "3", "4"]
    assert "(三)建筑领域" in plan.tasks[2].text
    assert plan.tasks[2].subtasks == ()


def test_counts_stated_in_a_notice_are_checked() -> None:
    text = NOTICE_LAYOUT.replace(
        "现将《某省节水行动实施方案》印发给你们",
        "方案提出4项重点任务。现将《某省节水行动实施方案》印发给你们",
    )
    plan = one(text)
    assert plan.stated_tasks == 4
    assert check_counts(plan) == [
        "plan.txt:1: 某省节水行动实施方案: the preface states 4 tasks but 3 were found"
    ]


# --------------------------------------------------------------------------- the graph


def test_nested_tasks_in_the_graph_and_the_release_fields() -> None:
    plan = one(NOTICE_LAYOUT)
    graph = build_graph(Corpus((plan,), extract((plan,))))
    water = rdflib.URIRef(task_iri(plan.id, "3"))
    farming = rdflib.URIRef(task_iri(plan.id, "3-1"))
    spray = rdflib.URIRef(task_iri(plan.id, "3-1-1"))
    assert str(farming).endswith("/task/3-1")
    assert (water, PG.hasTask, farming) in graph
    assert (farming, PG.hasTask, spray) in graph
    assert graph.value(spray, rdflib.RDFS.label) == rdflib.Literal("发展喷灌", lang="zh")
    section = graph.value(water, PG.inSection)
    assert graph.value(spray, PG.inSection) == section
    p = rdflib.URIRef(f"https://w3id.org/plangraph/id/plan/{plan.id}")
    issued = graph.value(p, rdflib.namespace.DCTERMS.issued)
    assert issued == rdflib.Literal("2021-09-28", datatype=rdflib.XSD.date)
    assert graph.value(p, PG.documentNumber) == rdflib.Literal("某政发〔2021〕34号")
    assert validate_graph(graph).conforms


# --------------------------------------------------------------------------- real plans

BLIND = set(
    (GOLD.parent / "blind.txt").read_text(encoding="utf-8").split()
)  # reported, not tuned on
REAL_SLUGS = sorted(
    p.name for p in GOLD.iterdir() if (p / "structure.json").exists() and p.name not in BLIND
)


def _norm(title: str) -> str:
    """Titles compared as the official scorer does (score_plan.norm)."""
    return unicodedata.normalize("NFKC", title).replace(" ", "").strip("。. ")


@pytest.mark.skipif(not REAL.is_dir(), reason="../shared/real-plans is missing")
@pytest.mark.parametrize("slug", REAL_SLUGS)
def test_real_plan_task_recall_against_gold(slug: str) -> None:
    gold = json.loads((GOLD / slug / "structure.json").read_text(encoding="utf-8"))["tasks"]
    (plan,) = read_plans([REAL / f"{slug}.txt"])
    titles = [_norm(t.title) for t in plan.all_tasks]
    missing = [g for g in gold if _norm(g) not in titles]
    assert missing == []
    # the top-level tasks are exactly the gold tasks, in printed order
    assert [_norm(t.title) for t in plan.tasks] == [_norm(g) for g in gold]


def test_a_section_with_a_numbered_list_and_no_task_of_the_plan_kind() -> None:
    plan = one(
        "某市大气污染防治工作方案\n"
        "一、总体要求\n"
        "(一)指导思想。坚持精准治污。\n"
        "二、重点任务\n"
        "1.加强工业污染治理。推进钢铁行业超低排放改造。\n"
        "2.加强移动源污染治理。淘汰国三及以下排放标准营运柴油货车。\n"
    )
    assert [(t.key, t.title) for t in plan.tasks] == [
        ("1", "指导思想"),
        ("2-1", "加强工业污染治理"),
        ("2-2", "加强移动源污染治理"),
    ]


def test_a_title_without_a_plan_word_is_still_the_title() -> None:
    plan = one("黄河保护白皮书\n一、总体要求\n(一)坚持生态优先。加强保护。\n")
    assert plan.title == "黄河保护白皮书" and len(plan.tasks) == 1


def test_a_box_inside_a_task_keeps_its_numbered_lines() -> None:
    plan = one(
        "某市生态环境保护行动方案\n"
        "一、重点任务\n"
        "(一)推进减污降碳。实施重点工程。\n"
        "专栏1 减污降碳重点工程\n"
        "(一)燃煤锅炉淘汰工程。淘汰10蒸吨以下燃煤锅炉。\n"
        "(二)工业炉窑治理工程。完成50台工业炉窑治理。\n"
        "(二)改善水环境。加强黑臭水体治理。\n"
    )
    assert [(t.key, t.title) for t in plan.tasks] == [("1", "推进减污降碳"), ("2", "改善水环境")]
    assert "燃煤锅炉淘汰工程" in plan.tasks[0].text


def test_a_heading_set_off_by_a_space_from_its_text() -> None:
    plan = one(
        "某市生态环境保护规划\n"
        "一、保障措施。加强组织实施。\n"
        "(一)加强组织领导 各级党委和政府要把生态环境保护摆在重要位置,"
        "建立健全工作机制,明确责任分工,确保各项任务落到实处。\n"
        "(二)强化资金保障。加大财政投入。\n"
    )
    assert plan.sections[0].title == "保障措施"
    assert [t.title for t in plan.tasks] == ["加强组织领导", "强化资金保障"]
    assert plan.tasks[0].body.startswith("各级党委和政府")


def test_a_title_printed_over_two_lines() -> None:
    plan = one(
        "广东省生态文明建设\n“十四五”规划\n2021年10月\n一、总体要求\n(一)指导思想。坚持生态优先。\n"
    )
    assert plan.title == "广东省生态文明建设“十四五”规划"
    assert (plan.region, plan.issued, plan.line) == ("广东省", "2021-10", 1)
    assert plan.text.startswith("广东省生态文明建设\n“十四五”规划\n2021年10月\n一、总体要求")


def test_a_table_of_contents_without_heading_or_leaders() -> None:
    plan = one(
        "某市生态环境保护规划\n"
        "第一章 发展形势 1\n"
        "第一节 主要成效 1\n"
        "第二章 主要任务 3\n"
        "第一章 发展形势\n"
        "第一节 主要成效\n"
        "空气质量持续改善。\n"
        "第二章 主要任务\n"
        "第一节 推进绿色发展\n"
        "推动产业结构调整。\n"
    )
    assert [s.title for s in plan.sections] == ["发展形势", "主要任务"]
    assert [t.key for t in plan.tasks] == ["1-1", "2-1"]


def test_paragraphs_opening_with_yi_shi_er_shi_are_nested_items() -> None:
    plan = one(
        "某省水污染防治工作方案\n"
        "一、重点任务\n"
        "(一)强化工业污染治理。\n"
        "一是推进工业园区污水处理设施建设。完善配套管网。\n"
        "二是加强重点行业清洁化改造。实施清洁生产审核。\n"
        "(二)加强城镇污水治理。一是补齐管网短板,二是提升处理能力。\n"
    )
    first, second = plan.tasks
    assert [(t.key, t.title) for t in first.subtasks] == [
        ("1-1", "推进工业园区污水处理设施建设"),
        ("1-2", "加强重点行业清洁化改造"),
    ]
    assert second.subtasks == ()  # inline 一是…二是… stays text


def test_a_space_inside_a_long_title_with_latin_text_does_not_cut_it() -> None:
    plan = one(
        "某市大气污染防治规划\n"
        "一、重点任务\n"
        "(一)推进 VOCs 综合治理和 PM2.5 与臭氧协同控制,实施重点行业挥发性有机物全过程治理。"
        "加强监管。\n"
    )
    assert plan.tasks[0].title.startswith("推进 VOCs 综合治理")


def test_the_only_task_keeps_its_later_paragraphs() -> None:
    """With one task in the plan nothing tells that tasks are one paragraph long: the
    paragraphs after its first stay in it unless one opens as closings do.  (An opening of
    绿色交通“十四五”发展规划, cut after its first task: the achievements listed under
    一、规划基础 (一)发展成效 were read as the plan's closing, and their figures as goals.)"""
    text = (
        "绿色交通“十四五”发展规划\n"
        "一、规划基础\n"
        "(一)发展成效。\n"
        "“十三五”以来,交通运输行业全面深入推进交通运输绿色发展,取得了积极成效。\n"
        "——加快推进节能降碳。全国港口岸电设施覆盖泊位约7500个。\n"
    )
    (plan,) = read_text(text, "green-transport.txt")
    (task,) = plan.sections[0].tasks
    assert task.text.endswith("全国港口岸电设施覆盖泊位约7500个。")
    assert plan.closing is None
    closing = text + "各地区各部门要结合实际抓好落实。\n"
    (plan,) = read_text(closing, "green-transport.txt")
    assert plan.closing is not None and plan.closing.text == "各地区各部门要结合实际抓好落实。"
