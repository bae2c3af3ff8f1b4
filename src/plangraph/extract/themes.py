"""Theme mentions: which themes of ``ontology/themes.ttl`` each task of a plan talks about.

The theme scheme is a two-level SKOS taxonomy.  Only second-level themes are matched and
attached to tasks; a top concept is reached through ``skos:broader``.  Every ``@zh`` label of
a second-level theme (``skos:prefLabel``, ``skos:altLabel``, ``skos:hiddenLabel``) is a match
term.  A few terms deliberately belong to two themes (柴油货车 is air and transport); a match
of such a term yields a mention of each.

Matching is one compiled regular expression, an alternation of every term factored as a trie,
so that at each position the longest term wins (生态安全屏障 shadows the 生态安全 it contains)
and the scan is linear in the text: each character is looked at by one walk down the trie.
ASCII terms (PM2.5, VOCs, CCER) match case-insensitively and only as whole words.

Mentions: :func:`extract_themes` yields one :class:`~plangraph.model.Mention` per (task, theme),
quoting the first occurrence of any of the theme's terms in the task, in reading order.  With
``every_term=True`` it yields one per (task, theme, term) instead -- the first occurrence of each
distinct term -- for callers that want all the evidence.  The default keeps the count of
mentions equal to the number of ``pg:hasTheme`` links.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

import pyoxigraph as ox

from .. import resources
from ..errors import DataError
from ..model import Mention, Owner, Plan, Quote, Task
from ..vocab import trie_pattern

__all__ = [
    "SCHEME",
    "THEME_NS",
    "TermMatch",
    "ThemeDef",
    "extract_themes",
    "find_terms",
    "load_themes",
    "theme_by_slug",
    "themes_in",
]

THEME_NS = "https://w3id.org/plangraph/id/theme/"
SCHEME = THEME_NS + "scheme"
_SOURCE = "ontology/themes.ttl"

_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_SKOS = "http://www.w3.org/2004/02/skos/core#"
_CONCEPT = _SKOS + "Concept"
_IN_SCHEME = _SKOS + "inScheme"
_BROADER = _SKOS + "broader"
_PREF = _SKOS + "prefLabel"
_ALT = _SKOS + "altLabel"
_HIDDEN = _SKOS + "hiddenLabel"
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_ASCII_WORD = re.compile(r"[A-Za-z0-9]")


@dataclass(frozen=True, slots=True)
class ThemeDef:
    """One concept of the theme scheme."""

    slug: str  # local name under id/theme/, e.g. "climate-adaptation"
    label_zh: str  # skos:prefLabel @zh
    label_en: str  # skos:prefLabel @en
    broader: str | None  # slug of the top concept; None for a top concept
    terms: tuple[str, ...]  # every @zh label: prefLabel, altLabels, hiddenLabels (file order)


@dataclass(frozen=True, slots=True)
class TermMatch:
    """One occurrence of a match term; offsets index the text that was scanned."""

    start: int
    end: int
    term: str  # the term as written in themes.ttl
    themes: tuple[str, ...]  # slugs of the themes the term belongs to


@dataclass(frozen=True, slots=True)
class _Matcher:
    pattern: re.Pattern[str]
    by_key: dict[str, tuple[str, tuple[str, ...]]]  # lower-cased term -> (term, slugs)


# --------------------------------------------------------------------------- the scheme


@functools.cache
def load_themes() -> tuple[ThemeDef, ...]:
    """Every concept of the theme scheme, in file order: top concepts and their themes."""
    data = resources.read_text("ontology", "themes.ttl").encode("utf-8")
    try:
        triples = list(ox.parse(data, format=ox.RdfFormat.TURTLE))
    except SyntaxError as error:
        raise DataError(f"{_SOURCE}: not valid Turtle: {error}") from None
    concepts: dict[str, dict[str, list[str]]] = {}
    for triple in triples:
        subject, predicate, obj = triple.subject, triple.predicate.value, triple.object
        if not isinstance(subject, ox.NamedNode):
            continue
        props = concepts.setdefault(subject.value, {})
        if isinstance(obj, ox.Literal):
            lang = obj.language or ""
            if predicate == _PREF:
                props.setdefault(f"{_PREF}@{lang}", []).append(obj.value)
            elif predicate in (_ALT, _HIDDEN) and lang == "zh":
                props.setdefault("terms", []).append(obj.value)
        elif isinstance(obj, ox.NamedNode):
            props.setdefault(predicate, []).append(obj.value)
    themes: list[ThemeDef] = []
    for iri, props in concepts.items():
        if _CONCEPT not in props.get(_RDF_TYPE, ()) or SCHEME not in props.get(_IN_SCHEME, ()):
            continue
        themes.append(_theme(iri, props))
    _check(themes)
    return tuple(themes)


def _theme(iri: str, props: dict[str, list[str]]) -> ThemeDef:
    slug = _slug(iri)
    zh = props.get(f"{_PREF}@zh", [])
    en = props.get(f"{_PREF}@en", [])
    if len(zh) != 1 or len(en) != 1:
        raise DataError(f"{_SOURCE}: theme {slug}: expected one skos:prefLabel @zh and one @en")
    broader = props.get(_BROADER, [])
    if len(broader) > 1:
        raise DataError(f"{_SOURCE}: theme {slug}: expected at most one skos:broader")
    terms = list(dict.fromkeys([zh[0], *props.get("terms", [])]))
    return ThemeDef(slug, zh[0], en[0], _slug(broader[0]) if broader else None, tuple(terms))


def _slug(iri: str) -> str:
    slug = iri.removeprefix(THEME_NS)
    if slug == iri or not _SLUG.fullmatch(slug):
        raise DataError(f"{_SOURCE}: {iri}: expected a theme IRI {THEME_NS}{{ascii-slug}}")
    return slug


def _check(themes: list[ThemeDef]) -> None:
    tops = {t.slug for t in themes if t.broader is None}
    for theme in themes:
        if theme.broader is not None and theme.broader not in tops:
            raise DataError(
                f"{_SOURCE}: theme {theme.slug}: skos:broader {theme.broader} is not a top "
                "concept of the scheme; expected a two-level taxonomy"
            )
    if not any(t.broader for t in themes):
        raise DataError(f"{_SOURCE}: no second-level themes; expected concepts with skos:broader")


@functools.cache
def _by_slug() -> dict[str, ThemeDef]:
    return {t.slug: t for t in load_themes()}


def theme_by_slug(slug: str) -> ThemeDef | None:
    """The theme (or top concept) with this slug, or None."""
    return _by_slug().get(slug)


# --------------------------------------------------------------------------- matching


@functools.cache
def _matcher() -> _Matcher:
    by_key: dict[str, tuple[str, tuple[str, ...]]] = {}
    for theme in load_themes():
        if theme.broader is None:
            continue  # top concepts are reached through skos:broader, never matched
        for term in theme.terms:
            key = term.lower()
            written, slugs = by_key.get(key, (term, ()))
            if theme.slug not in slugs:
                by_key[key] = (written, (*slugs, theme.slug))
    return _Matcher(re.compile(trie_pattern(by_key, either_case=True)), by_key)


# the matches of a stretch of text, by what decides them: its characters and the one on
# either side (an ASCII term must not continue an ASCII word), at offsets from its start;
# plans repeat their sentences (the generated corpora most of all); bounded, short stretches
_TERMS_AT_MOST = 1 << 16
_TERMS_LONGEST = 1000
_terms: dict[tuple[str, str, str], tuple[tuple[int, int, str, tuple[str, ...]], ...]] = {}


def find_terms(text: str, start: int = 0, end: int | None = None) -> tuple[TermMatch, ...]:
    """Every match term in ``text[start:end]``, left to right, longest at each position.

    Offsets are offsets into ``text`` (not into the slice), so with a plan's text and a
    sentence's span they are plan-level offsets.
    """
    stop = len(text) if end is None else end
    if not 0 <= start <= stop <= len(text) or stop - start > _TERMS_LONGEST:
        return _find_terms(text, start, end)
    key = (text[start:stop], text[start - 1] if start else "", text[stop : stop + 1])
    found = _terms.get(key)
    if found is None:
        if len(_terms) >= _TERMS_AT_MOST:
            _terms.clear()
        found = _terms[key] = tuple(
            (m.start - start, m.end - start, m.term, m.themes)
            for m in _find_terms(text, start, end)
        )
    return tuple(TermMatch(start + a, start + b, term, slugs) for a, b, term, slugs in found)


def _find_terms(text: str, start: int = 0, end: int | None = None) -> tuple[TermMatch, ...]:
    matcher = _matcher()
    stop = len(text) if end is None else end
    found: list[TermMatch] = []
    for match in matcher.pattern.finditer(text, start, stop):
        term, slugs = matcher.by_key[match.group().lower()]
        if not _whole_word(text, match.start(), match.end()):
            continue
        found.append(TermMatch(match.start(), match.end(), term, slugs))
    return tuple(found)


def _whole_word(text: str, start: int, end: int) -> bool:
    """An ASCII term (VOCs, CCER) must not be part of a longer ASCII word or number."""
    if _ASCII_WORD.match(text[start]) and start > 0 and _ASCII_WORD.match(text[start - 1]):
        return False
    return not (
        _ASCII_WORD.match(text[end - 1]) and end < len(text) and _ASCII_WORD.match(text[end])
    )


def themes_in(text: str) -> tuple[str, ...]:
    """Slugs of the themes whose terms occur in ``text``, in order of first occurrence."""
    seen: dict[str, None] = {}
    for match in find_terms(text):
        for slug in match.themes:
            seen.setdefault(slug, None)
    return tuple(seen)


# --------------------------------------------------------------------------- strength

Strength = Literal["main", "mentioned"]

# A clause that opens with one of these words sets the circumstances of the commitment (where,
# on what, by when, through what: 以交界地区为重点，… · 到2027年，… · 依托…) rather than its
# matter, which follows in the next clause.
CIRCUMSTANCE_OPENERS = (
    "以",
    "在",
    "围绕",
    "重点围绕",
    "依托",
    "结合",
    "按照",
    "针对",
    "根据",
    "聚焦",
    "立足",
    "通过",
    "对标",
    "到",
    "至",
    "力争到",
)
# A clause that opens with one of these continues the object of the clause before it
# (加强A保护，以及B栖息地保护和修复): it belongs to the head clause.
CONTINUATION_OPENERS = ("以及", "及其", "并且")
CLAUSE_BREAK = re.compile(r"[，,；;：:]")
MAIN_LEAST_SENTENCES = 2  # a theme the title does not name is main from this many sentences


@dataclass(frozen=True, slots=True)
class ThemeEvidence:
    """How strongly one task addresses one theme, and the first match that shows it."""

    theme: str  # slug
    strength: Strength
    match: TermMatch
    sentence: int  # index of the sentence that holds the match


def head_clause(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of a sentence's head clause: its first clause that does not open with a
    circumstance (:data:`CIRCUMSTANCE_OPENERS`), with the clauses that continue it
    (:data:`CONTINUATION_OPENERS`); the first clause when all open with a circumstance."""
    clauses: list[tuple[int, int]] = []
    at = start
    for cut in CLAUSE_BREAK.finditer(text, start, end):
        clauses.append((at, cut.start()))
        at = cut.end()
    clauses.append((at, end))
    for k, (lo, hi) in enumerate(clauses):
        clause = text[lo:hi].lstrip()
        if clause and (
            not clause.startswith(CIRCUMSTANCE_OPENERS) or clause.startswith(CONTINUATION_OPENERS)
        ):
            for next_lo, next_hi in clauses[k + 1 :]:
                if not text[next_lo:next_hi].lstrip().startswith(CONTINUATION_OPENERS):
                    break
                hi = next_hi
            return lo, hi
    return clauses[0]


def task_evidence(
    text: str, sentences: Sequence[tuple[int, int]], title: tuple[int, int] | None = None
) -> tuple[ThemeEvidence, ...]:
    """The themes a task addresses with real evidence, each with its strength.

    ``sentences`` are the task's sentence spans in ``text`` and ``title`` the span of its
    title (the part of a sentence it overlaps counts as title, the rest as body).  A body
    sentence is *about* a theme when one of the theme's terms stands in its head clause
    (:func:`head_clause`) or when the theme holds at least half of the sentence's term
    matches; a term elsewhere (跨省 in …打造跨省零排放货运通道, a qualifier of another
    matter) is no evidence.  A theme is the task's **main** matter when its title names it,
    or when more of the task's sentences are about it than about any theme of the title (at
    least :data:`MAIN_LEAST_SENTENCES`); it is **mentioned** when some other sentence is
    about it.  In order of first evidence; ``ThemeEvidence.sentence`` indexes ``sentences``.
    """
    first: dict[str, tuple[TermMatch, int]] = {}
    in_title: set[str] = set()
    about: dict[str, int] = {}  # theme -> body sentences about it
    for index, start, end, is_title in _units(sentences, title):
        matches = find_terms(text, start, end)
        if not matches:
            continue
        head_start, head_end = head_clause(text, start, end)
        counts: dict[str, int] = {}
        for match in matches:
            for slug in match.themes:
                counts[slug] = counts.get(slug, 0) + 1
        total = sum(counts.values())
        found_here: set[str] = set()
        for match in matches:
            in_head = head_start <= match.start and match.end <= head_end
            for slug in match.themes:
                if is_title or in_head or 2 * counts[slug] >= total:
                    first.setdefault(slug, (match, index))
                    found_here.add(slug)
        if is_title:
            in_title |= found_here
        else:
            for slug in found_here:
                about[slug] = about.get(slug, 0) + 1
    least = max([about.get(s, 0) for s in in_title], default=0)
    main = set(in_title)
    top = max(about.values(), default=0)
    if top >= MAIN_LEAST_SENTENCES and top > least:
        main |= {s for s, n in about.items() if n == top}
    return tuple(
        ThemeEvidence(slug, "main" if slug in main else "mentioned", match, index)
        for slug, (match, index) in sorted(first.items(), key=lambda x: (x[1][0].start, x[0]))
    )


def _units(
    sentences: Sequence[tuple[int, int]], title: tuple[int, int] | None
) -> Iterator[tuple[int, int, int, bool]]:
    """(sentence index, start, end, is title): each sentence, cut where the title ends."""
    for index, (start, end) in enumerate(sentences):
        if title is None or title[1] <= start or end <= title[0]:
            yield index, start, end, False
            continue
        if start < title[0]:
            yield index, start, title[0], False
        yield index, max(start, title[0]), min(end, title[1]), True
        if title[1] < end:
            yield index, title[1], end, False


def _task_spans(plan: Plan) -> Iterator[tuple[Task, list[tuple[int, int]], list[int]]]:
    """Every task, nested ones too, with its sentence spans and their sentence indexes (a
    nested task's are the parts of its top-level task's sentences that lie inside it)."""
    for top in plan.tasks:
        for task in (top, *top.descendants):
            inside = [s for s in top.sentences if s.start < task.end and task.start < s.end]
            spans = [(max(s.start, task.start), min(s.end, task.end)) for s in inside]
            yield task, spans, [s.index for s in inside]


def _title_span(plan: Plan, task: Task) -> tuple[int, int] | None:
    if not task.title:
        return None
    at = plan.text.find(task.title, task.start, task.end)
    return (at, at + len(task.title)) if at >= 0 else None


def extract_themes(plan: Plan, *, every_term: bool = False) -> tuple[Mention, ...]:
    """Theme mentions of each task of ``plan`` with their strength (:func:`task_evidence`).

    One mention per (task, theme) the task addresses with evidence, quoting the first match
    that shows it (in the title for a main theme the title names); with ``every_term`` one per
    (task, theme, distinct term) over the task's evidence sentences.  ``Mention.how`` is the
    matched term as written in themes.ttl and ``Mention.strength`` "main" or "mentioned"; the
    quote is the text as printed in the plan (``plan.text[q.start:q.end] == q.text``).
    """
    mentions: list[Mention] = []
    for task, spans, indexes in _task_spans(plan):
        owner = Owner("task", task.key)
        evidence = task_evidence(plan.text, spans, _title_span(plan, task))
        if not every_term:
            for found in evidence:
                mentions.append(
                    _theme_mention(
                        plan,
                        indexes[found.sentence],
                        owner,
                        found.theme,
                        found.match,
                        found.strength,
                    )
                )
            continue
        strength = {e.theme: e.strength for e in evidence}
        seen: set[tuple[str, str]] = set()
        for (start, end), index in zip(spans, indexes, strict=True):
            for match in find_terms(plan.text, start, end):
                for slug in match.themes:
                    if slug not in strength or (slug, match.term) in seen:
                        continue
                    seen.add((slug, match.term))
                    mentions.append(_theme_mention(plan, index, owner, slug, match, strength[slug]))
    return tuple(mentions)


def _theme_mention(
    plan: Plan, sentence: int, owner: Owner, slug: str, match: TermMatch, strength: str
) -> Mention:
    quote = Quote(sentence, match.start, match.end, plan.text[match.start : match.end])
    return Mention(plan.id, owner, slug, quote, how=match.term, strength=strength)
