"""A download's bytes: rows written as CSV or JSON, ``ROWS_PER_WRITE`` rows at a time.

A CSV cell is the JSON value written flat: null → empty, true/false, a list of slugs (or names) joined
with ";", a list of objects as compact JSON; a cell a spreadsheet would run as a formula is made inert
(``api.csv_safety``). Rows come as the serializer's dicts (``csv_chunks``, ``json_chunks``), or as lines
the database wrote (``line_chunks``, ``api.figure_lines``).
"""

import csv
import json
from collections.abc import Iterable, Iterator, Sequence
from itertools import batched

from rest_framework.utils.encoders import JSONEncoder

from api.csv_safety import inert

ROWS_PER_WRITE = 100  # rows handed to the server at a time
BOM = "\ufeff"


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


def _line_writer():
    """A writer of the downloads' CSV lines (RFC 4180 quoting, CRLF line ends) whose ``writerow`` returns the
    line. A new one for each use: a writer keeps its record between calls, so none is shared by threads."""
    return csv.writer(_Line(), lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)


def _header(header: Sequence[str]) -> bytes:
    return (BOM + _line_writer().writerow(header)).encode("utf-8")


def csv_chunks(rows: Iterable[dict], header: Sequence[str]) -> Iterator[bytes]:
    """UTF-8 with a BOM, one header row, RFC 4180 quoting, CRLF line ends."""
    writer = _line_writer()
    yield _header(header)
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


def csv_line(values: list) -> str:
    """One row's cells as ``csv_chunks`` writes them, without the line end (at least two cells: a row of one
    empty cell is written ``""``)."""
    return _line_writer().writerow([csv_cell(value) for value in values])[:-2]


def line_chunks(lines: Iterable[str], header: Sequence[str]) -> Iterator[bytes]:
    """As ``csv_chunks``, for rows the database wrote as CSV lines already (``api.figure_lines``)."""
    yield _header(header)
    for batch in batched(lines, ROWS_PER_WRITE):
        yield "".join(batch).encode("utf-8")
