"""The portal-wide search page: every kind of thing, ranked, grouped by kind."""

from dataclasses import dataclass

from django import forms
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from conferences.models import Conference, ConferenceOfficial, Indicator, IndicatorReport, Source
from listings.search import MAX_QUERY_LENGTH, best_matches, normalised_query, query_words
from listings.search_in_memory import best_matches_in, search_rows
from portal.per_load import for_this_load
from regions.models import Province, Region

RESULTS_PER_KIND = 10


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), max_length=MAX_QUERY_LENGTH, required=False, strip=True)


@dataclass
class SearchGroup:
    kind: str
    label: str
    results: list
    has_more: bool
    more_url: str | None


def site_search(*, query: str, request) -> list[SearchGroup]:
    """Each kind's best matches, best first; kinds with no match are left out.

    The figures are searched in the database (``best_matches``). Every other kind is a small table whose
    search columns are kept for the load ``request`` names (``portal.per_load``) and searched in memory
    (``listings.search_in_memory``), with no query."""
    kinds = [
        ("conferences", _("Conferences"), Conference.objects.select_related("region", "host"), "conferences:list"),
        ("regions", _("Conference groups"), Region.objects.all(), None),
        ("provinces", _("Provinces"), Province.objects.all(), "regions:province_list"),
        ("people", _("People named"), ConferenceOfficial.objects.select_related("conference__region"), None),
        ("indicators", _("Indicators"), Indicator.objects.all(), None),
        (
            "figures",
            _("Figures and quotes"),
            IndicatorReport.objects.select_related("indicator", "province", "conference__region"),
            "conferences:figure_list",
        ),
        ("sources", _("Sources"), Source.objects.all(), None),
    ]
    groups = []
    words = query_words(query)
    for kind, label, queryset, list_url in kinds:
        if queryset.model.search_window:
            rows = best_matches(queryset, query, limit=RESULTS_PER_KIND + 1)
        else:
            kept = for_this_load(request, ("search rows", kind), lambda queryset=queryset: search_rows(queryset))
            rows = best_matches_in(kept, words, limit=RESULTS_PER_KIND + 1)
        if rows:
            more = f"{reverse(list_url)}?{urlencode({'q': query})}" if list_url else None
            groups.append(SearchGroup(kind, label, rows[:RESULTS_PER_KIND], len(rows) > RESULTS_PER_KIND, more))
    return groups


@require_safe
def search_view(request):
    form = SearchForm(request.GET)
    groups, query, status = [], "", 200
    if not form.is_valid():
        status = 400
    else:
        query = form.cleaned_data["q"]
        if normalised_query(query):
            groups = site_search(query=query, request=request)
    context = {"form": form, "query": query, "groups": groups, "searched": bool(normalised_query(query))}
    return render(request, "conferences/search.html", context, status=status)
