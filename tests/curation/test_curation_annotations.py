"""The shape of an annotation file: known sections and keys, types, required values, and where each entry starts."""

from pathlib import Path

import pytest
from django.conf import settings

from curation.annotations import (
    Annotation,
    ConferenceEntry,
    FigureEntry,
    NotAFigureEntry,
    OfficialEntry,
    read_annotation,
)
from curation.problems import CurationError

ANNOTATIONS = Path(settings.FIXTURE_DIRS[0]) / "annotations"
REAL_FILES = sorted(ANNOTATIONS.glob("*.toml"))

MINIMAL = """\
[source]
slug = "s"
publication = ""
publication_note = ""
title = ""
author = ""
published_on = ""
published_as_written = ""
reproduction_notice = ""

[[conference]]
slug = "north-28-x-2024"
region = "north-28"
kind = "report"
session = "lần thứ X"
year = 2024
status = "held"
date = ""
date_as_written = ""
host = ""
host_basis = ""
venue = ""
organisers = ""
chairs = ""
theme = ""
next_host = ""
quotes = ["q"]

[[figure]]
id = "first"
conference = "north-28-x-2024"
indicator = "export_turnover"
indicator_as_written = "x"
scope = "region"
quote = "q"
value_as_written = "28 tỷ USD"
value = "28e9"
unit = "USD"
qualifier = "actual"
period_label = "Năm 2024"
period = "2024-01-01/2024-12-31"

[[figure]]
id = "second"
conference = "north-28-x-2024"
indicator = "provinces_iip_growth"
indicator_as_written = "x"
scope = "region"
quote = "q"
value_as_written = "25/28 địa phương"
value = "25"
unit = "count"
denominator = 28
qualifier = "actual"
period_label = "Năm 2024"
period = "2024-01-01/2024-12-31"

[[not_a_figure]]
text = "t"
reason = "r"
"""
SOURCE_LINE, CONFERENCE_LINE, FIRST_FIGURE_LINE, SECOND_FIGURE_LINE, NOT_A_FIGURE_LINE = 1, 11, 29, 43, 58


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "999_test.toml"
    path.write_text(text, encoding="utf-8")
    return path


def replace_once(text: str, old: str, new: str, *, after: str = "") -> str:
    """Replace the first ``old`` that follows ``after``."""
    start = text.index(after)
    at = text.index(old, start)
    return text[:at] + new + text[at + len(old) :]


def read_error(path: Path) -> CurationError:
    with pytest.raises(CurationError) as caught:
        read_annotation(path)
    return caught.value


def problems_of(error: CurationError) -> list[tuple[int | None, str]]:
    return [(problem.line, problem.message) for problem in error.problems]


# The real files ----------------------------------------------------------------------------------


def header_lines(path: Path, header: str) -> list[int]:
    lines = path.read_text(encoding="utf-8").split("\n")
    return [number for number, line in enumerate(lines, 1) if line == header]


@pytest.mark.parametrize("path", REAL_FILES, ids=lambda path: path.stem[:3])
def test_every_real_annotation_reads_with_each_entry_at_its_header(path):
    annotation = read_annotation(path)
    assert isinstance(annotation, Annotation)
    assert annotation.path == path
    assert annotation.source.line == header_lines(path, "[source]")[0]
    assert annotation.conferences, "every article reports at least one conference"
    for entries, header in (
        (annotation.conferences, "[[conference]]"),
        (annotation.officials, "[[official]]"),
        (annotation.figures, "[[figure]]"),
        (annotation.not_figures, "[[not_a_figure]]"),
    ):
        assert [entry.line for entry in entries] == header_lines(path, header)


def test_there_are_five_real_annotations():
    assert [path.stem[:3] for path in REAL_FILES] == ["000", "001", "002", "003", "004"]


def test_a_real_annotation_reads_into_typed_records():
    annotation = read_annotation(ANNOTATIONS / "000_0100f514590ff6e3.toml")
    assert [c.slug for c in annotation.conferences] == ["north-28-x-2024", "north-28-ix-2023", "north-28-xi-2025"]
    assert all(isinstance(c, ConferenceEntry) for c in annotation.conferences)
    assert all(isinstance(o, OfficialEntry) for o in annotation.officials)
    assert all(isinstance(f, FigureEntry) for f in annotation.figures)
    assert all(isinstance(n, NotAFigureEntry) for n in annotation.not_figures)
    assert (len(annotation.officials), len(annotation.figures), len(annotation.not_figures)) == (2, 8, 4)
    assert annotation.conferences[0].year == 2024
    exports = next(f for f in annotation.figures if f.id == "exports")
    assert (exports.value, exports.unit, exports.qualifier, exports.denominator) == ("120.7e9", "USD", "estimate", None)
    assert next(f for f in annotation.figures if f.id == "provinces-iip-positive").denominator == 28
    assert exports.province == "" and exports.as_of == ""  # optional keys default to empty


# A minimal file, broken in one way at a time ------------------------------------------------------


def test_the_minimal_file_reads(tmp_path):
    annotation = read_annotation(write(tmp_path, MINIMAL))
    assert annotation.source.line == SOURCE_LINE
    assert [c.line for c in annotation.conferences] == [CONFERENCE_LINE]
    assert [f.line for f in annotation.figures] == [FIRST_FIGURE_LINE, SECOND_FIGURE_LINE]
    assert [n.line for n in annotation.not_figures] == [NOT_A_FIGURE_LINE]
    assert annotation.officials == []


@pytest.mark.parametrize(
    ("old", "new", "after", "line", "message"),
    [
        ("year = 2024", 'year = "2024"', "[[conference]]", CONFERENCE_LINE, "'year' has the wrong type: '2024'"),
        ("year = 2024", "year = true", "[[conference]]", CONFERENCE_LINE, "'year' has the wrong type: True"),
        ("year = 2024", "year = 2024.0", "[[conference]]", CONFERENCE_LINE, "'year' has the wrong type: 2024.0"),
        ('quotes = ["q"]', 'quotes = "q"', "[[conference]]", CONFERENCE_LINE, "'quotes' has the wrong type: 'q'"),
        (
            'quotes = ["q"]',
            'quotes = ["q", 1]',
            "[[conference]]",
            CONFERENCE_LINE,
            "'quotes' has the wrong type: ['q', 1]",
        ),
        ('slug = "s"', "slug = 1", "[source]", SOURCE_LINE, "'slug' has the wrong type: 1"),
        (
            'value = "28e9"',
            "value = 28e9",
            'id = "first"',
            FIRST_FIGURE_LINE,
            "'value' has the wrong type: 28000000000.0",
        ),
        ("denominator = 28", 'denominator = "28"', "", SECOND_FIGURE_LINE, "'denominator' has the wrong type: '28'"),
        ("denominator = 28", "denominator = true", "", SECOND_FIGURE_LINE, "'denominator' has the wrong type: True"),
        ('reason = "r"', "reason = []", "", NOT_A_FIGURE_LINE, "'reason' has the wrong type: []"),
    ],
)
def test_a_value_of_the_wrong_type_is_reported_at_its_entry(tmp_path, old, new, after, line, message):
    error = read_error(write(tmp_path, replace_once(MINIMAL, old, new, after=after)))
    assert problems_of(error) == [(line, message)]
    assert f"999_test.toml:{line}: {message}" in str(error)


@pytest.mark.parametrize(
    ("old", "after", "line", "key"),
    [
        ('indicator = "provinces_iip_growth"\n', "", SECOND_FIGURE_LINE, "indicator"),
        ('qualifier = "actual"\n', 'id = "first"', FIRST_FIGURE_LINE, "qualifier"),
        ("year = 2024\n", "", CONFERENCE_LINE, "year"),
        ('quotes = ["q"]\n', "", CONFERENCE_LINE, "quotes"),
        ('reason = "r"\n', "", NOT_A_FIGURE_LINE, "reason"),
        ('title = ""\n', "", SOURCE_LINE, "title"),
    ],
)
def test_a_missing_required_key_is_reported_at_its_entry(tmp_path, old, after, line, key):
    error = read_error(write(tmp_path, replace_once(MINIMAL, old, "", after=after)))
    assert problems_of(error) == [(line, f"missing key {key!r}")]


def test_optional_keys_may_be_left_out(tmp_path):
    text = replace_once(MINIMAL, "denominator = 28\n", "")
    figure = read_annotation(write(tmp_path, text)).figures[1]
    assert figure.denominator is None
    assert figure.growth_pct == ""


def test_an_unknown_key_is_reported_at_its_entry(tmp_path):
    text = replace_once(MINIMAL, 'qualifier = "actual"', 'qualifer = "actual"', after='id = "second"')
    error = read_error(write(tmp_path, text))
    assert problems_of(error) == [
        (SECOND_FIGURE_LINE, "unknown key 'qualifer'"),
        (SECOND_FIGURE_LINE, "missing key 'qualifier'"),
    ]


def test_every_problem_in_the_file_is_reported(tmp_path):
    text = replace_once(MINIMAL, "year = 2024", 'year = "2024"')
    text = replace_once(text, 'unit = "USD"\n', "")
    text = replace_once(text, 'reason = "r"', 'reasons = "r"')
    error = read_error(write(tmp_path, text))
    assert problems_of(error) == [
        (CONFERENCE_LINE, "'year' has the wrong type: '2024'"),
        (FIRST_FIGURE_LINE, "missing key 'unit'"),
        (NOT_A_FIGURE_LINE - 1, "unknown key 'reasons'"),  # one line up: the unit's line is gone
        (NOT_A_FIGURE_LINE - 1, "missing key 'reason'"),
    ]


def test_a_missing_source_section(tmp_path):
    text = MINIMAL.replace("[source]\n", "[sources]\n", 1)
    error = read_error(write(tmp_path, text))
    assert problems_of(error) == [(1, "unknown section [sources]"), (None, "missing the [source] section")]


def test_a_single_table_where_an_array_of_tables_is_expected(tmp_path):
    text = MINIMAL.replace("[[not_a_figure]]", "[not_a_figure]")
    error = read_error(write(tmp_path, text))
    assert problems_of(error) == [(NOT_A_FIGURE_LINE, "[not_a_figure] must be [[not_a_figure]]")]


def test_invalid_toml_names_the_file_and_the_line(tmp_path):
    text = replace_once(MINIMAL, 'value = "28e9"', 'value = "28e9')
    error = read_error(write(tmp_path, text))
    [problem] = error.problems
    assert problem.path.endswith("999_test.toml")
    assert "not valid TOML" in problem.message
    assert problem.line == FIRST_FIGURE_LINE + 8 or f"line {FIRST_FIGURE_LINE + 8}," in problem.message


def test_a_header_with_a_comment_keeps_the_lines_of_the_entries(tmp_path):
    text = MINIMAL.replace('[[figure]]\nid = "first"', '[[figure]]  # the total\nid = "first"')
    annotation = read_annotation(write(tmp_path, text))
    assert [f.line for f in annotation.figures] == [FIRST_FIGURE_LINE, SECOND_FIGURE_LINE]
