"""The figures list: filters, facets, sorting, comparable groups, bad input."""

from decimal import Decimal

import pytest

from conferences.figure_periods import period_kind
from conferences.models import IndicatorReport

pytestmark = pytest.mark.django_db

LIST = "/figures/"
EN_LIST = "/en/figures/"
# filter form choices (region, province, indicator, conference, source), count, where the page
# starts, the page, five facets and the kind of period (the counts and the facets read FigureCount)
LIST_QUERIES = 14


def results(response):
    return [report.slug for report in response.context["object_list"]]


def count(response):
    return response.context["paginator"].count


def test_the_list_runs_a_fixed_number_of_queries(client, django_assert_num_queries):
    with django_assert_num_queries(1 + LIST_QUERIES):  # the data version, then the view's
        response = client.get(LIST)
    assert response.status_code == 200
    assert count(response) == IndicatorReport.objects.count() == 31


def test_the_query_count_does_not_depend_on_the_data(client, django_assert_num_queries):
    # The chosen group and indicator are each looked up once, by the list's filters; the facets reuse them.
    with django_assert_num_queries(1 + LIST_QUERIES + 2):  # the data version, then the view's
        response = client.get(EN_LIST, {"region": "north-28", "indicator": "export_turnover", "sort": "-value"})
    assert response.status_code == 200


def test_the_journalists_task(client):
    """The northern region's export turnover for the first half of 2024, with its source sentence."""
    response = client.get(
        LIST, {"region": "north-28", "indicator": "export_turnover", "year": "2024", "scope": "region"}
    )
    assert response.status_code == 200
    [report] = response.context["object_list"]
    assert (report.value, report.unit, report.qualifier) == (Decimal("120700000000"), "USD", "estimate")
    assert (report.period_start.isoformat(), report.period_end.isoformat()) == ("2024-01-01", "2024-06-30")
    page = response.content.decode()
    assert "120,7 tỷ USD" in page and "+18,3%" in page
    assert 'href="/figures/hanoimoi-north-28-x-2024-exports/"' in page


def test_english_pages_use_english_number_formats(client):
    page = client.get(EN_LIST, {"indicator": "export_turnover"}).content.decode()
    assert '<html lang="en">' in page
    assert "USD 120.7 billion" in page and "+18.3%" in page
    assert 'href="/en/figures/hanoimoi-north-28-x-2024-exports/"' in page
    assert "Export turnover — first 6 months" in page and "Export turnover — first 9 months" in page


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"indicator": "export_turnover"}, 8),
        ({"scope": "province"}, 6),
        ({"scope": "country"}, 2),
        ({"qualifier": "estimate"}, 10),
        ({"qualifier": "lower_bound"}, 3),
        ({"period": "first-9-months"}, 13),
        ({"period": "first-6-months"}, 8),
        ({"period": "quarter-1"}, 2),
        ({"period": "full-year"}, 2),
        ({"period": "stock"}, 6),
        ({"period": "last-6-months"}, 0),
        ({"year": "2024"}, 19),
        ({"year": "2022-2024"}, 28),
        ({"year": "2016"}, 1),
        ({"region": "north-central-6"}, 4),
        ({"province": "hoa-binh"}, 3),
        ({"conference": "north-28-x-2024"}, 8),
        ({"source": "plvn-south-20-x-2024"}, 11),
        ({"indicator": "export_turnover", "period": "first-9-months", "year": "2022"}, 2),
    ],
)
def test_filters(client, params, expected):
    response = client.get(LIST, params)
    assert response.status_code == 200
    assert count(response) == expected


def test_the_filters_agree_with_the_data(client):
    everything = list(IndicatorReport.objects.select_related("indicator"))
    for code, params in [("export_turnover", {"indicator": "export_turnover"})]:
        assert count(client.get(LIST, params)) == sum(r.indicator.code == code for r in everything)
    assert count(client.get(LIST, {"scope": "province"})) == sum(r.scope == "province" for r in everything)
    nine = [r for r in everything if period_kind(r.period_start, r.period_end, r.is_stock).code == "first-9-months"]
    assert sorted(results(client.get(LIST, {"period": "first-9-months"}))) == sorted(r.slug for r in nine)


def test_the_period_filter_keeps_six_and_nine_months_apart(client):
    six = client.get(LIST, {"indicator": "export_turnover", "period": "first-6-months"}).context["object_list"]
    assert {report.period_end.month for report in six} == {6}
    assert {report.period_start.isoformat()[5:] for report in six} == {"01-01"}


def test_facets_count_what_choosing_each_value_would_give(client):
    facets = client.get(EN_LIST, {"indicator": "export_turnover"}).context["facets"]
    assert {value.value: value.count for value in facets["period"]} == {
        "first-6-months": 4,
        "first-9-months": 3,
        "full-year": 1,
    }
    assert [value.label for value in facets["period"]] == ["first 6 months", "first 9 months", "full year"]
    assert {value.value: value.count for value in facets["scope"]} == {"province": 4, "region": 4}
    assert {value.value: value.count for value in facets["year"]} == {"2024": 5, "2022": 2, "2021": 1}
    assert [value.value for value in facets["year"]] == ["2024", "2022", "2021"]
    assert {value.value: value.count for value in facets["region"]} == {
        "north-28": 6,
        "south-20": 1,
        "north-central-6": 1,
    }
    indicators = {value.value: (value.count, value.selected) for value in facets["indicator"]}
    assert indicators["export_turnover"] == (8, True)
    assert indicators["retail_sales"] == (7, False)
    assert sum(value.count for value in facets["qualifier"]) == 8
    period = next(value for value in facets["period"] if value.value == "first-9-months")
    assert "period=first-9-months" in period.query and "indicator=export_turnover" in period.query


def test_a_selected_period_kind_is_marked_and_counts_ignore_it(client):
    facets = client.get(LIST, {"period": "stock"}).context["facets"]
    stock = next(value for value in facets["period"] if value.value == "stock")
    assert stock.selected and stock.count == 6
    assert sum(value.count for value in facets["period"]) == 31


def test_each_table_holds_one_indicator_over_one_kind_of_period(client):
    response = client.get(EN_LIST)
    groups = response.context["groups"]
    for group in groups:
        assert {report.indicator_id for report in group.reports} == {group.indicator.pk}
        assert {report.period_kind for report in group.reports} == {group.kind}
    keys = [(group.indicator.code, group.kind.code) for group in groups]
    assert len(keys) == len(set(keys))
    exports = [group for group in groups if group.indicator.code == "export_turnover"]
    assert [group.kind.code for group in exports] == ["first-9-months", "first-6-months", "full-year"]


def test_figures_of_different_kinds_land_in_different_groups(client):
    response = client.get(EN_LIST, {"indicator": "export_turnover", "year": "2024"})
    groups = response.context["groups"]
    assert [(group.kind.code, len(group.reports)) for group in groups] == [("first-9-months", 1), ("first-6-months", 4)]
    [(indicator, kinds)] = response.context["not_comparable"]
    assert indicator.code == "export_turnover"
    assert [kind.code for kind in kinds] == ["first-9-months", "first-6-months"]
    page = response.content.decode()
    assert "Not comparable across tables." in page
    assert "Export turnover is listed for different kinds of period (first 9 months, first 6 months)" in page


def test_no_notice_when_every_table_is_a_different_indicator(client):
    response = client.get(EN_LIST, {"period": "first-6-months"})
    assert response.context["not_comparable"] == []
    assert "Not comparable across tables." not in response.content.decode()


def test_sort_by_value_compares_within_an_indicator(client):
    response = client.get(LIST, {"indicator": "export_turnover", "sort": "-value"})
    values = [report.value for report in response.context["object_list"]]
    assert values == sorted(values, reverse=True)
    reports = list(client.get(LIST, {"sort": "value"}).context["object_list"])
    ascending = [r.value for r in reports]
    positions = [report.indicator.position for report in reports]
    assert positions == sorted(positions)
    exports = [r.value for r in reports if r.indicator.code == "export_turnover"]
    assert exports == sorted(exports) and ascending


def test_sort_by_period_and_region(client):
    by_period = client.get(LIST, {"sort": "period"}).context["object_list"]
    assert by_period[0].slug == "north-28-2016-industrial-production-value"
    latest = client.get(LIST, {"sort": "-period"}).context["object_list"]
    assert latest[0].period_end.isoformat() == "2024-09-30"
    by_region = client.get(LIST, {"sort": "region"}).context["object_list"]
    regions = [report.conference.region.position for report in by_region]
    assert regions == sorted(regions)


def test_pagination(client):
    first = client.get(LIST)
    assert len(first.context["object_list"]) == 25
    second = client.get(LIST, {"page": "2"})
    assert len(second.context["object_list"]) == 6
    assert not set(results(first)) & set(results(second))


def test_an_unknown_page_is_a_404(client):
    assert client.get(LIST, {"page": "999999"}).status_code == 404


@pytest.mark.parametrize(
    ("params", "label"),
    [
        ({"indicator": "nope"}, "Indicator"),
        ({"year": "abc"}, "Year of the period's end, or range"),
        ({"year": "2024-2022"}, "Year of the period's end, or range"),
        ({"period": "nope"}, "Kind of period"),
        ({"period": "first-3-months"}, "Kind of period"),
        ({"sort": "nope"}, "Sort by"),
        ({"region": "atlantis"}, "Conference group"),
        ({"scope": "planet"}, "Scope"),
        ({"qualifier": "maybe"}, "Qualifier"),
    ],
)
def test_bad_input_gets_the_page_with_a_clear_message_and_400(client, params, label):
    response = client.get(EN_LIST, params)
    assert response.status_code == 400
    problems = response.context["query_problems"]
    assert problems and problems[0].startswith(f"{label}: ")
    assert results(response) == []
    page = response.content.decode()
    assert 'role="alert"' in page
    assert "Some of the filters could not be used" in page


def test_bad_input_in_vietnamese_is_also_a_400(client):
    assert client.get(LIST, {"year": "abc"}).status_code == 400
