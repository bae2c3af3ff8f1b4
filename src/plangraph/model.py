"""The plan model: frozen dataclasses that every later stage reads.

Offsets are character offsets into :attr:`Plan.text`, the normalized text of one plan
(``plan.text[s.start:s.end] == s.text`` for every sentence ``s``).  Nothing here knows
about RDF; :mod:`plangraph.graph` maps this model to triples.

Every closed set of values (place kinds, agency kinds, unit codes, comparators, target states
…) is a ``Literal`` alias here, with the frozenset of its values derived from it, so that mypy
finds a value that is not in the set wherever one is produced, and the data-table parsers and
the tests check the rest against the same set.  The ontology (``ontology/*.ttl``) is the
authority on the sets that name its terms; ``tests/test_vocab.py`` holds them equal.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from decimal import Decimal
from operator import attrgetter
from typing import Literal, TypeVar, get_args

Numbering = Literal["continuous", "restarting"]
NUMBERINGS: frozenset[Numbering] = frozenset(get_args(Numbering))
#: The media type of a file plangraph reads (a plan's dcterms:format).
MediaType = Literal[
    "text/plain",
    "text/html",
    "multipart/related",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/msword",
    "application/pdf",
]
MEDIA_TYPES: frozenset[MediaType] = frozenset(get_args(MediaType))
UnitKind = Literal["preface", "preamble", "closing"]
AreaLevel = Literal["national", "regional", "provincial", "municipal", "county"]
AREA_LEVELS: frozenset[AreaLevel] = frozenset(get_args(AreaLevel))

# --------------------------------------------------------------------------- closed sets

#: The kind of a place: the local name of its class in the ontology (pg:River, pg:Province …).
PlaceKind = Literal[
    "River",
    "Lake",
    "Reservoir",
    "Bay",
    "Sea",
    "Estuary",
    "Coast",
    "Island",
    "Port",
    "Mountain",
    "Wetland",
    "Forest",
    "ProtectedArea",
    "Corridor",
    "Basin",
    "Area",
    "Province",
    "City",
    "District",
    "Town",
    "DevelopmentZone",
]
PLACE_KINDS: frozenset[PlaceKind] = frozenset(get_args(PlaceKind))
#: The kinds of the administrative divisions of ``data/divisions.tsv``: a province-level area,
#: a prefecture-level city (or 地区, 自治州, 盟) and a county-level one (区, 县, 县级市, 旗).
DivisionKind = Literal["Province", "City", "District"]
DIVISION_KINDS: frozenset[DivisionKind] = frozenset(get_args(DivisionKind))
#: The subclasses of pg:AdministrativeArea: the divisions and the towns (镇, 乡, 街道) in them.
AdministrativeKind = Literal[DivisionKind, "Town"]
ADMINISTRATIVE_KINDS: frozenset[AdministrativeKind] = frozenset(
    (*DIVISION_KINDS, *get_args(AdministrativeKind)[1:])
)

#: What an agency of ``data/agencies.tsv`` is: a department, a government, or another actor.
AgencyKind = Literal["agency", "government", "actor"]
AGENCY_KINDS: frozenset[AgencyKind] = frozenset(get_args(AgencyKind))

#: The unit of a target's value: ``qudt:NAME`` for a QUDT unit, ``pg:NAME`` for one of
#: ``ontology/units.ttl`` (percentage points, counts, scaled Chinese units kept as printed).
UnitCode = Literal[
    "qudt:MicroGM-PER-M3",
    "qudt:MilliGM-PER-M3",
    "qudt:MilliGM-PER-L",
    "qudt:PERCENT",
    "qudt:PERMILLE",
    "qudt:UNITLESS",
    "qudt:DeciB",
    "qudt:DAY",
    "qudt:HR",
    "qudt:MIN",
    "qudt:YR",
    "qudt:TONNE",
    "qudt:KiloW-HR",
    "qudt:KiloW",
    "qudt:MegaW",
    "qudt:GigaW",
    "qudt:M",
    "qudt:KiloM",
    "qudt:M2",
    "qudt:KiloM2",
    "qudt:M3",
    "qudt:HA",
    "pg:PercentagePoint",
    "pg:PerHundredThousand",
    "pg:Count",
    "pg:TonneCoalEquivalent",
    "pg:GramCoalEquivalentPerKiloWattHour",
    "pg:TenThousandTonneCoalEquivalent",
    "pg:HundredMillionTonneCoalEquivalent",
    "pg:TenThousandTonne",
    "pg:HundredMillionTonne",
    "pg:TonnePerDay",
    "pg:TenThousandTonnePerDay",
    "pg:M3PerDay",
    "pg:TenThousandM3PerDay",
    "pg:Jin",
    "pg:TenThousandJin",
    "pg:HundredMillionJin",
    "pg:TenThousandKiloWattHour",
    "pg:HundredMillionKiloWattHour",
    "pg:TenThousandKiloW",
    "pg:HundredMillionKiloW",
    "pg:Yuan",
    "pg:TenThousandYuan",
    "pg:HundredMillionYuan",
    "pg:TrillionYuan",
    "pg:YuanPerPerson",
    "qudt:KiloGM",
    "pg:TenThousandKiloGM",
    "pg:HundredMillionKiloGM",
    "pg:HundredMillionTonneKiloM",
    "pg:TenThousandTonneKiloM",
    "pg:HundredMillionPersonKiloM",
    "pg:TenThousandYuanPerPerson",
    "pg:USDollar",
    "pg:TenThousandUSDollar",
    "pg:HundredMillionUSDollar",
    "pg:M3PerMu",
    "pg:ExaFLOPS",
    "pg:PetaFLOPS",
    "pg:ExaByte",
    "pg:PetaByte",
    "pg:TEU",
    "pg:TenThousandTEU",
    "pg:PersonTime",
    "pg:TenThousandPersonTime",
    "pg:HundredMillionPersonTime",
    "pg:TonnePerYear",
    "pg:TenThousandTonnePerYear",
    "pg:HundredMillionTonnePerYear",
    "pg:Mu",
    "pg:TenThousandMu",
    "pg:HundredMillionMu",
    "pg:TenThousandHA",
    "pg:TenThousandM2",
    "pg:HundredMillionM2",
    "pg:TenThousandM3",
    "pg:HundredMillionM3",
    "pg:TenThousandKiloM",
    "pg:TenThousandKiloM2",
    "pg:TenThousand",
    "pg:HundredMillion",
]
UNIT_CODES: frozenset[UnitCode] = frozenset(get_args(UnitCode))


_Model = TypeVar("_Model")


def pickled_by_fields(cls: type[_Model]) -> type[_Model]:
    """A frozen dataclass with slots pickled as its class and its fields' values, unpickled by
    its constructor: the extraction workers send every chunk's facts back pickled, and the
    dataclasses' own slot state (a list made field by field, then set field by field) took
    2.5 times as long to pickle and unpickle (measured: 0.80 -> 0.35 s of CPU for the
    extractions of 300 generated plans)."""
    names = tuple(f.name for f in fields(cls))  # type: ignore[arg-type]
    values = attrgetter(*names)
    if len(names) == 1:

        def __reduce__(self: _Model) -> tuple[type[_Model], tuple[object, ...]]:
            return type(self), (values(self),)

    else:

        def __reduce__(self: _Model) -> tuple[type[_Model], tuple[object, ...]]:
            return type(self), values(self)

    cls.__reduce__ = __reduce__  # type: ignore[assignment,method-assign]
    return cls


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence, ended by 。；！？ (or ; ! ?), or a heading without a full stop."""

    index: int  # 1-based, in document order within the plan
    start: int
    end: int
    text: str


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Task:
    """A numbered task such as ``(十七)“串珠成链”汇聚美丽新气象。…``."""

    ordinal: int  # the number printed: (十七) -> 17
    section: int  # ordinal of the section that holds it
    key: str  # unique within the plan: "17", or "2-3" where numbering restarts
    title: str  # text before the first 。, without numbering
    body: str  # the rest, after the first 。
    start: int  # offset of the numbering marker
    end: int
    text: str  # title + 。 + body, without the numbering marker
    line: int  # 1-based line in the source file
    sentences: tuple[Sentence, ...]  # a nested task's sentences are its top-level task's
    parent: str | None = None  # key of the task it is numbered under (items 1. under (一))
    subtasks: tuple[Task, ...] = ()  # numbered units printed under it: 一、 in a 节, 1. in (一)

    @property
    def descendants(self) -> tuple[Task, ...]:
        """Every task nested under this one, depth first, in document order."""
        return tuple(d for s in self.subtasks for d in (s, *s.descendants))


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Section:
    """A numbered part such as ``二、建设绿色低碳转型先行区`` or ``第三章 …`` with its tasks."""

    ordinal: int
    title: str
    start: int
    end: int
    line: int
    sentences: tuple[Sentence, ...]  # heading and lead paragraph, not those of tasks
    tasks: tuple[Task, ...]


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Unit:
    """An unnumbered block: the release preface, the preamble, or the closing paragraph."""

    kind: UnitKind
    start: int
    end: int
    text: str
    sentences: tuple[Sentence, ...]


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Plan:
    """One action plan with its structure and the release text that introduces it."""

    id: str  # slug, e.g. "jjj-2025"
    title: str  # without 《》
    region: str  # e.g. 京津冀
    year: int | None
    text: str  # normalized plan text that every offset indexes
    source: str  # the file it came from
    line: int  # 1-based line of the file where the plan starts
    numbering: Numbering
    preface: Unit | None
    preamble: Unit | None
    sections: tuple[Section, ...]
    closing: Unit | None
    issuers: tuple[str, ...]  # co-issuing agencies as printed in the preface
    approved_by: str | None  # 国务院 where the release says 经国务院同意
    stated_sections: int | None  # "6方面"
    stated_tasks: int | None  # "22项主要任务"
    abridged: bool  # (此文有删减)
    note: str | None  # the editorial note as printed
    document_number: str | None = None  # 文号 as printed, e.g. 国发〔2023〕24号
    issued: str | None = None  # ISO date the document was issued or signed, e.g. 2023-11-30
    media_type: MediaType = "text/plain"  # what the source file was: text/html, application/pdf …
    level: AreaLevel | None = None  # the level of government of the plan's area
    # PDF pages with a picture (a table, box or map printed as an image) whose text is not read
    picture_pages: tuple[int, ...] = ()
    # what the reader says of how it read a text that is not laid out as a plan (no numbered
    # sections, no printed title): each a phrase, reported as a warning
    caveats: tuple[str, ...] = ()
    # a page of prose with none of a plan's marks (no title of a plan, no numbered sections, no
    # goal by a deadline): a report of a meeting or of work done, whose figures are goals only
    # where it states them as goals
    report: bool = False
    # the text as the file prints it when it is printed in traditional characters (``text``
    # holds it in simplified ones, offset for offset) or with pinyin readings after its
    # characters (``text`` is read without them): read/script.py; None otherwise
    printed: str | None = None

    @property
    def tasks(self) -> tuple[Task, ...]:
        """The top-level tasks ((一) under 一、, or 第X节 under 第X章), which own the sentences."""
        return tuple(t for s in self.sections for t in s.tasks)

    @property
    def all_tasks(self) -> tuple[Task, ...]:
        """Every task, nested ones right after the task they are numbered under."""
        return tuple(d for t in self.tasks for d in (t, *t.descendants))

    @property
    def sentences(self) -> tuple[Sentence, ...]:
        units: list[Unit | Section | Task] = []
        if self.preface:
            units.append(self.preface)
        if self.preamble:
            units.append(self.preamble)
        for section in self.sections:
            units.append(section)
            units.extend(section.tasks)
        if self.closing:
            units.append(self.closing)
        return tuple(sorted((s for u in units for s in u.sentences), key=lambda s: s.index))


# --------------------------------------------------------------------------- extraction


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Quote:
    """The exact characters a fact was read from, inside one sentence."""

    sentence: int  # Sentence.index
    start: int
    end: int
    text: str


OwnerKind = Literal["plan", "section", "task", "preface", "preamble", "closing"]
#: Where a place came from: a row of the bundled tables, or a name read by its pattern.
PlaceSource = Literal["gazetteer", "pattern"]


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Owner:
    """Where a fact belongs: the plan as a whole, a task, a section or an unnumbered unit."""

    kind: OwnerKind
    key: str = ""  # Task.key or str(Section.ordinal); empty for the others


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Indicator:
    id: str  # slug
    label_zh: str
    label_en: str


Comparator = Literal["AtMost", "Below", "AtLeast", "Above", "Exactly", "About"]
COMPARATORS: frozenset[Comparator] = frozenset(get_args(Comparator))
#: How a table or label prints each comparator.
COMPARATOR_SIGN: dict[Comparator, str] = {
    "AtMost": "≤",
    "Below": "<",
    "AtLeast": "≥",
    "Above": ">",
    "Exactly": "=",
    "About": "≈",
}
Direction = Literal["Increase", "Decrease", "Maintain", "Eliminate"]
DIRECTIONS: frozenset[Direction] = frozenset(get_args(Direction))
#: How a table or label prints each direction.
DIRECTION_SIGN: dict[Direction, str] = {
    "Increase": "↑",
    "Decrease": "↓",
    "Maintain": "→",
    "Eliminate": "消除",
}
#: How often a target is due again: ``annual`` for 每年 (pg:Annual).
Recurrence = Literal["annual"]
RECURRENCES: frozenset[Recurrence] = frozenset(get_args(Recurrence))
#: The state a commitment without a number reaches (基本消除, 基本形成, 达峰, 稳定保持Ⅱ类 …).
State = Literal[
    "Eliminated",
    "Established",
    "Completed",
    "Covered",
    "Peaked",
    "ClassReached",
    "StandardMet",
    "NegativeGrowth",
    "StableThenDecline",
    "Curbed",
    "Secured",
]
STATES: frozenset[State] = frozenset(get_args(State))


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Target:
    plan: str
    index: int  # 1-based, document order within the plan
    owner: Owner
    indicator: Indicator
    quote: Quote
    value: Decimal | None = None
    unit: UnitCode | None = None  # qudt:MicroGM-PER-M3, qudt:PERCENT, pg:PercentagePoint …
    count_noun: str | None = None  # 家, 个, 项 for unit "count"
    comparator: Comparator | None = None
    direction: Direction | None = None
    target_year: int | None = None
    base_year: int | None = None
    scope: str | None = None  # Place.id
    aspirational: bool = False
    recurrence: Recurrence | None = None  # "annual" for 每年
    base_value: Decimal | None = None  # the value at the base year (an indicator table's 2020年)
    binding: bool | None = None  # 约束性 True, 预期性 False (indicator tables)
    scope_text: str | None = None  # a category of area, not a place: 重点区域, 县城, 中心城
    state: State | None = None  # what a commitment without a number reaches
    start_year: int | None = None  # 2022年起, 自2024年起: due every year from then on
    # the value is the size of a change (下降3%, 比2020年提高5个百分点), not a level to reach
    change: bool = False


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Place:
    id: str  # slug
    name: str  # canonical Chinese name
    kind: PlaceKind  # ontology class local name: River, Lake, Province, City, …
    name_en: str
    province: str | None = None  # Place.id of the province-level area it lies in
    aliases: tuple[str, ...] = ()
    source: PlaceSource = "gazetteer"
    parent: str | None = None  # Place.id of the division it lies directly in (district -> city)
    code: str | None = None  # 民政部 administrative division code (6 digits), for divisions
    lon: str | None = None  # WGS84 longitude in decimal degrees, as printed in the source data
    lat: str | None = None  # WGS84 latitude


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Mention:
    """A place, agency or theme named in a sentence."""

    plan: str
    owner: Owner
    target: str  # Place.id, Agency.id or Theme id
    quote: Quote
    how: str = ""  # "gazetteer", "pattern", "abbreviation", theme match term, …
    strength: str = ""  # themes only: "main" (the task's main matter) or "mentioned"


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Agency:
    id: str
    name: str  # full official name
    name_en: str
    short_names: tuple[str, ...] = ()
    kind: AgencyKind = "agency"


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Region:
    """A pioneer zone's region and the province-level or city Places it includes."""

    id: str  # slug: jjj, yrd, gba
    name: str  # 京津冀
    name_en: str
    members: tuple[str, ...]  # Place.id
    plans: tuple[str, ...]  # Plan.id


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Responsibility:
    """An actor (Agency.id or Place.id) the text makes responsible (负总责, 牵头 …)."""

    plan: str
    owner: Owner
    actor: str
    actor_is_place: bool
    quote: Quote


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything read out of a set of plans, each fact with its quote."""

    targets: tuple[Target, ...] = ()
    places: tuple[Place, ...] = ()
    place_mentions: tuple[Mention, ...] = ()
    agencies: tuple[Agency, ...] = ()
    agency_mentions: tuple[Mention, ...] = ()
    responsibilities: tuple[Responsibility, ...] = ()
    theme_mentions: tuple[Mention, ...] = ()
    issued_by: tuple[tuple[str, str], ...] = ()  # (Plan.id, Agency.id) co-issuers
    approved_by: tuple[tuple[str, str], ...] = ()  # (Plan.id, Agency.id), e.g. 国务院
    regions: tuple[Region, ...] = ()


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Corpus:
    """The plans read from the inputs and what was extracted from them."""

    plans: tuple[Plan, ...]
    extraction: Extraction = Extraction()
    warnings: tuple[str, ...] = ()
