"""Reading one article's annotation file (TOML) into typed records.

An annotation file is what a curator writes and reviews in a diff: the source's metadata, the
conferences the article names, the officials, the figures, and the numbers that are deliberately
not figures. This module only checks the file's shape (known keys, types, required values); what
the values say is checked against the article by ``checks``.
"""

import re
import tomllib
from dataclasses import MISSING, dataclass, field, fields
from pathlib import Path

from curation.problems import CurationError, Problem


@dataclass(frozen=True)
class SourceEntry:
    slug: str
    publication: str
    publication_note: str
    title: str
    author: str
    published_on: str
    published_as_written: str
    reproduction_notice: str
    url: str = ""  # the page's address, where the record shows it
    accessed_on: str = ""
    line: int = 0


@dataclass(frozen=True)
class ConferenceEntry:
    slug: str
    region: str
    kind: str
    session: str
    year: int
    status: str
    date: str
    date_as_written: str
    host: str
    host_basis: str
    venue: str
    organisers: str
    chairs: str
    theme: str
    next_host: str
    quotes: list[str]
    line: int = 0


@dataclass(frozen=True)
class OfficialEntry:
    conference: str
    name: str
    title: str
    role: str
    quote: str
    line: int = 0


@dataclass(frozen=True)
class FigureEntry:
    id: str
    conference: str
    indicator: str
    indicator_as_written: str
    scope: str
    quote: str
    value_as_written: str
    value: str
    unit: str
    qualifier: str
    period_label: str
    province: str = ""
    clause: str = ""
    unit_as_written: str = ""  # a table-like line's header unit, for a value written as a bare number
    period: str = ""
    as_of: str = ""
    period_quote: str = ""
    denominator: int | None = None
    growth_as_written: str = ""
    growth_pct: str = ""
    share_as_written: str = ""
    share_pct: str = ""
    share_of: str = ""
    plan_share_as_written: str = ""
    plan_share_pct: str = ""
    threshold_as_written: str = ""
    threshold_comparator: str = ""
    threshold_pct: str = ""
    note_en: str = ""
    note_vi: str = ""
    line: int = 0


@dataclass(frozen=True)
class NotAFigureEntry:
    text: str
    reason: str
    line: int = 0


@dataclass(frozen=True)
class Annotation:
    path: Path
    source: SourceEntry
    conferences: list[ConferenceEntry] = field(default_factory=list)
    officials: list[OfficialEntry] = field(default_factory=list)
    figures: list[FigureEntry] = field(default_factory=list)
    not_figures: list[NotAFigureEntry] = field(default_factory=list)


ARRAYS = {
    "conference": ConferenceEntry,
    "official": OfficialEntry,
    "figure": FigureEntry,
    "not_a_figure": NotAFigureEntry,
}


def read_annotation(path: Path) -> Annotation:
    """Parse and shape-check one annotation file; raise CurationError listing every problem."""
    text = path.read_text(encoding="utf-8")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise CurationError([Problem(str(path), error_line(exc), f"not valid TOML: {exc}")]) from None
    problems: list[Problem] = []
    unknown = set(data) - {"source", *ARRAYS}
    for key in sorted(unknown):
        problems.append(Problem(str(path), header_line(text, key, 0), f"unknown section [{key}]"))
    if not isinstance(data.get("source"), dict):
        problems.append(Problem(str(path), None, "missing the [source] section"))
        raise CurationError(problems)
    source = read_entry(SourceEntry, data["source"], path, header_line(text, "source", 0), problems)
    arrays = {}
    for key, entry_type in ARRAYS.items():
        tables = data.get(key, [])
        if not isinstance(tables, list):
            problems.append(Problem(str(path), header_line(text, key, 0), f"[{key}] must be [[{key}]]"))
            tables = []
        arrays[key] = [
            read_entry(entry_type, table, path, header_line(text, key, index), problems)
            for index, table in enumerate(tables)
        ]
    if problems:
        raise CurationError(problems)
    return Annotation(
        path=path,
        source=source,
        conferences=arrays["conference"],
        officials=arrays["official"],
        figures=arrays["figure"],
        not_figures=arrays["not_a_figure"],
    )


def read_entry(entry_type, table: dict, path: Path, line: int | None, problems: list[Problem]):
    """Build one record, reporting unknown keys, missing keys and wrong types."""
    spec = {f.name: f for f in fields(entry_type) if f.name != "line"}
    for key in sorted(set(table) - set(spec)):
        problems.append(Problem(str(path), line, f"unknown key {key!r}"))
    values = {}
    for name, spec_field in spec.items():
        required = spec_field.default is MISSING and spec_field.default_factory is MISSING
        if name not in table:
            if required:
                problems.append(Problem(str(path), line, f"missing key {name!r}"))
            continue
        value = table[name]
        if not _has_type(value, spec_field.type):
            problems.append(Problem(str(path), line, f"{name!r} has the wrong type: {value!r}"))
            continue
        values[name] = value
    try:
        return entry_type(**values, line=line or 0)
    except TypeError:
        return None


def _has_type(value, expected) -> bool:
    """TOML gives str, int, bool and list; a bool must not pass for an int."""
    if expected is str:
        return isinstance(value, str)
    if expected is int or expected == int | None:
        return isinstance(value, int) and not isinstance(value, bool)
    if expected == list[str]:
        return isinstance(value, list) and all(isinstance(item, str) for item in value)
    raise TypeError(f"no type check for {expected}")


def error_line(exc: tomllib.TOMLDecodeError) -> int | None:
    """Python 3.14 gives the line as an attribute; earlier versions only in the message."""
    if getattr(exc, "lineno", None):
        return exc.lineno
    found = re.search(r"at line (\d+)", str(exc))
    return int(found.group(1)) if found else None


def header_line(text: str, key: str, index: int) -> int | None:
    """The line of the ``index``-th ``[key]`` or ``[[key]]`` header, for error messages."""
    header = re.compile(rf"^\s*\[\[?\s*{re.escape(key)}\s*\]\]?\s*(#.*)?$")
    seen = 0
    for number, line in enumerate(text.splitlines(), start=1):
        if header.match(line):
            if seen == index:
                return number
            seen += 1
    return None
