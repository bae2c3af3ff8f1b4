"""The task crosswalk: gold-based precision and recall on the calibration pair, the graph
contract of pg:Alignment, the named query and determinism."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest
from shared_paths import REAL_PLANS

from plangraph.analysis import Analysis, analysis_triples, analyze
from plangraph.analysis.crosswalk import analyze_crosswalk
from plangraph.graph import PG
from plangraph.projection.records import TaskNode

PLAN = "https://w3id.org/plangraph/id/plan/"
GOLD = Path(__file__).parent / "crosswalk" / "gold-seed.json"


@pytest.fixture(scope="module")
def result(seed_store: ox.Store) -> Analysis:
    return analyze(seed_store)


def _pairs(result: Analysis, grade: str | None) -> set[tuple[str, str]]:
    out = set()
    for x in result.crosswalk.between(PLAN + "jjj-2025", PLAN + "yrd-2025"):
        if grade is None or x.grade == grade:
            out.add((x.a, x.b) if "/jjj-2025/" in x.a else (x.b, x.a))
    return out


def _gold(grade: str | None) -> set[tuple[str, str]]:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    return {
        (PLAN + p["a"], PLAN + p["b"])
        for p in gold["pairs"]
        if grade is None or p["grade"] == grade
    }


def test_same_matter_precision_and_recall_on_the_calibration_pair(result: Analysis) -> None:
    # measured: P 0.941 (16/17), R 0.889 (16/18) on 京津冀–长三角, the pair the weights were
    # calibrated on (tests/crosswalk/calibrate.py); before theme strengths P 0.85 (17/20).
    # With same matter only between mutual best counterparts (RELATIVE = 1.0) this gold's
    # one fold graded "same" twice (京津冀 18 against 长三角 17 and 18) counts one miss.
    # Since the weights were calibrated on this pair and the real 江苏 × 山东 together (title
    # signal, 2026-12-06): P 1.000 (14/14), R 0.778 (14/18); 江苏 × 山东 rose from P 0.58,
    # R 0.58 to 0.917, 0.917 (tests/crosswalk/score_real.py, test_real_pairs below).
    # With STANDS_OUT_SD 2.35 and FOLDS 6, chosen leave-one-pair-out on nine pairs
    # (tests/crosswalk/folds.py, round 5): P 0.938 (15/16), R 0.833 (15/18).
    found, gold = _pairs(result, "same"), _gold("same")
    hits = len(found & gold)
    assert hits / len(found) >= 0.93
    assert hits / len(gold) >= 0.83


def test_any_counterpart_precision_and_recall(result: Analysis) -> None:
    # measured: P 0.79 (23/29), R 0.82 (23/28) for "same or partial" against "same or
    # partial" (before theme strengths: P 0.71, R 0.86)
    # Since the two-pair calibration, whose partial threshold is chosen for the tasks each
    # plan has alone: P 0.70 (26/37), R 0.93 (26/28)
    found, gold = _pairs(result, None), _gold(None)
    hits = len(found & gold)
    assert hits / len(found) >= 0.70
    assert hits / len(gold) >= 0.92


def test_rows_chain_the_air_tasks_of_every_region(result: Analysis) -> None:
    air = next(r for r in result.crosswalk.rows if PLAN + "jjj-2025/task/5" in r.tasks)
    assert PLAN + "yrd-2025/task/4" in air.tasks  # 强化大气污染精准治理
    assert PLAN + "gba-2025/task/5" in air.tasks  # 共建空气质量改善先行示范区
    assert len(air.tasks) == 3


def test_climate_adaptation_is_a_task_only_jjj_has(result: Analysis) -> None:
    # 京津冀 (十三) 提升适应气候变化能力: the 长三角 plan has a sentence on it inside its (九)
    # (the seed's gold: a partial overlap), the 粤港澳 plan none; no same matter anywhere.
    # Since the two-pair calibration (PARTIAL 0.15 → that partial overlap, 0.156, is kept)
    # it is no longer listed as 京津冀's own; (十六)“四区联动”绘就美丽新图景 is, as in the
    # seed's gold ("unique").
    jjj13 = PLAN + "jjj-2025/task/13"
    same = {t for x in result.crosswalk.same_matter() for t in (x.a, x.b)}
    assert jjj13 not in same
    linked = [x for x in result.crosswalk.alignments if jjj13 in (x.a, x.b)]
    assert [(x.grade, {x.a, x.b} - {jjj13}) for x in linked] == [
        ("partial", {PLAN + "yrd-2025/task/9"})
    ]
    assert result.crosswalk.unique[PLAN + "jjj-2025"] == (PLAN + "jjj-2025/task/16",)


def test_a_task_folding_two_others_keeps_both_counterparts(result: Analysis) -> None:
    # 京津冀 (十八) covers 长三角's (十七) science and technology and (十八) smart monitoring:
    # the same matter as the closer one (智慧监测), a partial overlap of the other
    same, partial = _pairs(result, "same"), _pairs(result, "partial")
    assert (PLAN + "jjj-2025/task/18", PLAN + "yrd-2025/task/18") in same
    assert (PLAN + "jjj-2025/task/18", PLAN + "yrd-2025/task/17") in partial


def test_graph_contract(result: Analysis) -> None:
    triples = analysis_triples(result)
    alignments = {
        t.subject.value
        for t in triples
        if t.predicate.value.endswith("#type") and t.object.value == PG + "Alignment"
    }
    assert len(alignments) == len(result.crosswalk.alignments) > 60
    by_subject: dict[str, list[ox.Triple]] = {}
    for t in triples:
        by_subject.setdefault(t.subject.value, []).append(t)
    for node in alignments:
        assert "/id/analysis/alignment/" in node
        props = by_subject[node]
        tasks = [t.object for t in props if t.predicate.value == PG + "alignedTask"]
        assert len(tasks) == 2 and tasks[0] != tasks[1]
        grades = [t.object.value for t in props if t.predicate.value == PG + "alignmentGrade"]
        assert grades in ([PG + "SameMatter"], [PG + "PartialOverlap"])
        scores = [t.object for t in props if t.predicate.value == PG + "score"]
        assert len(scores) == 1
        assert isinstance(scores[0], ox.Literal)
        assert scores[0].datatype.value.endswith("#decimal")
        assert 0 < float(scores[0].value) <= 1
        assert len(scores[0].value.partition(".")[2]) <= 4


def test_named_query_answers_the_crosswalk(seed_graph_file: Path) -> None:
    from plangraph import query

    rows = query("task-crosswalk", seed_graph_file, plan="jjj-2025", grade="SameMatter").rows
    assert rows and all(r["plan_a"] == "jjj-2025" for r in rows)
    assert all(r["alignment_grade"] == "SameMatter" for r in rows)
    pairs = {(r["plan_b"], r["task_a"], r["task_b"]) for r in rows}
    assert ("yrd-2025", 8, 8) in pairs  # 无废城市
    every = query("task-crosswalk", seed_graph_file).rows
    assert len(every) == len({r["alignment"] for r in every})


def test_deterministic(result: Analysis, seed_store: ox.Store) -> None:
    again = analyze_crosswalk(result.data)
    assert again.alignments == result.crosswalk.alignments
    assert again.rows == result.crosswalk.rows


def test_same_matter_pairs_on_the_blind_held_out_pairs(result: Analysis) -> None:
    # gold by a reader who saw no output (tests/crosswalk/README.md); first scored blind:
    # P 0.742 (23/31), R 0.885 (23/26) over 京津冀–粤港澳 and 长三角–粤港澳.  With theme
    # strengths and the main-matter rule (weights recalibrated on 京津冀–长三角 only):
    # P 0.857 (24/28), R 0.923 (24/26); with mutual best counterparts only (RELATIVE = 1.0,
    # chosen with this gold in view): P 0.889 (24/27), R 0.923; no longer blind.  With the
    # weights calibrated on 京津冀–长三角 and 江苏 × 山东 together (title signal, less weight on
    # themes, which real plans tag less reliably) and mutual best pairs standing 3 standard
    # deviations out also the same matter: P 0.885 (23/26), R 0.885 (23/26); among the misses,
    # pairs whose texts share little (京津冀 (二) ~ 粤港澳 (三): text cosine 0.04).
    gold = json.loads((GOLD.parent / "gold-heldout-blind.json").read_text(encoding="utf-8"))

    def task(side: dict[str, object]) -> str:
        return f"{PLAN}{side['plan']}/task/{side['task']}"

    same = {frozenset((task(p["a"]), task(p["b"]))) for p in gold["pairs"] if p["grade"] == "same"}
    found = {
        frozenset((x.a, x.b))
        for pair in (("jjj-2025", "gba-2025"), ("yrd-2025", "gba-2025"))
        for x in result.crosswalk.between(PLAN + pair[0], PLAN + pair[1])
        if x.grade == "same"
    }
    hits = len(found & same)
    # With the same matter standing 2.55 deviations out among tasks of one level (chosen
    # leave-one-pair-out on five pairs, tests/crosswalk/folds.py): P 0.857 (24/28), R 0.923.
    assert len(same) == 26
    assert hits / len(found) >= 0.85 and hits / len(same) >= 0.92


def test_tasks_whose_main_matters_differ_are_never_the_same_matter(result: Analysis) -> None:
    # 京津冀 (十九)精准施策激发绿色发展动力 is about 横向生态保护补偿 (three sentences) and
    # names 绿色信贷、绿色保险 in one; 粤港澳 (十七)大力推动绿色金融创新 is the finance task:
    # a partial overlap (the held-out reader agrees), not the same matter
    pair = frozenset((PLAN + "jjj-2025/task/19", PLAN + "gba-2025/task/17"))
    grades = {frozenset((x.a, x.b)): x.grade for x in result.crosswalk.alignments}
    assert grades[pair] == "partial"
    # … while 长三角 (十六)深化区域绿色金融合作 is that task's counterpart
    assert grades[frozenset((PLAN + "yrd-2025/task/16", PLAN + "gba-2025/task/17"))] == "same"


REAL = REAL_PLANS  # ../shared/real-plans (tests/shared_paths.py)


@pytest.fixture(scope="module")
def municipal(tmp_path_factory: pytest.TempPathFactory) -> Analysis:
    """巴中 and 呼和浩特: two municipal eco-environment 十四五 plans, the one numbering its
    sections 第X节, the other items 1. 2. inside them (both are tasks)."""
    files = [REAL / f"{slug}-eco-environment-14fyp.txt" for slug in ("bazhong", "hohhot")]
    if not all(f.exists() for f in files):
        pytest.skip(f"the real plans are not in {REAL}")
    from plangraph.api import build
    from plangraph.store import load_store

    out = build(files, tmp_path_factory.mktemp("municipal"), analysis=False).path
    return analyze(load_store(out))


def _task(result: Analysis, plan: str, key: str) -> str:
    (task,) = [t.iri for t in result.data.tasks if t.plan.endswith("/" + plan) and t.key == key]
    return task


def test_a_section_is_matched_by_its_item_not_by_both(municipal: Analysis) -> None:
    same = {frozenset((x.a, x.b)) for x in municipal.crosswalk.same_matter()}
    credit = _task(municipal, "bazhong-2021", "11-5")  # 第五节 健全环境治理信用体系
    item = _task(municipal, "huhehaote-2021", "7-1-4")  # 4.健全环境治理信用管理体系
    section = _task(municipal, "huhehaote-2021", "7-1")  # 第一节 健全生态环境管理体制机制
    assert frozenset((credit, item)) in same
    assert frozenset((credit, section)) not in same
    # 第二节 有效控制温室气体排放 ↔ 2.加强温室气体排放控制 (in 第八节 积极应对气候变化)
    ghg = _task(municipal, "bazhong-2021", "4-2")
    assert frozenset((ghg, _task(municipal, "huhehaote-2021", "4-8-2"))) in same


def test_items_of_a_linked_section_are_no_commitments_of_their_own(municipal: Analysis) -> None:
    from plangraph.analysis.crosswalk import nested

    tasks = municipal.data.tasks
    unique = {t for plan_tasks in municipal.crosswalk.unique.values() for t in plan_tasks}
    linked = {t for x in municipal.crosswalk.alignments for t in (x.a, x.b)}
    assert not unique & linked
    related = dict(zip((t.iri for t in tasks), nested(tasks), strict=True))
    for task in unique:
        assert not any(tasks[k].iri in linked for k in related[task])
    # 3.补齐医疗废物处理处置短板 lies in 第六章 第二节 加强危险废物利用处置及监管能力
    # (6-2), which is linked to 巴中's 强化固体废物分类安全处置: no commitment of 呼和浩特
    # alone; where the item is linked to the same task as its section, one of the two links
    # at most is the same matter (one_level).  The section itself is a fold of 巴中's task:
    # its paragraph 确保危险废物安全处理处置 is the whole matter of 加强危险废物利用处置及监管能力
    # (the readers' convention since the third round; this pair's reader graded it partial)
    medical = _task(municipal, "huhehaote-2021", "6-2-3")
    section = _task(municipal, "huhehaote-2021", "6-2")
    assert medical not in unique and section in linked
    partners = {
        x.a if x.b == section else x.b: x.grade
        for x in municipal.crosswalk.alignments
        if section in (x.a, x.b)
    }
    for x in municipal.crosswalk.alignments:
        if medical in (x.a, x.b) and (x.a if x.b == medical else x.b) in partners:
            assert (x.grade, partners[x.a if x.b == medical else x.b]) != ("same", "same")
    solid = _task(municipal, "bazhong-2021", "7-4")
    assert partners[solid] == "same"


@pytest.fixture(scope="module")
def real_scores() -> dict[str, object]:
    """Same-matter precision and recall on the real pairs (tests/crosswalk/score_real.py)."""
    import sys

    if not (REAL / "jiangsu-climate-14fyp.txt").exists():
        pytest.skip(f"the real plans are not in {REAL}")
    sys.path.insert(0, str(GOLD.parent))
    try:
        import score_real
    finally:
        sys.path.remove(str(GOLD.parent))
    return {gold.stem: score_real.score(gold) for gold in score_real.GOLDS}


def test_same_matter_on_real_provincial_climate_plans(real_scores: dict[str, object]) -> None:
    # 江苏 × 山东 (21 × 39 tasks, a reader's gold: 12 same-matter pairs); one of the two
    # calibration pairs.  First measured blind P 0.31, R 0.75; mutual best 0.58, 0.58; with
    # the title signal, folds and the two-pair calibration P 0.846 (11/13), R 0.917 (11/12);
    # with the same matter standing 2.55 deviations out among tasks of one level (chosen
    # leave-one-pair-out over five pairs, tests/crosswalk/folds.py) P 0.833 (10/12), R 0.833:
    # 实施碳排放达峰行动 ~ 开展二氧化碳排放达峰行动 stands 2.51 deviations out on 山东's side.
    # With the fold rule at 0.70 of the broad task's best (round 9) 12/17: 江苏 深化重点领域
    # 绿色低碳发展 folds 山东's 能源体系 and 公共机构 tasks, each one paragraph of it (this
    # reader, of the first round, grades a fold partial), and 完善监测和统计体系 finds 夯实…
    # 监测支撑能力
    hits, found, gold = real_scores["crosswalk-jiangsu-shandong"].same  # type: ignore[attr-defined]
    assert gold == 12 and hits >= 12 and hits / found >= 0.70


def test_same_matter_on_last_rounds_blind_pairs(real_scores: dict[str, object]) -> None:
    # 宁夏 黄河先行区 × 山西 两山七河 (29 × 28 tasks, 4 same-matter pairs) and 巴中 × 呼和浩特
    # (45 × 32, 12): blind gold of the second round, scored before any change P 0.25 (1/4),
    # R 0.25 and P 0.625 (5/8), R 0.417 (5/12); development gold since.  With the same matter
    # standing out among tasks of one level and the broad-section rule: 2/5 and 8/16; with
    # 2.35 deviations and FOLDS 6 (chosen leave-one-pair-out on nine pairs, round 5; the
    # pooled held-out F1 rises from 0.685 to 0.707): 2/6 and 8/18.  With the fold rule
    # (round 6; these readers grade a fold partial, the later ones the same matter): 2/7
    # (深入推进防沙治沙示范 ~ 植绿护绿,构建生态屏障, partial) and 10/21; with the fold rule
    # at 0.70 of the broad task's best (round 9) 2/7 and 10/22 (推进城乡绿色融合发展's
    # paragraph on 生态文明建设示范区 ~ 大力推进生态文明建设, none).
    # With the paragraph rule (round 10, levels.agree_in_paragraphs) 2/7 and 10/23:
    # 完善目标责任体系与制度建设 ~ 完善生态环境管理制度 (4.0 / 3.9 deviations, main themes
    # differ; the reader: partial, the same matter being 健全生态环境管理体制机制).
    hits, found, gold = real_scores["crosswalk-ningxia-shanxi"].same  # type: ignore[attr-defined]
    assert gold == 4 and hits >= 2 and hits / found >= 0.28
    hits, found, gold = real_scores["crosswalk-bazhong-hohhot"].same  # type: ignore[attr-defined]
    assert gold == 12 and hits >= 10 and hits / found >= 0.43
    # 推进清洁能源发展 ~ 推动现代能源产业绿色发展 and 完善应急管理体系 ~ 强化环境预警防控与应急:
    # sections of two or three items, each pair its sections' best: the same matter (the
    # reader's), no longer lost to an item that scores a little higher
    score = real_scores["crosswalk-bazhong-hohhot"]
    assert not any("清洁能源" in row or "应急管理体系" in row for row in score.misses)  # type: ignore[attr-defined]
    # 健全环境治理信用体系 is one of five items of 健全生态环境管理体制机制: partial (the reader's)
    assert not any("信用体系" in row for row in score.false)  # type: ignore[attr-defined]


def test_same_matter_on_the_third_rounds_blind_pairs(real_scores: dict[str, object]) -> None:
    # 广东 生态文明 × 巴中 生态环境 (28 × 45 tasks, 19 same-matter pairs) and 宁夏 黄河先行区 ×
    # 呼和浩特 生态环境 (29 × 32, 9): blind gold of the third round, scored before anyone looked
    # at the misses: at the round's start P 0.714 (10/14), R 0.526 and P 1.0 (2/2), R 0.222;
    # with the level-wise rule 9/12 and 3/4; with 2.35 deviations and FOLDS 6 (round 5)
    # 10/14 and 4/6; with the fold rule (round 6) 13/18 (健全环境治理信用体系 and
    # 完善目标责任体系与制度建设 folded by 加快构建现代环境治理体系) and 5/8 (推进生态系统保护修复
    # folds 持续提升水源涵养能力); with a fold's run of neighbours (round 9) 13/19 (广东
    # 实施碳排放达峰行动 folds 巴中 强化技术支撑体系 through 有效控制温室气体排放: partial,
    # the reader's; its text holds 巴中's 专栏三 应对气候变化重点项目).
    hits, found, gold = real_scores["crosswalk-guangdong-bazhong"].same  # type: ignore[attr-defined]
    assert gold == 19 and hits >= 13 and hits / found >= 0.68
    hits, found, gold = real_scores["crosswalk-ningxia-hohhot"].same  # type: ignore[attr-defined]
    assert gold == 9 and hits >= 5 and hits / found >= 0.62


def test_same_matter_on_the_fourth_rounds_blind_pairs(real_scores: dict[str, object]) -> None:
    # 广东 生态文明 × 呼和浩特 生态环境 (28 × 32 tasks, 23 same-matter pairs) and 江苏 应对气候
    # 变化 × 国家适应气候变化战略2035 (21 × 20, 14): blind gold of the fourth round, scored
    # before anyone looked at the misses: P 0.889 (8/9), R 0.348 and P 1.0 (5/5), R 0.357.
    # The readers grade a broad task the same matter as each narrower task one of its
    # paragraphs covers; plangraph finds one counterpart a task.  With 2.35 deviations and
    # FOLDS 6 (chosen leave-one-pair-out on nine pairs, these two among them): 10/11, 7/7;
    # with the fold rule (round 6) 13/14 (推进环境质量全面改善 folds 持续改善大气环境质量 and
    # 改善土壤和地下水环境) and 7/8 (加强适应型基础设施建设 ~ 城市与人居环境, partial); with
    # the fold rule's run and 0.70 of the broad task's best (round 9) 16/19 (加快构建现代环境
    # 治理体系 folds 提升生态环境执法实效; 大力发展绿色产业 全面加强绿色科技创新; 大力培育生态
    # 文化 推行绿色低碳生活方式) and 7/8.
    hits, found, gold = real_scores["crosswalk-guangdong-hohhot"].same  # type: ignore[attr-defined]
    assert gold == 23 and hits >= 16 and hits / found >= 0.84
    hits, found, gold = real_scores["crosswalk-jiangsu-national"].same  # type: ignore[attr-defined]
    assert gold == 14 and hits >= 7 and hits / found >= 0.87
    score = real_scores["crosswalk-guangdong-hohhot"]
    assert not any("大气环境质量" in row for row in score.misses)  # type: ignore[attr-defined]


def test_same_matter_on_the_fifth_rounds_blind_pairs(real_scores: dict[str, object]) -> None:
    # 山东 应对气候变化 × 国家适应气候变化战略2035 (39 × 20 tasks, 17 same-matter pairs) and
    # 巴中 生态环境 × 山西 两山七河 (45 × 28, 30): blind gold of the fifth round, scored before
    # anyone looked: P 0.875 (7/8), R 0.412 and P 0.857 (6/7), R 0.200.  With the fold rule
    # (round 6, chosen leave-one-pair-out on eleven pairs, these two among them): 13/14
    # (山东 提高自然生态领域气候韧性 folds the strategy's 水资源, 陆地生态系统 and 海洋与海岸带)
    # and 9/10 (山西 构建现代环境治理体系 folds 巴中's 目标责任 and 信用体系 tasks).
    hits, found, gold = real_scores["crosswalk-shandong-national"].same  # type: ignore[attr-defined]
    assert gold == 17 and hits >= 13 and hits / found >= 0.92
    # With the paragraph rule (round 10): 14/15 (巴中 加强生态系统和生物多样性保护 ~ 系统保护,
    # 增强生态功能 and 提升环境监管能力 ~ 构建现代环境治理体系, main themes tagged apart).
    hits, found, gold = real_scores["crosswalk-bazhong-shanxi"].same  # type: ignore[attr-defined]
    assert gold == 30 and hits >= 14 and hits / found >= 0.93
    score = real_scores["crosswalk-shandong-national"]
    for matter in ("水资源", "陆地生态系统", "海洋与海岸带"):
        assert not any(f" {matter} ~ " in row for row in score.misses)  # type: ignore[attr-defined]


def test_same_matter_on_the_tenth_rounds_blind_pair(real_scores: dict[str, object]) -> None:
    # 广东 生态文明 × 宁夏 黄河先行区 (28 × 29 tasks, 14 same-matter pairs, 49 partial): blind
    # gold of the tenth round, scored blind P 0.800 (4/5), R 0.286.  Most misses are 宁夏's
    # short items (140–370 characters) against 广东's broad sections (1,600–3,700): mutual best
    # pairs that stand out too little on the broad side or score under SAME_LEAST (碳达峰,
    # 新能源, 水资源配置, 科技创新), and folds whose paragraph covers two 宁夏 items (节水型社会
    # with 优化水资源配置格局 and 实施深度节水控水行动).  Round 11 measured rules on paragraphs
    # held out on fifteen pairs (tests/crosswalk/paragraph_folds.py): none kept.
    hits, found, gold = real_scores["crosswalk-guangdong-ningxia"].same  # type: ignore[attr-defined]
    assert gold == 14 and hits >= 4 and hits / found >= 0.8


def test_same_matter_on_the_eleventh_rounds_blind_pair(real_scores: dict[str, object]) -> None:
    # 广东 生态文明 × 山西 两山七河一流域 (28 × 28 tasks, 21 same-matter pairs, 57 partial): blind
    # gold of the eleventh round, scored blind P 0.923 (12/13), R 0.571 (12/21), the same before
    # and after that round's work.  Its reader grades folds the same matter (广东's broad
    # 推进环境质量全面改善 with 山西's air, water and risk tasks); the decision grades them
    # partial.
    hits, found, gold = real_scores["crosswalk-guangdong-shanxi"].same  # type: ignore[attr-defined]
    assert gold == 21 and hits >= 12 and hits / found >= 0.9


def test_same_matter_on_the_twelfth_rounds_blind_pair(real_scores: dict[str, object]) -> None:
    # 山东 十四五 应对气候变化 × 工业领域碳达峰实施方案 (39 × 17 tasks, 15 same-matter pairs, 36
    # partial): blind gold of the twelfth round, scored blind P 0.800 (8/10), R 0.533 (8/15),
    # the same after that round's work.  Most of its same pairs are folds: 山东's technology
    # tasks against one item each of the industry plan's 加快工业绿色低碳技术变革.
    hits, found, gold = real_scores["crosswalk-shandong-industry"].same  # type: ignore[attr-defined]
    assert gold == 15 and hits >= 8 and hits / found >= 0.8


def test_same_matter_on_the_thirteenth_rounds_blind_pair(real_scores: dict[str, object]) -> None:
    # 江苏 十四五 应对气候变化 × 工业领域碳达峰实施方案 (21 × 17 tasks, 10 same-matter pairs, 30
    # partial): blind gold of the thirteenth round, scored blind P 0.800 (4/5), R 0.400 (4/10).
    # Its reader grades the broad 江苏 tasks that carry one industry task's matter in a
    # paragraph (推动经济高质量低碳发展 ~ 深度调整产业结构) the same matter; the decision grades
    # them partial.
    hits, found, gold = real_scores["crosswalk-jiangsu-industry"].same  # type: ignore[attr-defined]
    assert gold == 10 and hits >= 4 and hits / found >= 0.8


def test_same_matter_on_the_fifteenth_rounds_blind_pair(real_scores: dict[str, object]) -> None:
    # 广东 生态文明建设 × 工业领域碳达峰实施方案 (28 × 17 tasks, 13 same-matter pairs, 41
    # partial): blind gold of the fifteenth round, scored blind P 0.800 (4/5), R 0.308 (4/13),
    # the same after that round's work.  Plans of different subjects: the reader grades a
    # 广东 task the same matter as an industry task where one of its paragraphs is that task's
    # whole matter (强化资源节约集约利用 ~ 深入推进节能降碳 and ~ 大力发展循环经济); the decision
    # grades them partial or finds no counterpart (加强组织领导 ~ 加强统筹协调).
    hits, found, gold = real_scores["crosswalk-guangdong-industry"].same  # type: ignore[attr-defined]
    assert gold == 13 and hits >= 4 and hits / found >= 0.8


def test_same_matter_by_a_second_reader_of_a_development_pair(
    real_scores: dict[str, object],
) -> None:
    # 江苏 应对气候变化 (21 tasks) × 广东 生态文明 (28): read blind in the sixteenth round by a
    # second reader (12 same-matter pairs, 54 partial) where the first reader
    # (real-guangdong-jiangsu.json) wrote 5 same and 18 partial; every one of the first
    # reader's 5 same-matter pairs is among the second's 12, so the first reader, scored
    # against the second, has P 1.00 and R 0.42.  Scored blind P 0.667 (6/9), R 0.500 (6/12)
    hits, found, gold = real_scores["crosswalk-jiangsu-guangdong"].same  # type: ignore[attr-defined]
    assert gold == 12 and hits >= 6 and hits / found >= 0.65


def test_same_matter_on_a_held_out_real_pair(real_scores: dict[str, object]) -> None:
    # 广东 生态文明 (28 tasks) × 江苏 应对气候变化 (21): gold written by reading before the
    # crosswalk ran on it (5 same-matter pairs, 18 partial).  First scored P 1.00 (3/3), R 0.60;
    # P 1.00 (4/4), R 0.80 since a pair standing 3 deviations out counts (set after that);
    # P 0.667 (4/6), R 0.80 with 2.35 deviations (round 5, chosen on nine pairs); P 0.444
    # (4/9) with the fold rule (round 6: 江苏 深化重点领域绿色低碳发展 ~ 广东's 产业 and 能源
    # tasks, and 提升生态系统碳汇能力 ~ 强化湿地保护和修复; this reader grades folds partial).
    hits, found, gold = real_scores["real-guangdong-jiangsu"].same  # type: ignore[attr-defined]
    assert gold == 5 and found <= 9 and hits >= 4


def test_a_broad_task_is_a_partial_overlap_of_the_tasks_it_folds(
    real_scores: dict[str, object],
) -> None:
    # 江苏 (3-2) 深化重点领域绿色低碳发展 covers energy, industry, buildings, transport, public
    # institutions and lifestyles, each a task of 山东: it is no same matter of 山东 (3-5)
    # 推动建筑领域绿色低碳建设 (the reader: partial), although each is the other's best.  It
    # folds (round 9, 0.70 of its best) the two whose whole matter one paragraph is
    # (加快构建清洁低碳安全高效的能源体系, 发挥公共机构低碳示范引领作用); this reader grades
    # them partial, the readers since the third round a fold the same matter.
    score = real_scores["crosswalk-jiangsu-shandong"]
    folded = [row for row in score.false if "深化重点领域绿色低碳发展" in row]  # type: ignore[attr-defined]
    assert len(folded) == 2
    assert all("能源体系" in row or "公共机构" in row for row in folded)
    assert not any("推动建筑领域绿色低碳建设" in row for row in score.false)  # type: ignore[attr-defined]
    # 提升生态系统碳汇能力 ~ 提升自然生态系统碳汇能力: main themes tagged differently (湿地,
    # 海洋), titles agree: the same matter
    assert not any("碳汇" in row for row in score.misses)  # type: ignore[attr-defined]


def test_a_narrow_task_that_is_one_item_of_a_broad_section_is_a_partial_overlap() -> None:
    from plangraph.analysis.levels import depths, in_an_item, nested, one_level

    def node(plan: str, key: str, start: int, end: int) -> TaskNode:
        return TaskNode(f"{plan}/{key}", plan, key, 0, key, "", start, end)

    tasks = [
        node("a", "1", 0, 100),  # a narrow task of plan a
        node("b", "8", 0, 1000),  # a section of plan b holding three items
        node("b", "8-1", 10, 300),
        node("b", "8-2", 300, 600),
        node("b", "8-3", 600, 1000),
        node("b", "9", 1000, 1500),  # a section of plan b holding two items
        node("b", "9-1", 1010, 1200),
        node("b", "9-2", 1200, 1500),
    ]
    assert depths(tasks).tolist() == [0, 0, 1, 1, 1, 0, 1, 1]
    nesting = nested(tasks)
    # the item scores 1.3 times its section of three items: the section is a partial overlap
    grades = {(0, 1): "same", (0, 3): "same"}
    scores = {(0, 1): 0.30, (0, 2): 0.10, (0, 3): 0.39, (0, 4): 0.05}
    in_an_item(grades, scores, nesting, depths(tasks))  # type: ignore[arg-type]
    assert grades == {(0, 1): "partial", (0, 3): "same"}
    # a section of two items stays the same matter; its item, scoring higher, becomes partial
    grades = {(0, 5): "same", (0, 6): "same"}
    scores = {(0, 5): 0.30, (0, 6): 0.40, (0, 7): 0.05}
    in_an_item(grades, scores, nesting, depths(tasks))  # type: ignore[arg-type]
    one_level(grades, scores, nesting, depths(tasks))  # type: ignore[arg-type]
    assert grades == {(0, 5): "same", (0, 6): "partial"}


def test_against_a_plan_of_few_tasks_the_same_matter_needs_the_score() -> None:
    # the best of three scores stands at most √2 deviations out: with fewer than FEW_TASKS
    # tasks at a level, a mutual best pair is the same matter when it scores SAME_MATTER
    import numpy as np

    from plangraph.analysis.crosswalk import SAME_MATTER, Scored, decide

    plan_index = np.asarray([0, 1, 1, 1])
    signals = (0.0,) * 6
    scored = {
        (0, 1): Scored(0, 1, SAME_MATTER + 0.05, signals),
        (0, 2): Scored(0, 2, 0.16, signals),
        (0, 3): Scored(0, 3, 0.05, signals),
    }
    assert decide(scored, plan_index) == {(0, 1): "same", (0, 2): "partial"}
    scored[(0, 1)] = Scored(0, 1, SAME_MATTER - 0.02, signals)
    assert decide(scored, plan_index) == {(0, 1): "partial", (0, 2): "partial"}


def test_review_and_guidance_chapters_frame_a_plan() -> None:
    from plangraph.analysis.levels import frames

    for heading in (
        "环境基础与形势",  # 巴中 第一章
        "指导思想、基本原则与主要目标",  # 巴中 第二章
        "指导思想、原则和目标",  # 呼和浩特 第二章
        "生态环境保护基本形势",  # 呼和浩特 第一章
        "现状与形势",  # 江苏
        "形势分析",  # 广东
        "规划背景",  # 山西 一、
        "总体要求",
        "重要意义",  # 宁夏 一、
        "机遇和挑战",  # 国家适应战略 第一章 第三节
        "第一章 现状与形势",
    ):
        assert frames(heading), heading
    for heading in (
        "夯实适应气候变化工作基础",  # 山东, a task
        "强化“三水”统筹,稳固水生态环境成效",  # 巴中 第六章
        "补齐环保基础设施短板",
        "保障措施",  # counted by the readers, as the other plan's is
        "加强规划实施保障",
        "实施重大工程",
        "开启应对气候变化新征程",  # 山东 一、: a review only by its place (see below)
    ):
        assert not frames(heading), heading


def test_framing_tasks_are_the_review_and_guidance_chapters_and_what_precedes_them() -> None:
    from plangraph.analysis.levels import framing, framing_prose
    from plangraph.projection.records import Span, TaskNode

    def task(key: str, label: str, start: int, end: int) -> TaskNode:
        return TaskNode(f"p/task/{key}", "p", key, 0, label, label, start, end)

    tasks = [
        task("1-1", "“十三五”应对气候变化取得积极进展", 10, 90),
        task("2-1", "指导思想", 110, 140),
        task("2-2", "主要目标", 140, 190),
        task("3-1", "开展二氧化碳排放达峰行动", 210, 290),
        task("4-1", "加强组织领导", 310, 390),
    ]
    spans = [
        Span("p/s/1", "p", "section", 0, 100),
        Span("p/s/2", "p", "section", 100, 200),
        Span("p/s/3", "p", "section", 200, 300),
        Span("p/s/4", "p", "section", 300, 400),
    ]
    labels = {
        "p/s/1": "开启应对气候变化新征程",  # a slogan, before the guidance: a review
        "p/s/2": "指导思想、基本原则和主要目标",
        "p/s/3": "严格控制温室气体排放",
        "p/s/4": "加强规划实施保障",
    }
    assert framing(tasks, spans, labels) == {0, 1, 2}
    assert framing_prose(tasks, spans, labels) == {0, 1}  # the goals are commitments


def task(plan: str, key: str, label: str, body: str) -> TaskNode:
    """A task of plan ``plan`` for the crosswalk's rules: its title, then its body."""
    text = f"{label}\n{body}"
    return TaskNode(f"{plan}/task/{key}", plan, key, 0, label, text, 0, len(text))


def _carbon_tasks(first: str) -> list[TaskNode]:
    """Four narrow tasks of plan a (the first titled ``first``) and three of plan b, whose
    first task has one bold-lead paragraph for each of a's first three."""
    return [
        task("a", "1", first, "制定碳达峰行动方案,推动重点行业碳排放达峰。"),
        task("a", "2", "推进清洁能源发展", "大力发展光伏和风电,提高清洁能源消费比重。"),
        task("a", "3", "深化工业污染治理", "推进钢铁行业超低排放改造,整治挥发性有机物。"),
        task("a", "4", "加强组织领导", "各级党委和政府加强对规划实施的组织领导。"),
        task(
            "b",
            "1",
            "减污降碳同步发力",
            "加快推进碳达峰。制定碳达峰行动方案,推动重点行业碳排放达峰。\n"
            "加速能源清洁低碳转型。大力发展光伏和风电,提高清洁能源消费比重。\n"
            "强化工业污染治理。推进钢铁行业超低排放改造,整治挥发性有机物。",
        ),
        task("b", "2", "强化资金保障", "加大财政资金投入,拓宽投融资渠道。"),
        task("b", "3", "加强宣传教育", "开展生态文明宣传教育,营造全社会参与氛围。"),
    ]


def test_a_broad_task_is_the_same_matter_as_each_narrower_task_it_folds() -> None:
    # 山西 减污降碳同步发力改善黄河流域空气质量 has one bold-lead paragraph per matter of
    # 巴中's neighbouring tasks: the mutual best pair is the decision's, the others are folds
    import numpy as np

    from plangraph.analysis.levels import fold_in, nested, paragraphs

    tasks = _carbon_tasks("全力推进碳达峰行动")
    parts = paragraphs(tasks, [t.text for t in tasks])
    plan_index, depth = np.asarray([0, 0, 0, 0, 1, 1, 1]), np.zeros(7, dtype=np.int64)
    scores = {
        (0, 4): 0.30, (0, 5): 0.02, (0, 6): 0.03,  # the mutual best pair
        (1, 4): 0.28, (1, 5): 0.03, (1, 6): 0.02,  # a fold: a paragraph is its matter
        (2, 4): 0.27, (2, 5): 0.02, (2, 6): 0.03,  # a fold
        (3, 4): 0.26, (3, 5): 0.20, (3, 6): 0.10,  # best with the broad task, no paragraph
    }  # fmt: skip
    grades: dict[tuple[int, int], str] = {(0, 4): "same", (1, 4): "partial", (2, 4): "partial"}
    grades[(3, 4)] = "partial"
    fold_in(
        grades,  # type: ignore[arg-type]
        scores,
        plan_index,
        depth,
        parts,
        nested(tasks),
        least=0.16,
        few=3,
        fold_sd=1.0,
        share=0.85,
    )
    assert grades == {(0, 4): "same", (1, 4): "same", (2, 4): "same", (3, 4): "partial"}
    # a share of the broad task's best below the floor: no fold
    grades = {(0, 4): "same", (1, 4): "partial", (2, 4): "partial", (3, 4): "partial"}
    fold_in(grades, scores, plan_index, depth, parts, nested(tasks), least=0.16, few=3,
            fold_sd=1.0, share=0.95)  # type: ignore[arg-type]  # fmt: skip
    assert grades[(1, 4)] == "partial" and grades[(2, 4)] == "partial"


def test_a_fold_reaches_a_narrow_task_through_a_run_of_folded_neighbours() -> None:
    # 山西 减污降碳… folds 巴中's 碳达峰 and 清洁能源 tasks, which lie three and more places
    # from its best counterpart: each within two places of another task it folds (a run)
    import numpy as np

    from plangraph.analysis.levels import fold_in, nested, paragraphs

    tasks = [
        task("a", "1", "强化污染物协同治理", "推进钢铁行业超低排放改造,整治挥发性有机物。"),
        task("a", "2", "加强组织领导", "各级党委和政府加强对规划实施的组织领导。"),
        task("a", "3", "推进清洁能源发展", "大力发展光伏和风电,提高清洁能源消费比重。"),
        task("a", "4", "强化资金保障", "加大财政资金投入,拓宽投融资渠道。"),
        task("a", "5", "全力推进碳达峰行动", "制定碳达峰行动方案,推动重点行业碳排放达峰。"),
        task(
            "b",
            "1",
            "减污降碳同步发力",
            "加快推进碳达峰。制定碳达峰行动方案,推动重点行业碳排放达峰。\n"
            "加速能源清洁低碳转型。大力发展光伏和风电,提高清洁能源消费比重。\n"
            "强化工业污染治理。推进钢铁行业超低排放改造,整治挥发性有机物。",
        ),
        task("b", "2", "加强宣传教育", "开展生态文明宣传教育,营造全社会参与氛围。"),
        task("b", "3", "完善法规标准", "健全地方性法规和标准体系。"),
    ]
    parts = paragraphs(tasks, [t.text for t in tasks])
    plan_index, depth = np.asarray([0] * 5 + [1] * 3), np.zeros(8, dtype=np.int64)
    scores = {
        (0, 5): 0.30, (0, 6): 0.02, (0, 7): 0.03,  # the mutual best pair
        (1, 5): 0.05, (1, 6): 0.03, (1, 7): 0.04,
        (2, 5): 0.28, (2, 6): 0.02, (2, 7): 0.03,  # a fold, two places from the best
        (3, 5): 0.04, (3, 6): 0.05, (3, 7): 0.03,
        (4, 5): 0.27, (4, 6): 0.03, (4, 7): 0.02,  # a fold, four places: through the run
    }  # fmt: skip
    grades: dict[tuple[int, int], str] = {(0, 5): "same", (2, 5): "partial", (4, 5): "partial"}
    fold_in(grades, scores, plan_index, depth, parts, nested(tasks), least=0.16, few=3,
            fold_sd=1.0, share=0.85)  # type: ignore[arg-type]  # fmt: skip
    assert grades == {(0, 5): "same", (2, 5): "same", (4, 5): "same"}
    # without the task between, the run breaks: four places is too far
    scores[(2, 5)] = 0.10
    grades = {(0, 5): "same", (2, 5): "partial", (4, 5): "partial"}
    fold_in(grades, scores, plan_index, depth, parts, nested(tasks), least=0.16, few=3,
            fold_sd=1.0, share=0.85)  # type: ignore[arg-type]  # fmt: skip
    assert grades == {(0, 5): "same", (2, 5): "partial", (4, 5): "partial"}


def test_the_first_screen_says_how_each_plan_is_evaluated(municipal: Analysis) -> None:
    # 呼和浩特's 第八章 规划实施保障措施: 「2023年和2025年底对规划执行情况开展中期评估和总结评估」;
    # 巴中's 第十二章 保障措施 schedules no evaluation of the plan
    (finding,) = [f for f in municipal.findings if f.kind == "evaluation"]
    assert finding.text == (
        "Evaluation of the plan: 巴中市: none stated; 呼和浩特市: 中期评估、总结评估 (2023, 2025)"
    )
    assert finding.quotes == (
        "2023年和2025年底对规划执行情况开展中期评估和总结评估,评估结果适时向社会公开",
    )
    hohhot = next(p for p in municipal.data.plans if p.iri.endswith("/huhehaote-2021"))
    assert finding.plans == (hohhot.iri,)


def test_review_chapters_are_no_commitments_of_a_plan_alone(municipal: Analysis) -> None:
    # 呼和浩特 第一章 生态环境保护基本形势 (成效, 机遇, 挑战) and 第二章 指导思想、原则和目标:
    # never paired, never a task of one plan alone, no theme's task, no distinctive term's quote
    framed = {t.iri for t in municipal.data.tasks if t.key.startswith(("1-", "2-"))}
    assert len(framed) >= 20
    linked = {t for x in municipal.crosswalk.alignments for t in (x.a, x.b)}
    unique = {t for ts in municipal.crosswalk.unique.values() for t in ts}
    main = {t for theme in municipal.themes.themes for t in theme.main_tasks}
    assert not framed & (linked | unique | main)
    review = [t for t in municipal.data.tasks if t.label == "大气污染防治形势依然严峻"]
    assert review and review[0].iri in framed


def test_a_mutual_best_pair_whose_paragraphs_agree_is_the_same_matter() -> None:
    # 呼和浩特 积极应对气候变化 ~ 山西 减污降碳同步发力…: each other's best, far out on the
    # narrow side, little on the broad side (its other paragraphs match other tasks); the
    # broad task's paragraph closest to the narrow task is closest to it, and back
    import numpy as np

    from plangraph.analysis.levels import agree_in_paragraphs, paragraphs

    tasks = [
        *_carbon_tasks("积极应对气候变化"),
        task("b", "4", "完善法规标准", "健全地方性法规和标准体系。"),
    ]
    parts = paragraphs(tasks, [t.text for t in tasks])
    plan_index, depth = np.asarray([0] * 4 + [1] * 4), np.zeros(8, dtype=np.int64)
    scores = {
        (0, 4): 0.30, (0, 5): 0.02, (0, 6): 0.03, (0, 7): 0.02,  # far out on a's side
        (1, 4): 0.28, (1, 5): 0.03, (1, 6): 0.02, (1, 7): 0.03,
        (2, 4): 0.27, (2, 5): 0.02, (2, 6): 0.03, (2, 7): 0.02,
        (3, 4): 0.05, (3, 5): 0.04, (3, 6): 0.03, (3, 7): 0.04,
    }  # fmt: skip
    grades: dict[tuple[int, int], str] = {p: "partial" for p, s in scores.items() if s >= 0.15}
    agree_in_paragraphs(grades, scores, plan_index, depth, parts, least=0.16, few=3,
                        agree_sd=1.5)  # type: ignore[arg-type]  # fmt: skip
    assert grades == {(0, 4): "same", (1, 4): "partial", (2, 4): "partial"}
    # standing out less than asked on both sides: unchanged
    grades = {p: "partial" for p, s in scores.items() if s >= 0.15}
    agree_in_paragraphs(grades, scores, plan_index, depth, parts, least=0.16, few=3,
                        agree_sd=1.8)  # type: ignore[arg-type]  # fmt: skip
    assert set(grades.values()) == {"partial"}
