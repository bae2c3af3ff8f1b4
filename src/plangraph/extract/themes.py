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
from dataclasses import dataclass

import pyoxigraph as ox

from .. import resources
from ..errors import DataError
from ..model import Mention, Owner, Plan, Quote
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


def find_terms(text: str, start: int = 0, end: int | None = None) -> tuple[TermMatch, ...]:
    """Every match term in ``text[start:end]``, left to right, longest at each position.

    Offsets are offsets into ``text`` (not into the slice), so with a plan's text and a
    sentence's span they are plan-level offsets.
    """
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


def extract_themes(plan: Plan, *, every_term: bool = False) -> tuple[Mention, ...]:
    """Theme mentions of each task of ``plan``, quoting the first occurrence of a term.

    One mention per (task, theme); with ``every_term`` one per (task, theme, distinct term).
    ``Mention.how`` is the matched term as written in themes.ttl; the quote is the text as
    printed in the plan (``plan.text[q.start:q.end] == q.text``).
    """
    mentions: list[Mention] = []
    for task in plan.tasks:
        owner = Owner("task", task.key)
        seen: set[tuple[str, str]] = set()
        for sentence in task.sentences:
            for match in find_terms(plan.text, sentence.start, sentence.end):
                for slug in match.themes:
                    key = (slug, match.term if every_term else "")
                    if key in seen:
                        continue
                    seen.add(key)
                    quote = Quote(
                        sentence.index, match.start, match.end, plan.text[match.start : match.end]
                    )
                    mentions.append(Mention(plan.id, owner, slug, quote, how=match.term))
    return tuple(mentions)
