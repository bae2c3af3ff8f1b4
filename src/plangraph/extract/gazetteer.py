"""Curated reference data: places, regions and agencies.

The tables live in ``data/`` and are shipped in the wheel as ``plangraph/data``:

- ``gazetteer.tsv``  ``id name aliases kind province name_en`` -> :class:`model.Place`
  (curated: rivers, lakes, mountains, parks, strategic regions, abbreviations …)
- ``divisions.tsv``  ``id code name short kind parent province lon lat name_en``: every
  administrative division of China (provinces, prefectures, counties) with its 民政部 code,
  parent and coordinates, converted by ``scripts/make_divisions.py``; a row whose id is a
  curated row's id completes that row (code, parent, coordinates, full name)
- ``towns.tsv``      ``code name county``: every township-level division (镇, 乡, 街道) with
  its 统计用区划代码 and its county's code, converted by ``scripts/make_towns.py``; read
  lazily, and only where a town's county or city is named (:func:`towns_in`)
- ``regions.tsv``    ``id name aliases name_en members``       -> :class:`model.Region`
- ``agencies.tsv``   ``id name short_names name_en kind``       -> :class:`model.Agency`

Each table is validated when it is read (column count, unique ids, known kinds, ids that
point to other rows); a problem raises :class:`GazetteerError` naming ``file:line``.
Loaded tables are cached: call the functions freely.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cache
from typing import TypeVar

from plangraph import model, resources
from plangraph.errors import GazetteerError
from plangraph.model import AGENCY_KINDS, DIVISION_KINDS, PLACE_KINDS
from plangraph.vocab import romanize, slugify, syllables

__all__ = [
    "AGENCY_KINDS",
    "PLACE_KINDS",
    "Gazetteer",
    "GazetteerError",
    "abbreviations",
    "agencies",
    "agency_by_id",
    "agency_named",
    "gazetteer",
    "parse_agencies",
    "parse_divisions",
    "parse_places",
    "parse_regions",
    "place_by_id",
    "places",
    "places_named",
    "region_by_id",
    "region_for",
    "region_named",
    "region_names",
    "regions",
    "towns_in",
]

PLACES_HEADER = ("id", "name", "aliases", "kind", "province", "name_en")
DIVISIONS_HEADER = (
    *("id", "code", "name", "short", "kind", "parent", "province", "lon", "lat", "name_en"),
)
REGIONS_HEADER = ("id", "name", "aliases", "name_en", "members")
AGENCIES_HEADER = ("id", "name", "short_names", "name_en", "kind")

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


# --------------------------------------------------------------------------- parsing


def _rows(text: str, source: str, header: tuple[str, ...]) -> Iterator[tuple[int, list[str]]]:
    lines = text.splitlines()
    skipped = 0
    while skipped < len(lines) and lines[skipped].startswith("#"):
        skipped += 1  # a header comment naming the source, version, date and licence
    lines = lines[skipped:]
    if not lines or tuple(lines[0].lstrip("\ufeff").split("\t")) != header:
        got = lines[0] if lines else "<empty file>"
        raise GazetteerError(
            f"expected header {'<TAB>'.join(header)!r}, got {got!r}", source=source, line=1
        )
    for number, line in enumerate(lines[1:], start=2 + skipped):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != len(header):
            raise GazetteerError(
                f"expected {len(header)} tab-separated columns "
                f"({', '.join(header)}), got {len(cells)}",
                source=source,
                line=number,
            )
        cells = [c.strip() for c in cells]
        if not cells[0] or not cells[1]:
            raise GazetteerError("empty id or name", source=source, line=number)
        if not _ID.match(cells[0]):
            raise GazetteerError(
                f"id {cells[0]!r} is not a lowercase ASCII slug", source=source, line=number
            )
        yield number, cells


_Kind = TypeVar("_Kind", bound=str)


def _kind(cell: str, kinds: frozenset[_Kind], source: str, number: int) -> _Kind:
    """The cell as a member of the closed set ``kinds`` (a ``model`` Literal)."""
    if cell not in kinds:
        raise GazetteerError(
            f"unknown kind {cell!r}; expected one of {', '.join(sorted(kinds))}",
            source=source,
            line=number,
        )
    return cell


def _split(cell: str) -> tuple[str, ...]:
    return tuple(a.strip() for a in cell.split("|") if a.strip())


def _unique(seen: dict[str, int], key: str, source: str, number: int) -> None:
    if key in seen:
        raise GazetteerError(
            f"duplicate id {key!r} (first on line {seen[key]})", source=source, line=number
        )
    seen[key] = number


def parse_places(text: str, source: str = "gazetteer.tsv") -> tuple[model.Place, ...]:
    """Parse and validate a gazetteer table."""
    seen: dict[str, int] = {}
    rows: list[tuple[int, model.Place]] = []
    for number, (pid, name, aliases, kind, province, name_en) in _rows(text, source, PLACES_HEADER):
        _unique(seen, pid, source, number)
        place_kind = _kind(kind, PLACE_KINDS, source, number)
        if not name_en:
            raise GazetteerError(f"empty name_en for {pid!r}", source=source, line=number)
        place = model.Place(
            id=pid,
            name=name,
            kind=place_kind,
            name_en=name_en,
            province=province or None,
            aliases=_split(aliases),
        )
        rows.append((number, place))
    provinces = {p.id for _, p in rows if p.kind == "Province"}
    for number, place in rows:
        if place.province is not None and place.province not in provinces:
            raise GazetteerError(
                f"province {place.province!r} of {place.id!r} is not the id of a Province row",
                source=source,
                line=number,
            )
        if place.kind == "Province" and place.province is not None:
            raise GazetteerError("a Province has no province", source=source, line=number)
    return tuple(p for _, p in rows)


_CODE = re.compile(r"^[0-9]{6}$")
_DEGREES = re.compile(r"^-?[0-9]{1,3}(?:\.[0-9]+)?$")


_AUTONOMOUS = re.compile(r"自治(县|旗)$")


def autonomous_short_form(name: str, short: str) -> str | None:
    """How an autonomous county or banner is written in its own and its city's documents:
    its short name and its kind, without the people it is named for (互助县 for
    互助土族自治县, 莫力达瓦旗 for 莫力达瓦达斡尔族自治旗); a full name, read anywhere."""
    m = _AUTONOMOUS.search(name)
    if m is None or not short or short == name or short.endswith("族"):
        return None
    return short + m.group(1)


def parse_divisions(text: str, source: str = "divisions.tsv") -> tuple[model.Place, ...]:
    """Parse and validate a divisions table: unique ids and codes, parents that are rows
    above, known kinds, coordinates in degrees.  The short name becomes the last alias."""
    seen: dict[str, int] = {}
    codes: dict[str, int] = {}
    out: list[model.Place] = []
    for number, cells in _rows(text, source, DIVISIONS_HEADER):
        pid, code, name, short, kind, parent, province, lon, lat, name_en = cells
        _unique(seen, pid, source, number)
        if not _CODE.match(code) or code in codes:
            raise GazetteerError(
                f"code {code!r} is not a new 6-digit code", source=source, line=number
            )
        codes[code] = number
        division_kind = _kind(kind, DIVISION_KINDS, source, number)
        for ref in (parent, province):
            if ref and ref not in seen:
                raise GazetteerError(
                    f"{ref!r} is not the id of a row above", source=source, line=number
                )
        if (kind == "Province") != (not parent):
            raise GazetteerError("only a Province has no parent", source=source, line=number)
        for value in (lon, lat):
            if value and not _DEGREES.match(value):
                raise GazetteerError(
                    f"{value!r} is not in decimal degrees", source=source, line=number
                )
        aliases = (short,) if short and short != name else ()
        formal = autonomous_short_form(name, short)
        if formal:
            aliases = (formal, *aliases)  # the short name stays the last alias
        out.append(
            model.Place(
                id=pid,
                name=name,
                kind=division_kind,
                name_en=name_en or pid,
                province=province or None,
                aliases=aliases,
                parent=parent or None,
                code=code,
                lon=lon or None,
                lat=lat or None,
            )
        )
    return tuple(out)


def _merge(
    curated: tuple[model.Place, ...], divisions: tuple[model.Place, ...]
) -> tuple[tuple[model.Place, ...], frozenset[str]]:
    """The curated places completed by their division rows, then the other divisions; and
    the short names that only the divisions give (宝山 for 宝山区): weak names that need a
    context to be read as places."""
    division_ids = {d.id: d for d in divisions}
    strong = {n for p in curated for n in (p.name, *p.aliases)}
    weak: set[str] = set()
    merged: list[model.Place] = []
    for place in curated:
        division = division_ids.pop(place.id, None)
        if division is None:
            merged.append(replace(place, parent=place.province))
            continue
        own = {place.name, *place.aliases}
        # a short name that is another curated place's name stays that place's (崇明: 崇明岛)
        extra = tuple(
            n
            for n in (division.name, *division.aliases)
            if n not in own and (n == division.name or n not in strong)
        )
        merged.append(
            replace(
                place,
                aliases=place.aliases + extra,
                parent=division.parent,
                province=division.province,
                code=division.code,
                lon=division.lon,
                lat=division.lat,
            )
        )
        weak.update(n for n in division.aliases[-1:] if n not in strong)
    for division in divisions:
        if division.id in division_ids:
            merged.append(division)
            # the short name (the last alias) needs a context; 互助县 is read anywhere
            weak.update(n for n in division.aliases[-1:] if n not in strong)
            if len(division.name) == 2 and division.name.endswith("区"):
                weak.add(division.name)  # 城区, 郊区, 东区: words first
    return tuple(merged), frozenset(weak)


@dataclass(frozen=True, slots=True)
class _RegionRow:
    region: model.Region
    aliases: tuple[str, ...]


def _parse_regions(
    text: str, source: str, place_ids: frozenset[str] | None
) -> tuple[_RegionRow, ...]:
    seen: dict[str, int] = {}
    out: list[_RegionRow] = []
    for number, (rid, name, aliases, name_en, members) in _rows(text, source, REGIONS_HEADER):
        _unique(seen, rid, source, number)
        ids = _split(members)
        if not ids:
            raise GazetteerError(f"region {rid!r} has no members", source=source, line=number)
        if place_ids is not None:
            for member in ids:
                if member not in place_ids:
                    raise GazetteerError(
                        f"member {member!r} of region {rid!r} is not a place id in the gazetteer",
                        source=source,
                        line=number,
                    )
        region = model.Region(id=rid, name=name, name_en=name_en, members=ids, plans=())
        out.append(_RegionRow(region, _split(aliases)))
    return tuple(out)


def parse_regions(
    text: str, source: str = "regions.tsv", place_ids: frozenset[str] | None = None
) -> tuple[model.Region, ...]:
    """Parse and validate a regions table (members checked against ``place_ids`` if given)."""
    return tuple(r.region for r in _parse_regions(text, source, place_ids))


def parse_agencies(text: str, source: str = "agencies.tsv") -> tuple[model.Agency, ...]:
    """Parse and validate an agencies table."""
    seen: dict[str, int] = {}
    out: list[model.Agency] = []
    for number, (aid, name, shorts, name_en, kind) in _rows(text, source, AGENCIES_HEADER):
        _unique(seen, aid, source, number)
        agency_kind = _kind(kind, AGENCY_KINDS, source, number)
        out.append(
            model.Agency(
                id=aid,
                name=name,
                name_en=name_en,
                short_names=_split(shorts),
                kind=agency_kind,
            )
        )
    return tuple(out)


# --------------------------------------------------------------------------- bundled tables


def _data(name: str) -> tuple[str, str]:
    return resources.read_text("data", name), f"data/{name}"


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """The bundled tables with their name indexes."""

    places: tuple[model.Place, ...]
    regions: tuple[model.Region, ...]
    agencies: tuple[model.Agency, ...]
    place_ids: dict[str, model.Place]
    place_names: dict[str, tuple[model.Place, ...]]  # canonical names and aliases (len >= 2)
    short_names: frozenset[str]  # divisions' short names (宝山, 朝阳): places only in context
    abbreviations: dict[str, tuple[model.Place, ...]]  # one-character aliases
    region_ids: dict[str, model.Region]
    region_names: dict[str, model.Region]  # names and aliases
    agency_ids: dict[str, model.Agency]
    agency_names: dict[str, model.Agency]  # full names and short names


@cache
def gazetteer() -> Gazetteer:
    """Load, validate and index the bundled tables (once)."""
    place_rows, short_names = _merge(
        parse_places(*_data("gazetteer.tsv")), parse_divisions(*_data("divisions.tsv"))
    )
    ids = frozenset(p.id for p in place_rows)
    text, source = _data("regions.tsv")
    region_rows = _parse_regions(text, source, ids)
    agency_rows = parse_agencies(*_data("agencies.tsv"))

    place_names: dict[str, list[model.Place]] = {}
    abbrs: dict[str, list[model.Place]] = {}
    for place in place_rows:
        for name in (place.name, *place.aliases):
            target = abbrs if len(name) == 1 else place_names
            bucket = target.setdefault(name, [])
            if place not in bucket:
                bucket.append(place)
    region_names: dict[str, model.Region] = {}
    for row in region_rows:
        for name in (row.region.name, *row.aliases):
            region_names.setdefault(name, row.region)
    agency_names: dict[str, model.Agency] = {}
    for agency in agency_rows:
        for name in (agency.name, *agency.short_names):
            agency_names.setdefault(name, agency)
    return Gazetteer(
        places=place_rows,
        regions=tuple(r.region for r in region_rows),
        agencies=agency_rows,
        place_ids={p.id: p for p in place_rows},
        place_names={k: tuple(v) for k, v in place_names.items()},
        short_names=short_names,
        abbreviations={k: tuple(v) for k, v in abbrs.items()},
        region_ids={r.region.id: r.region for r in region_rows},
        region_names=region_names,
        agency_ids={a.id: a for a in agency_rows},
        agency_names=agency_names,
    )


def places() -> tuple[model.Place, ...]:
    """Every place of ``data/gazetteer.tsv``, in file order."""
    return gazetteer().places


def regions() -> tuple[model.Region, ...]:
    """Every region of ``data/regions.tsv`` (``plans`` is left empty for the orchestrator)."""
    return gazetteer().regions


def agencies() -> tuple[model.Agency, ...]:
    """Every agency or actor of ``data/agencies.tsv``."""
    return gazetteer().agencies


def place_by_id(place_id: str) -> model.Place | None:
    place = gazetteer().place_ids.get(place_id)
    if place is None and place_id.startswith(_TOWN_ID):
        return _town(place_id[len(_TOWN_ID) :])
    return place


def places_named(name: str) -> tuple[model.Place, ...]:
    """Places whose canonical name or alias (two characters or more) is ``name``."""
    return gazetteer().place_names.get(name, ())


def abbreviations() -> dict[str, tuple[model.Place, ...]]:
    """One-character aliases (沪, 苏, 粤, 深, 琴 …) and the places they may stand for."""
    return gazetteer().abbreviations


def region_by_id(region_id: str) -> model.Region | None:
    return gazetteer().region_ids.get(region_id)


def region_named(name: str) -> model.Region | None:
    """The region whose name or alias is ``name`` (京津冀, 长江三角洲, 大湾区 …)."""
    return gazetteer().region_names.get(name.strip())


def region_for(name: str) -> model.Region:
    """The region a plan covers, by its printed name; an unknown name gets a new region."""
    found = region_named(name)
    if found is not None:
        return found
    clean = name.strip()
    return model.Region(
        id=slugify(clean),
        name=clean,
        name_en=" ".join(syllables(clean)).title() or clean,
        members=(),
        plans=(),
    )


def region_names(region: model.Region) -> tuple[str, ...]:
    """The name and aliases of a region."""
    return tuple(n for n, r in gazetteer().region_names.items() if r.id == region.id)


def agency_by_id(agency_id: str) -> model.Agency | None:
    return gazetteer().agency_ids.get(agency_id)


def agency_named(name: str) -> model.Agency | None:
    """The agency whose full name or short name is exactly ``name``."""
    return gazetteer().agency_names.get(name)


COMMON_WORDS_HEADER = ("word", "frequency", "pos")


def parse_common_words(text: str, source: str = "common-words.tsv") -> frozenset[str]:
    """The words of ``data/common-words.tsv``: short names of divisions that are everyday
    words (资源, 合作, 港口), made by ``scripts/make_common_words.py``."""
    rows = [(n, line) for n, line in enumerate(text.splitlines(), 1) if not line.startswith("#")]
    if not rows or tuple(rows[0][1].lstrip("\ufeff").split("\t")) != COMMON_WORDS_HEADER:
        got = rows[0][1] if rows else "<empty file>"
        expected = "<TAB>".join(COMMON_WORDS_HEADER)
        raise GazetteerError(
            f"expected header {expected!r}, got {got!r}",
            source=source,
            line=rows[0][0] if rows else 1,
        )
    words = []
    for number, line in rows[1:]:
        cells = line.split("\t")
        if len(cells) != len(COMMON_WORDS_HEADER) or not cells[0].strip():
            raise GazetteerError(
                "expected a word, its frequency and part of speech", source=source, line=number
            )
        words.append(cells[0].strip())
    return frozenset(words)


@cache
def common_words() -> frozenset[str]:
    """Short names of divisions that a following area word does not make a place."""
    return parse_common_words(*_data("common-words.tsv"))


# --------------------------------------------------------------------------- towns

TOWNS_HEADER = ("code", "name", "county")
_TOWN_ID = "town-"
# the level words of towns, longest first: 曾口镇 -> 曾口, 南朗街道 -> 南朗
TOWN_SUFFIXES = ("街道办事处", "民族乡", "街道", "苏木", "镇", "乡")


def parse_towns(text: str, source: str = "towns.tsv") -> dict[str, tuple[tuple[str, str], ...]]:
    """Parse and validate a towns table: the towns of each county code, as (code, name)."""
    seen: dict[str, int] = {}
    out: dict[str, list[tuple[str, str]]] = {}
    for number, cells in _rows(text, source, TOWNS_HEADER):
        code, name, county = cells
        if len(code) != 9 or not code.isdigit() or not code.startswith(county[:4]):
            raise GazetteerError(
                f"expected a 9-digit town code within county {county!r}, got {code!r}",
                source=source,
                line=number,
            )
        _unique(seen, code, source, number)
        out.setdefault(county, []).append((code, name))
    return {k: tuple(v) for k, v in out.items()}


@cache
def _towns() -> tuple[dict[str, tuple[tuple[str, str], ...]], dict[str, str]]:
    """The towns by county code, and each town's county code by the town's code."""
    by_county = parse_towns(*_data("towns.tsv"))
    county_of = {code: county for county, towns in by_county.items() for code, _ in towns}
    return by_county, county_of


@cache
def town_short_names() -> frozenset[str]:
    """The short name of every town in China (化成 of 化成镇, 云开 of 云开街道)."""
    by_county, _ = _towns()
    return frozenset(_town_short(name) for towns in by_county.values() for _, name in towns)


@cache
def towns_named() -> dict[str, tuple[str, ...]]:
    """The ids of the towns of China by full name (鲇鱼山镇; 城关镇 names hundreds)."""
    return _towns_by(lambda name: (name,))


def _towns_by(names_of: Callable[[str], Iterable[str]]) -> dict[str, tuple[str, ...]]:
    """The ids of the towns of China by each of the names ``names_of`` gives a full name."""
    by_county, _ = _towns()
    named: dict[str, list[str]] = {}
    for towns in by_county.values():
        for code, name in towns:
            for key in names_of(name):
                named.setdefault(key, []).append(_TOWN_ID + code)
    return {key: tuple(ids) for key, ids in named.items()}


# the peoples that name ethnic townships (岱岭畲族乡, 于家务回族乡, 长哨营满族乡)
_PEOPLES = (
    "柯尔克孜|乌孜别克|维吾尔|哈萨克|达斡尔|鄂温克|鄂伦春|塔吉克|塔塔尔|"
    "俄罗斯|蒙古|土家|布依|朝鲜|哈尼|傈僳|仡佬|东乡|纳西|拉祜|仫佬|锡伯|"
    "撒拉|毛南|普米|阿昌|裕固|保安|德昂|赫哲|门巴|珞巴|独龙|基诺|布朗|"
    "景颇|高山|回|满|苗|瑶|彝|壮|藏|畲|侗|白|黎|傣|土|水|京|羌|怒|"
    "佤"
)
# the ethnic township's level word and the people before it: 岱岭畲族乡 -> 岱岭
_ETHNIC_TOWN = re.compile(f"(?:{_PEOPLES})+族乡$")


def _bare_town_names(name: str) -> tuple[str, ...]:
    """A town's short names: 沿浦 of 沿浦镇; 岱岭 of 岱岭畲族乡 as well as 岱岭畲族."""
    short = _town_short(name)
    m = _ETHNIC_TOWN.search(name, 2)
    if m is not None:
        return tuple(dict.fromkeys((short, name[: m.start()])))
    return (short,)


@cache
def towns_by_short_name() -> dict[str, tuple[str, ...]]:
    """The ids of the towns of China by short name (沿浦 of 沿浦镇, 岱岭 of 岱岭畲族乡)."""
    return _towns_by(lambda name: [short for short in _bare_town_names(name) if short != name])


@cache
def _division_codes() -> dict[str, model.Place]:
    return {p.code: p for p in gazetteer().places if p.code}


@cache
def _children() -> dict[str, tuple[model.Place, ...]]:
    out: dict[str, list[model.Place]] = {}
    for place in gazetteer().places:
        if place.code and place.parent:
            out.setdefault(place.parent, []).append(place)
    return {k: tuple(v) for k, v in out.items()}


def _town_short(name: str) -> str:
    for suffix in TOWN_SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return name


@cache
def _town(code: str) -> model.Place | None:
    by_county, county_of = _towns()
    county_code = county_of.get(code)
    county = _division_codes().get(county_code or "")
    if county is None:
        return None
    name = next(n for c, n in by_county[county_code or ""] if c == code)
    short = _town_short(name)
    return model.Place(
        id=_TOWN_ID + code,
        name=name,
        kind="Town",
        name_en=romanize(short) or code,
        province=county.province or county.id,
        aliases=(short,) if short != name else (),
        parent=county.id,
    )


@cache
def towns_in(division_id: str) -> dict[str, str]:
    """The ids of the towns of a county, or of a city or a province and the divisions in
    it, by full and short name (曾口镇 and 曾口 in 巴州区, 巴中市 and 四川); a name two
    towns share is left out.
    :func:`place_by_id` makes the town's place."""
    division = gazetteer().place_ids.get(division_id)
    if division is None or division.code is None:
        return {}
    by_county, _ = _towns()
    counties = [division]
    for place in counties:  # a province's cities, then their counties
        counties.extend(_children().get(place.id, ()))
    named: dict[str, list[str]] = {}
    for county in counties:
        for code, name in by_county.get(county.code or "", ()):
            for written in dict.fromkeys((name, _town_short(name))):
                named.setdefault(written, []).append(_TOWN_ID + code)
    return {name: ids[0] for name, ids in named.items() if len(ids) == 1}
