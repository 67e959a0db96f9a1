"""What keeps the figures list fast at a million figures gives exactly what the plain queries give.

On synthetic data (``generate_synthetic``): the counts and facets read from ``FigureCount`` equal live
counts, a page positioned from the counts equals OFFSET, and the export read in sorted batches (on
PostgreSQL, read ahead in a thread) equals the serializer's rows.
"""

import json

import pytest
from django.core.management import call_command
from django.db import connection
from django.http import QueryDict
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from loaded_dataset import synthetic_dataset

from api import exports, row_plans, stream_writers
from api.figure_serializers import FigureSerializer
from conferences.figure_counts import FigureCube
from conferences.figure_filters import IndicatorReportFilter
from conferences.figure_selectors import figure_list, period_kind_counts
from conferences.figure_views import FigureListView
from conferences.models import FigureCount, IndicatorReport
from listings.facets import facet_value_counts
from listings.views import ListPaginator
from portal.loaded_data import Load

pytestmark = pytest.mark.django_db

QUERIES = [
    "",
    "region=north-28",
    "indicator=export_turnover",
    "region=south-20&indicator=iip_growth",
    "year=2010",
    "year=2000-2015&scope=province",
    "period=first-6-months",
    "period=stock&qualifier=estimate",
    "scope=region&qualifier=actual&year=2020-2024",
    "region=north-28&indicator=retail_sales&year=2005-2024&period=full-year&scope=province&qualifier=forecast",
    "q=%21%21",  # a query with no word is no search: the counts still serve
]
SORTS = ["", "-period", "period", "region", "-value", "value", "region,-period"]


@pytest.fixture(scope="module")
def synthetic_data(django_db_setup, django_db_blocker):
    """Generated once for the module (each test still rolls back its own changes); the real data after."""
    with synthetic_dataset(django_db_blocker, figures=500, seed=11):
        yield


def filterset(query: str) -> IndicatorReportFilter:
    bound = IndicatorReportFilter(QueryDict(query), queryset=figure_list())
    assert bound.is_valid(), bound.errors
    return bound


def live():
    """Drop the grand total row: every read then counts live."""
    FigureCount.objects.filter(dims=0).delete()


@pytest.mark.parametrize("query", QUERIES)
def test_counts_and_facets_from_the_table_equal_live_counts(synthetic_data, query):
    def read():
        bound = filterset(query)
        cube = FigureCube.for_filterset(bound)
        facets = facet_value_counts(bound, FigureListView.facets, precomputed=FigureCube.for_filterset(bound))
        periods = period_kind_counts(filterset=bound, precomputed=FigureCube.for_filterset(bound))
        return cube.count(), facets, periods, bound.qs.count()

    counted, facets, periods, total = read()
    assert counted == total
    assert sum(len(values) for values in facets.values()) > 0
    live()
    assert read() == (None, facets, periods, total)


def test_a_change_outside_a_load_makes_the_lists_count_live(synthetic_data):
    report = IndicatorReport.objects.filter(scope="province").first()
    report.qualifier = "forecast" if report.qualifier != "forecast" else "actual"
    report.save()
    cube = FigureCube.for_filterset(filterset("qualifier=forecast"))
    assert cube.count() is None  # the lists then count live, exactly
    call_command("generate_synthetic", figures=20, seed=1, verbosity=0)
    assert FigureCube.for_filterset(filterset("")).count() == 20


@pytest.mark.parametrize("sort", SORTS)
@pytest.mark.parametrize("query", ["", "region=north-28", "indicator=export_turnover&year=1995-2015"])
def test_a_page_positioned_from_the_counts_is_the_offset_page(synthetic_data, query, sort):
    bound = filterset(f"{query}&sort={sort}" if sort else query)
    rows = bound.qs
    paginator = ListPaginator(rows, 7, precomputed=FigureCube.for_filterset(bound))
    plain = list(rows.values_list("slug", flat=True))
    assert paginator.count == len(plain) > 14
    for number in sorted({1, 2, paginator.num_pages // 2, paginator.num_pages - 1, paginator.num_pages}):
        page = paginator.page(number)
        assert [report.slug for report in page] == plain[(number - 1) * 7 : number * 7], number


@pytest.mark.parametrize("sort", ["", "-value", "region"])
def test_a_page_of_values_finds_its_keys_among_the_filtersets_rows(synthetic_data, sort):
    """The API reads a page as values across five tables (``api.page_plans``). Its keys are found among the
    filterset's rows, which join only what the order needs: a subquery made from the values joined the
    sources too, and PostgreSQL then read every row of the page's group to sort it."""
    bound = filterset(f"sort={sort}" if sort else "")
    values = bound.qs.values_list("slug", "source__slug", "indicator__code", "conference__slug")
    paginator = ListPaginator(values, 7, precomputed=FigureCube.for_filterset(bound))
    plain = list(values)
    number = paginator.num_pages // 2
    assert paginator.count == len(plain)
    with CaptureQueriesContext(connection) as queries:
        page = list(paginator.page(number))
    assert page == plain[(number - 1) * 7 : number * 7]
    keys = queries.captured_queries[-1]["sql"].split("IN (SELECT", 1)[1]
    assert "conferences_source" not in keys


@pytest.mark.parametrize("sort", ["", "-value", "region"])
def test_a_page_of_the_filtersets_rows_applies_its_filters_once(synthetic_data, sort):
    """The page's keys were found among the filtered rows: the rows are then read by key from the
    filterset's unfiltered base, in the same order, not filtered a second time."""
    bound = filterset(f"indicator=export_turnover&year=1995-2015&sort={sort}")
    paginator = ListPaginator(bound.qs, 7, precomputed=FigureCube.for_filterset(bound))
    plain = list(bound.qs.values_list("slug", flat=True))
    with CaptureQueriesContext(connection) as queries:
        page = [report.slug for report in paginator.page(2)]
    assert page == plain[7:14]
    outer = queries.captured_queries[-1]["sql"].split("IN (SELECT", 1)[0]
    assert "period_end" not in outer.split("WHERE", 1)[1]


def test_a_page_whose_filters_change_what_a_row_reads_is_read_with_them(synthetic_data):
    """A filter that defers columns (or adds an annotation, joins another relation, prefetches) makes rows
    the base would not: the page is then read from the filtered rows themselves."""
    bound = filterset("indicator=export_turnover&year=1995-2015")
    bound._qs = bound.qs.defer("value_as_written")
    paginator = ListPaginator(bound.qs, 7, precomputed=FigureCube.for_filterset(bound))
    plain = list(bound.qs.values_list("slug", flat=True))
    with CaptureQueriesContext(connection) as queries:
        page = list(paginator.page(2))
    assert [report.slug for report in page] == plain[7:14]
    assert "value_as_written" not in queries.captured_queries[-1]["sql"].split("IN (SELECT", 1)[0]


def test_pages_are_positioned_without_offset_over_the_list(synthetic_data, django_assert_max_num_queries):
    bound = filterset("")
    paginator = ListPaginator(bound.qs, 25, precomputed=FigureCube.for_filterset(bound))
    with django_assert_max_num_queries(3):  # count, the groups' sizes, the page
        page = paginator.page(paginator.num_pages - 1)
    assert page.object_list and paginator.precomputed is not None


@pytest.mark.parametrize("sort", ["", "-period", "region"])
def test_the_unfiltered_lists_pages_read_its_groups_once_per_load(synthetic_data, sort, django_assert_num_queries):
    """Every page of the unfiltered list is positioned from its groups read once per load (``_page_groups``):
    the same rows as OFFSET, at every depth, and no query for the groups after the first page."""
    request = RequestFactory().get("/figures/", {"sort": sort} if sort else {})
    request.data_load = Load("synthetic", timezone.now())  # as DataCacheMiddleware names it
    bound = IndicatorReportFilter(request.GET, queryset=figure_list(), request=request)
    plain = list(bound.qs.values_list("slug", flat=True))
    paginator = ListPaginator(bound.qs, 7, precomputed=FigureCube.for_filterset(bound))
    assert paginator.count == len(plain) > 14
    for position, number in enumerate(sorted({1, 2, paginator.num_pages // 2, paginator.num_pages})):
        with django_assert_num_queries(2 if position == 0 else 1):  # the groups (first only), the page
            page = paginator.page(number)
            assert [report.slug for report in page] == plain[(number - 1) * 7 : number * 7], number


def download(client, url, params):
    response = client.get(url, params)
    assert response.status_code == 200
    return b"".join(response.streaming_content)


@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.parametrize(
    "params", [{}, {"sort": "-period"}, {"region": "south-20", "sort": "region"}, {"sort": "value"}]
)
def test_the_export_in_batches_is_the_serializers(client, monkeypatch, synthetic_data, params, language):
    """Labels included: the row plan names each slug in the download's language, as the serializer does."""
    monkeypatch.setattr(row_plans, "BATCH_SIZE", 37)  # many batches: on PostgreSQL, read ahead in a thread
    request = RequestFactory().get("/figures.csv", params)
    rows = IndicatorReportFilter(request.GET, queryset=figure_list()).qs
    with translation.override(language):
        expected = list(exports.serialized_rows(rows, FigureSerializer, request))
    assert {row["conference_label"] for row in expected} and all(row["indicator_name"] for row in expected)
    header = exports.columns(FigureSerializer)
    prefix = "/en" if language == "en" else ""
    assert download(client, f"{prefix}/figures.csv", params) == b"".join(stream_writers.csv_chunks(expected, header))
    assert json.loads(download(client, f"{prefix}/figures.json", params)) == json.loads(json.dumps(expected))


@pytest.mark.parametrize("query", ["", "region=north-28&source=x&period=stock&scope=region", "conference=nope"])
def test_the_fast_select_writes_what_djangos_select_writes(synthetic_data, query):
    from django import forms
    from django.utils.safestring import mark_safe

    from conferences.filters import ConferenceFilter
    from listings.filters import FastSelect
    from regions.filters import ProvinceFilter

    for filterset_class in (IndicatorReportFilter, ConferenceFilter, ProvinceFilter):
        form = filterset_class(QueryDict(query), queryset=filterset_class._meta.model.objects.all()).form
        selects = [field for field in form if isinstance(field.field.widget, FastSelect)]
        assert selects
        for field in selects:
            plain = forms.Select(choices=field.field.widget.choices)
            attrs = field.build_widget_attrs({"id": field.auto_id})
            fast = field.field.widget.render(field.html_name, field.value(), attrs)
            if field.field.widget.option_lang:  # the sources' titles, marked Vietnamese on every page
                marked = f' lang="{field.field.widget.option_lang}">'
                assert fast.count(marked) == fast.count("<option") - 1  # all but the empty choice
                fast = fast.replace(marked, ">")
            assert fast == plain.render(field.html_name, field.value(), attrs)
    choices = [("", "All"), ("a&b", 'x "<y>"'), (1, "one"), (None, mark_safe("<b>s</b>")), ("g", [("c", "C")])]
    for value in ["", "a&b", 1, "c", None, ["c"]]:
        assert FastSelect(choices=choices).render("n", value) == forms.Select(choices=choices).render("n", value)
        assert FastSelect(choices=choices[:4]).render("n", value, {"required": True}) == forms.Select(
            choices=choices[:4]
        ).render("n", value, {"required": True})
