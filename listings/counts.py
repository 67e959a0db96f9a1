"""The hook through which a list reads its counts precomputed instead of counting live.

A list of a million rows cannot count them, its facets and the start of a deep page on every request.
Such a list names a ``PrecomputedCounts`` class in its view (``FilteredListView.precomputed_counts``);
the view builds one per request from its bound filterset, and the paginator and the facets read from it.
Every method may answer None ("not precomputed for these filters"): the caller then counts live, so a
list gives the same numbers with or without its counts.
"""

from typing import Protocol, Self


class PrecomputedCounts(Protocol):
    built: bool  # False once a read finds the counts missing: the rest of the request counts live

    @classmethod
    def for_filterset(cls, filterset) -> Self | None:
        """The counts for this list's filters, or None when they cannot serve these filters."""

    def count(self) -> int | None:
        """How many rows match."""

    def facet_rows(self, param: str, fields: list[str]) -> list[dict] | None:
        """``fields`` with the ``count`` of each value, over every filter but ``param``."""

    def page(self, queryset, bottom: int, top: int) -> list | None:
        """Rows ``bottom`` to ``top`` of ``queryset``, found without an OFFSET over the whole list."""
