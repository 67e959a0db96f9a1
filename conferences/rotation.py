"""Hosting rotation: each group's sessions in the order of their numbers, and each province's turn.

``region_rotation`` lays a group's sessions out as a timeline of numbers I, II, …:

- numbers no source mentions are one collapsed entry ("sessions I–VII: not in the sources"), never
  invented rows;
- a session without a number (the northern 2016 session) is placed by its year and says its number
  is not stated;
- what does not fit is flagged: a number recorded twice, a higher number in an earlier year, more
  numbers than years between two sessions (two sessions would fall in one year), and a next host
  named at a flag handover who does not host the next session. A host that is the 2025 unit the
  named province became is not a contradiction.

``hosting_summaries`` says, for provinces, how many sessions each hosted (held sessions only), when
last, and whether it is the designated next host: announced as host of a session not yet reported,
or named at the flag handover of its group's latest held session. It reads one query whatever the
data size. Both are pure over conferences with ``region``, ``host`` and ``next_host`` loaded.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from itertools import pairwise

from django.utils.translation import gettext

from conferences.models import Conference, session_key
from conferences.selectors import session_unshown
from portal.per_load import for_this_load
from regions.models import Province
from vietnamese.roman import to_roman


@dataclass
class RotationEntry:
    """One line of a group's rotation: a session on record, or a run of numbers no source mentions."""

    conference: Conference | None = None
    gap_first: int | None = None
    gap_last: int | None = None
    flags: list[str] = field(default_factory=list)  # what does not fit, in the active language
    handover_fits: bool | None = None  # for a session: whether the host named at the previous handover hosts it

    @property
    def is_gap(self) -> bool:
        return self.conference is None

    @property
    def gap_roman(self) -> str:
        if self.gap_first == self.gap_last:
            return to_roman(self.gap_first)
        return f"{to_roman(self.gap_first)}–{to_roman(self.gap_last)}"

    @property
    def gap_size(self) -> int:
        return self.gap_last - self.gap_first + 1 if self.gap_first else 0


@dataclass
class Rotation:
    entries: list[RotationEntry]
    earlier: int = 0  # entries before these that were left out (``latest``)

    def latest(self, count: int) -> "Rotation":
        """The last ``count`` entries, flags included; ``earlier`` says how many were left out."""
        kept = self.entries[-count:]
        return Rotation(kept, earlier=len(self.entries) - len(kept))

    @property
    def flag_count(self) -> int:
        return sum(len(entry.flags) for entry in self.entries)

    @property
    def missing_numbers(self) -> int:
        return sum(entry.gap_size for entry in self.entries if entry.is_gap)


def region_rotation(conferences) -> Rotation:
    """A group's sessions as a timeline of numbers with gaps collapsed and contradictions flagged."""
    conferences = list(conferences)
    numbered = sorted((c for c in conferences if c.session_number), key=lambda c: (c.session_number, c.year, c.pk))
    unnumbered = sorted((c for c in conferences if not c.session_number), key=lambda c: (c.year, c.pk or 0))
    entries: list[RotationEntry] = []
    by_conference: dict[int, RotationEntry] = {}
    expected = 1
    for conference in numbered:
        if conference.session_number > expected:
            entries.append(RotationEntry(gap_first=expected, gap_last=conference.session_number - 1))
        entry = RotationEntry(conference)
        entries.append(entry)
        by_conference[id(conference)] = entry
        expected = max(expected, conference.session_number + 1)
    for conference in unnumbered:
        entry = RotationEntry(conference)
        by_conference[id(conference)] = entry
        # Before the first numbered session of a later year; a gap just before it stays before it.
        at = next(
            (i for i, other in enumerate(entries) if other.conference and other.conference.year > conference.year),
            len(entries),
        )
        entries.insert(at, entry)
    for first, second in pairwise(numbered):
        flag = _order_flag(first, second)
        if flag:
            by_conference[id(second)].flags.append(flag)
    by_number = {c.session_number: c for c in numbered}
    for conference in numbered:
        if not conference.next_host_id:
            continue
        following = by_number.get(conference.session_number + 1)
        if following is None or following.host_id is None:
            continue
        entry = by_conference[id(following)]
        entry.handover_fits = _same_unit(following.host, conference.next_host)
        if not entry.handover_fits:
            entry.flags.append(
                gettext(
                    "Session %(session)s hands the flag to %(next_host)s, but session %(following)s is hosted by "
                    "%(host)s."
                )
                % {
                    "session": conference.session_roman,
                    "next_host": conference.next_host.name,
                    "following": following.session_roman,
                    "host": following.host.name,
                }
            )
    return Rotation(entries)


def _same_unit(host: Province, named: Province) -> bool:
    """The named province, or the 2025 unit it became (or the other way round)."""
    return host.pk == named.pk or host.pk == named.successor_id or host.successor_id == named.pk


def _order_flag(first: Conference, second: Conference) -> str:
    """Why two neighbouring numbers do not fit their years, or "" when they do."""
    values = {
        "first": first.session_roman,
        "first_year": first.year,
        "second": second.session_roman,
        "second_year": second.year,
    }
    numbers = second.session_number - first.session_number
    years = second.year - first.year
    if numbers == 0:
        return gettext("Session %(first)s is recorded twice, in %(first_year)s and in %(second_year)s.") % values
    if years < 0:
        return (
            gettext("Session %(second)s is dated %(second_year)s, earlier than session %(first)s (%(first_year)s).")
            % values
        )
    if years == 0:
        return gettext("Sessions %(first)s and %(second)s are both dated %(first_year)s.") % values
    if years < numbers:
        return (
            gettext(
                "Sessions %(first)s (%(first_year)s) and %(second)s (%(second_year)s) are further apart in "
                "numbers than in years: two sessions would fall in one year."
            )
            % values
        )
    return ""


# Provinces -----------------------------------------------------------------------------------------


@dataclass
class TurnToHost:
    """A province's designation as a group's next host."""

    region: object
    session: Conference | None = None  # the announced session it is to host, when one is on record
    handover: Conference | None = None  # the held session at whose flag handover it was named
    unit: Province | None = None  # the province designated (a predecessor, in a 2025 unit's summary)


@dataclass
class HostingSummary:
    hosted: list[Conference] = field(default_factory=list)  # held sessions, oldest first
    designations: list[TurnToHost] = field(default_factory=list)
    through_predecessors: bool = False  # a 2025 unit's summary counts the units it was formed from

    @property
    def count(self) -> int:
        return len(self.hosted)

    @property
    def last(self) -> Conference | None:
        return self.hosted[-1] if self.hosted else None

    @property
    def is_designated(self) -> bool:
        return bool(self.designations)


def current_designations(conferences) -> list[TurnToHost]:
    """Who is to host a group's next session: announced hosts of sessions after its latest held one,
    and the province named at that session's flag handover. ``conferences`` are one group's."""
    conferences = sorted(conferences, key=session_key)
    held = [c for c in conferences if c.status == Conference.Status.HELD]
    latest = held[-1] if held else None
    after = [
        c
        for c in conferences
        if c.status == Conference.Status.ANNOUNCED and (latest is None or session_key(c) > session_key(latest))
    ]
    turns: list[TurnToHost] = []
    for conference in after:
        if conference.host_id:
            turns.append(TurnToHost(conference.region, session=conference, unit=conference.host))
    if latest and latest.next_host_id:
        named = latest.next_host
        turn = next((t for t in turns if _same_unit(t.unit, named)), None)
        if turn is None:
            upcoming = next((c for c in after if not c.host_id), None)
            turns.append(TurnToHost(latest.region, session=upcoming, handover=latest, unit=named))
        else:
            turn.handover = latest
    return turns


def hosting_summaries(conferences, provinces, *, through_predecessors: bool = True) -> dict[int, HostingSummary]:
    """Each province's summary, by pk. With ``through_predecessors``, a 2025 unit's summary counts the
    units it was formed from (the sessions name the units that existed then)."""
    summaries = {province.pk: HostingSummary() for province in provinces}
    is_2025 = {
        province.pk
        for province in provinces
        if through_predecessors and province.administrative_map == Province.Map.FROM_2025
    }
    for pk in is_2025:
        summaries[pk].through_predecessors = True

    def owners(unit: Province | None) -> list[int]:
        if unit is None:
            return []
        found = [unit.pk] if unit.pk in summaries else []
        if unit.successor_id in is_2025:
            found.append(unit.successor_id)
        return found

    by_region = defaultdict(list)
    for conference in sorted(conferences, key=_when):
        by_region[conference.region_id].append(conference)
        if conference.status == Conference.Status.HELD:
            for pk in owners(conference.host):
                summaries[pk].hosted.append(conference)
    for sessions in by_region.values():
        for turn in current_designations(sessions):
            for pk in owners(turn.unit):
                summaries[pk].designations.append(turn)
    return summaries


def _when(conference: Conference) -> tuple[int, int, int]:
    """Order across groups: by year, then date where known (two groups may meet in one year)."""
    return (conference.year, conference.date.toordinal() if conference.date else 0, conference.session_number or 0)


def every_session_for_hosting() -> list[Conference]:
    """Every session as the hosting summaries read them: with group, host and next host, without the columns
    no summary shows, by group, year and number. What the summaries of any provinces are made from."""
    return list(
        Conference.objects.select_related("region", "host", "next_host")
        .defer(*session_unshown("region", "host", "next_host"))
        .order_by("region__position", "year", "session_number")
    )


def every_session_kept(request) -> list[Conference]:
    """``every_session_for_hosting``, read once per load (``portal.per_load``): the sessions depend on the
    data alone, and one list serves the provinces' pages and a session's neighbours."""
    return for_this_load(request, ("every session",), every_session_for_hosting)
