"""A stand-in for a list's precomputed counts (``listings.counts.PrecomputedCounts``).

It answers what a test gives it, None for anything else, and records what it was asked: the tests of
the machinery check which reads come from the counts and which are counted live.
"""


class RecordedCounts:
    """``total`` answers ``count``; ``facets`` (rows by parameter) answer ``facet_rows``; ``rows``, the
    whole list in order, answers ``page``. ``missing``: every read finds the counts missing, answers
    None and sets ``built`` to False, as counts not yet built do."""

    def __init__(self, *, total=None, facets=None, rows=None, missing=False):
        self.total = total
        self.facets = facets or {}
        self.rows = rows
        self.missing = missing
        self.built = True
        self.asked = []

    def _read(self, question, answer):
        self.asked.append(question)
        if self.missing:
            self.built = False
            return None
        return answer

    def count(self):
        return self._read(("count",), self.total)

    def facet_rows(self, param, fields):
        return self._read(("facet_rows", param, tuple(fields)), self.facets.get(param))

    def page(self, queryset, bottom, top):
        return self._read(("page", bottom, top), None if self.rows is None else self.rows[bottom:top])


def recorded_counts_class(**answers) -> type[RecordedCounts]:
    """A class for ``FilteredListView.precomputed_counts``: each ``for_filterset`` makes a
    ``RecordedCounts(**answers)`` that keeps the filterset it was made from, listed in ``made``."""

    class Counts(RecordedCounts):
        made = []

        @classmethod
        def for_filterset(cls, filterset):
            counts = cls(**answers)
            counts.filterset = filterset
            cls.made.append(counts)
            return counts

    return Counts
