"""Reads that span several models, kept out of the views (HackSoft's selector style)."""

from datetime import date

from django.db.models import (
    Case,
    CharField,
    Count,
    F,
    IntegerField,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
    Window,
)
from django.db.models.functions import Coalesce, RowNumber
from django.shortcuts import get_object_or_404

from conferences.models import SCOPE_ORDER, Conference, ConferenceMention, IndicatorReport, session_key

# What the conferences list, the API and the downloads show of a session's mentions: the source's slug and
# how it is named. The mention's quote and the source's other columns are on their own pages; read for
# every row they were most of what the list read.
MENTION_ROW_FIELDS = ("conference_id", "source_id", "source__slug", "source__title", "source__publication")


def conference_list() -> QuerySet[Conference]:
    """Every conference, held or announced, latest first, with its sources."""
    mentions = ConferenceMention.objects.select_related("source").only(*MENTION_ROW_FIELDS).order_by("source__slug")
    return (
        Conference.objects.for_listing()
        .order_by("-year", "region__position", "-session_number")
        .prefetch_related(Prefetch("mentions", queryset=mentions))
    )


# A detail page lists at most this many figures, then links to the figures list filtered to it: a session
# of the synthetic benchmark data reports ten thousand (docs/performance.md). Forty keeps a source's page
# the same size at 10,000 figures (at most 47 a source) and at a million (bench/scale.py).
DETAIL_FIGURES = 40


# A figure's columns and its indicator's and province's that a detail page's figure table does not show: its
# quote and notes (on the figure's own page) and the search columns. Read for each of a session's 9,500
# figures at a million, they made the sort for the first hundred ten times wider.
FIGURE_ROW_UNSHOWN = (
    "search_name",
    "search_text",
    "quote",
    "period_quote",
    "note_vi",
    "note_en",
    "locator",
    "indicator__search_name",
    "indicator__search_text",
    "indicator__description_vi",
    "indicator__description_en",
    "province__search_name",
    "province__search_text",
)


# A session's and a group's columns no figure row shows.
SESSION_UNSHOWN = ("search_name", "search_text", "organisers", "chairs", "theme")
GROUP_UNSHOWN = ("search_name", "search_text", "declared_size_note_vi", "declared_size_note_en")


def figure_row_unshown(*relations: str) -> list[str]:
    """What ``defer`` leaves out of figure rows read with ``select_related(*relations)``: ``FIGURE_ROW_UNSHOWN``
    (of the relations selected) and the unshown columns of the session and group, when selected."""
    selected = {part for relation in relations for part in _prefixes(relation)}
    names = [name for name in FIGURE_ROW_UNSHOWN if "__" not in name or name.rsplit("__", 1)[0] in selected]
    if "conference" in selected:
        names += [f"conference__{name}" for name in SESSION_UNSHOWN]
    if "conference__region" in selected:
        names += [f"conference__region__{name}" for name in GROUP_UNSHOWN]
    return names


def session_unshown(*relations: str) -> list[str]:
    """What ``defer`` leaves out of sessions read with ``select_related(*relations)`` for a page that lists
    them: their search columns, organisers, chairs and theme, and the search columns of the provinces and
    group selected with them."""
    names = list(SESSION_UNSHOWN)
    for selected in sorted({part for relation in relations for part in _prefixes(relation)}):
        unshown = GROUP_UNSHOWN if selected == "region" else ("search_name", "search_text")
        names += [f"{selected}__{name}" for name in unshown]
    return names


def _prefixes(relation: str) -> list[str]:
    parts = relation.split("__")
    return ["__".join(parts[: end + 1]) for end in range(len(parts))]


class Capped(list):
    """A list cut at ``DETAIL_FIGURES`` items; ``more`` says whether any were left out."""

    more = False


def capped(objects) -> Capped:
    """The first ``DETAIL_FIGURES`` of ``objects`` (a queryset sliced to one more than that)."""
    objects = list(objects)
    result = Capped(objects[:DETAIL_FIGURES])
    result.more = len(objects) > DETAIL_FIGURES
    return result


def first_figures(figures: QuerySet[IndicatorReport], *order) -> QuerySet[IndicatorReport]:
    """The figures among the first ``DETAIL_FIGURES`` + 1 of ``figures`` in ``order``, chosen by their keys
    alone: the caller reads them whole, with their joins, and orders them again.

    A session has 9,500 figures at a million, a province 44,000: reading each one whole and joined before
    keeping the first 41 was most of their pages' database time (a session's 40 ms on PostgreSQL, a
    province's 132 ms on SQLite)."""
    first = figures.order_by(*order).values("pk")[: DETAIL_FIGURES + 1]
    return IndicatorReport.objects.filter(pk__in=Subquery(first))


def conference_detail(*, slug: str) -> Conference:
    """One conference with everything its page shows, in a fixed number of queries.

    Its figures are ``figures``: the first ``DETAIL_FIGURES``, with ``figures.more`` if there are more.
    """
    queryset = Conference.objects.select_related("region", "host__successor", "next_host").prefetch_related(
        Prefetch("mentions", queryset=ConferenceMention.objects.select_related("source", "host", "next_host")),
        "officials",
    )
    conference = get_object_or_404(queryset, slug=slug)
    order = ("scope_order", "source__slug", "position", "pk")
    own = IndicatorReport.objects.filter(conference=conference).annotate(scope_order=SCOPE_ORDER)
    conference.figures = capped(
        first_figures(own, *order)
        .select_related("indicator", "province")
        .defer(*FIGURE_ROW_UNSHOWN)
        .annotate(scope_order=SCOPE_ORDER)
        .order_by(*order)
    )
    return conference


def neighbouring_sessions(*, conference: Conference, sessions) -> tuple[Conference | None, Conference | None]:
    """The same group's sessions just before and just after, by year then session number, among ``sessions``
    (every session, with its host)."""
    key = session_key(conference)  # the session itself, and any recorded with the same key, are neither
    same_group = sorted((c for c in sessions if c.region_id == conference.region_id), key=session_key)
    before = [c for c in same_group if session_key(c) < key]
    after = [c for c in same_group if session_key(c) > key]
    return (before[-1] if before else None), (after[0] if after else None)


def home_summary(*, today: date) -> dict:
    """The home page: each group's latest held session, its next announced one, and recent figures.

    An announced session whose time has passed with no report on record is not "next": it is listed in
    ``overdue`` instead.
    """
    sessions = list(home_sessions(today=today))
    headline = list(
        IndicatorReport.objects.filter(scope=IndicatorReport.Scope.REGION, unit__in=["VND", "USD"])
        .select_related("indicator", "conference__region")
        .order_by("-period_end", "conference__region__position", "indicator__position")[:6]
    )
    return {
        "latest": [session for session in sessions if session.role == LATEST],
        "upcoming": [session for session in sessions if session.role == UPCOMING],
        "overdue": [session for session in sessions if session.role == OVERDUE],
        "headline": headline,
    }


LATEST, UPCOMING, OVERDUE = "latest", "upcoming", "overdue"


def home_sessions(*, today: date) -> QuerySet[Conference]:
    """Each group's latest held session and its next announced one (the last by ``session_key``), and
    every overdue one (``Conference.is_overdue``), as ``role``, in the order of ``for_listing``.

    The database picks them (a row number per group and role): the page reads a dozen sessions, not
    every one with its group and hosts.
    """
    announced = Q(status=Conference.Status.ANNOUNCED)
    overdue = announced & (Q(date__lt=today) | Q(date__isnull=True, year__lt=today.year))
    role = Case(
        When(status=Conference.Status.HELD, then=Value(LATEST)),
        When(overdue, then=Value(OVERDUE)),
        When(announced, then=Value(UPCOMING)),
        output_field=CharField(),
    )
    last_first = [F("year").desc(), Coalesce("session_number", 0).desc(), F("pk").asc()]
    return (
        Conference.objects.for_listing()
        .annotate(role=role, rank=Window(RowNumber(), partition_by=[F("region_id"), role], order_by=last_first))
        .filter(Q(rank=1) | Q(role=OVERDUE))
    )


def correlated_count(queryset: QuerySet, group_field: str) -> Coalesce:
    """A correlated COUNT(*) as an annotation: it neither joins nor groups the outer query."""
    counted = queryset.order_by().values(group_field).annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))
