"""Records: what we keep of a public page whose text we do NOT keep (fixtures/records/*.toml).

A record keeps facts only: the page's address, publication, title and dates; for each session it
states, the session's facts with the short words printed for them; for each figure, the value, growth,
shares, qualifier and period words exactly as printed, and where on the page it stands (``locator``).
Never a sentence: every printed fragment is short (``MAX_FRAGMENT``), and a key that could hold page
text (``quote``, ``clause``…) is refused. This module reads a record and checks its shape;
``curation.record_curator`` reads each fragment with the parsers the annotation build uses, and it
must give the curated value. The format is fixtures/research/FORMAT.md's, documented for the project in
docs/data.md.
"""

import tomllib
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from curation.annotations import error_line, header_line, read_entry
from curation.problems import CurationError, Problem

# A printed fragment is a number with its unit, a growth phrase, a period's words: never a sentence.
MAX_FRAGMENT = 80
MAX_LOCATOR = 120
MAX_TITLE = 300
# Keys under which page text would be kept: a record never has them.
TEXT_KEYS = {"quote", "quotes", "clause", "period_quote", "text", "excerpt", "sentence"}
# ISO 639-1 codes of the languages pages about the sessions were found in (news sites publish machine
# translations of Vietnamese reports); only "vi" pages give figures, numbers and dates
# (``curation.record_curator``, ``curation.record_figures``).
LANGUAGES = {"vi", "en", "fr", "de", "pl", "pt", "id", "fa", "uk", "ru", "ar", "ja", "th", "zh", "ko", "es"}


@dataclass(frozen=True)
class RecordSource:
    slug: str
    publication: str
    url: str
    title: str
    accessed_on: str
    published_on: str = ""
    published_as_written: str = ""
    language: str = "vi"
    note: str = ""
    line: int = 0


@dataclass(frozen=True)
class RecordConference:
    slug: str
    region: str
    kind: str
    year: int
    status: str
    locator: str
    session_as_written: str = ""
    date: str = ""
    date_as_written: str = ""
    host: str = ""
    host_basis: str = ""
    host_as_written: str = ""
    venue: str = ""
    chairs: str = ""
    chairs_titles: str = ""
    next_host: str = ""
    next_host_as_written: str = ""
    note: str = ""
    line: int = 0


@dataclass(frozen=True)
class RecordFigure:
    id: str
    conference: str
    indicator: str
    indicator_as_written: str
    scope: str
    value_as_written: str
    value: str
    unit: str
    qualifier: str
    period_label: str
    locator: str
    province: str = ""
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
    qualifier_as_written: str = ""
    period: str = ""
    as_of: str = ""
    period_context_as_written: str = ""
    note: str = ""
    line: int = 0


@dataclass(frozen=True)
class Record:
    path: Path
    source: RecordSource
    conferences: list[RecordConference] = field(default_factory=list)
    figures: list[RecordFigure] = field(default_factory=list)


ARRAYS = {"conference": RecordConference, "figure": RecordFigure}


def read_record(path: Path) -> Record:
    """Parse and shape-check one record file; raise CurationError listing every problem."""
    text = path.read_text(encoding="utf-8")
    problems: list[Problem] = []
    if not unicodedata.is_normalized("NFC", text):
        problems.append(Problem(str(path), None, "is not NFC-normalised Unicode"))
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise CurationError([Problem(str(path), error_line(exc), f"not valid TOML: {exc}")]) from None
    for key in sorted(set(data) - {"source", *ARRAYS}):
        problems.append(Problem(str(path), header_line(text, key, 0), f"unknown section [{key}]"))
    if not isinstance(data.get("source"), dict):
        problems.append(Problem(str(path), None, "missing the [source] section"))
        raise CurationError(problems)
    tables = {"source": [data["source"]]}
    for key in ARRAYS:
        value = data.get(key, [])
        if not isinstance(value, list):
            problems.append(Problem(str(path), header_line(text, key, 0), f"[{key}] must be [[{key}]]"))
            value = []
        tables[key] = value
    entries = {}
    for key, entry_type in {"source": RecordSource, **ARRAYS}.items():
        entries[key] = []
        for index, table in enumerate(tables[key]):
            line = header_line(text, key, index)
            for name in sorted(TEXT_KEYS & set(table)):
                problems.append(
                    Problem(
                        str(path),
                        line,
                        f"{name!r}: a record keeps no page text; keep the printed fragments and a locator",
                    )
                )
                del table[name]
            entries[key].append(read_entry(entry_type, table, path, line, problems))
    if problems:
        raise CurationError(problems)
    return Record(path, entries["source"][0], entries["conference"], entries["figure"])
