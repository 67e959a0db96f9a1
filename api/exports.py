"""Every public list as a download, CSV or JSON, with the same filters as its page, streamed.

The rows are the API's: each list's serializer (``api.lists``) gives the JSON objects, the
CSV columns (its field names, in order) and the cells. A CSV cell is the JSON value written flat:
null → empty, true/false, a list of slugs (or names) joined with ";", a list of objects as compact JSON.
Decimals are strings already ("120700000000"), so nothing passes through a float.

Filters are checked before the first byte is sent: invalid ones give a 400 with a plain message and
no file. The rows are then read with ``iterator(chunk_size=CHUNK_SIZE)`` and written as they come, so
the whole file is never held in memory; each chunk costs the same number of queries (the list's
prefetches, once per chunk).

The figures (a million rows and more) skip the serializer: a ``RowPlan`` reads the same values with
``values_list`` and writes them exactly as ``FigureSerializer`` does, several times faster
(docs/performance.md); the tests check that both give the same rows.

A download is in the language of its address, like the page that links it: ``/figures.csv`` in
Vietnamese, ``/en/figures.csv`` in English (the API's ``?format=csv`` in English). Only the labels
beside the slugs (``region_name``, ``conference_label``…) depend on it. The file is written after the
view has returned, so each piece is written with the view's language active again (``written_in``).
"""

import csv
import io
import json
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import suppress
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import batched
from operator import itemgetter
from queue import Empty, Queue

from django.db import connections, transaction
from django.db.models import TextField
from django.db.models.functions import Cast
from django.http import HttpResponse, StreamingHttpResponse
from django.urls import reverse
from django.utils import translation
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from rest_framework import serializers
from rest_framework.utils.encoders import JSONEncoder

from api.csv_safety import FORMULA_STARTS, inert
from api.figure_serializers import FigureSerializer
from api.lists import PublicList
from api.serializer_base import page_url, reverse_page
from conferences.figure_counts import FigureCube
from conferences.figure_periods import period_kind
from conferences.models import session_title
from portal.translated import in_language
from regions.models import Province, group_label

CHUNK_SIZE = 500  # rows read from the database at a time
ROWS_PER_WRITE = 100  # rows handed to the server at a time
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
JSON_CONTENT_TYPE = "application/json"
BOM = "\ufeff"


def columns(serializer_class) -> list[str]:
    """The CSV header: the serializer's field names, in order (the API's keys)."""
    return list(serializer_class().fields)


def serialized_rows(queryset, serializer_class, request, *, chunk_size: int | None = None) -> Iterator[dict]:
    """Each row as the API writes it, read from the database a chunk at a time.

    All chunks come from one snapshot: a transaction opens with the first row and ends after the last,
    or when the download is abandoned and the generator closed (docs/deploy.md, "Consistency").
    """
    serializer = serializer_class(context={"request": request})
    with transaction.atomic(using=queryset.db, savepoint=False):
        for obj in queryset.iterator(chunk_size=chunk_size or CHUNK_SIZE):
            yield serializer.to_representation(obj)


def _dumps(value) -> str:
    return json.dumps(value, cls=JSONEncoder, ensure_ascii=False, separators=(",", ":"))


def csv_cell(value) -> str:
    """One JSON value as a CSV cell, never one a spreadsheet would run as a formula."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        if any(isinstance(item, dict | list | tuple) for item in value):
            return inert(_dumps(list(value)))
        return inert(";".join(str(item) for item in value))
    if isinstance(value, dict):
        return inert(_dumps(value))
    return inert(str(value))


class _Line:
    """A file-like object whose ``write`` hands back what ``csv.writer`` formatted."""

    def write(self, text: str) -> str:
        return text


def csv_chunks(rows: Iterable[dict], header: list[str]) -> Iterator[bytes]:
    """UTF-8 with a BOM, one header row, RFC 4180 quoting, CRLF line ends."""
    writer = csv.writer(_Line(), lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    yield (BOM + writer.writerow(header)).encode("utf-8")
    for batch in batched(rows, ROWS_PER_WRITE):
        yield "".join(writer.writerow([csv_cell(row[name]) for name in header]) for row in batch).encode("utf-8")


def json_chunks(rows: Iterable[dict]) -> Iterator[bytes]:
    """A JSON array of the rows, written as they come."""
    yield b"["
    separator = ""
    for batch in batched(rows, ROWS_PER_WRITE):
        text = separator + ",".join(_dumps(row) for row in batch)
        separator = ","
        yield text.encode("utf-8")
    yield b"]"


def written_in(language: str, chunks: Iterable[bytes]) -> Iterator[bytes]:
    """``chunks``, each written with ``language`` active.

    A streamed file is written after its view has returned, when the thread's language may be another
    request's (or none); the labels are translated as the rows are written. Activated for each piece
    only, so that nothing else runs in this language meanwhile.
    """
    pieces = iter(chunks)
    try:
        while True:
            with translation.override(language):
                chunk = next(pieces, None)
            if chunk is None:
                return
            yield chunk
    finally:
        if close := getattr(pieces, "close", None):
            close()  # an abandoned download ends its transaction now (serialized_rows, planned_rows)


def _download(chunks: Iterator[bytes], *, content_type: str, filename: str) -> StreamingHttpResponse:
    chunks = written_in(translation.get_language(), chunks)
    response = StreamingHttpResponse(chunks, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=filename)
    return response


# Rows straight from the database: the figures list has a million rows, and a serializer per row wrote
# fewer than 10,000 a second. A row plan reads the same values with ``values_list`` (one query, the
# joins it needs) and writes each as its serializer does; tests compare the two on every figure.

FAST_CHUNK_SIZE = 2000  # rows fetched at a time by the row plans (no prefetches to repeat)
BATCH_SIZE = 4000  # rows per query when the figures are read in batches of groups (FigureCube.batches)
_SLUG = "slug-placeholder"


@dataclass(frozen=True)
class RowPlan:
    """``fields`` to read with ``values_list``, and ``row`` turning one into the serializer's values, in
    its field order. ``flat`` are the columns whose CSV cell is not the value as is (booleans);
    ``free_text`` the columns holding words from a source or a curator (names and titles too), which
    may begin like a formula (``csv_safety``). The others are the portal's own slugs, codes, dates,
    numbers and links."""

    fields: tuple[str, ...]
    row: Callable[[tuple], list]
    flat: tuple[str, ...] = ()
    free_text: tuple[str, ...] = ()
    annotations: dict = field(default_factory=dict)  # added to the queryset before ``values_list``


def _around(url: str) -> tuple[str, str]:
    """An address with ``_SLUG`` in it, as the text before and after the slug."""
    before, _, after = url.partition(_SLUG)
    return before, after


def _exact(value):
    """As ``ExactDecimalField``: plain notation, no padding zeros; None stays None."""
    return None if value is None else format(value.normalize(), "f")


def _exact_text(text):
    """``_exact`` for a decimal PostgreSQL wrote as text ("120700000000.0000"): cheaper than a Decimal."""
    if text is None or "." not in text:
        return text
    return text.rstrip("0").rstrip(".")


@lru_cache(maxsize=4096)
def _period_kind_code(start, end, is_stock) -> str:
    return period_kind(start, end, is_stock).code


def stored_fields(serializer_class) -> tuple[str, ...]:
    """The ``values_list`` path of each of the serializer's fields that is read as stored, in its order: a
    model field by name, a related object's slug through its relation ("conference__region__slug"). The
    rest are made from those: labels (read through a relation, "province.name"), links, computed ones."""
    paths = []
    for declared in serializer_class().fields.values():
        if isinstance(declared, serializers.SlugRelatedField):
            paths.append(f"{declared.source.replace('.', '__')}__{declared.slug_field}")
        elif isinstance(declared, serializers.SerializerMethodField | serializers.HyperlinkedIdentityField):
            continue  # computed: the kind of period, the links
        elif "." not in declared.source:  # else a label, read through a relation
            paths.append(declared.source)
    return tuple(paths)


# The figures' columns are ``FigureSerializer``'s fields: these are the stored ones, which ``figure_plan``
# reads by position.
FIGURE_FIELDS = stored_fields(FigureSerializer)


# What the labels beside the slugs are made of, read in the same query, after FIGURE_FIELDS: the tables
# are joined already, for the slugs. The labels are made once per session, group and indicator.
FIGURE_LABEL_FIELDS = (
    "conference__session_number",
    "conference__year",
    "conference__region__name_vi",
    "conference__region__name_en",
    "province__name",
    "indicator__name_vi",
    "indicator__name_en",
    "source__title",
    "source__publication",
    "source__url",
)
LABELS_AT = len(FIGURE_FIELDS)

DECIMALS = ("value", "threshold_pct", "growth_pct", "share_pct", "plan_share_pct")
FIGURE_FREE_TEXT = (
    "conference_label",
    "region_name",
    "province_name",
    "indicator_name",
    "indicator_as_written",
    "period_label",
    "unit_as_written",
    "value_as_written",
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
    "source_title",
    "source_publication",
    "source_url",
)


def figure_plan(request, vendor: str = "") -> RowPlan:
    """``FigureSerializer``'s fields, from one ``values_list`` row.

    On PostgreSQL the five decimals are read as text (``_exact_text``): building a ``Decimal`` for each
    took a fifth of the export's time. The labels are made in the language active when the rows are
    written (``written_in``), as the serializer's are.
    """
    api_before, api_after = _around(request.build_absolute_uri(reverse("api:figure-detail", kwargs={"slug": _SLUG})))
    page_before, page_after = _around(page_url(request, reverse_page("conferences:figure_detail", _SLUG)))
    fields, annotations, exact = FIGURE_FIELDS, {}, _exact
    if vendor == "postgresql":
        annotations = {f"{name}_text": Cast(name, TextField()) for name in DECIMALS}
        fields = tuple(f"{name}_text" if name in DECIMALS else name for name in FIGURE_FIELDS)
        exact = _exact_text
    sessions, groups, indicators = {}, {}, {}  # labels by slug (code), made once each

    def row(values: tuple) -> list:
        (slug, conference, region, province, scope, indicator, as_written, start, end, is_stock, label, value) = values[
            :12
        ]
        (number, year, group_vi, group_en, province_name, indicator_vi, indicator_en, *source_labels) = values[
            LABELS_AT:
        ]
        if (session_label := sessions.get(conference)) is None:
            session_label = sessions[conference] = session_title(in_language(group_vi, group_en), number, year)
        if (group_name := groups.get(region)) is None:
            group_name = groups[region] = group_label(in_language(group_vi, group_en))
        if (indicator_name := indicators.get(indicator)) is None:
            indicator_name = indicators[indicator] = in_language(indicator_vi, indicator_en)
        return [
            slug,
            conference,
            session_label,
            region,
            group_name,
            province,
            province_name,
            scope,
            indicator,
            indicator_name,
            as_written,
            start.isoformat() if start else None,
            end.isoformat() if end else None,
            is_stock,
            label,
            _period_kind_code(start, end, is_stock),
            exact(value),
            *values[12:17],  # unit, unit_as_written, value_as_written, denominator, threshold_comparator
            exact(values[17]),
            exact(values[18]),
            exact(values[19]),
            values[20],  # share_of
            exact(values[21]),  # plan_share_pct
            *values[22:LABELS_AT],  # qualifier, quote, quote_line, period_quote, a record's locator and fragments,
            # notes, source
            *source_labels,  # title, publication, address
            f"{api_before}{slug}{api_after}",
            f"{page_before}{slug}{page_after}",
        ]

    return RowPlan(
        fields + FIGURE_LABEL_FIELDS, row, flat=("is_stock",), free_text=FIGURE_FREE_TEXT, annotations=annotations
    )


ROW_PLANS = {FigureSerializer: figure_plan}


def planned_rows(queryset, plan: RowPlan, *, cube: FigureCube | None = None) -> Iterator[list]:
    """Each row's values in the serializer's field order, from one snapshot (as ``serialized_rows``).

    With ``cube`` (the figures' filters as ``FigureCount`` conditions), the rows are read in batches of
    about ``BATCH_SIZE`` consecutive rows (``FigureCube.batches``), each sorted here by the list's own
    keys (``BatchOrder``): sorting a million wide rows at once took the database longer than writing
    them. Otherwise one query, read ``FAST_CHUNK_SIZE`` at a time.
    """
    if plan.annotations:
        queryset = queryset.annotate(**plan.annotations)
    with transaction.atomic(using=queryset.db, savepoint=False):
        batches = cube.batches(queryset, BATCH_SIZE) if cube else None
        if batches is None:
            for values in queryset.values_list(*plan.fields).iterator(chunk_size=FAST_CHUNK_SIZE):
                yield plan.row(values)
            return
        order = BatchOrder.for_ordering(queryset.query.order_by, offset=len(plan.fields))
        if order is None:
            batches = (batch.values_list(*plan.fields) for batch in batches)
        else:
            batches = (batch.order_by().values_list(*plan.fields, *order.fields) for batch in batches)
        width = len(plan.fields)
        for rows in read_ahead(list(batches), queryset.db):
            for values in order.sort(rows) if order else rows:
                yield plan.row(values[:width])


def read_ahead(querysets: list, using: str) -> Iterator[list[tuple]]:
    """Each queryset's rows, as a list; on PostgreSQL the next batch is read while this one is written.

    Writing a batch costs the web worker about as long as reading it costs the database, so a thread
    reads ahead on the same connection (the same transaction and snapshot; psycopg2 connections may be
    shared between threads, and this thread does not touch it meanwhile). The SQL is compiled here,
    since the ORM's connections are per thread. Sequential when there is one batch, on SQLite, and when
    queries are being logged (DEBUG, tests), so that every query is seen.
    """
    connection = connections[using]
    if connection.vendor != "postgresql" or len(querysets) < 2 or connection.queries_logged:
        for queryset in querysets:
            yield list(queryset)
        return
    statements = [queryset.query.sql_with_params() for queryset in querysets]
    connection.ensure_connection()
    raw = connection.connection
    results: Queue = Queue(maxsize=1)
    stop = threading.Event()

    def read():
        try:
            with raw.cursor() as cursor:
                for sql, params in statements:
                    if stop.is_set():
                        return
                    cursor.execute(sql, params)
                    results.put(cursor.fetchall())
        except BaseException as error:  # handed to the writer, which raises it
            results.put(error)
        finally:
            results.put(None)

    reader = threading.Thread(target=read, name="export-read-ahead", daemon=True)
    reader.start()
    try:
        while (item := results.get()) is not None:
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stop.set()  # an abandoned download: let the reader finish its query before the transaction ends
        while reader.is_alive():
            with suppress(Empty):
                results.get(timeout=0.05)
        reader.join()


class BatchOrder:
    """The figures list's order, applied in Python to one batch read without ORDER BY.

    Each sort key the list uses is read with the row: positions and the scope's number
    (``scope_order``) as the database computes them, dates as dates, a province as the rank of its
    folded name in the database's own ordering of provinces (read once, so the collation is the
    database's). Python's sort is stable, so sorting by each key from the last to the first gives the
    same order as ORDER BY; with the primary key last that order is total, hence exactly the
    database's. ``for_ordering`` gives None for any other key.
    """

    KEYS = {"indicator__position", "period_end", "conference__region__position", "scope_order", "pk", "id"}

    def __init__(self, keys: list[tuple[str, bool]], offset: int, province_ranks: dict | None):
        self.keys = keys
        self.offset = offset  # where the key columns start in a row
        self.province_ranks = province_ranks
        self.fields = tuple({"province__name_folded": "province_id", "pk": "id"}.get(name, name) for name, _ in keys)

    @classmethod
    def for_ordering(cls, ordering, *, offset: int):
        keys = []
        for item in ordering:
            name = item.lstrip("-") if isinstance(item, str) else None
            # A province name only after the scope: a province is then there for every row it is compared
            # with, or for none, so NULLs (placed first or last depending on the database) never meet names.
            known = name in cls.KEYS or (name == "province__name_folded" and any(k == "scope_order" for k, _ in keys))
            if not known:
                return None
            keys.append((name, item.startswith("-")))
        if not keys or keys[-1][0] not in ("pk", "id"):
            return None
        ranks = None
        if any(name == "province__name_folded" for name, _ in keys):
            ranks, previous, rank = {}, object(), 0
            for pk, name in Province.objects.order_by("name_folded").values_list("pk", "name_folded"):
                if name != previous:
                    rank, previous = rank + 1, name
                ranks[pk] = rank
        return cls(keys, offset, ranks)

    def sort(self, rows: list[tuple]) -> list[tuple]:
        for index in reversed(range(len(self.keys))):
            name, descending = self.keys[index]
            column = self.offset + index
            if name == "province__name_folded":
                ranks = self.province_ranks
                rows.sort(key=lambda row, column=column: ranks.get(row[column], 0), reverse=descending)
            else:
                rows.sort(key=itemgetter(column), reverse=descending)
        return rows


def planned_csv_chunks(rows: Iterable[list], header: list[str], plan: RowPlan) -> Iterator[bytes]:
    """As ``csv_chunks``, for rows that are lists in ``header`` order (``None`` is written empty by csv).

    Each batch goes to the writer in one ``writerows`` call, into a buffer emptied after each batch.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(header)
    yield (BOM + buffer.getvalue()).encode("utf-8")
    text = [header.index(name) for name in plan.free_text]
    flat = [header.index(name) for name in plan.flat]
    for batch in batched(rows, ROWS_PER_WRITE):
        for row in batch:
            for index in flat:
                row[index] = csv_cell(row[index])
            for index in text:
                if (cell := row[index]) and cell[0] in FORMULA_STARTS:
                    row[index] = inert(cell)
        buffer.seek(0)
        buffer.truncate()
        writer.writerows(batch)
        yield buffer.getvalue().encode("utf-8")


def csv_response(queryset, serializer_class, request, *, name: str, filterset=None) -> StreamingHttpResponse:
    """The CSV download; ``filterset``, the list's own (validated), lets the figures be read in batches."""
    header = columns(serializer_class)
    if serializer_class in ROW_PLANS:
        plan = ROW_PLANS[serializer_class](request, connections[queryset.db].vendor)
        cube = FigureCube.for_filterset(filterset) if filterset is not None else None
        chunks = planned_csv_chunks(planned_rows(queryset, plan, cube=cube), header, plan)
    else:
        chunks = csv_chunks(serialized_rows(queryset, serializer_class, request), header)
    return _download(chunks, content_type=CSV_CONTENT_TYPE, filename=f"{name}.csv")


def json_response(queryset, serializer_class, request, *, name: str, filterset=None) -> StreamingHttpResponse:
    if serializer_class in ROW_PLANS:
        header = columns(serializer_class)
        cube = FigureCube.for_filterset(filterset) if filterset is not None else None
        rows = (
            dict(zip(header, row, strict=True))
            for row in planned_rows(
                queryset, ROW_PLANS[serializer_class](request, connections[queryset.db].vendor), cube=cube
            )
        )
    else:
        rows = serialized_rows(queryset, serializer_class, request)
    return _download(json_chunks(rows), content_type=JSON_CONTENT_TYPE, filename=f"{name}.json")


def filter_problems(filterset) -> list[str]:
    """Each invalid parameter with what is wrong with it: "year: Enter a year (2024)…"."""
    if filterset.is_valid():
        return []
    return [f"{name}: {error}" for name, errors in filterset.errors.items() for error in errors]


RESPONSES = {"csv": csv_response, "json": json_response}


@require_safe
def download(request, *, public_list: PublicList, fmt: str):
    """A list page's rows as ``<name>.csv`` or ``<name>.json``, filtered by the page's query string."""
    filterset = public_list.filterset_class(request.GET, queryset=public_list.rows(), request=request)
    problems = filter_problems(filterset)
    if problems:
        message = "\n".join([_("These filters could not be used, so nothing was downloaded:"), *problems])
        return HttpResponse(message + "\n", status=400, content_type="text/plain; charset=utf-8")
    return RESPONSES[fmt](
        filterset.qs, public_list.serializer_class, request, name=public_list.name, filterset=filterset
    )
