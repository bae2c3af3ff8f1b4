"""Summary facts derived from the extracted ones: each plan's counts, each plan's and region's
use of each place, the themes a region addresses and the indicators it sets."""

from __future__ import annotations

from collections import Counter, defaultdict

from ..model import Corpus
from .iris import PG, _slug, indicator_iri, place_iri, plan_iri, region_iri, theme_iri
from .items import _Triples


def _summaries(t: _Triples, corpus: Corpus) -> None:
    """Summary facts derived from the ones above, so that questions about the whole corpus
    need not recount millions of triples: each plan's counts (pg:taskCount …) and the
    themes each region addresses (pg:addressesTheme: a task of a plan covering it has
    the theme), the indicators it sets (pg:setsIndicator: a target of a plan covering it
    measures the indicator) and each plan's and each region's use of each place named
    (pg:PlaceUse: how many mentions, in how many tasks).  Validation recomputes them from
    the facts they summarize."""
    ex = corpus.extraction
    targets = Counter(target.plan for target in ex.targets)
    agencies: dict[str, set[str]] = defaultdict(set)
    themes: dict[str, set[str]] = defaultdict(set)
    uses: Counter[tuple[str, str]] = Counter()  # (plan, place): mentions
    use_tasks: dict[tuple[str, str], set[str]] = defaultdict(set)
    for mention in ex.place_mentions:
        uses[mention.plan, mention.target] += 1
        if mention.owner.kind == "task":
            use_tasks[mention.plan, mention.target].add(mention.owner.key)
    for mention in ex.agency_mentions:
        agencies[mention.plan].add(mention.target)
    for mention in ex.theme_mentions:
        if mention.owner.kind == "task":
            themes[mention.plan].add(mention.target)
    places = Counter(plan_id for plan_id, _ in uses)  # distinct places per plan
    for plan in corpus.plans:
        p = plan_iri(plan.id)
        t.integer(p, PG + "sectionCount", len(plan.sections))
        t.integer(p, PG + "taskCount", len(plan.tasks))
        t.integer(p, PG + "sentenceCount", len(plan.sentences))
        t.integer(p, PG + "targetCount", targets[plan.id])
        t.integer(p, PG + "placeCount", places[plan.id])
        t.integer(p, PG + "agencyCount", len(agencies[plan.id]))
        t.integer(p, PG + "themeCount", len(themes[plan.id]))
    region_of = {plan_id: region.id for region in ex.regions for plan_id in region.plans}
    region_uses: Counter[tuple[str, str]] = Counter()
    region_tasks: Counter[tuple[str, str]] = Counter()
    for (plan_id, place_id), count in uses.items():
        tasks = len(use_tasks[plan_id, place_id])
        _place_use(t, plan_iri(plan_id), place_id, count, tasks)
        if plan_id in region_of:
            region_uses[region_of[plan_id], place_id] += count
            region_tasks[region_of[plan_id], place_id] += tasks  # a task is in one plan
    for (region_id, place_id), count in region_uses.items():
        tasks = region_tasks[region_id, place_id]
        _place_use(t, region_iri(region_id), place_id, count, tasks)
    indicators: dict[str, set[str]] = defaultdict(set)
    for target in ex.targets:
        indicators[target.plan].add(target.indicator.id)
    for region in ex.regions:
        r = region_iri(region.id)
        for slug in sorted(set().union(*(indicators[plan_id] for plan_id in region.plans))):
            t.iri(r, PG + "setsIndicator", indicator_iri(slug))
        for theme in sorted(set().union(*(themes[plan_id] for plan_id in region.plans))):
            t.iri(r, PG + "addressesTheme", theme_iri(theme))


def _place_use(t: _Triples, owner: str, place_id: str, mentions: int, tasks: int) -> None:
    """How often a plan, or the plans of a region, name a place, and in how many tasks."""
    u = f"{owner}/place/{_slug(place_id)}"
    t.iri(owner, PG + "placeUse", u)
    t.a(u, PG + "PlaceUse")
    t.iri(u, PG + "place", place_iri(place_id))
    t.integer(u, PG + "mentionCount", mentions)
    t.integer(u, PG + "taskCount", tasks)
