"""A page of an API list written from values rows, as its serializer writes each object.

A serializer makes a model instance for every object and every related one, then walks its fields one by
one: for the figures' and the sessions' pages, two thirds of the page's time. A page plan names the
columns to read with ``values_list`` (``fields``, after ``annotations``) and writes the page's rows as the
serializer's objects (``write``), reading what one query cannot give (a session's sources) in one more.
The tests compare the two, page by page, on every figure and session (``tests/api``).
"""

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from api.conference_serializers import ConferenceSerializer
from api.exports import columns
from api.figure_plan import figure_plan
from api.figure_serializers import FigureSerializer
from api.serializer_base import links_around_slug
from conferences.models import ConferenceMention
from portal.translated import in_language
from regions.models import group_label
from vietnamese.roman import to_roman


@dataclass(frozen=True)
class PagePlan:
    fields: tuple[str, ...]
    write: Callable[[list[tuple]], list[dict]]
    annotations: dict = field(default_factory=dict)


def figure_page(request) -> PagePlan:
    """The figures' row plan (``api.figure_plan``), each row as an object."""
    plan, header = figure_plan(request), columns(FigureSerializer)
    return PagePlan(
        plan.fields, lambda rows: [dict(zip(header, plan.row(row), strict=True)) for row in rows], plan.annotations
    )


SESSION_FIELDS = (
    "pk",
    "slug",
    "region__slug",
    "region__name_vi",
    "region__name_en",
    "session_number",
    "year",
    "date",
    "date_as_written",
    "host__slug",
    "host__name",
    "host_basis",
    "venue",
    "organisers",
    "chairs",
    "theme",
    "status",
    "next_host__slug",
    "next_host__name",
)


def conference_page(request) -> PagePlan:
    """``ConferenceSerializer``'s objects; the sources that name the page's sessions in one more query."""
    (api_before, api_after), (page_before, page_after) = links_around_slug(
        request, "api:conference-detail", "conferences:detail"
    )
    header = columns(ConferenceSerializer)

    def write(rows: list[tuple]) -> list[dict]:
        sources = defaultdict(set)
        mentions = ConferenceMention.objects.filter(conference_id__in=[row[0] for row in rows])
        for conference, source in mentions.values_list("conference_id", "source__slug"):
            sources[conference].add(source)
        return [dict(zip(header, _session(row, sorted(sources[row[0]])), strict=True)) for row in rows]

    def _session(row: tuple, sources: list[str]) -> list:
        (_, slug, region, region_vi, region_en, number, year, day, day_as_written, host, host_name, *rest) = row
        host_basis, venue, organisers, chairs, theme, status, next_host, next_host_name = rest
        return [
            slug,
            region,
            group_label(in_language(region_vi, region_en)),
            number,
            to_roman(number) if number else "",
            year,
            day.isoformat() if day else None,
            day_as_written,
            host,
            host_name,
            host_basis,
            venue,
            organisers,
            chairs,
            theme,
            status,
            next_host,
            next_host_name,
            sources,
            f"{api_before}{slug}{api_after}",
            f"{page_before}{slug}{page_after}",
        ]

    return PagePlan(SESSION_FIELDS, write)


PAGE_PLANS = {FigureSerializer: figure_page, ConferenceSerializer: conference_page}
