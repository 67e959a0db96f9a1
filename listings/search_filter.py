"""A list's ``q``: the search as a filter of the list's FilterSet, bounded to the latest ``LIST_MATCHES``
matches within the list's other filters (``listings.search.latest_match_keys``), and the order in which
a list's filters apply, which its facets share (``filter_in_stages``)."""

import django_filters

from listings.search import MAX_QUERY_LENGTH, latest_match_keys, match_rank, query_words
from listings.widgets import FastTextInput

LIST_MATCHES = 1_000  # a list's ``q`` lists at most this many matches, the latest


class SearchFilter(django_filters.CharFilter):
    """A list's ``q``: the latest ``LIST_MATCHES`` matches (in ``search_order``) within the list's other
    filters, best first unless the reader chose a sort. Needs ``SearchesLastFilterSet``.

    Bounded so that a common word costs about what a rare one does: the matches' keys are found once per
    value and set of other filters (``found``, keyed by the WHERE node they make; ``latest_match_keys``),
    and the page and its count read only those keys. ``listed`` are the list's own, found first (the
    filterset filters before its facets do); ``reached_limit`` says that more rows match than it holds.

    A facet filters again over every filter but its own: the facets of values not chosen share the list's
    keys, and a chosen value's facet searches once more, so that it offers the other values with their
    matches. When those are more than a list holds, the facet counts the list's matches instead: counts
    over a different window would contradict the list (the chosen value counted lower than it lists).
    The search page ranks every match's best few instead (``best_matches``).
    """

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", MAX_QUERY_LENGTH)
        kwargs.setdefault("widget", FastTextInput)
        super().__init__(**kwargs)
        self.found: dict[tuple, list] = {}
        self.listed: list | None = None

    @property
    def limit(self) -> int:
        return LIST_MATCHES

    @property
    def reached_limit(self) -> bool:
        return self.listed is not None and len(self.listed) > self.limit

    def filter(self, qs, value):
        words = query_words(value or "")
        if not words:
            return qs
        key = (value, qs.query.where)
        if key not in self.found:
            self.found[key] = latest_match_keys(qs, words, limit=self.limit + 1)
        found = self.found[key]
        if self.listed is None:
            self.listed = found
        elif len(found) > self.limit:  # a facet over more matches than a list holds counts the list's
            found = self.listed
        ordering = qs.query.order_by or qs.model._meta.ordering
        keys = found[: self.limit]
        return (
            qs.filter(pk__in=keys).annotate(search_rank=match_rank(" ".join(words))).order_by("-search_rank", *ordering)
        )


class SearchesLastFilterSet(django_filters.FilterSet):
    """A FilterSet whose ``SearchFilter`` filters after the other filters and before the sort, so that
    its first matches are taken from what the other filters leave, and a chosen sort still orders them."""

    def filter_queryset(self, queryset):
        return filter_in_stages(self, queryset, self.form.cleaned_data)


def filter_in_stages(filterset, queryset, values: dict):
    """``queryset`` filtered by ``filterset``'s filters with these cleaned ``values``: the plain filters,
    then the search, then the sort. The one order for a list's rows and for its facets' counts."""
    for name in sorted(values, key=lambda name: _filtering_stage(filterset.filters[name])):
        queryset = filterset.filters[name].filter(queryset, values[name])
    return queryset


def _filtering_stage(a_filter) -> int:
    if isinstance(a_filter, SearchFilter):
        return 1
    return 2 if isinstance(a_filter, django_filters.OrderingFilter) else 0
