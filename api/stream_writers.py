"""A download's bytes: rows written as CSV or JSON, ``ROWS_PER_WRITE`` rows at a time.

A CSV cell is the JSON value written flat: null → empty, true/false, a list of slugs (or names) joined
with ";", a list of objects as compact JSON; a cell a spreadsheet would run as a formula is made inert
(``api.csv_safety``). Rows come as the serializer's dicts (``csv_chunks``, ``json_chunks``) or as a row
plan's lists (``planned_csv_chunks``, ``api.row_plans``).
"""

import csv
import io
import json
from collections.abc import Iterable, Iterator
from itertools import batched

from rest_framework.utils.encoders import JSONEncoder

from api.csv_safety import FORMULA_STARTS, inert
from api.row_plans import RowPlan

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
