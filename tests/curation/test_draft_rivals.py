"""Figures drafted as the same measure, scope and period with different values are marked for review."""

from curation.draft_entries import Entry
from curation.draft_rivals import flag_rivals


def figure(value: str, written: str, **fields) -> Entry:
    base = {"conference": "c", "indicator": "industrial_clusters", "unit": "count", "scope": "region"}
    base |= {"as_of": "2025-10-17", "value": value, "value_as_written": written}
    return Entry("figure", fields=base | fields)


def test_two_values_of_one_measure_scope_and_date_each_get_a_todo_naming_the_other():
    first, second = figure("613", "613 cụm công nghiệp"), figure("349", "349 cụm công nghiệp")
    flag_rivals([first, second])
    assert "'349 cụm công nghiệp'" in first.comments["indicator"] and first.has_todo
    assert "'613 cụm công nghiệp'" in second.comments["indicator"] and second.has_todo


def test_figures_that_differ_in_scope_period_indicator_or_threshold_are_left_alone():
    figures = [
        figure("613", "613"),
        figure("40", "40", scope="province", province="Phú Thọ"),
        figure("600", "600", as_of="2024-12-31"),
        figure("349", "349", indicator="industrial_clusters_operating"),
        figure("5", "5/28", indicator="provinces_iip_growth", threshold_comparator=">", threshold_pct="10"),
        figure("9", "9/28", indicator="provinces_iip_growth", threshold_comparator=">", threshold_pct="5"),
        figure("613", "613 cụm"),  # the same value again: a repetition, not a rival
    ]
    flag_rivals(figures)
    assert not any(entry.has_todo for entry in figures)


def test_a_figure_without_an_indicator_has_no_rival():
    first, second = figure("1", "1", indicator=""), figure("2", "2", indicator="")
    flag_rivals([first, second])
    assert not first.has_todo and not second.has_todo
