"""Reads for the provinces' pages, each in a fixed number of queries (HackSoft's selector style)."""

from dataclasses import dataclass

from django.db.models import (
    Case,
    F,
    Func,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404

from conferences.models import Conference, IndicatorReport
from conferences.selectors import Capped, capped, correlated_count, figure_row_unshown, first_figures, session_unshown
from regions.models import Province, RegionMembership

MAP_ORDER = Case(
    When(administrative_map=Province.Map.BEFORE_2025, then=Value(0)),
    default=Value(1),
    output_field=IntegerField(),
)


def province_list() -> QuerySet[Province]:
    """Every unit on both maps, by name (the pre-2025 unit before its 2025 namesake).

    Each carries ``sessions_hosted`` (held sessions only: an announced host has not hosted yet) and
    ``predecessor_count``, its successor, and its memberships with their groups.
    """
    return (
        Province.objects.select_related("successor")
        .annotate(
            sessions_hosted=correlated_count(
                Conference.objects.filter(host=OuterRef("pk"), status=Conference.Status.HELD), "host"
            ),
            predecessor_count=correlated_count(Province.objects.filter(successor=OuterRef("pk")), "successor"),
            map_order=MAP_ORDER,
        )
        .prefetch_related(
            Prefetch("memberships", queryset=RegionMembership.objects.select_related("region").order_by("region"))
        )
        .order_by("name_folded", "map_order", "slug")
    )


def province_list_now() -> QuerySet[Province]:
    """The units of the 2025 map, by name: the provinces list "as it is now" (``regions.map2025``).

    ``sessions_hosted`` counts the held sessions of the unit and of the units it was formed from (the
    sessions name the units that existed then); ``formed_from`` holds those units, with their groups.
    """
    held = Conference.objects.filter(
        Q(host=OuterRef("pk")) | Q(host__successor=OuterRef("pk")), status=Conference.Status.HELD
    )
    counted = held.order_by().annotate(n=Func(F("pk"), function="COUNT")).values("n")
    memberships = RegionMembership.objects.select_related("region").order_by("region")
    return (
        Province.objects.from_2025()
        .select_related("successor")
        .annotate(
            sessions_hosted=Coalesce(Subquery(counted, output_field=IntegerField()), Value(0)),
            predecessor_count=correlated_count(Province.objects.filter(successor=OuterRef("pk")), "successor"),
            map_order=MAP_ORDER,
        )
        .prefetch_related(
            Prefetch("memberships", queryset=memberships),
            Prefetch(
                "predecessors",
                queryset=Province.objects.order_by("name_folded").prefetch_related(
                    Prefetch("memberships", queryset=memberships)
                ),
                to_attr="formed_from",
            ),
        )
        .order_by("name_folded", "map_order", "slug")
    )


def province_detail(*, slug: str) -> Province:
    """One unit with its successor and its group memberships."""
    queryset = Province.objects.select_related("successor").prefetch_related(
        Prefetch("memberships", queryset=RegionMembership.objects.select_related("region").order_by("region"))
    )
    return get_object_or_404(queryset, slug=slug)


@dataclass(frozen=True)
class Designation:
    """A session a province is to host: announced with it as host, or named it at a flag handover."""

    conference: Conference
    at_handover: bool  # True: ``conference`` is the session whose handover named the province


@dataclass
class ProvinceSessions:
    hosted: list[Conference]
    designated: list[Designation]
    by_predecessors: list[tuple[Province, Conference, str]]  # (predecessor, session, "hosted"/"announced"/"named")


def province_sessions(*, province: Province) -> ProvinceSessions:
    """Sessions the unit hosted or is designated to host, and those of its predecessors (one query)."""
    conferences = list(
        Conference.objects.filter(
            Q(host=province) | Q(next_host=province) | Q(host__successor=province) | Q(next_host__successor=province)
        )
        .select_related("region", "host", "next_host")
        .defer(*session_unshown("region", "host", "next_host"))
        .order_by("year", "region__position", "session_number")
    )
    hosted, designated, by_predecessors = [], [], []
    for conference in conferences:
        if conference.host_id == province.pk:
            if conference.status == Conference.Status.HELD:
                hosted.append(conference)
            else:
                designated.append(Designation(conference, at_handover=False))
        if conference.next_host_id == province.pk:
            designated.append(Designation(conference, at_handover=True))
        if conference.host and conference.host.successor_id == province.pk:
            role = "hosted" if conference.status == Conference.Status.HELD else "announced"
            by_predecessors.append((conference.host, conference, role))
        if conference.next_host and conference.next_host.successor_id == province.pk:
            by_predecessors.append((conference.next_host, conference, "named"))
    return ProvinceSessions(hosted, designated, by_predecessors)


def province_relatives(*, province: Province) -> list[Province]:
    """For a pre-2025 unit, the other units its successor was formed from; for a 2025 unit, its predecessors."""
    formed_into = province.successor_id or province.pk
    return list(Province.objects.filter(successor_id=formed_into).exclude(pk=province.pk).order_by("name_folded"))


def province_reports(*, province: Province) -> Capped:
    """The figures reported about the unit itself, by period then indicator: the latest ``DETAIL_FIGURES``,
    with ``more`` on the result if there are older ones (``first_figures``)."""
    order = ("-period_end", "indicator__position", "position", "pk")
    own = IndicatorReport.objects.filter(scope=IndicatorReport.Scope.PROVINCE, province=province)
    return capped(
        first_figures(own, *order)
        .select_related("indicator", "conference__region")
        .defer(*figure_row_unshown("indicator", "conference__region"))
        .order_by(*order)
    )
