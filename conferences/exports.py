"""Every public list as a download, CSV or JSON, with the same filters as its page, streamed.

The rows are the API's: each list's serializer (``conferences.api.lists``) gives the JSON objects, the
CSV columns (its field names, in order) and the cells. A CSV cell is the JSON value written flat:
null → empty, true/false, a list of slugs joined with ";", a list of objects as compact JSON.
Decimals are strings already ("120700000000"), so nothing passes through a float.

Filters are checked before the first byte is sent: invalid ones give a 400 with a plain message and
no file. The rows are then read with ``iterator(chunk_size=CHUNK_SIZE)`` and written as they come, so
the whole file is never held in memory; each chunk costs the same number of queries (the list's
prefetches, once per chunk).
"""

import csv
import json
from collections.abc import Iterable, Iterator
from itertools import batched

from django.http import HttpResponse, StreamingHttpResponse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from rest_framework.utils.encoders import JSONEncoder

from conferences.api.lists import PublicList

CHUNK_SIZE = 500  # rows read from the database at a time
ROWS_PER_WRITE = 100  # rows handed to the server at a time
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
JSON_CONTENT_TYPE = "application/json"
BOM = "\ufeff"


def columns(serializer_class) -> list[str]:
    """The CSV header: the serializer's field names, in order (the API's keys)."""
    return list(serializer_class().fields)


def serialized_rows(queryset, serializer_class, request, *, chunk_size: int | None = None) -> Iterator[dict]:
    """Each row as the API writes it, read from the database a chunk at a time."""
    serializer = serializer_class(context={"request": request})
    for obj in queryset.iterator(chunk_size=chunk_size or CHUNK_SIZE):
        yield serializer.to_representation(obj)


def _dumps(value) -> str:
    return json.dumps(value, cls=JSONEncoder, ensure_ascii=False, separators=(",", ":"))


def csv_cell(value) -> str:
    """One JSON value as a CSV cell."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        if any(isinstance(item, dict | list | tuple) for item in value):
            return _dumps(list(value))
        return ";".join(str(item) for item in value)
    if isinstance(value, dict):
        return _dumps(value)
    return str(value)


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


def _download(chunks: Iterator[bytes], *, content_type: str, filename: str) -> StreamingHttpResponse:
    response = StreamingHttpResponse(chunks, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=filename)
    return response


def csv_response(queryset, serializer_class, request, *, name: str) -> StreamingHttpResponse:
    rows = serialized_rows(queryset, serializer_class, request)
    return _download(csv_chunks(rows, columns(serializer_class)), content_type=CSV_CONTENT_TYPE, filename=f"{name}.csv")


def json_response(queryset, serializer_class, request, *, name: str) -> StreamingHttpResponse:
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
    return RESPONSES[fmt](filterset.qs, public_list.serializer_class, request, name=public_list.name)
