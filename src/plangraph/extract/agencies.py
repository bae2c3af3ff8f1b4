"""Agencies and actors: who issues a plan, who approves it, who is named and who answers for it.

Agency names are matched with one trie-shaped expression over the full names and short
forms of ``data/agencies.tsv`` (生态环境部, 国家发展改革委, 省级人民政府, 金融机构 …).  A
ministry name followed by 门 (生态环境部门, 财政部门) is the generic local department, and a
short form of a ministry or commission right after 省/市/县/区 (省发展改革委) is the local
counterpart: neither counts.  Actors (各级人民政府, 各市(州)人民政府) may follow a place word:
``沿黄九省区各级人民政府`` names the local governments.

A :class:`model.Responsibility` is read where a sentence gives its subject a duty:
负总责, 牵头, 负责, 发挥…龙头/带动/引领作用, 作为…核心.  The subject is the first agency or
place of the clause, e.g. 省级人民政府 in ``区域内各省级人民政府对…负总责`` or 广东 in
``广东发挥龙头带动作用,…牵头制定年度任务和分工``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

import plangraph.extract.gazetteer as gz
from plangraph import model
from plangraph.extract.places import _sentences, extract_places
from plangraph.vocab import (
    DEPARTMENT_ENDS,
    DIVISION_LEVEL_WORDS,
    LIANG,
    ONE_TO_TEN,
    slugify,
    syllables,
    trie_pattern,
)

__all__ = [
    "agency_by_id",
    "approved_by",
    "extract_agencies",
    "find_agencies",
    "issuers",
    "resolve_agency",
]

_PREFIXES = ("中华人民共和国", "中国共产党")
_LOCAL = "省市县区州"
_CUES = re.compile(
    r"负总责|牵头|负责|发挥[^,，。;；]{0,8}(?:龙头|带动|引领|核心|主导|示范)[^,，。;；]{0,4}作用"
    r"|作为[^,，。;；]{0,40}核心"
)
# a count of the places before it: 九省区, 两省, 四地
_PLACE_COUNT = rf"[{ONE_TO_TEN}{LIANG}]+(?:省区市|省区|省市|省|市|地)"
# what may stand between the start of a clause and its subject
_SUBJECT_LEAD = re.compile(
    r"^(?:区域内|本区域|区域|全区域|沿[\u4e00-\u9fff]{1,2}?)?"  # 沿黄九省区各级人民政府
    rf"(?:{_PLACE_COUNT})?"
    r"(?:的)?(?:各|由|请|要求)?$"
)
# what joins the members of a coordinated subject: 吉林、黑龙江、辽宁和内蒙古(四省区)省级人民政府
_SUBJECT_JOIN = re.compile(rf"^(?:[、和与及]|(?:{_PLACE_COUNT}))$")


def agency_by_id(agency_id: str) -> model.Agency | None:
    """The agency or actor with this id (from ``data/agencies.tsv``)."""
    return gz.agency_by_id(agency_id)


def resolve_agency(name: str) -> model.Agency | None:
    """The agency a printed name stands for: full name, short form or variant.

    ``国家发展改革委`` and ``国家发展和改革委员会`` give the same agency; a leading
    ``中华人民共和国`` and spaces are ignored.
    """
    word = re.sub(r"\s+", "", name).strip("、,，。")
    for prefix in _PREFIXES:
        if word.startswith(prefix) and len(word) > len(prefix) + 1:
            word = word[len(prefix) :]
    found = gz.agency_named(word)
    if found is not None:
        return found
    for variant in (word.replace("和", ""), word.replace("委员会", "委")):
        found = gz.agency_named(variant)
        if found is not None:
            return found
    for agency in gz.agencies():
        if agency.name.replace("和", "") == word.replace("和", ""):
            return agency
    return None


def _printed_agency(name: str, plan: model.Plan | None = None) -> model.Agency:
    found = resolve_agency(name) or local_agency(name, plan)
    if found is not None:
        return found
    clean = re.sub(r"\s+", "", name)
    english = " ".join(syllables(clean)).title() or clean
    return model.Agency(id=slugify(clean), name=clean, name_en=english, kind="agency")


# a local government or one of its departments, by pattern: 山西省人民政府, 巴中市生态环境局,
# 省发展改革委 (the province of the plan), 上海市人民政府办公厅
_LEVEL = "|".join(DIVISION_LEVEL_WORDS)
_LOCAL_PLACE = rf"[\u4e00-\u9fff]{{0,12}}?(?:{_LEVEL})"
_LOCAL_GOVERNMENT = re.compile(
    rf"^(?P<place>{_LOCAL_PLACE})(?:人民)?政府(?P<office>办公厅|办公室)?$"
)
_LOCAL_DEPARTMENT = re.compile(
    rf"^(?P<place>{_LOCAL_PLACE})(?P<dept>[\u4e00-\u9fff]{{2,14}}?)"
    rf"(?P<kind>{'|'.join(DEPARTMENT_ENDS)})$"
)
# the English of a level word in an agency's name (山西省 -> Shanxi Provincial …)
_LEVEL_WORD = {"省": "Provincial", "自治区": "Autonomous Regional", "市": "Municipal"}
_LEVEL_WORD.update({"县": "County", "区": "District", "自治州": "Autonomous Prefecture"})
_LEVEL_WORD.update({"盟": "League", "旗": "Banner", "自治县": "Autonomous County"})


def local_agency(name: str, plan: model.Plan | None = None) -> model.Agency | None:
    """A provincial, municipal or county government or department, read by pattern.

    ``省发展改革委`` or ``市政府`` alone stands for the body of the plan's own province or city.
    The department's English name follows its national counterpart's (生态环境厅 ->
    Department of Ecology and Environment)."""
    word = re.sub(r"\s+", "", name)
    printed = word
    word = _with_own_place(word, plan)
    government = _LOCAL_GOVERNMENT.match(word)
    department = None if government else _LOCAL_DEPARTMENT.match(word)
    match = government or department
    if match is None:
        return None
    place = match["place"]
    if len(place) < 2 or place.endswith(("各省", "各市", "各县", "地区")):
        return None
    from ..read import region_slug

    slug = region_slug(place)
    place_en = _place_english(place)
    level = next(
        (
            v
            for k, v in sorted(_LEVEL_WORD.items(), key=lambda kv: -len(kv[0]))
            if place.endswith(k)
        ),
        "",
    )
    shorts = {printed} if printed != word else set()
    if government:
        full = f"{place}人民政府" + (match["office"] or "")
        english = f"{place_en} {level} People's Government".replace("  ", " ")
        if match["office"]:
            english = f"General Office of the {english}"
            return model.Agency(
                f"{slug}-government-office",
                full,
                english,
                tuple(sorted(shorts - {full})),
                "government",
            )
        shorts.add(f"{place}政府")
        return model.Agency(
            f"{slug}-government", full, english, tuple(sorted(shorts - {full})), "government"
        )
    assert department is not None
    national = _national_counterpart(department["dept"])
    full = word
    if national is not None:
        kind = "委员会" if department["kind"] in ("委", "委员会") else department["kind"]
        full = place + _stem(national.name) + kind
        core = re.sub(
            r"^(?:Ministry of |National |State |General Administration of )", "", national.name_en
        )
        unit = {"厅": "Department of", "局": "Bureau of"}.get(department["kind"], "")
        english = f"{place_en} {level} {unit} {core}".replace("  ", " ").strip()
        agency_id = f"{slug}-{national.id}"
    else:
        english = f"{place_en} {level} " + (" ".join(syllables(department["dept"])).title())
        agency_id = f"{slug}-{slugify(department['dept'] + department['kind'])}"
    return model.Agency(agency_id, full, english, tuple(sorted(shorts - {full})), "agency")


def _with_own_place(word: str, plan: model.Plan | None) -> str:
    """省发展改革委 in a plan of 山西省 is 山西省发展改革委; 市政府 in a plan of 巴中市 is
    巴中市政府."""
    if plan is None or not re.match(r"^(?:省|市|自治区|县|区)(?!级)", word):
        return word
    area = plan.region
    for suffix in ("自治区", "省", "市", "县", "区"):
        if word.startswith(suffix):
            if area.endswith(suffix) or (
                suffix == "市" and plan.level == "provincial" and area.endswith("市")
            ):
                return area + word[len(suffix) :]
            return word
    return word


def _place_english(place: str) -> str:
    from .places import resolve_place

    found = resolve_place(place)
    if found is not None and found.name_en:
        suffix = r"\s+(?:Province|City|Municipality|Autonomous Region|District|County|Prefecture)$"
        return re.sub(suffix, "", found.name_en)
    bare = re.sub(rf"(?:{_LEVEL})$", "", place)
    return " ".join(syllables(bare)).title().replace(" ", "") or place


@cache
def _department_stems() -> dict[str, model.Agency]:
    """The topic of every national ministry, commission or administration (生态环境,
    发展和改革, 发展改革 …), the word a local department shares with it."""
    stems: dict[str, model.Agency] = {}
    for agency in gz.agencies():
        if agency.kind != "agency":
            continue
        for name in (agency.name, *agency.short_names):
            stem = _stem(name)
            if len(stem) >= 2:
                stems.setdefault(stem, agency)
    return stems


def _stem(name: str) -> str:
    """The topic of a body's name: 国家发展和改革委员会 -> 发展和改革, 生态环境部 -> 生态环境."""
    stem = re.sub(r"^(?:国家|中华人民共和国|国务院)", "", name)
    return re.sub(r"(?:委员会|总局|部|委|局|署|办公室)$", "", stem)


def _national_counterpart(dept: str) -> model.Agency | None:
    stems = _department_stems()
    return stems.get(dept) or stems.get(dept.replace("和", ""))


def issuers(plan: model.Plan) -> tuple[str, ...]:
    """Agency ids of the co-issuers, in printed order; unknown names get a pinyin id."""
    out: list[str] = []
    for name in plan.issuers:
        agency = _printed_agency(name, plan)
        if agency.id not in out:
            out.append(agency.id)
    return tuple(out)


def issuing_agencies(plan: model.Plan) -> tuple[model.Agency, ...]:
    """The co-issuers as Agency objects (new ones for names the table lacks)."""
    seen: dict[str, model.Agency] = {}
    for name in plan.issuers:
        agency = _with_printed_form(_printed_agency(name, plan), name)
        seen.setdefault(agency.id, agency)
    return tuple(seen.values())


def _with_printed_form(agency: model.Agency, printed: str) -> model.Agency:
    """The agency with the name as printed among its short names, where it differs."""
    word = re.sub(r"\s+", "", printed)
    if word == agency.name or word in agency.short_names:
        return agency
    from dataclasses import replace

    return replace(agency, short_names=tuple(sorted({*agency.short_names, word})))


def approved_by(plan: model.Plan) -> str | None:
    """The id of the body that approved the plan (国务院 for 经国务院同意), or None."""
    if not plan.approved_by:
        return None
    return _printed_agency(plan.approved_by, plan).id


@dataclass(frozen=True, slots=True)
class AgencyHit:
    start: int
    end: int
    agency: model.Agency


@cache
def _names() -> re.Pattern[str]:
    return re.compile(trie_pattern(sorted(gz.gazetteer().agency_names)))


def find_agencies(text: str) -> list[AgencyHit]:
    """Agencies and actors named in one sentence."""
    hits: list[AgencyHit] = []
    for m in _names().finditer(text):
        word, start, end = m.group(), m.start(), m.end()
        agency = gz.agency_named(word)
        if agency is None:
            continue
        if word.endswith("部") and text[end : end + 1] == "门":
            continue  # 生态环境部门: a department, not the ministry
        if (
            agency.kind == "agency"
            and word != agency.name
            and start > 0
            and text[start - 1] in _LOCAL
        ):
            continue  # 省发展改革委: the provincial counterpart
        hits.append(AgencyHit(start, end, agency))
    return hits


def extract_agencies(
    plan: model.Plan, place_mentions: Sequence[model.Mention] | None = None
) -> tuple[tuple[model.Agency, ...], tuple[model.Mention, ...], tuple[model.Responsibility, ...]]:
    """Agencies named in the plan (issuers first), one Mention per occurrence, and the
    responsibilities the text assigns to an agency or a place.

    ``place_mentions`` are the plan's place mentions if the caller already has them (from
    :func:`plangraph.extract.places.extract_places`); otherwise they are found here.
    """
    found: dict[str, model.Agency] = {a.id: a for a in issuing_agencies(plan)}
    approver = approved_by(plan)
    if approver is not None and plan.approved_by:
        agency = _printed_agency(plan.approved_by, plan)
        found.setdefault(agency.id, agency)
    mentions: list[model.Mention] = []
    duties: list[model.Responsibility] = []
    if place_mentions is None:
        _, place_mentions = extract_places(plan)
    places_by_sentence: dict[int, list[model.Mention]] = {}
    for pm in place_mentions:
        if pm.how != "part":
            places_by_sentence.setdefault(pm.quote.sentence, []).append(pm)

    for owner, sentence in _sentences(plan):
        hits = find_agencies(sentence.text)
        actors: list[tuple[int, int, str, bool]] = []
        for hit in hits:
            start, end = sentence.start + hit.start, sentence.start + hit.end
            quote = model.Quote(sentence.index, start, end, plan.text[start:end])
            mentions.append(model.Mention(plan.id, owner, hit.agency.id, quote, "gazetteer"))
            found.setdefault(hit.agency.id, hit.agency)
            actors.append((hit.start, hit.end, hit.agency.id, False))
        for pm in places_by_sentence.get(sentence.index, ()):
            actors.append(
                (pm.quote.start - sentence.start, pm.quote.end - sentence.start, pm.target, True)
            )
        actors.sort()
        duties.extend(_responsibilities(plan, owner, sentence, actors))
    return tuple(found.values()), tuple(mentions), tuple(duties)


def _responsibilities(
    plan: model.Plan,
    owner: model.Owner,
    sentence: model.Sentence,
    actors: list[tuple[int, int, str, bool]],
) -> list[model.Responsibility]:
    text = sentence.text
    out: list[model.Responsibility] = []
    seen: set[str] = set()
    for cue in _CUES.finditer(text):
        subject: int | None = None
        for k, (start, _end, _actor, _is_place) in enumerate(actors):
            if start >= cue.start():
                break
            clause_start = max(text.rfind(p, 0, start) for p in ",，;；:：") + 1
            if _SUBJECT_LEAD.match(text[clause_start:start]):
                subject = k  # the nearest subject before the cue
        if subject is None:
            continue
        for start, actor, is_place in _coordinated(text, actors, subject, cue.start()):
            if actor not in seen:
                seen.add(actor)
                a, b = sentence.start + start, sentence.start + cue.end()
                quote = model.Quote(sentence.index, a, b, plan.text[a:b])
                out.append(model.Responsibility(plan.id, owner, actor, is_place, quote))
    return out


def _coordinated(
    text: str, actors: list[tuple[int, int, str, bool]], first: int, limit: int
) -> list[tuple[int, str, bool]]:
    """The subject starting at ``actors[first]`` and the actors coordinated with it:
    吉林、黑龙江、辽宁和内蒙古四省区 gives the four provinces, and the government named
    right after the list (内蒙古省级人民政府) answers too."""
    start, end, actor, is_place = actors[first]
    group = [(start, actor, is_place)]
    for start, stop, actor, is_place in actors[first + 1 :]:
        if start >= limit:
            break
        if stop <= end:
            continue  # a name inside the previous one (海南 in 海南省生态环境厅)
        gap = text[end:start] if start >= end else ""  # 山西省 | 省级人民政府
        joined = _SUBJECT_JOIN.match(gap) is not None
        government = not is_place and (not gap or joined)
        if not (joined and is_place) and not government:
            break
        group.append((start, actor, is_place))
        end = stop
        if government:
            break  # the list ends at the government it qualifies
    return group
