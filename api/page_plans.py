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
from api.row_plans import stored_columns
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


# A session's columns are ``ConferenceSerializer``'s stored fields; after them, what its labels are made of.
SESSION_COLUMNS = stored_columns(ConferenceSerializer)
SESSION_LABEL_FIELDS = ("region__name_vi", "region__name_en", "host__name", "next_host__name")
SESSION_FIELDS = ("pk", *SESSION_COLUMNS.values(), *SESSION_LABEL_FIELDS)


def conference_page(request) -> PagePlan:
    """``ConferenceSerializer``'s objects; the sources that name the page's sessions in one more query."""
    (api_before, api_after), (page_before, page_after) = links_around_slug(
        request, "api:conference-detail", "conferences:detail"
    )
    header = columns(ConferenceSerializer)
    labels_at = 1 + len(SESSION_COLUMNS)

    def write(rows: list[tuple]) -> list[dict]:
        sources = defaultdict(set)
        mentions = ConferenceMention.objects.filter(conference_id__in=[row[0] for row in rows])
        for conference, source in mentions.values_list("conference_id", "source__slug"):
            sources[conference].add(source)
        return [session(row, sorted(sources[row[0]])) for row in rows]

    def session(row: tuple, sources: list[str]) -> dict:
        stored = dict(zip(SESSION_COLUMNS, row[1:labels_at], strict=True))
        region_vi, region_en, host_name, next_host_name = row[labels_at:]
        number, day, slug = stored["session_number"], stored["date"], stored["slug"]
        written = stored | {
            "region_name": group_label(in_language(region_vi, region_en)),
            "session_roman": to_roman(number) if number else "",
            "date": day.isoformat() if day else None,
            "host_province_name": host_name,
            "next_host_name": next_host_name,
            "sources": sources,
            "url": f"{api_before}{slug}{api_after}",
            "html_url": f"{page_before}{slug}{page_after}",
        }
        return {name: written[name] for name in header}

    return PagePlan(SESSION_FIELDS, write)


PAGE_PLANS = {FigureSerializer: figure_page, ConferenceSerializer: conference_page}
