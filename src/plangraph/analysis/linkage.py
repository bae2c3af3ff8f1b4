"""Cross-region linkages between tasks of different plans, and places named outside a region.

Kinds (each linkage has its kind, a score in [0, 1] and its evidence):

- ``theme`` / ``place`` / ``indicator``: the task of another plan that shares the most
  themes, places or target indicators with a task (cosine over IDF-weighted sets); the
  evidence is what they share, rarest first.
- ``text``: the task of another plan whose text is most similar (cosine over TF-IDF of
  character 2- and 3-grams); the evidence is the longest phrases both texts contain.
- ``outside-place``: a place a plan names that lies outside the region it covers
  (蒙电入沪: the 长三角 plan names 内蒙古); the evidence is the units and quotes naming it.

For every task, each task-to-task kind keeps the best match in at most ``max_plans`` other
plans (all other plans in the seed), so the output grows linearly with the corpus.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from . import vectors
from .project import GraphData, PlaceNode, iri_key

LinkKind = Literal["theme", "place", "indicator", "text", "outside-place"]
TASK_KINDS: tuple[LinkKind, ...] = ("theme", "place", "indicator", "text")


@dataclass(frozen=True, slots=True)
class Linkage:
    kind: LinkKind
    score: float
    from_plan: str
    from_task: str | None
    to_plan: str | None = None
    to_task: str | None = None
    place: str | None = None  # outside-place: the place named
    evidence: tuple[str, ...] = ()  # IRIs: shared themes/places/indicators, or naming units
    evidence_text: tuple[str, ...] = ()  # shared phrases (text) or quotes (outside-place)

    @property
    def key(self) -> tuple[object, ...]:
        """Sort key: score descending, then the IRIs involved."""
        return (
            -round(self.score, vectors.SCORE_DIGITS),
            iri_key(self.from_task or self.from_plan),
            iri_key(self.to_task or self.place or ""),
            self.kind,
        )


@dataclass(frozen=True, slots=True)
class LinkageAnalysis:
    links: tuple[Linkage, ...]  # by kind (in TASK_KINDS order, then outside-place), then key
    exact: bool  # False when text matching used the candidate filter (large corpora)

    def of_kind(self, kind: LinkKind) -> tuple[Linkage, ...]:
        return tuple(link for link in self.links if link.kind == kind)


def analyze_linkages(
    data: GraphData,
    *,
    max_plans: int = 3,
    text: bool = True,
    text_links: Callable[[], tuple[list[Linkage], bool]] | None = None,
) -> LinkageAnalysis:
    """Every kind of linkage.  ``text_links``, called once the other kinds are found, gives
    the text linkages (what :func:`text_linkages` finds, e.g. in another process) instead
    of the text matching here; ``text`` False leaves them out (the light analysis)."""
    tasks = data.tasks
    groups = _plan_groups(data)
    links: list[Linkage] = []
    exact = True
    feature_sets: dict[LinkKind, Mapping[str, tuple[str, ...]]] = {
        "theme": data.task_themes,
        "place": data.task_places,
        "indicator": data.task_indicators,
    }
    for kind, sets in feature_sets.items():
        rows = vectors.binary([sets.get(t.iri, ()) for t in tasks])
        matches, _ = vectors.best_per_group(rows, groups, per_row=max_plans)
        kind_links = []
        evidence = vectors.shared_features_many(rows, [(m.row, m.other) for m in matches])
        for match, shared in zip(matches, evidence, strict=True):
            a, b = tasks[match.row], tasks[match.other]
            kind_links.append(
                Linkage(
                    kind=kind,
                    score=match.score,
                    from_plan=a.plan,
                    from_task=a.iri,
                    to_plan=b.plan,
                    to_task=b.iri,
                    evidence=tuple(rows.features[f] for f, _ in shared),
                )
            )
        links.extend(sorted(kind_links, key=lambda link: link.key))

    if text_links is not None or text:  # the character n-gram matching
        found, exact = _text_links(data, groups, max_plans) if text_links is None else text_links()
        links.extend(found)
    links.extend(_outside_places(data))
    return LinkageAnalysis(tuple(links), exact)


def _plan_groups(data: GraphData) -> list[int]:
    plan_rank = {p.iri: i for i, p in enumerate(data.plans)}
    return [plan_rank[t.plan] for t in data.tasks]


def text_linkages(data: GraphData, *, max_plans: int = 3) -> tuple[list[Linkage], bool]:
    """The text linkages alone (sorted) and whether they are exact, as
    :func:`analyze_linkages` finds them."""
    return _text_links(data, _plan_groups(data), max_plans)


def _text_links(
    data: GraphData, groups: Sequence[int], max_plans: int
) -> tuple[list[Linkage], bool]:
    tasks = data.tasks
    rows = vectors.tfidf([t.text for t in tasks])
    matches, exact = vectors.best_per_group(rows, groups, per_row=max_plans)
    links = []
    # the 30 features each pair shares most, the longest 15 of them grown into phrases
    pairs = [(m.row, m.other) for m in matches]
    for match, seeds in zip(matches, vectors.longest_shared(rows, pairs, 30, 15), strict=True):
        a, b = tasks[match.row], tasks[match.other]
        links.append(
            Linkage(
                kind="text",
                score=match.score,
                from_plan=a.plan,
                from_task=a.iri,
                to_plan=b.plan,
                to_task=b.iri,
                evidence_text=tuple(vectors.common_phrases(a.text, b.text, seeds)),
            )
        )
    links.sort(key=lambda link: link.key)
    return links, exact


def ancestors(place: str, places: Mapping[str, PlaceNode]) -> set[str]:
    """The place and every place it lies in (pg:locatedIn, transitively)."""
    seen = {place}
    todo = [place]
    while todo:
        node = places.get(todo.pop())
        for parent in node.located_in if node else ():
            if parent not in seen:
                seen.add(parent)
                todo.append(parent)
    return seen


def outside_region(place: str, members: Sequence[str], places: Mapping[str, PlaceNode]) -> bool:
    """True when the graph shows that ``place`` lies outside the region of ``members``.

    A place is inside when it or a place it lies in (pg:locatedIn) is a member, and
    overlaps when it contains a member.  Otherwise it is outside when the province it lies
    in holds no member either, when it is itself a province-level area (内蒙古 for 长三角),
    or when it is a city and the region's members there are cities (汕头 for the 大湾区).
    Where the graph cannot tell (a district or a feature of a province that the region
    covers only in part, or a feature that lies in no province) it is not called outside.
    """
    node = places.get(place)
    if node is None or not members:
        return False
    member_set = set(members)
    around = ancestors(place, places)
    if around & member_set:
        return False
    holding = set().union(*(ancestors(m, places) for m in members))  # members and their parents
    if place in holding:
        return False  # the place contains a member: it overlaps the region
    kinds = set(node.kinds)
    if not node.located_in:
        return "Province" in kinds
    if not (around - {place}) & holding:
        return True  # lies in a province the region does not reach
    return "City" in kinds


_BREAKS = "。，,、；;：:！!？?\n"


def context(text: str, start: int, end: int, reach: int = 8) -> str:
    """The quote with its neighbours up to the nearest punctuation: 蒙 -> 推动实施蒙电入沪."""
    if not 0 <= start < end <= len(text):
        return ""
    left = start
    while left > 0 and start - left < reach and text[left - 1] not in _BREAKS:
        left -= 1
    right = end
    while right < len(text) and right - end < reach and text[right] not in _BREAKS:
        right += 1
    return text[left:right]


def _outside_places(data: GraphData) -> list[Linkage]:
    found: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for mention in data.place_mentions:
        node = data.plan_by_iri.get(mention.plan)
        if node is None:
            continue
        members = data.region_members.get(node.region, ())
        if outside_region(mention.place, members, data.places):
            text = context(node.text, mention.start, mention.end) or mention.quote
            found[(node.iri, mention.place)].append((mention.owner, text))
    links = []
    for (plan, place), evidence in found.items():
        owners = tuple(dict.fromkeys(owner for owner, _ in evidence))
        tasks = [o for o in owners if o in data.task_by_iri]
        links.append(
            Linkage(
                kind="outside-place",
                score=1.0,
                from_plan=plan,
                from_task=tasks[0] if tasks else None,
                place=place,
                evidence=owners,
                evidence_text=tuple(dict.fromkeys(q for _, q in evidence if q)),
            )
        )
    links.sort(key=lambda link: (iri_key(link.from_plan), iri_key(link.place or "")))
    return links
