"""What was extracted, as triples: regions, places (their labels as the plans write them),
agencies, targets, mentions with their quotes, and the theme scheme."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from decimal import Decimal

import pyoxigraph as ox

from ..model import (
    COMPARATOR_SIGN,
    DIRECTION_SIGN,
    Corpus,
    Extraction,
    Mention,
    Place,
    Quote,
    Recurrence,
    Target,
    UnitCode,
)
from .iris import (
    GEO,
    ORG,
    PG,
    RDF,
    RDFS,
    SKOS,
    XSD,
    agency_iri,
    area_category_iri,
    indicator_iri,
    mention_iri,
    owner_iri,
    place_iri,
    plan_iri,
    region_iri,
    sentence_iri,
    target_iri,
    theme_iri,
    unit_term,
)
from .items import Item, _Triples, item_of
from .printed import Printer
from .units import printed_unit, written_unit


def _theme_scheme(t: _Triples) -> None:
    """The SKOS theme scheme (ontology/themes.ttl) travels with the graph that uses it."""
    from ..resources import read_text

    for triple in ox.parse(read_text("ontology", "themes.ttl"), format=ox.RdfFormat.TURTLE):
        t.items.append(item_of(triple))


# --------------------------------------------------------------------------- extraction

_UNIT_SIGN: dict[UnitCode, str] = {
    "qudt:MicroGM-PER-M3": "微克/立方米",
    "qudt:PERCENT": "%",
    "pg:PercentagePoint": "个百分点",
}


#: A recurrence of the model -> the local name of its pg:Recurrence individual.
_RECURRENCE: dict[Recurrence, str] = {"annual": "Annual"}


def target_label(target: Target) -> str:
    """A short human label: 细颗粒物(PM2.5)年均浓度 ≤ 33微克/立方米 (2027); a change with its
    arrow and base: 优良水体比例 ↑ 3.2个百分点 vs 2024 (2027)."""
    label = target.indicator.label_zh
    if target.value is not None:
        sign = COMPARATOR_SIGN[target.comparator] if target.comparator else ""
        unit = (
            (target.count_noun or "")
            if target.count_noun or target.unit == "pg:Count"
            else (_UNIT_SIGN.get(target.unit) if target.unit else None) or written_unit(target)
        )
        if target.change and target.direction in ("Increase", "Decrease"):
            # 下降3%以上 is "↓ ≥ 3%", not "≥ 3%": the number is how much, not how high
            sign = DIRECTION_SIGN[target.direction] + ("" if sign in ("", "=") else f" {sign}")
        label += f" {sign} {target.value}{unit}".replace("  ", " ")
        if target.change and target.base_year:
            label += f" vs {target.base_year}"
    elif target.direction:
        label += f" {DIRECTION_SIGN[target.direction]}"
    if target.target_year:
        label += f" ({target.target_year})"
    return label


def _extraction(t: _Triples, corpus: Corpus, *, plan_facts: bool = True) -> None:
    """The extraction's triples; without ``plan_facts`` the mentions and responsibilities,
    whose subjects are all a plan's own nodes, are left out (for ``shared_items``)."""
    ex: Extraction = corpus.extraction
    for region in ex.regions:
        r = region_iri(region.id)
        t.a(r, PG + "Region")
        t.zh(r, RDFS + "label", region.name)
        t.en(r, RDFS + "label", region.name_en)
        for member in region.members:
            t.iri(r, PG + "includes", place_iri(member))
        for plan_id in region.plans:
            t.iri(plan_iri(plan_id), PG + "coversRegion", r)
    written = written_names(ex.place_mentions)
    compounds = written_with_parents(ex.place_mentions, ex.places)
    printers = {plan.id: Printer(plan) for plan in corpus.plans if plan.printed is not None}
    traditional = _printed_names(ex.place_mentions, printers, ex.places)
    for place in ex.places:
        pl = place_iri(place.id)
        label = place_label(place, written.get(place.id, Counter()))
        t.a(pl, PG + "Place", PG + place.kind)
        t.zh(pl, RDFS + "label", label)
        t.en(pl, RDFS + "label", place.name_en)
        t.string(pl, PG + "placeSource", place.source)
        for alias in dict.fromkeys((place.name, *place.aliases, *compounds.get(place.id, ()))):
            if alias != label:
                t.zh(pl, SKOS + "altLabel", alias)
        for name in traditional.get(place.id, ()):  # as a plan printed in traditional script
            t.tagged(pl, SKOS + "altLabel", name, "zh-hant")
        # the division it lies directly in, and its province too: one step reaches the
        # province, pg:locatedIn+ walks the chain (district -> city -> province)
        for outer in dict.fromkeys(p for p in (place.parent, place.province) if p):
            t.iri(pl, PG + "locatedIn", place_iri(outer))
        if place.code:
            t.string(pl, PG + "divisionCode", place.code)
        if place.lat and place.lon:
            t.decimal(pl, GEO + "lat", Decimal(place.lat))
            t.decimal(pl, GEO + "long", Decimal(place.lon))
    for agency in ex.agencies:
        ag = agency_iri(agency.id)
        t.a(ag, PG + "Agency", ORG + "Organization")
        t.zh(ag, RDFS + "label", agency.name)
        t.en(ag, RDFS + "label", agency.name_en)
        t.string(ag, PG + "agencyKind", agency.kind)
        for short in agency.short_names:
            t.zh(ag, SKOS + "altLabel", short)
    for plan_id, agency_id in ex.issued_by:
        t.iri(plan_iri(plan_id), PG + "issuedBy", agency_iri(agency_id))
    for plan_id, agency_id in ex.approved_by:
        t.iri(plan_iri(plan_id), PG + "approvedBy", agency_iri(agency_id))
    for target in ex.targets:
        _target(t, target, printers.get(target.plan))
    if not plan_facts:
        return
    counters: dict[str, int] = {}
    for kind, mentions in (
        ("place", ex.place_mentions),
        ("agency", ex.agency_mentions),
        ("theme", ex.theme_mentions),
    ):
        for mention in mentions:
            counters[mention.plan] = counters.get(mention.plan, 0) + 1
            _mention(t, mention, counters[mention.plan], kind)
    for duty in ex.responsibilities:
        actor = place_iri(duty.actor) if duty.actor_is_place else agency_iri(duty.actor)
        owner = owner_iri(duty.plan, duty.owner)
        t.iri(owner, PG + "responsible", actor)


def written_names(mentions: Iterable[Mention]) -> dict[str, Counter[str]]:
    """How the plans write each place: the names its mentions quote (by the gazetteer, or by
    a short name the context supports: 酉阳 after 重庆市), not a pronoun (我区) nor a part."""
    written: dict[str, Counter[str]] = defaultdict(Counter)
    for mention in mentions:
        if mention.how in _NAMING and len(mention.quote.text) >= 2:
            written[mention.target][mention.quote.text] += 1
    return written


# the mentions that quote a name of their place
_NAMING = frozenset({"gazetteer", "context", "own"})
# what a division's name ends with beyond the name it is written by without a change of
# meaning (徐州 for 徐州市, 鄂托克 for 鄂托克旗); an ethnic group's autonomy (土家族苗族自治县)
# is more: a plan that writes 酉阳 is labelled 酉阳
_LEVEL_WORDS = frozenset(
    {"省", "市", "县", "区", "旗", "盟", "州", "地区", "新区", "林区", "特区", "特别行政区"}
)


# the levels a division is written under: a child follows its parent directly (徐州市贾汪区)
_LEVELS = {"Province": 0, "City": 1, "District": 2, "Town": 3}


def written_with_parents(
    mentions: Iterable[Mention], places: Iterable[Place]
) -> dict[str, list[str]]:
    """Each division as the plans write it after the divisions it lies in: 徐州市贾汪区,
    江苏省徐州市贾汪区, 东营市利津县, 东营利津 (in order of first writing).

    The parent is a place named right before the child in the same sentence, of a higher
    level, and among the child's ancestors (a town found by its head, which has no parent in
    the dataset, follows any division of a higher level)."""
    by_id = {p.id: p for p in places}

    def chain(place: Place) -> list[str]:
        out: list[str] = []
        step: Place | None = place
        while step is not None and (up := step.parent or step.province) and up not in out:
            out.append(up)
            step = by_id.get(up)
        return out

    ending: dict[tuple[str, int, int], Mention] = {}  # (plan, sentence, end) -> mention
    ordered = sorted(
        (m for m in mentions if m.how not in ("part", "compound") and m.target in by_id),
        key=lambda m: (m.plan, m.quote.sentence, m.quote.start, -m.quote.end, m.target),
    )
    found: dict[str, list[str]] = {}
    for mention in ordered:
        child = by_id[mention.target]
        level = _LEVELS.get(child.kind)
        ancestors = chain(child)
        text, start = mention.quote.text, mention.quote.start
        while level is not None:
            before = ending.get((mention.plan, mention.quote.sentence, start))
            if before is None:
                break
            parent = by_id[before.target]
            upper = _LEVELS.get(parent.kind)
            if upper is None or upper >= level:
                break
            if parent.id not in ancestors and not (child.source == "pattern" and not child.parent):
                break
            text, start, level = before.quote.text + text, before.quote.start, upper
            names = found.setdefault(child.id, [])
            if text not in names:
                names.append(text)
        ending.setdefault((mention.plan, mention.quote.sentence, mention.quote.end), mention)
    return found


def place_label(place: Place, written: Counter[str]) -> str:
    """A place's Chinese label: its canonical name, unless the plans only ever write it by
    another of its names (长江三角洲 for 长三角, 京杭运河 for 京杭大运河, 酉阳 or 酉阳县 for
    酉阳土家族苗族自治县, 恩施州 for 恩施土家族苗族自治州); then the name they write most often
    (the canonical one stays an alternative label).  A form that starts with the canonical
    name (徐州市 for 徐州) or is it without its level word (利津 for 利津县) writes it."""
    name = place.name
    if not written or any(_writes(f, name) for f in written):
        return name
    others = [f for f in written if f in place.aliases or name.startswith(f)]
    if not others:
        return name
    return min(others, key=lambda f: (-written[f], f))


def _writes(form: str, name: str) -> bool:
    """``form`` is ``name`` as printed: the name with more after it, or without its level."""
    return form.startswith(name) or (name.startswith(form) and name[len(form) :] in _LEVEL_WORDS)


def _printed_names(
    mentions: Iterable[Mention], printers: dict[str, Printer], places: Iterable[Place] = ()
) -> dict[str, list[str]]:
    """Each place's names as plans printed in traditional characters write them (沛縣): the
    names its mentions quote, and any of its names the plan prints elsewhere (重慶市 in the
    title of a plan that names its city in its sentences only as 全市)."""
    found: dict[str, list[str]] = {}
    if not printers:
        return found
    by_id = {p.id: p for p in places}
    done: set[tuple[str, str]] = set()
    for mention in mentions:
        printer = printers.get(mention.plan)
        if printer is None:
            continue
        texts = [mention.quote.text]
        place = by_id.get(mention.target)
        if place is not None and (mention.plan, place.id) not in done:
            done.add((mention.plan, place.id))
            texts.extend(n for n in (place.name, *place.aliases) if len(n) >= 2)
        for text in texts:
            name = printer.exact(text)
            if name is not None and name != text:
                names = found.setdefault(mention.target, [])
                if name not in names:
                    names.append(name)
    return {k: sorted(v) for k, v in found.items()}


def _target(t: _Triples, target: Target, printer: Printer | None = None) -> None:
    g = target_iri(target.plan, target.index)
    t.a(g, PG + "Target")
    t.iri(owner_iri(target.plan, target.owner), PG + "hasTarget", g)
    t.iri(g, PG + "inPlan", plan_iri(target.plan))
    t.zh(g, RDFS + "label", target_label(target))
    ind = indicator_iri(target.indicator.id)
    t.iri(g, PG + "indicator", ind)
    t.a(ind, PG + "Indicator")
    label = target.indicator.label_zh
    t.zh(ind, RDFS + "label", label)
    printed = printer.exact(label) if printer else None
    if printed and printed != label:  # the plan's own words in traditional characters too
        t.zh(ind, RDFS + "label", printed)
    t.en(ind, RDFS + "label", target.indicator.label_en)
    if target.value is not None:
        t.decimal(g, PG + "value", target.value)
        t.boolean(g, PG + "isChange", target.change)
    if target.unit:
        printed = printed_unit(target)
        if printed is None:
            t.iri(g, PG + "unit", unit_term(target.unit))
        else:  # a unit read as printed (graph/units.py), its IRI beside it
            t.string(g, PG + "unit", printed)
            t.iri(g, PG + "unitCode", unit_term(target.unit))
    elif target.value is not None:
        # a pure number (a ratio 3.3:1, a coefficient 0.65): no unit to read, its code says so
        t.iri(g, PG + "unitCode", unit_term("qudt:UNITLESS"))
    if target.count_noun:
        t.zh(g, PG + "countNoun", target.count_noun)
    if target.comparator:
        t.iri(g, PG + "comparator", PG + target.comparator)
    if target.direction:
        t.iri(g, PG + "direction", PG + target.direction)
    if target.target_year:
        t.year(g, PG + "targetYear", target.target_year)
    if target.base_year:
        t.year(g, PG + "baseYear", target.base_year)
    if target.scope:
        t.iri(g, PG + "scope", place_iri(target.scope))
    elif target.scope_text:
        # a kind of area, not a place: the scope all the same (80% in 重点区域 is no
        # target of the whole region)
        area = area_category_iri(target.scope_text)
        t.iri(g, PG + "scope", area)
        t.a(area, PG + "AreaCategory")
        t.zh(area, RDFS + "label", target.scope_text)
    t.boolean(g, PG + "aspirational", target.aspirational)
    if target.recurrence:
        t.iri(g, PG + "recurrence", PG + _RECURRENCE[target.recurrence])
    if target.base_value is not None:
        t.decimal(g, PG + "baseValue", target.base_value)
    if target.binding is not None:
        t.boolean(g, PG + "binding", target.binding)
    if target.scope_text:
        t.zh(g, PG + "scopeText", target.scope_text)
    if target.state:
        t.iri(g, PG + "state", PG + target.state)
    if target.start_year:
        t.year(g, PG + "startYear", target.start_year)
    _quote(t, g, target.plan, target.quote)


def _quote(t: _Triples, s: str, plan_id: str, quote_: Quote) -> None:
    t.iri(s, PG + "source", sentence_iri(plan_id, quote_.sentence))
    t.zh(s, PG + "quote", quote_.text)
    t.integer(s, PG + "start", quote_.start)
    t.integer(s, PG + "end", quote_.end)


THEME_STRENGTHS = {"main": "MainTheme", "mentioned": "MentionedTheme"}  # pg:ThemeStrength

# the predicates, classes and datatypes of a mention's triples, made once: a plan writes
# thousands of mentions, each about ten triples
_TYPE = RDF + "type"
_HAS_THEME = PG + "hasTheme"
_HAS_MAIN_THEME = PG + "hasMainTheme"
_THEME_MATCH = (PG + "ThemeMatch",)
_THEME_STRENGTH = PG + "themeStrength"
_STRENGTH_NODES = {k: (PG + v,) for k, v in THEME_STRENGTHS.items()}
_MENTIONS = PG + "mentions"
_MENTION = (PG + "Mention",)
_MENTION_OF = PG + "mentionOf"
_IN_PLAN = PG + "inPlan"
_ABOUT = PG + "about"
_MATCHED_BY = PG + "matchedBy"
_SOURCE = PG + "source"
_QUOTE = PG + "quote"
_START = PG + "start"
_END = PG + "end"
_STRING = XSD + "string"
_LANG_STRING = RDF + "langString"
_INTEGER = XSD + "integer"


def _mention(t: _Triples, mention: Mention, index: int, kind: str) -> None:
    """A mention's triples, as :meth:`_Triples.iri` and the others would add them one by one
    (the same items in the same order), added in one step."""
    one = t._strings.setdefault
    plan = mention.plan
    quote_ = mention.quote
    m = mention_iri(plan, index)
    m = one(m, m)
    sentence = sentence_iri(plan, quote_.sentence)
    sentence = one(sentence, sentence)
    owner = owner_iri(plan, mention.owner)
    owner = one(owner, owner)
    items: list[Item]
    if kind == "theme":
        target = theme_iri(mention.target)
        node = (one(target, target),)
        items = []
        if mention.owner.kind == "task":
            items.append((owner, _HAS_THEME, node))
            if mention.strength == "main":
                items.append((owner, _HAS_MAIN_THEME, node))
        items.append((m, _TYPE, _THEME_MATCH))
        strength = _STRENGTH_NODES.get(mention.strength)
        if strength is not None:
            items.append((m, _THEME_STRENGTH, strength))
    else:
        target = place_iri(mention.target) if kind == "place" else agency_iri(mention.target)
        node = (one(target, target),)
        items = [(sentence, _MENTIONS, node), (owner, _MENTIONS, node), (m, _TYPE, _MENTION)]
    plan_node = plan_iri(plan)
    items += [
        (m, _MENTION_OF, node),
        (m, _IN_PLAN, (one(plan_node, plan_node),)),
        (m, _ABOUT, (owner,)),
    ]
    if mention.how:
        items.append((m, _MATCHED_BY, (mention.how, _STRING, "")))
    items += [
        (m, _SOURCE, (sentence,)),
        (m, _QUOTE, (quote_.text, _LANG_STRING, "zh")),
        (m, _START, (str(quote_.start), _INTEGER, "")),
        (m, _END, (str(quote_.end), _INTEGER, "")),
    ]
    t.items.extend(items)
