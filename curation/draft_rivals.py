"""Drafted figures that cannot all be what they say: one measure, scope and period, different values.

An article gives one value for a region's clusters at one date. When the rules draft two ("613 cụm
công nghiệp … có 349 cụm công nghiệp" where the words after 349, say "đi vào hoạt động", were not
understood), at least one has the wrong indicator, scope or period, however certain each looks on its
own. Each such figure gets a TODO on its indicator naming the others, so the reviewer decides.
"""

from collections import defaultdict

from curation.draft_entries import Entry

_SAME_MEASURE = (
    "conference",
    "indicator",
    "unit",
    "scope",
    "province",
    "period",
    "as_of",
    "threshold_comparator",
    "threshold_pct",
    "denominator",
)


def flag_rivals(figures: list[Entry]) -> None:
    groups: dict[tuple, list[Entry]] = defaultdict(list)
    for figure in figures:
        if figure.fields.get("indicator"):
            groups[tuple(str(figure.fields.get(key, "")) for key in _SAME_MEASURE)].append(figure)
    for group in groups.values():
        if len({figure.fields.get("value") for figure in group}) < 2:
            continue
        for figure in group:
            others = ", ".join(repr(other.fields["value_as_written"]) for other in group if other is not figure)
            figure.todo(f"{others} is drafted as the same indicator, scope and period: which is which?", "indicator")
