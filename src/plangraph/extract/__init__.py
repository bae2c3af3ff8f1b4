"""Stage 2: plans -> facts (targets, places, agencies, themes), each with its quote."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..model import Agency, Extraction, Mention, Place, Plan, Region, Responsibility, Target
from ..read import region_slug
from . import agencies as agencies
from . import gazetteer as gazetteer
from . import places as places
from . import targets as targets
from . import themes as themes

__all__ = ["extract"]


def extract(plans: Sequence[Plan]) -> Extraction:
    """Extract every kind of fact from the plans; places and agencies are shared nodes."""
    place_by_id: dict[str, Place] = {}
    agency_by_id: dict[str, Agency] = {}
    place_mentions: list[Mention] = []
    agency_mentions: list[Mention] = []
    theme_mentions: list[Mention] = []
    duties: list[Responsibility] = []
    found_targets: list[Target] = []
    issued: list[tuple[str, str]] = []
    approved: list[tuple[str, str]] = []

    scoped: dict[str, Place] = {}  # places the targets stage looked up, by id

    def resolve(name: str) -> str | None:
        place = places.resolve_place(name)
        if place is None:
            return None
        scoped.setdefault(place.id, place)
        return str(place.id)

    region_plans: dict[str, list[str]] = {}
    regions: dict[str, Region] = {}
    for plan in plans:
        region = gazetteer.region_for(plan.region)
        if gazetteer.region_named(plan.region) is None:
            region = replace(region, id=region_slug(plan.region))  # the plan id's own stem
        if plan.level == "national":  # a national plan covers the whole country
            region = replace(region, id=region_slug(plan.region), name_en="China", members=())
        elif not region.members:
            # a province's, city's or basin's own plan: the region is the place it is named after
            itself = places.resolve_place(plan.region)
            if itself is not None:
                place_by_id.setdefault(itself.id, itself)
                region = replace(region, members=(itself.id,), name_en=itself.name_en)
        regions.setdefault(region.id, region)
        region_plans.setdefault(region.id, []).append(plan.id)
        for member in region.members:
            resolved = gazetteer.place_by_id(member)
            if resolved is not None:
                place_by_id.setdefault(resolved.id, resolved)

        found_places, named_places = places.extract_places(plan)
        for place in found_places:
            place_by_id.setdefault(place.id, place)
        place_mentions.extend(named_places)

        found_agencies, named_agencies, responsibilities = agencies.extract_agencies(
            plan, named_places
        )
        for agency in found_agencies:
            agency_by_id.setdefault(agency.id, agency)
        agency_mentions.extend(named_agencies)
        duties.extend(responsibilities)
        for agency in agencies.issuing_agencies(plan):
            agency_by_id.setdefault(agency.id, agency)
            issued.append((plan.id, agency.id))
        if plan.approved_by:
            approver = (
                agencies.resolve_agency(plan.approved_by)
                or agencies.issuing_agencies(replace(plan, issuers=(plan.approved_by,)))[0]
            )
            agency_by_id.setdefault(approver.id, approver)
            approved.append((plan.id, approver.id))

        plan_targets = targets.extract_targets(plan, resolve)
        found_targets.extend(plan_targets)
        own = places.resolve_place(plan.region) if plan.region else None
        if own is not None:
            place_by_id.setdefault(own.id, own)
        for target in plan_targets:  # a place looked up but scoping no target is no node
            if target.scope in scoped:
                place_by_id.setdefault(target.scope, scoped[target.scope])
        theme_mentions.extend(themes.extract_themes(plan))

    for duty in duties:
        if duty.actor_is_place:
            resolved = gazetteer.place_by_id(duty.actor)
            if resolved is not None:
                place_by_id.setdefault(resolved.id, resolved)
    # the divisions places lie in (city, province) are nodes too, so pg:locatedIn resolves
    todo = list(place_by_id.values())
    while todo:
        place = todo.pop()
        for outer_id in (place.parent, place.province):
            if outer_id and outer_id not in place_by_id:
                outer = gazetteer.place_by_id(outer_id)
                if outer is not None:
                    place_by_id[outer.id] = outer
                    todo.append(outer)

    return Extraction(
        targets=targets.one_label_each(found_targets),
        places=tuple(place_by_id[k] for k in sorted(place_by_id)),
        place_mentions=tuple(place_mentions),
        agencies=tuple(agency_by_id[k] for k in sorted(agency_by_id)),
        agency_mentions=tuple(agency_mentions),
        responsibilities=tuple(duties),
        theme_mentions=tuple(theme_mentions),
        issued_by=tuple(issued),
        approved_by=tuple(approved),
        regions=tuple(
            Region(r.id, r.name, r.name_en, r.members, tuple(region_plans[r.id]))
            for r in (regions[k] for k in sorted(regions))
        ),
    )
