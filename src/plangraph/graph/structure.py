"""A plan's own structure as triples: the plan, its preface, preamble and closing, sections,
tasks, nested tasks and sentences, each with its span in the plan's text."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..model import Plan, Section, Sentence, Task, Unit, UnitKind
from .iris import DCTERMS, PG, RDFS, plan_iri, section_iri, sentence_iri, task_iri, unit_iri
from .items import _Triples


def _plan(t: _Triples, plan: Plan) -> None:
    p = plan_iri(plan.id)
    t.a(p, PG + "Plan")
    t.zh(p, RDFS + "label", plan.title)
    t.zh(p, DCTERMS + "title", plan.title)
    t.zh(p, PG + "text", plan.text)
    t.string(p, PG + "identifier", plan.id)
    t.string(p, PG + "numbering", plan.numbering)
    t.string(p, PG + "sourceFile", _file_name(plan.source))
    t.string(p, DCTERMS + "source", _file_name(plan.source))
    t.string(p, DCTERMS + "format", plan.media_type)
    t.integer(p, PG + "sourceLine", plan.line)
    t.boolean(p, PG + "abridged", plan.abridged)
    for page in plan.picture_pages:
        t.integer(p, PG + "picturePage", page)
    if plan.issued is not None:
        t.date(p, DCTERMS + "issued", plan.issued)
    elif plan.year is not None:
        t.year(p, DCTERMS + "issued", plan.year)
    if plan.document_number:
        t.string(p, PG + "documentNumber", plan.document_number)
    if plan.note:
        t.zh(p, PG + "editorialNote", plan.note)
    if plan.stated_sections is not None:
        t.integer(p, PG + "statedSectionCount", plan.stated_sections)
    if plan.stated_tasks is not None:
        t.integer(p, PG + "statedTaskCount", plan.stated_tasks)
    for unit in (plan.preface, plan.preamble, plan.closing):
        if unit is not None:
            _unit(t, plan, unit)
    for section in plan.sections:
        _section(t, plan, section)


def _file_name(source: str) -> str:
    return re.split(r"[\\/]", source)[-1]


def _span(t: _Triples, s: str, plan: Plan, start: int, end: int) -> None:
    t.iri(s, PG + "inPlan", plan_iri(plan.id))
    t.integer(s, PG + "start", start)
    t.integer(s, PG + "end", end)


def _sentences(t: _Triples, owner: str, plan: Plan, sentences: Iterable[Sentence]) -> None:
    for sentence in sentences:
        s = sentence_iri(plan.id, sentence.index)
        t.iri(owner, PG + "hasSentence", s)
        t.a(s, PG + "Sentence")
        t.zh(s, PG + "text", sentence.text)
        t.integer(s, PG + "ordinal", sentence.index)
        t.iri(s, PG + "partOf", owner)
        _span(t, s, plan, sentence.start, sentence.end)


_UNIT_CLASS: dict[UnitKind, str] = {
    "preface": "Preface",
    "preamble": "Preamble",
    "closing": "Closing",
}
_UNIT_LINK: dict[UnitKind, str] = {
    "preface": "hasPreface",
    "preamble": "hasPreamble",
    "closing": "hasClosing",
}
_UNIT_LABEL: dict[UnitKind, str] = {
    "preface": "发布说明",
    "preamble": "前言",
    "closing": "组织实施",
}


def _unit(t: _Triples, plan: Plan, unit: Unit) -> None:
    u = unit_iri(plan.id, unit.kind)
    t.iri(plan_iri(plan.id), PG + _UNIT_LINK[unit.kind], u)
    t.a(u, PG + _UNIT_CLASS[unit.kind])
    t.zh(u, RDFS + "label", _UNIT_LABEL[unit.kind])
    t.zh(u, PG + "text", unit.text)
    _span(t, u, plan, unit.start, unit.end)
    _sentences(t, u, plan, unit.sentences)


def _section(t: _Triples, plan: Plan, section: Section) -> None:
    s = section_iri(plan.id, section.ordinal)
    t.iri(plan_iri(plan.id), PG + "hasSection", s)
    t.a(s, PG + "Section")
    t.integer(s, PG + "ordinal", section.ordinal)
    t.zh(s, RDFS + "label", section.title)
    t.zh(s, PG + "text", plan.text[section.start : section.end])
    t.integer(s, PG + "sourceLine", section.line)
    _span(t, s, plan, section.start, section.end)
    _sentences(t, s, plan, section.sentences)
    for task in section.tasks:
        _task(t, plan, s, task)


def _task(t: _Triples, plan: Plan, section: str, task: Task, parent: str | None = None) -> None:
    """A task of ``section``; with ``parent``, a numbered unit printed inside that task (1.
    under (一), 一、 under 第一节): a pg:Task that its task pg:hasTask, in the same section,
    whose sentences stay with the top-level task."""
    k = task_iri(plan.id, task.key)
    t.iri(parent or section, PG + "hasTask", k)
    t.iri(k, PG + "inSection", section)
    t.a(k, PG + "Task")
    t.integer(k, PG + "ordinal", task.ordinal)
    t.zh(k, RDFS + "label", task.title)
    t.zh(k, PG + "text", task.text)
    t.integer(k, PG + "sourceLine", task.line)
    _span(t, k, plan, task.start, task.end)
    if parent is None:
        _sentences(t, k, plan, task.sentences)
    for nested in task.subtasks:
        _task(t, plan, section, nested, parent=k)
