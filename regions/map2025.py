"""The 2025 map switch: lists of provinces "as it was then" (the default) or "as it is now".

``?units=now`` shows each pre-2025 unit as the 2025 unit it became, grouping units that merged
("Tây Ninh (2025) — formerly Long An, Tây Ninh"). It is a plain query-string parameter, so a page in
either form is a shareable link that works without JavaScript, and the switch's links keep every
other parameter. On a group's page it is display only. The provinces list "as it is now" lists the
units of the 2025 map, each with the groups and the hosting of the units it was formed from
(``conferences.province_selectors.province_list_now``); its ``map`` filter has no say there and is dropped.

(The provinces list already has a ``map`` filter, for which administrative map to list, so the
switch has a name of its own.)
"""

from dataclasses import dataclass, field

from regions.models import Basis, Province, RegionMembership

PARAM = "units"
NOW = "now"


def wants_now(request) -> bool:
    """Whether the page is asked for "as it is now"; anything but ``now`` means "as it was then"."""
    return request.GET.get(PARAM) == NOW


@dataclass
class MergedUnit:
    """A 2025 unit with the pre-2025 units it was formed from."""

    unit: Province
    formed_from: list[Province] = field(default_factory=list)  # every predecessor, by name
    members: list[RegionMembership] = field(default_factory=list)  # for a group: its members among them

    @property
    def other_predecessors(self) -> list[Province]:
        """Predecessors that are not among ``members`` (for a group's list: not members of the group)."""
        member_ids = {membership.province_id for membership in self.members}
        return [province for province in self.formed_from if province.pk not in member_ids]


def load_successors(provinces) -> dict[int, MergedUnit]:
    """The 2025 units these pre-2025 units became, each with all its predecessors: one query, none if
    no unit has a successor. Each province's ``successor`` is set from it, so templates read it freely."""
    provinces = [province for province in provinces if province is not None]
    ids = {province.successor_id for province in provinces if province.successor_id}
    if not ids:
        return {}
    units: dict[int, MergedUnit] = {}
    for predecessor in (
        Province.objects.filter(successor_id__in=ids).select_related("successor").order_by("name_folded", "slug")
    ):
        units.setdefault(predecessor.successor_id, MergedUnit(predecessor.successor)).formed_from.append(predecessor)
    for province in provinces:
        if province.successor_id in units:
            province.successor = units[province.successor_id].unit
    return units


@dataclass
class MembersNow:
    """A group's members as 2025 units; ``has_other_predecessors`` when any unit also absorbed non-members."""

    units: list[MergedUnit]

    def __iter__(self):
        return iter(self.units)

    def __len__(self):
        return len(self.units)

    @property
    def has_other_predecessors(self) -> bool:
        return any(merged.other_predecessors for merged in self.units)


def members_now(memberships, units: dict[int, MergedUnit]) -> list[MergedUnit]:
    """A group's members as 2025 units, each with the members it was formed from, by the unit's name.

    A member with no recorded successor stands for itself.
    """
    grouped: dict[int, MergedUnit] = {}
    for membership in memberships:
        province = membership.province
        merged = units.get(province.successor_id)
        if merged is None:
            merged = grouped.setdefault(-province.pk, MergedUnit(province, [province]))
        else:
            merged = grouped.setdefault(province.successor_id, MergedUnit(merged.unit, merged.formed_from))
        merged.members.append(membership)
    return sorted(grouped.values(), key=lambda merged: (merged.unit.name_folded, merged.unit.slug))


def region_units_now(region) -> MembersNow:
    """For a group's page in the "now" form: its members as 2025 units (and its hosts' successors set),
    in one query."""
    memberships = region.members_then
    hosts = [p for conference in region.sessions for p in (conference.host, conference.next_host) if p]
    units = load_successors([membership.province for membership in memberships] + hosts)
    return MembersNow(members_now(memberships, units))


@dataclass(frozen=True)
class FormerGroup:
    """A group a 2025 unit's predecessors belonged to; ``inferred`` when no such membership is stated."""

    region: object
    inferred: bool


def former_groups(unit: Province) -> list[FormerGroup]:
    """The groups of the units a 2025 unit was formed from (``formed_from``, prefetched with their
    memberships by ``conferences.province_selectors.province_list_now``), each once, in the groups' order."""
    found: dict[int, list[RegionMembership]] = {}
    for predecessor in unit.formed_from:
        for membership in predecessor.memberships.all():
            found.setdefault(membership.region_id, []).append(membership)
    groups = [
        FormerGroup(memberships[0].region, all(m.basis == Basis.INFERRED for m in memberships))
        for memberships in found.values()
    ]
    return sorted(groups, key=lambda group: (group.region.position, group.region.slug))
