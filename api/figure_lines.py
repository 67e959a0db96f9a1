"""The figures' CSV lines: written by the database (``api.csv_sql``), joined with their labels here.

``/figures.csv`` has a million rows and more. Writing each cell in Python (``api.figure_plan``, the
row plan the JSON download still uses) cost about 30 µs of a worker's CPU a row, most of it holding
the GIL; the database writes the cells instead, exactly as the serializer's CSV writes them, and the
worker reads five values a row: the text before the session's columns, the session's id, the text
between the session and the indicator, the indicator's id, and the rest of the line. The session's
columns (its slug, title, group and group's name) and the indicator's (code and name) are made in
Python, once per session and indicator, in the download's language (``session_title``, ``group_label``
and ``in_language`` have no exact SQL), and put between the pieces.

The rows are read as the row plans' are (``row_plans.planned_rows``: batches, sorted in Python, read
ahead); the labels are read in the same snapshot, before the rows. The tests compare the bytes with
the serializer's CSV on both databases, in both languages, filtered and sorted.
"""

from django.db.models import F
from django.urls import reverse

from api.csv_sql import (
    BooleanCell,
    Cells,
    DateCell,
    DecimalCell,
    IntegerCell,
    PeriodKindCell,
    Surrounded,
    TextCell,
    register_functions,
)
from api.figure_serializers import FigureSerializer
from api.row_plans import RowPlan
from api.serializer_base import page_url, reverse_page
from api.stream_writers import csv_line
from conferences.models import Conference, Indicator, IndicatorReport, session_title
from portal.translated import in_language
from regions.models import group_label

VENDORS = ("postgresql", "sqlite")  # the databases ``api.csv_sql`` writes cells for
SESSION = ("conference", "conference_label", "region", "region_name")  # made here, by the session's id
INDICATOR = ("indicator", "indicator_name")  # made here, by the indicator's id
_SLUG = "slug-placeholder"


def _text(name: str) -> TextCell:
    return TextCell(F(name))


def _decimal(name: str) -> DecimalCell:
    field = IndicatorReport._meta.get_field(name)
    return DecimalCell(F(name), decimal_places=field.decimal_places, max_digits=field.max_digits)


def _link(url: str) -> TextCell:
    """An address with the figure's slug in it: ``url`` is the address reversed for ``_SLUG``."""
    before, _, after = url.partition(_SLUG)
    return TextCell(Surrounded(F("slug"), before=before, after=after))


def _database_cells(request) -> dict:
    """The cells the database writes, by column."""
    cells = {
        name: _text(name)
        for name in (
            "slug",
            "scope",
            "indicator_as_written",
            "period_label",
            "unit",
            "unit_as_written",
            "value_as_written",
            "threshold_comparator",
            "share_of",
            "qualifier",
            "quote",
            "period_quote",
            "locator",
            "growth_as_written",
            "share_as_written",
            "plan_share_as_written",
            "qualifier_as_written",
            "period_context_as_written",
            "note_vi",
            "note_en",
        )
    }
    cells |= {name: _decimal(name) for name in ("value", "threshold_pct", "growth_pct", "share_pct", "plan_share_pct")}
    cells |= {name: IntegerCell(F(name)) for name in ("denominator", "quote_line")}
    cells |= {name: DateCell(F(name)) for name in ("period_start", "period_end")}
    cells["is_stock"] = BooleanCell(F("is_stock"))
    cells["period_kind"] = PeriodKindCell(F("period_start"), F("period_end"), F("is_stock"))
    cells |= {"province": _text("province__slug"), "province_name": _text("province__name")}
    cells |= {"source": _text("source__slug"), "source_title": _text("source__title")}
    cells |= {"source_publication": _text("source__publication"), "source_url": _text("source__url")}
    cells["url"] = _link(request.build_absolute_uri(reverse("api:figure-detail", kwargs={"slug": _SLUG})))
    cells["html_url"] = _link(page_url(request, reverse_page("conferences:figure_detail", _SLUG)))
    return cells


def figure_lines(request) -> RowPlan:
    """``FigureSerializer``'s CSV, a line a row: five values read, two labels put between them."""
    header = list(FigureSerializer().fields)
    cells = _database_cells(request)
    first, after_session = header.index(SESSION[0]), header.index(SESSION[-1]) + 1
    first_indicator, after_indicator = header.index(INDICATOR[0]), header.index(INDICATOR[-1]) + 1
    if header[first:after_session] != list(SESSION) or header[first_indicator:after_indicator] != list(INDICATOR):
        raise ValueError("FigureSerializer's session and indicator columns are no longer where figure_lines puts them")
    pieces = (header[:first], header[after_session:first_indicator], header[after_indicator:])
    annotations = {
        f"csv_piece_{number}": Cells(*(cells[name] for name in names)) for number, names in enumerate(pieces)
    }
    sessions: dict[int, str] = {}  # by id: the session's columns as CSV text
    indicators: dict[int, str] = {}

    def prepare(connection):
        """The labels in the active language (the download's), in the rows' snapshot."""
        register_functions(connection)
        for pk, slug, number, year, group, group_vi, group_en in Conference.objects.values_list(
            "pk", "slug", "session_number", "year", "region__slug", "region__name_vi", "region__name_en"
        ):
            name = in_language(group_vi, group_en)
            sessions[pk] = csv_line([slug, session_title(name, number, year), group, group_label(name)])
        for pk, code, name_vi, name_en in Indicator.objects.values_list("pk", "code", "name_vi", "name_en"):
            indicators[pk] = csv_line([code, in_language(name_vi, name_en)])

    def row(values: tuple) -> str:
        before, session, between, indicator, rest = values
        return f"{before},{sessions[session]},{between},{indicators[indicator]},{rest}\r\n"

    fields = ("csv_piece_0", "conference_id", "csv_piece_1", "indicator_id", "csv_piece_2")
    return RowPlan(fields, row, annotations=annotations, prepare=prepare)
