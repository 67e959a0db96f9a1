"""Facet counts: beside each filter value, how many results choosing it would give.

Each facet counts over the list filtered by every *other* filter, so choosing a value never
shows a count that the page then contradicts. One aggregate query per facet, whatever the data size.

A list may keep its counts precomputed (``listings.counts.PrecomputedCounts``): a facet's counts are
read from there when it can give them, and counted live otherwise.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.db.models import Count
from django.http import QueryDict
from django.utils.translation import get_language

from listings.counts import PrecomputedCounts
from listings.search_filter import filter_in_stages


@dataclass(frozen=True)
class Facet:
    """A filter parameter, the field its values come from, and the field(s) that label them."""

    param: str
    value_field: str
    label_vi: str = ""
    label_en: str = ""
    choices: dict | None = None  # labels of a choices field, by value
    descending: bool = False


@dataclass(frozen=True)
class FacetCount:
    """A value of a facet, its label in the active language, and how many results choosing it gives."""

    value: str
    label: str
    count: int


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool
    query: str  # the query string that selects this value (page reset)


def facet_value_counts(
    filterset, facets: list[Facet], *, precomputed: PrecomputedCounts | None = None
) -> dict[str, list[FacetCount]]:
    """Each facet's values with their counts over the list's bound, valid ``filterset`` (every filter
    but the facet's own), read from ``precomputed`` where it has them.

    The counts depend on the filters alone, not on the page or the sort: the lists cache them
    (``listings.views``) and link them to the current address with ``facet_links``."""
    english = (get_language() or "vi").startswith("en")
    results = {}
    for facet in facets:
        label_field = (facet.label_en if english else facet.label_vi) or facet.label_vi
        fields = [facet.value_field] + ([label_field] if label_field else [])
        # Counts found missing (by the paginator, or by an earlier facet) are not asked again.
        rows = precomputed.facet_rows(facet.param, fields) if precomputed and precomputed.built else None
        if rows is None:
            rows = (
                filtered_without(filterset, facet.param)
                .order_by()
                .values(*fields)
                .annotate(count=Count("pk", distinct=True))
            )
        values = []
        for row in rows:
            value = row[facet.value_field]
            if value in (None, ""):
                continue
            label = row[label_field] if label_field else (facet.choices or {}).get(value, value)
            values.append(FacetCount(str(value), str(label), row["count"]))
        values.sort(key=lambda item: item.value, reverse=facet.descending)
        results[facet.param] = values
    return results


def filtered_without(filterset, param: str):
    """The list filtered by every filter of the bound, valid ``filterset`` but ``param``: what a facet
    counts over, filtered in the same stages as the list (``filter_in_stages``). The values are the ones
    the filterset cleaned: none is validated again, so a choice by slug looks its row up once per
    request, not once per facet."""
    cleaned = filterset.form.cleaned_data if filterset.is_bound else {}
    others = {name: value for name, value in cleaned.items() if name != param}
    return filter_in_stages(filterset, filterset.queryset.all(), others)


def facet_links(counts: dict[str, list[FacetCount]], query: QueryDict) -> dict[str, list[FacetValue]]:
    """The counts as links from the current address: each keeps the other filters and the sort, and
    goes back to the first page.

    A link is the other parameters, encoded once per facet, then its own value last: what a copy of
    the query with the value set would encode to (``QueryDict.urlencode``), without a copy per value."""
    results = {}
    encoding = query.encoding
    for param, values in counts.items():
        others = without_facet(query, param).urlencode()
        prefix = f"{others}&" if others else ""
        chosen = query.get(param)
        key = param.encode(encoding)
        results[param] = [
            FacetValue(
                item.value,
                item.label,
                item.count,
                chosen == item.value,
                prefix + urlencode({key: item.value.encode(encoding)}),
            )
            for item in values
        ]
    return results


def without_facet(query: QueryDict, param: str) -> QueryDict:
    """The query with every other filter, on the first page: where a facet's values link from."""
    others = query.copy()
    others.pop(param, None)
    others.pop("page", None)
    return others
