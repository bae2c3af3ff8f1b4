"""Reading plans: structure, sentences and offsets, file variants, and bad input."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from plangraph.errors import ReadError
from plangraph.model import Plan
from plangraph.read import check_counts, decode, read_plans, read_text, split_sentences

AGENCIES_PRINTED = (
    "生态环境部",
    "国家发展改革委",
    "工业和信息化部",
    "财政部",
    "自然资源部",
    "住房城乡建设部",
    "中国人民银行",
)


def task_titles(plans: tuple[Plan, ...]) -> list[list[tuple[str, str]]]:
    return [[(t.key, t.title) for t in p.tasks] for p in plans]


# --------------------------------------------------------------------------- the seed


def test_three_plans_with_their_regions_and_titles(plans: tuple[Plan, ...]) -> None:
    assert [p.region for p in plans] == ["京津冀", "长三角", "粤港澳大湾区"]
    assert [p.id for p in plans] == ["jjj-2025", "yrd-2025", "gba-2025"]
    assert plans[0].title == "京津冀美丽中国先行区建设行动方案"
    assert plans[2].title == "粤港澳大湾区美丽中国先行区建设行动方案"


def test_sections_and_tasks_match_the_counts_the_prefaces_state(plans: tuple[Plan, ...]) -> None:
    with_tasks = [sum(1 for s in p.sections if s.tasks) for p in plans]
    assert with_tasks == [6, 5, 7]
    assert [p.stated_sections for p in plans] == [6, 5, 7]
    assert [len(p.tasks) for p in plans] == [22, 22, 22]
    assert [p.stated_tasks for p in plans] == [22, 22, 22]
    assert all(check_counts(p) == [] for p in plans)
    assert [s.ordinal for s in plans[2].sections] == [1, 2, 3, 4, 5, 6, 7, 8]
    assert plans[0].sections[0].title == "总体要求"
    assert plans[0].sections[0].tasks == ()
    assert [len(s.tasks) for s in plans[0].sections] == [0, 4, 4, 3, 3, 3, 5]


def test_task_titles_and_bodies(plan_by_region: dict[str, Plan]) -> None:
    jjj, yrd, gba = (plan_by_region[r] for r in ("京津冀", "长三角", "粤港澳大湾区"))
    assert jjj.tasks[14].ordinal == 15
    assert jjj.tasks[14].title == "“一核两翼”打造美丽新高地"
    assert jjj.tasks[14].body.startswith("北京作为京津冀美丽中国先行区建设的核心,")
    assert jjj.tasks[14].section == 6
    assert yrd.tasks[20].title == "高水平建设一体化示范区"
    assert gba.tasks[14].title == "共建“无废湾区”"
    assert gba.tasks[21].title == "深度参与全球生态文明建设合作"
    assert [t.key for t in jjj.tasks] == [str(n) for n in range(1, 23)]
    assert jjj.numbering == "continuous"


def test_release_preface_issuers_approval_and_note(plans: tuple[Plan, ...]) -> None:
    for plan in plans:
        assert plan.issuers == AGENCIES_PRINTED
        assert plan.approved_by == "国务院"
        assert plan.abridged is True
        assert plan.note == "此文有删减"
        assert plan.preface is not None
        assert plan.preface.text.startswith("生态环境部等七部门联合印发《")
        assert plan.preamble is not None
        assert plan.preamble.text.startswith("为贯彻落实党中央、国务院决策部署")
        assert plan.preamble.text.endswith("制定本方案。")


def test_closing_paragraph_is_its_own_unit(plans: tuple[Plan, ...]) -> None:
    for plan in plans:
        assert plan.closing is not None
        assert plan.closing.text.startswith("依托美丽中国建设工作机制")
        assert "依托" not in plan.tasks[-1].text
    assert "省级人民政府对京津冀美丽中国先行区建设负总责" in plans[0].closing.text  # type: ignore[union-attr]
    assert "牵头制定年度任务和分工" in plans[2].closing.text  # type: ignore[union-attr]


def test_every_sentence_slices_back_from_the_plan_text(plans: tuple[Plan, ...]) -> None:
    for plan in plans:
        sentences = plan.sentences
        assert [s.index for s in sentences] == list(range(1, len(sentences) + 1))
        for sentence in sentences:
            assert plan.text[sentence.start : sentence.end] == sentence.text
        for task in plan.tasks:
            for sentence in task.sentences:
                assert task.start <= sentence.start < sentence.end <= task.end
            assert plan.text[task.start : task.end].endswith(task.text)


def test_sentences_split_at_chinese_and_ascii_stops() -> None:
    text = "第一句。第二句;第三句!第四句?“引号内。”后面"
    pieces = [text[a:b] for a, b in split_sentences(text)]
    assert pieces == ["第一句。", "第二句;", "第三句!", "第四句?", "“引号内。”", "后面"]
    # a decimal point is not a full stop
    assert [text for text in ("提高7.3个百分点。",)] == [
        "提高7.3个百分点。"[a:b] for a, b in split_sentences("提高7.3个百分点。")
    ]


def test_task_sentences_start_after_the_numbering(plan_by_region: dict[str, Plan]) -> None:
    task = plan_by_region["京津冀"].tasks[16]
    assert task.sentences[0].text == "“串珠成链”汇聚美丽新气象。"
    assert task.sentences[-1].text.startswith("到2027年,梯次推进18个市(区)")


# --------------------------------------------------------------------------- file variants


def widen(text: str) -> str:
    """The same plan printed with full-width punctuation, digits, and indentation."""
    table = {ord(c): ord(c) + 0xFEE0 for c in ",():;%0123456789"}
    lines = ["\u3000\u3000" + line.translate(table) for line in text.split("\n")]
    return "\n".join(lines)


def test_full_width_variant_reads_the_same(seed_text: str, plans: tuple[Plan, ...]) -> None:
    wide = read_text(widen(seed_text), "wide.txt")
    assert task_titles(wide) == task_titles(plans)
    assert [p.text for p in wide] == [p.text for p in plans]


def test_gb18030_variant_reads_the_same(tmp_path: Path, seed_text: str) -> None:
    path = tmp_path / "plans-2025.txt"
    path.write_bytes(seed_text.encode("gb18030"))
    assert [p.text for p in read_plans([path])] == [p.text for p in read_plans()]


def test_crlf_and_bom_variant_reads_the_same(tmp_path: Path, seed_text: str) -> None:
    path = tmp_path / "plans-2025.txt"
    path.write_bytes(b"\xef\xbb\xbf" + seed_text.replace("\n", "\r\n").encode("utf-8"))
    assert [p.text for p in read_plans([path])] == [p.text for p in read_plans()]


def split_release(seed_text: str) -> list[str]:
    """The combined release cut into one file per plan, at each release headline."""
    starts = [m.start() for m in re.finditer(r"^生态环境部等七部门联合印发", seed_text, re.M)]
    return [seed_text[a:b] for a, b in zip(starts, [*starts[1:], len(seed_text)], strict=True)]


def test_one_plan_per_file_in_a_folder(tmp_path: Path, seed_text: str) -> None:
    for n, part in enumerate(split_release(seed_text)):
        (tmp_path / f"plan{n}-2025.txt").write_text(part, encoding="utf-8")
    (tmp_path / "notes.md").write_text("not a plan", encoding="utf-8")
    from_folder = read_plans([tmp_path])
    assert task_titles(from_folder) == task_titles(read_plans())
    assert [p.id for p in from_folder] == ["jjj-2025", "yrd-2025", "gba-2025"]


def test_body_only_plan_without_release(seed_text: str) -> None:
    body = split_release(seed_text)[1].split("文件正文\n", 1)[1]
    (plan,) = read_text(body, "yrd.txt")
    assert plan.title == "长三角美丽中国先行区建设行动方案"
    assert plan.preface is None
    assert plan.issuers == ()
    assert len(plan.tasks) == 22
    assert plan.tasks[4].title == "推进水污染系统治理"


RESTARTING = """国务院关于推进某地生态环境保护的实施方案
为深入推进生态文明建设,制定本方案。
一、总体要求
到2027年,生态环境质量持续改善。
二、重点任务
(一)强化大气治理。开展钢铁行业超低排放改造。
(二)强化水体治理。推进入河排污口整治。
三、保障措施
(一)加强组织领导。各地要压实责任。
(二)强化资金保障。加大资金投入。
"""


def test_numbering_that_restarts_in_every_section() -> None:
    (plan,) = read_text(RESTARTING, "restart.txt")
    assert plan.numbering == "restarting"
    assert [t.key for t in plan.tasks] == ["2-1", "2-2", "3-1", "3-2"]
    assert [t.ordinal for t in plan.tasks] == [1, 2, 1, 2]
    assert plan.tasks[2].title == "加强组织领导"
    assert plan.closing is None  # the last task is one paragraph: nothing trails it


def test_multi_paragraph_tasks_keep_their_paragraphs() -> None:
    text = (
        RESTARTING.replace(
            "(一)强化大气治理。开展钢铁行业超低排放改造。",
            "(一)强化大气治理。开展钢铁行业超低排放改造。\n推进水泥行业超低排放改造。",
        )
        + "各地区各部门要加强组织实施。\n"
    )
    (plan,) = read_text(text, "multi.txt")
    assert plan.tasks[0].body == "开展钢铁行业超低排放改造。\n推进水泥行业超低排放改造。"
    assert plan.closing is not None
    assert plan.closing.text == "各地区各部门要加强组织实施。"


# --------------------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"", "is empty"),
        (b"  \n\n ", "is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (b"\xff\xfe\x41\x00", "UTF-16"),
        ("\u4e2d".encode() + b"\xef\xbb\xbf" + "文本".encode("gb18030"), "neither UTF-8"),
    ],
)
def test_undecodable_input_gets_a_clear_error(data: bytes, expected: str) -> None:
    with pytest.raises(ReadError, match=expected) as info:
        decode(data, "bad.txt")
    assert str(info.value).startswith("bad.txt")


def test_gb18030_with_a_utf8_bom_is_refused_with_its_line() -> None:
    data = b"\xef\xbb\xbf" + "第一行\n第二行:中文".encode("gb18030")
    with pytest.raises(ReadError, match="byte-order mark but is not valid UTF-8") as info:
        decode(data, "wrong-bom.txt")
    assert info.value.line == 1


def test_text_without_a_plan_is_refused() -> None:
    with pytest.raises(ReadError, match="no recognisable plan"):
        read_text("这是一段普通的文字,没有章节,也没有任务。\n", "note.txt")


def test_missing_path_and_empty_folder(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="no such file or folder"):
        read_plans([tmp_path / "missing.txt"])
    with pytest.raises(ReadError, match=r"holds no plan files; expected \.txt, \.html, \.mhtml"):
        read_plans([tmp_path])


def test_symlink_loop_is_refused(tmp_path: Path) -> None:
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    with pytest.raises(ReadError) as info:
        read_plans([loop])
    assert str(info.value).startswith(str(loop))


def test_oversized_file_is_refused_before_reading(tmp_path: Path) -> None:
    from plangraph import read as read_module

    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(read_module.MAX_BYTES + 1)
    with pytest.raises(ReadError, match="MB; plans are expected to be under"):
        read_plans([path])
