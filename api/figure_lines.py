"""The figures' CSV lines: written by the database (``api.csv_sql``), joined with their labels here.

``/figures.csv`` has a million rows and more. Writing each cell in Python (``api.figure_plan``, the
row plan the JSON download still uses) cost about 30 µs of a worker's CPU a row, nearly all of it
holding the GIL. The database writes the figure's own cells instead, exactly as the serializer's CSV
writes them, and the worker reads eight values a row: four runs of cells as text, and the ids of the
figure's session, province, indicator and source. The columns those stand for (a session's slug,
title, group and group's name; a province's slug and name; an indicator's code and name; a source's
slug, title, publication and address) are written here, once per session, province, indicator and
source, in the download's language (``session_title``, ``group_label`` and ``in_language`` have no
exact SQL), and put between the runs. Reading them here also spares the database four joins a row.

The rows are read as the row plans' are (``row_plans.planned_rows``: batches, sorted in Python, read
ahead); the labels in the same snapshot, before the rows. The tests compare the bytes with the
serializer's CSV on both databases, in both languages, filtered and sorted.
"""

from django.db import models
from django.db.models import F

from api.csv_sql import (
    BooleanCell,
    Cells,
    DateCell,
    DecimalCell,
    IntegerCell,
    LinkCells,
    PeriodKindCell,
    TextCell,
    register_functions,
)
from api.figure_serializers import FigureSerializer
from api.row_plans import RowPlan
from api.serializer_base import links_around_slug
from api.stream_writers import csv_line
from conferences.models import Conference, Indicator, IndicatorReport, Source, session_title
from portal.translated import in_language
from regions.models import Province, group_label

VENDORS = ("postgresql", "sqlite")  # the databases ``api.csv_sql`` writes cells for
# The columns written here, by the id of what they name, in the serializer's order.
LABELS = {
    "conference_id": ("conference", "conference_label", "region", "region_name"),
    "province_id": ("province", "province_name"),
    "indicator_id": ("indicator", "indicator_name"),
    "source_id": ("source", "source_title", "source_publication", "source_url"),
}
LINKS = ("url", "html_url")  # written as one run: the same test of the slug for both


def _column_cell(name: str):
    """The cell that writes the figure's own column ``name``, by the kind of its model field."""
    field = IndicatorReport._meta.get_field(name)
    if isinstance(field, models.DecimalField):
        return DecimalCell(F(name), decimal_places=field.decimal_places, max_digits=field.max_digits)
    if isinstance(field, models.BooleanField):
        return BooleanCell(F(name))
    if isinstance(field, models.DateField):
        return DateCell(F(name))
    if isinstance(field, models.IntegerField):
        return IntegerCell(F(name))
    if isinstance(field, models.CharField | models.TextField):
        return TextCell(F(name))
    raise TypeError(f"no CSV cell is written for {name}, a {type(field).__name__}")


def _database_cells(request, names: list) -> dict:
    """The cells the database writes, by column: the figure's own columns, its kind of period and its
    two addresses."""
    cells = {}
    for name in names:
        if name == LINKS:
            cells[name] = LinkCells(
                F("slug"),
                addresses=links_around_slug(request, "api:figure-detail", "conferences:figure_detail"),
            )
        elif name == "period_kind":
            cells[name] = PeriodKindCell(F("period_start"), F("period_end"), F("is_stock"))
        else:
            cells[name] = _column_cell(name)
    return cells


def _read_labels(labels: dict[str, dict]) -> None:
    """Each session's, province's, indicator's and source's columns as CSV text, by id, in the active
    language; a figure with no province has empty ones."""
    sessions, provinces, indicators, sources = (labels[key] for key in LABELS)
    for pk, slug, number, year, group, group_vi, group_en in Conference.objects.values_list(
        "pk", "slug", "session_number", "year", "region__slug", "region__name_vi", "region__name_en"
    ):
        name = in_language(group_vi, group_en)
        sessions[pk] = csv_line([slug, session_title(name, number, year), group, group_label(name)])
    provinces[None] = csv_line([None, None])
    for pk, slug, name in Province.objects.values_list("pk", "slug", "name"):
        provinces[pk] = csv_line([slug, name])
    for pk, code, name_vi, name_en in Indicator.objects.values_list("pk", "code", "name_vi", "name_en"):
        indicators[pk] = csv_line([code, in_language(name_vi, name_en)])
    for pk, *columns in Source.objects.values_list("pk", "slug", "title", "publication", "url"):
        sources[pk] = csv_line(columns)


def _runs(header: list[str]) -> tuple[list[list], list[str]]:
    """The header cut around the columns written from labels: the runs of cells the database writes
    (``LINKS`` as one cell), and the ids that name the groups of label columns between them."""
    runs, keys, run, position = [], [], [], 0
    while position < len(header):
        key = next((key for key, names in LABELS.items() if names[0] == header[position]), None)
        if key is not None:
            if header[position : position + len(LABELS[key])] != list(LABELS[key]):
                raise ValueError(f"FigureSerializer no longer has the columns {LABELS[key]} side by side")
            runs.append(run)
            keys.append(key)
            run, position = [], position + len(LABELS[key])
        elif tuple(header[position : position + len(LINKS)]) == LINKS:
            run.append(LINKS)
            position += len(LINKS)
        else:
            run.append(header[position])
            position += 1
    runs.append(run)
    return runs, keys


def figure_lines(request) -> RowPlan:
    """``FigureSerializer``'s CSV, a line a row: four runs of cells read, the labels put between them."""
    runs, keys = _runs(list(FigureSerializer().fields))
    cells = _database_cells(request, [name for run in runs for name in run])
    # slug | session | province | scope | indicator | the figure's columns | source | links
    if keys != list(LABELS) or [bool(run) for run in runs] != [True, False, True, True, True]:
        raise ValueError("FigureSerializer's columns are no longer in the order figure_lines writes them")
    annotations = {
        f"csv_run_{number}": Cells(*(cells[name] for name in names)) for number, names in enumerate(runs) if names
    }
    fields = [name for number, key in enumerate([*keys, None]) for name in (f"csv_run_{number}", key)]
    fields = tuple(name for name in fields if name in annotations or name in LABELS)
    labels: dict[str, dict] = {key: {} for key in LABELS}
    sessions, provinces, indicators, sources = labels.values()

    def row(values: tuple) -> str:
        slug, session, province, scope, indicator, middle, source, links = values
        return (
            f"{slug},{sessions[session]},{provinces[province]},{scope},{indicators[indicator]},"
            f"{middle},{sources[source]},{links}\r\n"
        )

    return RowPlan(
        fields, row, annotations=annotations, prepare=lambda: _read_labels(labels), connect=register_functions
    )
