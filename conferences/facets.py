"""Facet counts: beside each filter value, how many results choosing it would give.

Each facet counts over the list filtered by every *other* filter, so choosing a value never
shows a count that the page then contradicts. One aggregate query per facet, whatever the data size.
"""

from dataclasses import dataclass

from django.db.models import Count
from django.http import QueryDict
from django.utils.translation import get_language


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
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool
    query: str  # the query string that selects this value (page reset)


def facet_counts(filterset_class, query: QueryDict, queryset, facets: list[Facet]) -> dict[str, list[FacetValue]]:
    english = (get_language() or "vi").startswith("en")
    results = {}
    for facet in facets:
        others = query.copy()
        others.pop(facet.param, None)
        others.pop("page", None)
        filterset = filterset_class(others, queryset=queryset)
        if not filterset.is_valid():
            results[facet.param] = []
            continue
        label_field = (facet.label_en if english else facet.label_vi) or facet.label_vi
        fields = [facet.value_field] + ([label_field] if label_field else [])
        rows = filterset.qs.order_by().values(*fields).annotate(count=Count("pk", distinct=True))
        values = []
        for row in rows:
            value = row[facet.value_field]
            if value in (None, ""):
                continue
            label = row[label_field] if label_field else (facet.choices or {}).get(value, value)
            selected = query.get(facet.param) == str(value)
            chosen = others.copy()
            chosen[facet.param] = str(value)
            values.append(FacetValue(str(value), str(label), row["count"], selected, chosen.urlencode()))
        values.sort(key=lambda item: item.value, reverse=facet.descending)
        results[facet.param] = values
    return results
