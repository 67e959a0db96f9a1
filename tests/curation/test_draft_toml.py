"""Drafted entries written as TOML: escaped strings, comments on their lines, header lines known."""

import tomllib

from curation.draft_entries import Entry
from curation.draft_toml import render, toml_string


def test_strings_are_escaped():
    text = 'chủ đề "Ngành công thương"\\ và\ttab'
    assert tomllib.loads(f"x = {toml_string(text)}")["x"] == text


def test_render_puts_comments_on_their_lines_and_notes_above_the_header():
    source = Entry("source", {"slug": "x", "title": ""}, comments={"title": "TODO: not found in the text"})
    figure = Entry("figure", {"id": "a", "denominator": 28, "quotes": ["một", "hai"]}, notes=["TODO: check"])
    text, headers = render(["DRAFT"], [source, figure])
    lines = text.splitlines()
    assert lines[0] == "# DRAFT"
    assert lines[headers[id(source)] - 1] == "[source]"
    assert lines[headers[id(figure)] - 1] == "[[figure]]"
    assert lines[headers[id(figure)] - 2] == "# TODO: check"
    assert 'title = ""  # TODO: not found in the text' in lines
    data = tomllib.loads(text)
    assert data["figure"] == [{"id": "a", "denominator": 28, "quotes": ["một", "hai"]}]


def test_header_lines_count_the_lines_of_a_list_above_them():
    conference = Entry("conference", {"slug": "c", "quotes": ["một", "hai", "ba"]})
    figure = Entry("figure", {"id": "a"})
    text, headers = render([], [conference, figure])
    assert text.splitlines()[headers[id(figure)] - 1] == "[[figure]]"


def test_an_entry_knows_whether_it_needs_review():
    entry = Entry("figure", {"id": "a"})
    assert not entry.has_todo
    entry.todo("period taken from context", "period_label")
    entry.todo("several qualifiers", "period_label")
    assert entry.comments["period_label"] == "TODO: period taken from context; several qualifiers"
    assert entry.has_todo
    assert Entry("not_a_figure", {"text": "8297", "reason": "TODO: page clutter?"}).has_todo
