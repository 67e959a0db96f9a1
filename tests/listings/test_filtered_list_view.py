"""``listings.views``: a filtered list whose state is its address, on a tiny list mounted without a URLconf.

The view's response is a template response that is never rendered here: the tests read its status and
context, so no template is needed and the queries counted are the machinery's own.
"""

import django_filters
import factories
import pytest
from django.http import Http404
from django.test import RequestFactory
from django.utils import translation
from recorded_counts import RecordedCounts, recorded_counts_class

from conferences.models import Conference
from listings.facets import Facet
from listings.filters import YearRangeFilter, slug_choice_filter
from listings.views import MAX_QUERY_LENGTH, FilteredListView, ListPaginator, without_empty_parameters
from regions.models import Region

pytestmark = pytest.mark.django_db

PATH = "/sessions/"
HELD, ANNOUNCED = Conference.Status.HELD, Conference.Status.ANNOUNCED


class SessionFilter(django_filters.FilterSet):
    region = slug_choice_filter("Group", "region", queryset=Region.objects.all())
    year = YearRangeFilter(label="Year", field_name="year")
    status = slug_choice_filter("Status", "status", choices=Conference.Status.choices)

    class Meta:
        model = Conference
        fields = []


class SessionList(FilteredListView):
    model = Conference
    filterset_class = SessionFilter
    template_name = "never-rendered.html"
    paginate_by = 2
    facets = [Facet("year", "year", descending=True), Facet("status", "status")]


def get(query: str = "", view=SessionList, **initkwargs):
    request = RequestFactory().get(f"{PATH}?{query}" if query else PATH)
    return view.as_view(**initkwargs)(request)


@pytest.fixture
def sessions(empty_database):
    """Three sessions held in 2024, one in 2023, one announced for 2025: five in all."""
    group = factories.region(slug="north")
    for year, status in [(2024, HELD), (2024, HELD), (2024, HELD), (2023, HELD), (2025, ANNOUNCED)]:
        factories.conference(region=group, year=year, status=status)


def test_a_filtered_list_is_served_with_its_page_and_facets(sessions):
    response = get("status=held&page=2")
    assert response.status_code == 200
    context = response.context_data
    assert context["paginator"].count == 4 and context["page_obj"].number == 2
    assert context["query_problems"] == []
    assert [(value.value, value.count, value.selected) for value in context["facets"]["status"]] == [
        ("announced", 1, False),
        ("held", 4, True),
    ]
    assert [(value.value, value.count) for value in context["facets"]["year"]] == [("2024", 3), ("2023", 1)]


def test_a_list_without_facets_counts_none(sessions):
    assert get(facets=[]).context_data["facets"] == {}


@pytest.mark.parametrize(
    ("query", "clean"),
    [
        ("status=held&year=&region=", f"{PATH}?status=held"),
        ("year=&status=", PATH),
        ("region=north&region=&region=south&sort=", f"{PATH}?region=north&region=south"),
    ],
)
def test_empty_parameters_redirect_to_the_clean_address_without_asking_the_database(
    sessions, query, clean, django_assert_num_queries
):
    with django_assert_num_queries(0):
        response = get(query)
    assert response.status_code == 302
    assert response["Location"] == clean


def test_without_empty_parameters_keeps_every_value_in_order_and_encodes_it():
    request = RequestFactory().get(PATH, {"q": ["Thanh Hóa", ""], "year": "", "sort": ["-year", "region"]})
    assert without_empty_parameters(request) == f"{PATH}?q=Thanh+H%C3%B3a&sort=-year&sort=region"


def test_an_invalid_filter_is_a_400_that_lists_the_problems_and_shows_no_results(sessions):
    with translation.override("en"):
        response = get("status=postponed&year=abc")
    assert response.status_code == 400
    context = response.context_data
    assert sorted(context["query_problems"]) == [
        "Status: Select a valid choice. postponed is not one of the available choices.",
        "Year: Enter a year (2024) or a range of years (2022-2024).",
    ]
    assert list(context["object_list"]) == [] and context["paginator"].count == 0
    assert context["facets"] == {}


def test_a_query_string_of_the_longest_length_is_served(sessions):
    query = "status=held&pad=" + "x" * (MAX_QUERY_LENGTH - len("status=held&pad="))
    assert len(query) == MAX_QUERY_LENGTH
    response = get(query)
    assert response.status_code == 200
    assert response.context_data["paginator"].count == 4


def test_a_longer_query_string_is_a_400_that_says_the_address_was_too_long(sessions):
    query = "status=held&pad=" + "x" * (MAX_QUERY_LENGTH + 1 - len("status=held&pad="))
    with translation.override("en"):
        response = get(query)
    assert response.status_code == 400
    context = response.context_data
    assert context["query_problems"] == ["The address was too long; its filters were ignored."]
    assert list(context["object_list"]) == [] and context["facets"] == {}


@pytest.mark.parametrize("page", ["4", "0", "abc"])
def test_an_unknown_page_is_not_found(sessions, page):
    with pytest.raises(Http404):
        get(f"status=held&page={page}")


def test_a_request_costs_the_count_and_one_query_per_facet(sessions, django_assert_num_queries):
    with django_assert_num_queries(1 + len(SessionList.facets)):
        response = get("status=held&year=2020-2025")
    assert response.status_code == 200


def test_the_precomputed_counts_are_made_once_per_request_from_the_bound_filterset(sessions):
    counts_class = recorded_counts_class()
    response = get("status=held&page=2", precomputed_counts=counts_class)
    assert response.status_code == 200
    (counts,) = counts_class.made
    assert counts.filterset.form.cleaned_data["status"] == HELD
    assert [question[0] for question in counts.asked] == ["count", "facet_rows", "facet_rows"]
    assert response.context_data["paginator"].count == 4, "counted live where the counts do not answer"
    get("status=held", precomputed_counts=counts_class)
    assert len(counts_class.made) == 2, "each request makes its own"


def test_a_request_whose_counts_answer_everything_asks_the_database_nothing(sessions, django_assert_num_queries):
    rows = [f"row {number}" for number in range(1, 8)]
    counts_class = recorded_counts_class(
        total=len(rows),
        rows=rows,
        facets={"year": [{"year": 2024, "count": 7}], "status": [{"status": HELD, "count": 7}]},
    )
    with django_assert_num_queries(0):
        response = get("status=held&page=3", precomputed_counts=counts_class)
    (counts,) = counts_class.made
    assert [question[0] for question in counts.asked] == ["count", "page", "facet_rows", "facet_rows"]
    context = response.context_data
    assert context["paginator"].count == 7 and list(context["page_obj"]) == ["row 5", "row 6"]
    assert [(value.value, value.count) for value in context["facets"]["year"]] == [("2024", 7)]


def test_counts_found_missing_leave_the_rest_of_the_request_live(sessions):
    counts_class = recorded_counts_class(missing=True)
    context = get("status=held", precomputed_counts=counts_class).context_data
    (counts,) = counts_class.made
    # The paginator found them missing: neither it nor the facets ask them anything more.
    assert counts.asked == [("count",)]
    assert context["paginator"].count == 4
    assert [(value.value, value.count) for value in context["facets"]["year"]] == [("2024", 3), ("2023", 1)]


def test_no_precomputed_counts_are_made_for_a_list_without_them(sessions):
    view = SessionList()
    view.setup(RequestFactory().get(PATH))
    view.filterset = view.get_filterset(SessionFilter)
    assert view.precomputed is None


# ListPaginator on its own.


def test_the_paginator_reads_the_count_and_the_page_from_the_counts_when_they_answer(
    sessions, django_assert_num_queries
):
    counts = RecordedCounts(total=5, rows=["a", "b", "c", "d", "e"])
    paginator = ListPaginator(Conference.objects.all(), 2, precomputed=counts)
    with django_assert_num_queries(0):
        page = paginator.page(3)
        assert (paginator.count, paginator.num_pages, list(page)) == (5, 3, ["e"])
    assert counts.asked == [("count",), ("page", 4, 5)]


def test_the_paginator_counts_and_slices_live_when_the_counts_do_not_answer(sessions, django_assert_num_queries):
    counts = RecordedCounts(rows=["never", "read"])
    paginator = ListPaginator(Conference.objects.order_by("pk"), 2, precomputed=counts)
    with django_assert_num_queries(2):  # COUNT, then the page's rows by OFFSET
        page = list(paginator.page(2))
    assert paginator.count == 5
    assert page == list(Conference.objects.order_by("pk")[2:4])
    assert counts.asked == [("count",)], "a count the counts do not give means their page is not asked either"


def test_the_paginator_slices_live_when_only_the_page_is_not_answered(sessions, django_assert_num_queries):
    counts = RecordedCounts(total=5)
    paginator = ListPaginator(Conference.objects.order_by("pk"), 2, precomputed=counts)
    with django_assert_num_queries(1):  # the page's rows; the count is read from the counts
        page = list(paginator.page(3))
    assert page == list(Conference.objects.order_by("pk")[4:5])
    assert counts.asked == [("count",), ("page", 4, 5)]


def test_an_empty_first_page_asks_the_counts_for_no_rows(empty_database):
    counts = RecordedCounts(total=0, rows=[])
    page = ListPaginator(Conference.objects.all(), 2, precomputed=counts).page(1)
    assert list(page) == [] and counts.asked == [("count",)]


def test_the_paginator_gives_orphans_to_the_last_page_from_the_counts_too():
    counts = RecordedCounts(total=5, rows=["a", "b", "c", "d", "e"])
    paginator = ListPaginator(Conference.objects.none(), 2, orphans=1, precomputed=counts)
    assert paginator.num_pages == 2
    assert list(paginator.page(2)) == ["c", "d", "e"]
