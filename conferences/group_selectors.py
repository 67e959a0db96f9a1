"""Reads for the groups' pages, each in a fixed number of queries (HackSoft's selector style)."""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from types import SimpleNamespace

from django.db.models import (
    Exists,
    F,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Window,
)
from django.db.models.functions import Coalesce, RowNumber
from django.shortcuts import get_object_or_404

from conferences.figure_selectors import ComparableGroup, comparable_groups
from conferences.models import (
    STATED_REGION_SHARE,
    Conference,
    Indicator,
    IndicatorReport,
    MembershipStatement,
    session_key,
)
from conferences.selectors import Capped, correlated_count, figure_row_unshown, session_unshown
from portal.translated import in_language
from regions.models import Basis, Region, RegionMembership

# What the group page shows, whatever the data holds; each links to the full list (docs/performance.md).
GROUP_FIGURES = 50  # the latest figures for the group as a whole, in tables and charts
GROUP_SESSIONS = 10  # the latest sessions, and as many entries of the rotation
SHARE_CHARTS = 4  # share charts of the latest session that states shares


def region_list(*, today: date) -> list[Region]:
    """Every group with its member and session counts, its latest held session and its next one.

    Each region gets ``members_listed``, ``members_inferred``, ``members_missing`` (declared but not
    identified), ``sessions_on_record``, ``latest`` (the latest held session or None), ``upcoming`` (the
    earliest announced session still ahead, or None) and ``overdue`` (announced ones now past).
    """
    regions = list(
        Region.objects.annotate(
            members_listed=correlated_count(
                RegionMembership.objects.before_2025().filter(region=OuterRef("pk")), "region"
            ),
            members_inferred=correlated_count(
                RegionMembership.objects.before_2025().filter(region=OuterRef("pk"), basis=Basis.INFERRED), "region"
            ),
            sessions_on_record=correlated_count(Conference.objects.filter(region=OuterRef("pk")), "region"),
        )
    )
    shown: dict[int, list[Conference]] = {region.pk: [] for region in regions}
    for conference in _sessions_the_list_may_show():
        shown[conference.region_id].append(conference)
    for region in regions:
        region.members_missing = max(region.declared_size - region.members_listed, 0)
        _attach_latest_and_upcoming(region, shown[region.pk], today=today)
    return regions


def _sessions_the_list_may_show():
    """Each group's latest held session (by ``session_key``) and every announced one: all that
    ``_attach_latest_and_upcoming`` may pick, in the model's order. The database leaves out the other
    held sessions, which were most of what the list read (every session with its hosts)."""
    last_first = [F("year").desc(), Coalesce("session_number", 0).desc(), F("pk").asc()]
    rank = Window(RowNumber(), partition_by=[F("region_id"), F("status")], order_by=last_first)
    return (
        Conference.objects.select_related("host__successor", "next_host")
        .annotate(rank=rank)
        .filter(Q(status=Conference.Status.ANNOUNCED) | Q(rank=1))
    )


def _attach_latest_and_upcoming(region: Region, conferences: list[Conference], *, today: date) -> None:
    """``latest`` held session, ``upcoming`` announced one, and ``overdue``: announced sessions whose time
    has passed with no report on record, which are no longer "next"."""
    held = [c for c in conferences if c.status == Conference.Status.HELD]
    region.overdue = [c for c in conferences if c.is_overdue(today)]
    announced = [c for c in conferences if c.status == Conference.Status.ANNOUNCED and c not in region.overdue]
    region.latest = max(held, key=session_key, default=None)
    region.upcoming = min(announced, key=session_key, default=None)


def region_detail(*, slug: str, today: date) -> Region:
    """One group with its sessions (oldest first, as ``sessions``; the latest ``GROUP_SESSIONS`` as
    ``recent_sessions``: one a year, so they are read whole) and its memberships by province name,
    each with the sources that state it (``stated_by``): ``members_then`` (the units it was declared with, before 2025)
    and ``members_2025`` (units of the 2025 map that a source lists as members).

    Like ``region_list``, it carries the member counts (of ``members_then``), ``latest`` and ``upcoming``.
    """
    queryset = Region.objects.prefetch_related(
        Prefetch(
            "memberships",
            queryset=RegionMembership.objects.select_related("province")
            .prefetch_related(
                Prefetch(
                    "statements", queryset=MembershipStatement.objects.select_related("source"), to_attr="stated_by"
                )
            )
            .order_by("province__name_folded"),
        ),
        Prefetch(
            "conferences",
            queryset=Conference.objects.select_related("host__successor", "next_host")
            .defer(*session_unshown("host__successor", "next_host"))
            .order_by("year", "session_number"),
        ),
    )
    region = get_object_or_404(queryset, slug=slug)
    region.sessions = sorted(region.conferences.all(), key=session_key)
    region.recent_sessions = region.sessions[-GROUP_SESSIONS:]
    region.members_then = [m for m in region.memberships.all() if not m.on_2025_map]
    region.members_2025 = [m for m in region.memberships.all() if m.on_2025_map]
    memberships = region.members_then
    region.members_listed = len(memberships)
    region.members_inferred = sum(1 for m in memberships if m.basis == Basis.INFERRED)
    region.members_missing = max(region.declared_size - region.members_listed, 0)
    region.shared_notes = _shared_notes(list(region.memberships.all()))
    _attach_latest_and_upcoming(region, region.sessions, today=today)
    return region


@dataclass
class SharedNote:
    """A basis note that several memberships give, said once above the members (``members`` of them)."""

    basis: str
    basis_label: str
    note: str
    members: int


def _shared_notes(memberships: list[RegionMembership]) -> list[SharedNote]:
    """The notes more than one membership gives; each such membership gets ``note_is_shared``.

    Twenty-eight rows repeating one sentence hid the sessions below them: the sentence is said once.
    """
    counts = Counter((membership.basis, membership.note) for membership in memberships if membership.note)
    shared = {key: count for key, count in counts.items() if count > 1}
    notes = {}
    for membership in memberships:
        key = (membership.basis, membership.note)
        membership.note_is_shared = key in shared
        if membership.note_is_shared and key not in notes:
            notes[key] = SharedNote(membership.basis, membership.get_basis_display(), membership.note, shared[key])
    return list(notes.values())


@dataclass
class IndicatorSeries:
    """One indicator's figures for a group, in tables of comparable periods (see ``comparable_groups``)."""

    indicator: Indicator
    groups: list[ComparableGroup] = field(default_factory=list)


def region_figure_series(*, region: Region) -> Capped:
    """The group-scope figures of the group's sessions, by indicator, then period kind, then period.

    Only the latest ``GROUP_FIGURES`` figures (by period end) are read, in one query; ``more`` on the
    result says whether older ones were left out (the page then links to the figures list).
    """
    figures = IndicatorReport.objects.filter(scope=IndicatorReport.Scope.REGION, conference__region=region)
    latest = figures.order_by("-period_end", "-pk").values("pk")[: GROUP_FIGURES + 1]
    reports = list(
        IndicatorReport.objects.filter(pk__in=Subquery(latest))
        .annotate(recency=Window(RowNumber(), order_by=[F("period_end").desc(), F("pk").desc()]))
        .select_related("indicator", "conference")
        .defer(*figure_row_unshown("indicator", "conference"))
        .order_by("indicator__position", "period_end", "period_start", "conference__year", "position", "pk")
    )
    series: dict[int, IndicatorSeries] = {}
    for group in comparable_groups(reports=[report for report in reports if report.recency <= GROUP_FIGURES]):
        series.setdefault(group.indicator.pk, IndicatorSeries(group.indicator)).groups.append(group)
    for entry in series.values():
        entry.groups.sort(key=lambda group: group.kind.sort_key)
    result = Capped(series.values())
    result.more = len(reports) > GROUP_FIGURES
    return result


# What a share chart reads of a share (``group_charts.share_charts``): the set it belongs to, its share and
# value as written; its indicator's and province's names and the session the charts name and link are read
# beside them (``_share_rows``).
SHARE_FIELDS = (
    "pk",
    "scope",
    "share_of",
    "share_pct",
    "province_id",
    "conference_id",
    "indicator_id",
    "period_start",
    "period_end",
    "is_stock",
    "period_label",
    "value",
    "unit",
    "value_as_written",
    "unit_as_written",
    "qualifier",
    "denominator",
)
SHARE_NAMES = (
    "indicator__name_vi",
    "indicator__name_en",
    "province__name",
    "province__name_folded",
    "conference__slug",
    "conference__session_number",
    "conference__year",
    "conference__region_id",
    "conference__region__name_vi",
    "conference__region__name_en",
)


@dataclass(frozen=True)
class Named:
    """An indicator as a share chart names it: ``name`` in the active language."""

    name_vi: str
    name_en: str

    @property
    def name(self) -> str:
        return in_language(self.name_vi, self.name_en)


def _share_rows(queryset) -> list[SimpleNamespace]:
    """The shares of ``queryset`` as rows with what a share chart reads (``SHARE_FIELDS``), each with its
    ``indicator``, ``province`` and ``conference``. Read as values: as a model with three joined models each,
    the shares of four charts were most of what the charts cost (8.7 -> 5.0 ms at a million figures)."""
    rows, sessions = [], {}
    for row in queryset.values(*SHARE_FIELDS, *SHARE_NAMES):
        names = {name: row.pop(name) for name in SHARE_NAMES}
        conference = sessions.get(row["conference_id"])
        if conference is None:
            region = Region(
                pk=names["conference__region_id"],
                name_vi=names["conference__region__name_vi"],
                name_en=names["conference__region__name_en"],
            )
            conference = sessions[row["conference_id"]] = Conference(
                pk=row["conference_id"],
                slug=names["conference__slug"],
                session_number=names["conference__session_number"],
                year=names["conference__year"],
                region=region,
            )
        indicator = Named(names["indicator__name_vi"], names["indicator__name_en"])
        province = SimpleNamespace(name=names["province__name"], name_folded=names["province__name_folded"])
        rows.append(SimpleNamespace(**row, indicator=indicator, province=province, conference=conference))
    return rows


@dataclass
class SessionShares:
    """The provincial shares one session stated (``parts``), for at most ``SHARE_CHARTS`` sets of one
    indicator and period; ``more`` when the session stated shares for more sets than that."""

    conference: Conference | None = None
    parts: list[SimpleNamespace] = field(default_factory=list)  # rows with what a chart reads (``_share_rows``)
    more: bool = False


def latest_session_shares(*, region: Region) -> SessionShares:
    """The provincial shares of the group's total stated at the group's latest session that states any,
    for its first ``SHARE_CHARTS`` indicators and periods (two queries). Only the latest session, and
    only a few charts of it: a group with decades of sessions would otherwise draw thousands of charts
    on its page (a million synthetic figures: 20,000 shares, 4 s; the latest session alone, 36 charts,
    270 KB). Every session's shares are in its own page's figure table."""
    with_shares = (
        Conference.objects.filter(region=region)
        .filter(Exists(IndicatorReport.objects.filter(STATED_REGION_SHARE, conference=OuterRef("pk"))))
        .order_by("-year", F("session_number").desc(nulls_last=True), "-pk")
        .values("pk")[:1]
    )
    keys = list(
        IndicatorReport.objects.filter(STATED_REGION_SHARE, conference__in=with_shares)
        .order_by("indicator__position", "period_end", "period_start", "is_stock")
        .values_list("conference_id", "indicator_id", "period_start", "period_end", "is_stock", "indicator__position")
        .distinct()[: SHARE_CHARTS + 1]
    )
    if not keys:
        return SessionShares()
    chosen = Q()
    for _, indicator, start, end, stock, _ in keys[:SHARE_CHARTS]:
        chosen |= Q(indicator_id=indicator, period_start=start, period_end=end, is_stock=stock)
    # The session by its key, not again by the subquery: each set is then one range of the partial index
    # ``report_region_shares`` (SQLite otherwise read every session's figures of each indicator and period).
    stated = IndicatorReport.objects.filter(STATED_REGION_SHARE, chosen, conference_id=keys[0][0])
    parts = _share_rows(stated.order_by("indicator__position", "period_end", "position", "pk"))
    return SessionShares(parts[0].conference, parts, more=len(keys) > SHARE_CHARTS)
