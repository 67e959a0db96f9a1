"""Every public list as a download, CSV or JSON, with the same filters as its page, streamed.

The rows are the API's: each list's serializer (``api.lists``) gives the JSON objects, the
CSV columns (its field names, in order) and the cells, which ``api.stream_writers`` writes as CSV or
JSON. Decimals are strings already ("120700000000"), so nothing passes through a float.

Filters are checked before the first byte is sent: invalid ones give a 400 with a plain message and
no file. The rows are then read with ``iterator(chunk_size=CHUNK_SIZE)`` and written as they come, so
the whole file is never held in memory; each chunk costs the same number of queries (the list's
prefetches, once per chunk).

The figures (a million rows and more) skip the serializer: their JSON rows come from a row plan
(``api.figure_plan``, read by ``api.row_plans``), which reads the same values with ``values_list`` and
writes them exactly as ``FigureSerializer`` does; their CSV lines are written by the database
(``api.figure_lines``), the labels put in by Python. Both are several times faster (docs/performance.md);
the tests check that each gives the serializer's rows, byte for byte for the CSV.

A download is in the language of its address, like the page that links it: ``/figures.csv`` in
Vietnamese, ``/en/figures.csv`` in English (the API's ``?format=csv`` in English). Only the labels
beside the slugs (``region_name``, ``conference_label``…) depend on it. The file is written after the
view has returned, so each piece is written with the view's language active again (``written_in``).
"""

from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path

from django.db import connections, transaction
from django.http import HttpResponse, StreamingHttpResponse
from django.utils import translation
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from api import download_files
from api.figure_lines import VENDORS, figure_lines
from api.figure_plan import figure_plan
from api.figure_serializers import FigureSerializer
from api.lists import PublicList
from api.row_plans import planned_rows
from api.stream_writers import csv_chunks, json_chunks, line_chunks
from conferences.figure_counts import FigureCube

CHUNK_SIZE = 500  # rows read from the database at a time
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
JSON_CONTENT_TYPE = "application/json"


@cache
def columns(serializer_class) -> tuple[str, ...]:
    """The CSV header: the serializer's field names, in order (the API's keys)."""
    return tuple(serializer_class().fields)


def serialized_rows(queryset, serializer_class, request, *, chunk_size: int | None = None) -> Iterator[dict]:
    """Each row as the API writes it, read from the database a chunk at a time.

    All chunks come from one snapshot: a transaction opens with the first row and ends after the last,
    or when the download is abandoned and the generator closed (docs/deploy.md, "Consistency").
    """
    serializer = serializer_class(context={"request": request})
    with transaction.atomic(using=queryset.db, savepoint=False):
        for obj in queryset.iterator(chunk_size=chunk_size or CHUNK_SIZE):
            yield serializer.to_representation(obj)


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


def _download(
    chunks: Iterator[bytes], *, content_type: str, filename: str, keep_at: Path | None = None
) -> StreamingHttpResponse:
    """The streamed download; with ``keep_at``, copied there as it streams (``api.download_files``)."""
    chunks = written_in(translation.get_language(), chunks)
    if keep_at is not None:
        chunks = download_files.keeping(chunks, keep_at)
    response = StreamingHttpResponse(chunks, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=filename)
    return response


ROW_PLANS = {FigureSerializer: figure_plan}
LINE_PLANS = {FigureSerializer: figure_lines}  # on the databases that write the cells (figure_lines.VENDORS)


def csv_response(
    queryset, serializer_class, request, *, name: str, filterset=None, keep_at: Path | None = None
) -> StreamingHttpResponse:
    """The CSV download; ``filterset``, the list's own (validated), lets the figures be read in batches."""
    header = columns(serializer_class)
    if serializer_class in LINE_PLANS and connections[queryset.db].vendor in VENDORS:
        cube = FigureCube.for_filterset(filterset) if filterset is not None else None
        lines = planned_rows(queryset, LINE_PLANS[serializer_class](request), cube=cube)
        chunks = line_chunks(lines, header)
    else:
        chunks = csv_chunks(serialized_rows(queryset, serializer_class, request), header)
    return _download(chunks, content_type=CSV_CONTENT_TYPE, filename=f"{name}.csv", keep_at=keep_at)


def json_response(
    queryset, serializer_class, request, *, name: str, filterset=None, keep_at: Path | None = None
) -> StreamingHttpResponse:
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
    return _download(json_chunks(rows), content_type=JSON_CONTENT_TYPE, filename=f"{name}.json", keep_at=keep_at)


def filter_problems(filterset) -> list[str]:
    """Each invalid parameter with what is wrong with it: "year: Enter a year (2024)…"."""
    if filterset.is_valid():
        return []
    return [f"{name}: {error}" for name, errors in filterset.errors.items() for error in errors]


RESPONSES = {"csv": csv_response, "json": json_response}
CONTENT_TYPES = {"csv": CSV_CONTENT_TYPE, "json": JSON_CONTENT_TYPE}


@require_safe
def download(request, *, public_list: PublicList, fmt: str):
    """A list page's rows as ``<name>.csv`` or ``<name>.json``, filtered by the page's query string; without
    filters, from the file kept for this load once one download has written it (``api.download_files``)."""
    keep_at = download_files.kept_file(request, fmt)
    filename = f"{public_list.name}.{fmt}"
    if keep_at is not None and (kept := download_files.file_response(keep_at, CONTENT_TYPES[fmt], filename)):
        return kept
    filterset = public_list.filterset_class(request.GET, queryset=public_list.rows(), request=request)
    problems = filter_problems(filterset)
    if problems:
        message = "\n".join([_("These filters could not be used, so nothing was downloaded:"), *problems])
        return HttpResponse(message + "\n", status=400, content_type="text/plain; charset=utf-8")
    return RESPONSES[fmt](
        filterset.qs,
        public_list.serializer_class,
        request,
        name=public_list.name,
        filterset=filterset,
        keep_at=keep_at if request.method == "GET" else None,
    )
