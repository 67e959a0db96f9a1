"""The figures list's counts, precomputed: ``FigureCount`` rebuilt at each load, read by ``FigureCube``.

A million figures and more are too many to count live on every page. ``figure_count_rebuild`` counts
them by region, indicator, scope, qualifier and period whenever data is loaded. ``FigureCube`` is the
figures list's ``listings.counts.PrecomputedCounts``: it reads those counts whenever every active filter
is one of the dimensions; with ``q``, ``province``, ``conference`` or ``source`` the counts are live, as
for the other lists. Both give the same numbers: the tests compare them.
"""

from bisect import bisect_right
from functools import reduce
from operator import or_

from django.db.models import Q, Subquery, Sum

from conferences.figure_count_reads import facet_counts, page_groups, total
from conferences.figure_filters import IndicatorReportFilter
from conferences.figure_periods import parse_code
from conferences.models import FigureCount
from listings.search import normalised_query
from portal.per_load import for_this_load

EVERY_ROW = 2**62  # a page's end past any list's last row


class FigureCube:
    """The figures list's active filters as conditions on ``FigureCount``.

    ``for_filterset`` gives one only when every active filter is a dimension of the counts (``q``
    counts as inactive when it holds no letter or digit, as ``SearchFilter`` ignores it then). Every
    read also fetches the grand total row (``dims`` 0, all values NULL or blank): without it the counts
    are not built (or were invalidated by a change to the figures), and the caller counts live.
    """

    # Each filter's dimension and its tests on ``FigureCount``'s columns: (column, operator, value).
    FILTERS = {
        "region": (FigureCount.REGION, lambda value: [("region_id", "=", value.pk)]),
        "indicator": (FigureCount.INDICATOR, lambda value: [("indicator_id", "=", value.pk)]),
        "scope": (FigureCount.SCOPE, lambda value: [("scope", "=", value)]),
        "qualifier": (FigureCount.QUALIFIER, lambda value: [("qualifier", "=", value)]),
        "year": (FigureCount.PERIOD, lambda value: [("year", ">=", value[0]), ("year", "<=", value[1])]),
        "period": (FigureCount.PERIOD, lambda value: [("period_kind", "=", parse_code(value).code)]),
    }
    # Each facet's fields, as the list names them: its value, then its labels in Vietnamese and English.
    FACET_FIELDS = {
        "region": ("conference__region__slug", "conference__region__name_vi", "conference__region__name_en"),
        "indicator": ("indicator__code", "indicator__name_vi", "indicator__name_en"),
        "scope": ("scope",),
        "qualifier": ("qualifier",),
        "year": ("period_end__year",),
        "period": ("period_kind",),
    }

    def __init__(self, conditions: dict[str, tuple[int, list[tuple]]], request=None, filterset=None):
        self.conditions = conditions
        self.request = request  # whose load the unfiltered list's groups are kept for (``_page_groups``)
        self.filterset = filterset  # whose rows a page's keys are found among (``page``)
        self.built = True  # until a read finds no grand total row
        self.counted = False  # ``count`` found the counts built
        self._facets: dict[str, list[tuple]] | None = None

    @classmethod
    def for_filterset(cls, filterset) -> "FigureCube | None":
        if not isinstance(filterset, IndicatorReportFilter):
            return None
        request = getattr(filterset, "request", None)
        if not filterset.is_bound:
            return cls({}, request, filterset)
        if not filterset.is_valid():
            return None
        conditions = {}
        for name, value in filterset.form.cleaned_data.items():
            if name == "sort" or value in (None, "", [], ()):
                continue
            if name == "q":
                if normalised_query(value):
                    return None
                continue
            if name not in cls.FILTERS:
                return None
            bit, condition = cls.FILTERS[name]
            conditions[name] = (bit, condition(value))
        return cls(conditions, request, filterset)

    def _tests(self, *, without: str = "", dims: int = 0) -> list[tuple]:
        """Tests for the rows of the grouping by the active filters (but ``without``) plus ``dims``."""
        tests = []
        for name, (bit, filter_tests) in self.conditions.items():
            if name != without:
                dims |= bit
                tests += filter_tests
        return [("dims", "=", dims), *tests]

    def _where(self, *, without: str = "", dims: int = 0) -> Q:
        """``_tests`` as a queryset condition."""
        lookups = {"=": "", ">=": "__gte", "<=": "__lte"}
        return Q(*(Q(**{column + lookups[op]: value}) for column, op, value in self._tests(without=without, dims=dims)))

    def count(self) -> int | None:
        """How many figures match, or None when the counts are missing."""
        count = total(self._tests())
        self.built = self.counted = count is not None
        return count

    def facet_rows(self, param: str, fields: list[str]) -> list[dict] | None:
        """``fields`` (the list's names) with the count of each value, over every filter but ``param``.

        None when the counts are missing, or ``param`` or a field is not one of their dimensions. Every
        facet is read by the first call, in one query (``facet_counts``).
        """
        known = self.FACET_FIELDS.get(param, ())
        if any(name not in known for name in fields):
            return None
        if self._facets is None:
            self._facets = facet_counts(
                {name: self._tests(without=name, dims=self.FILTERS[name][0]) for name in self.FACET_FIELDS}
            )
        if not self._facets:
            self.built = False  # no grand total row
            return None
        return [{name: row[known.index(name)] for name in fields} | {"count": row[3]} for row in self._facets[param]]

    def period_kind_counts(self, param: str = "period") -> dict[str, int] | None:
        """Figures by kind of period over every filter but ``param``; None when the counts are missing."""
        rows = self.facet_rows(param, ["period_kind"])
        if rows is None:
            return None
        return {row["period_kind"]: row["count"] for row in rows if row["period_kind"]}

    # Where a page starts, without OFFSET over the whole list.

    # A sort key the counts know: (dimension, its sort column, the column naming the group, the figures' field).
    SORT_KEYS = {
        "indicator__position": (FigureCount.INDICATOR, "indicator_position", "indicator_id", "indicator_id"),
        "period_end": (FigureCount.PERIOD, "period_end", "period_end", "period_end"),
        "conference__region__position": (FigureCount.REGION, "region_position", "region_id", "conference__region_id"),
        "scope_order": (FigureCount.SCOPE, "scope_order", "scope", "scope"),
    }

    def _leading_keys(self, queryset) -> list[tuple[str, bool]]:
        """The order's leading keys the counts know, up to the period end, as (name, descending)."""
        keys = []
        for item in queryset.query.order_by:
            name = item.lstrip("-") if isinstance(item, str) else None
            if name not in self.SORT_KEYS or any(name == key for key, _ in keys):
                break
            keys.append((name, item.startswith("-")))
            if name == "period_end":
                break
        return keys

    def _groups(self, queryset):
        """The order's leading keys the counts know, and the sizes of the groups they cut the list into.

        Keys are taken up to the period end, which splits the list finest. Returns (keys, groups): keys
        as (name, descending), groups as dicts of the key columns with ``n``, in the list's order; or
        None when the order starts with none of those keys, the counts are missing, or a position is
        shared by two groups or indicators (the counts keep positions only when they are unique).
        """
        keys = self._leading_keys(queryset)
        if not keys:
            return None
        dims = 0
        for name, _ in keys:
            dims |= self.SORT_KEYS[name][0]
        order = [("-" if descending else "") + self.SORT_KEYS[name][1] for name, descending in keys]
        columns = list(
            dict.fromkeys([self.SORT_KEYS[name][1] for name, _ in keys] + [self.SORT_KEYS[n][2] for n, _ in keys])
        )
        rows = list(
            FigureCount.objects.filter(self._where(dims=dims) | Q(dims=0))
            .values_list("dims", *columns)
            .annotate(n=Sum("count"))
            .order_by(*order)
        )
        if not any(row[0] == 0 for row in rows):
            self.built = False
            return None
        groups = [dict(zip([*columns, "n"], row[1:], strict=True)) for row in rows if row[0] != 0]
        if any(value is None for group in groups for value in group.values()):
            return None
        return keys, groups

    def _condition(self, keys, group) -> Q:
        return Q(**{self.SORT_KEYS[name][3]: group[self.SORT_KEYS[name][2]] for name, _ in keys})

    def page(self, queryset, bottom: int, top: int) -> list | None:
        """Rows ``bottom`` to ``top`` of ``queryset`` (this filter's figures, in their order), or None.

        The order's leading keys cut the list into groups whose sizes the counts give. The database sums
        them in order and returns the groups the page overlaps (``page_groups``): the page
        is then read from those groups only, with a small offset, however deep it is. The value sorts
        start with the indicator, so they skip to it and no further. Only once ``count`` has found the
        counts built: the groups are read without the grand total row.
        """
        keys = self._leading_keys(queryset)
        if not keys or not self.counted:
            return None
        dims = 0
        for name, _ in keys:
            dims |= self.SORT_KEYS[name][0]
        order = [(self.SORT_KEYS[name][1], descending) for name, descending in keys]
        groups = self._page_groups(
            self._tests(dims=dims), order, [self.SORT_KEYS[name][2] for name, _ in keys], bottom, top
        )
        if not groups or any(value is None for group in groups for value in group.values()):
            return None
        start = bottom - groups[0]["before"]
        # The keys are found among the filterset's rows, ``queryset`` before it reads its columns: the API's
        # page reads values across five tables, and a subquery made from it joined them all, so that
        # PostgreSQL read every row of the group to sort it (7.2 ms at page 10,000; 3.7 from the index alone).
        found = self.filterset.qs if self.filterset is not None else queryset
        rows = found.filter(reduce(or_, (self._condition(keys, group) for group in groups)))
        if len(groups) == 1:
            # The leading keys are the same for every row of one group: ordering by the rest gives the
            # same order, and lets an index on (indicator, unit, value) serve the value sorts.
            rows = rows.order_by(*found.query.order_by[len(keys) :])
        # The groups' rows are sorted by their keys alone, and only the page's rows are then read whole: a
        # group holds thousands of rows, and sorting them with every column the page shows (the API's
        # rows are 5 KB wide) cost most of a deep page's time. The page's rows keep ``queryset``'s order.
        chosen = rows.values("pk")[start : start + top - bottom]
        return list(self._chosen_rows(queryset, Subquery(chosen)))

    def _chosen_rows(self, queryset, chosen: Subquery):
        """The rows ``chosen`` names, with ``queryset``'s columns and order.

        ``chosen`` was found among the filtered rows, so the filters need not be applied again: when
        ``queryset`` is the filterset's own, the rows are read from its unfiltered base, sorted the same
        way, and the query holds one set of the filters' joins and conditions rather than two. Another
        queryset (the API's, reading values), or one to which a filter added an annotation, a join to
        read, columns to defer or a prefetch (``_reads_the_same_rows``), is read as it is.
        """
        base = self.filterset.queryset if self.filterset is not None else None
        if base is None or queryset is not self.filterset.qs or not _reads_the_same_rows(queryset, base):
            return queryset.filter(pk__in=chosen)
        rows = base.filter(pk__in=chosen)
        if queryset.query.order_by or not queryset.query.default_ordering:
            rows = rows.order_by(*queryset.query.order_by)
        return rows

    def _page_groups(self, tests, order, columns, bottom: int, top: int) -> list[dict]:
        """``page_groups``; for the unfiltered list, picked from all its groups, read once per load.

        Every page of the unfiltered list (the figures page's, the API's, at any depth) sized and summed
        all of its 4,000 groups again at a million figures: 8 ms of PostgreSQL's time a page. They
        change only with a load, and there is one such list per sort (``portal.per_load``: one value
        per kind, never per address). The kept dicts are shared: read only.
        """
        if self.conditions or self.request is None:
            return page_groups(tests, order, columns, bottom, top)
        key = ("figure list groups", tuple(tests), tuple(order), tuple(columns))
        groups, ends = for_this_load(
            self.request, key, lambda: _with_ends(page_groups(tests, order, columns, 0, EVERY_ROW))
        )
        first = bisect_right(ends, bottom)  # the first group ending after the page's first row
        last = first
        while last < len(groups) and groups[last]["before"] < top:
            last += 1
        return groups[first:last]

    def batches(self, queryset, size: int):
        """``queryset`` as consecutive querysets of about ``size`` rows each, in its order; or None.

        Only for orders whose leading keys end with the period end (the default order, and the period
        and group sorts): a batch is a run of groups that share the other keys, read as a range of
        period ends, so that the database sorts a few thousand rows at a time instead of the whole
        list at once. The first query reads the group sizes; then one query per batch.
        """
        found = self._groups(queryset)
        if found is None or found[0][-1][0] != "period_end":
            return None
        keys, groups = found
        return self._batches(queryset, keys, groups, size)

    def _batches(self, queryset, keys, groups, size):
        batch: list[dict] = []
        rows = 0  # in the batch
        for group in [*groups, None]:
            if batch and (group is None or rows + group["n"] > size):
                yield queryset.filter(self._ranges(keys, batch))
                batch, rows = [], 0
            if group is not None:
                batch.append(group)
                rows += group["n"]

    def _ranges(self, keys, batch: list[dict]) -> Q:
        """Consecutive groups as ranges of period ends, one per run of groups sharing the other keys."""
        condition, run = Q(), []
        for group in [*batch, None]:
            if run and (group is None or self._condition(keys[:-1], group) != self._condition(keys[:-1], run[0])):
                ends = [member["period_end"] for member in run]
                condition |= self._condition(keys[:-1], run[0]) & Q(period_end__range=(min(ends), max(ends)))
                run = []
            if group is not None:
                run.append(group)
        return condition


def _reads_the_same_rows(queryset, base) -> bool:
    """Whether ``queryset`` reads its rows as ``base`` does: the same annotations, joined relations, deferred
    columns and prefetches, whatever filters it adds."""
    return (
        queryset.query.annotations.keys() == base.query.annotations.keys()
        and queryset.query.select_related == base.query.select_related
        and queryset.query.deferred_loading == base.query.deferred_loading
        and queryset._prefetch_related_lookups == base._prefetch_related_lookups
    )


def _with_ends(groups: list[dict]) -> tuple[list[dict], list[int]]:
    """``groups`` with the row each ends at (``before + n``), in order: where a page starts, by bisection."""
    return groups, [group["before"] + group["n"] for group in groups]
