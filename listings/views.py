"""The list pages' common behaviour: filters, sort and page in the query string, facets, bad input."""

from django.core.paginator import Paginator
from django.forms.forms import NON_FIELD_ERRORS
from django.http import HttpResponseRedirect, QueryDict
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django_filters.views import FilterView

from listings.counts import PrecomputedCounts
from listings.facets import facet_links, facet_value_counts
from listings.search_filter import SearchFilter
from portal.caching import cached_for_this_data

MAX_QUERY_LENGTH = 2000


class ListPaginator(Paginator):
    """Django's paginator, reading the count and a page's position from precomputed counts when it can.

    The count is exact either way. With the counts, page 20,000 of a million figures reads a few
    group sizes and then only the rows of the groups it falls in, instead of sorting and skipping
    half a million rows (``PrecomputedCounts.page``); without them it is the usual COUNT and OFFSET.
    """

    def __init__(self, *args, precomputed: PrecomputedCounts | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.precomputed = precomputed

    @cached_property
    def count(self):
        counted = self.precomputed.count() if self.precomputed else None
        if counted is None:
            self.precomputed = None
            return super().count
        return counted

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        rows = self.precomputed.page(self.object_list, bottom, top) if self.precomputed and top > bottom else None
        return self._get_page(self.object_list[bottom:top] if rows is None else rows, number, self)


def without_empty_parameters(request) -> str:
    """This address without its empty parameters: what a submitted filter form meant to say.

    A form sends every field, so an untouched filter arrives as ``name=``; redirecting to the clean
    address keeps the address a reader shares short and equal to the same filters chosen any other
    way, and needs no script.
    """
    query = QueryDict(mutable=True)
    for name, values in request.GET.lists():
        kept = [value for value in values if value != ""]
        if kept:
            query.setlist(name, kept)
    return f"{request.path}?{query.urlencode()}" if query else request.path


class FilteredListView(FilterView):
    """A FilterView whose state lives in the URL, so a filtered, sorted page is a shareable link.

    Empty parameters, as a submitted form sends them, redirect to the address without them.
    Invalid filter values, or a query string too long to be a real one, render the page with the
    problems spelled out, no results and status 400; an unknown page number is a 404 (Django's
    paginator). ``facets`` lists the filters that show counts beside their values;
    ``precomputed_counts``, a ``PrecomputedCounts`` class, where the list's counts are kept.
    """

    paginate_by = 25
    paginator_class = ListPaginator
    facets = []
    precomputed_counts: type[PrecomputedCounts] | None = None

    @cached_property
    def precomputed(self) -> PrecomputedCounts | None:
        """This request's precomputed counts, built once from the bound filterset (or None)."""
        if self.precomputed_counts is None or getattr(self, "filterset", None) is None:
            return None
        return self.precomputed_counts.for_filterset(self.filterset)

    def get_paginator(self, queryset, per_page, orphans=0, allow_empty_first_page=True, **kwargs):
        return self.paginator_class(
            queryset,
            per_page,
            orphans=orphans,
            allow_empty_first_page=allow_empty_first_page,
            precomputed=self.precomputed,
            **kwargs,
        )

    def get_filterset(self, filterset_class):
        if len(self.request.META.get("QUERY_STRING", "")) <= MAX_QUERY_LENGTH:
            return super().get_filterset(filterset_class)
        filterset = filterset_class(QueryDict(""), queryset=self.get_queryset(), request=self.request)
        filterset.form.full_clean()
        filterset.form.add_error(None, _("The address was too long; its filters were ignored."))
        return filterset

    def get(self, request, *args, **kwargs):
        if "" in (value for values in request.GET.lists() for value in values[1]):
            return HttpResponseRedirect(without_empty_parameters(request))
        response = super().get(request, *args, **kwargs)
        if self.query_problems():
            response.status_code = 400
        return response

    def query_problems(self) -> list[str]:
        if not self.filterset.is_bound or self.filterset.is_valid():
            return []
        fields = self.filterset.form.fields
        problems = []
        for name, errors in self.filterset.form.errors.items():
            label = fields[name].label if name in fields else ""
            problems.extend(f"{label}: {error}" if label and name != NON_FIELD_ERRORS else error for error in errors)
        return problems

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["query_problems"] = problems = self.query_problems()
        context["facets"] = {} if problems or not self.facets else self.facet_counts()
        context["search_limit"] = self.search_limit()
        return context

    def search_limit(self) -> int | None:
        """How many matches the list's ``q`` lists, when more rows match (``SearchFilter``)."""
        for a_filter in self.filterset.filters.values():
            if isinstance(a_filter, SearchFilter) and a_filter.reached_limit:
                return a_filter.limit
        return None

    def facet_counts(self):
        """The facets' counts depend on the filters only: every page and sort of a filtered list shares
        them, cached for this data (``portal.caching``); the links are made for this address."""
        filters = self.request.GET.copy()
        for param in ("page", "sort"):
            filters.pop(param, None)
        # The path is part of the key: a list may be narrowed by its address.
        counts = cached_for_this_data(
            self.request, "facets", f"{self.request.path}?{filters.urlencode()}", self.count_facet_values
        )
        return facet_links(counts, self.request.GET)

    def count_facet_values(self) -> dict:
        return facet_value_counts(self.filterset, self.facets, precomputed=self.precomputed)
