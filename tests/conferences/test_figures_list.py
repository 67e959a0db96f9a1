"""The figures list: filters, facets, sorting, comparable groups, bad input."""

from datetime import date
from types import SimpleNamespace

import factories
import pytest

from conferences.figure_count_rebuild import rebuild_figure_counts
from conferences.figure_periods import period_kind
from conferences.models import IndicatorReport

pytestmark = pytest.mark.django_db

LIST = "/figures/"
EN_LIST = "/en/figures/"
# filter form choices (region, province, indicator; a session and a source are offered only once
# chosen; kept for the rest of the load: portal.per_load), then, from the counts (FigureCount): count,
# where the page starts, the page, and every facet with the kinds of period in one query
CHOICES = 3
LIST_QUERIES = CHOICES + 4
# Counted live instead: count, the page by OFFSET, five facets and the kinds of period one by one
LIVE_LIST_QUERIES = CHOICES + 2 + 6


def results(response):
    return [report.slug for report in response.context["object_list"]]


def count(response):
    return response.context["paginator"].count


@pytest.fixture
def figures(empty_database):
    """Nine figures that differ in exactly the ways the list filters, counts, groups and sorts by."""
    north, south, central = (factories.region(slug=slug) for slug in ("north-28", "south-20", "north-central-6"))
    north_x = factories.conference(region=north, year=2024, session_number=10, slug="north-28-x-2024")
    north_viii = factories.conference(region=north, year=2022, session_number=8)
    south_x = factories.conference(region=south, year=2024, session_number=10)
    central_x = factories.conference(region=central, year=2022, session_number=10)
    exports = factories.indicator(
        code="export_turnover", unit="USD", name_vi="Kim ngạch xuất khẩu", name_en="Export turnover"
    )
    retail = factories.indicator(code="retail_sales", unit="VND")
    clusters = factories.indicator(code="industrial_clusters", unit="count")
    hai_phong, hoa_binh = factories.province(slug="hai-phong"), factories.province(slug="hoa-binh")
    first_6_months_2024 = {"period_start": date(2024, 1, 1), "period_end": date(2024, 6, 30)}
    first_9_months = {"period_start": date(2022, 1, 1), "period_end": date(2022, 9, 30), "period_label": "9 tháng"}
    return SimpleNamespace(
        north_exports=factories.figure(
            conference=north_x,
            indicator=exports,
            value="120700000000",
            value_as_written="120,7 tỷ USD",
            growth_pct="18.3",
            qualifier="estimate",
            **first_6_months_2024,
        ),
        hai_phong_exports=factories.figure(
            conference=north_x, indicator=exports, province=hai_phong, value="16000000000", **first_6_months_2024
        ),
        north_exports_2022=factories.figure(
            conference=north_viii, indicator=exports, value="160870000000", **first_9_months
        ),
        hoa_binh_exports=factories.figure(
            conference=north_viii,
            indicator=exports,
            province=hoa_binh,
            value="1056800000",
            qualifier="estimate",
            **first_9_months,
        ),
        north_retail_2022=factories.figure(
            conference=north_viii, indicator=retail, value="1612900000000000", **first_9_months
        ),
        south_exports=factories.figure(
            conference=south_x,
            indicator=exports,
            value="108400000000",
            qualifier="estimate",
            period_start=date(2024, 1, 1),
            period_end=date(2024, 9, 30),
            period_label="9 tháng đầu năm 2024",
        ),
        south_clusters=factories.figure(
            conference=south_x, indicator=clusters, value="186", period_start=None, period_end=date(2024, 6, 30)
        ),
        central_retail_2021=factories.figure(
            conference=central_x,
            indicator=retail,
            value="370461000000000",
            qualifier="lower_bound",
            period_start=date(2021, 1, 1),
            period_end=date(2021, 12, 31),
            period_label="Năm 2021",
        ),
        country_retail=factories.figure(
            conference=central_x,
            indicator=retail,
            scope="country",
            value="1318000000000000",
            period_start=date(2022, 1, 1),
            period_end=date(2022, 3, 31),
            period_label="Quý I/2022",
        ),
    )


def test_the_list_runs_a_fixed_number_of_queries(client, django_assert_num_queries):
    with django_assert_num_queries(1 + LIST_QUERIES):  # the data version, then the view's
        response = client.get(LIST)
    assert response.status_code == 200
    assert count(response) == IndicatorReport.objects.count() > 0


def test_the_query_count_does_not_depend_on_the_data(client, django_assert_num_queries):
    # The chosen group and indicator are each looked up once, by the list's filters; the facets reuse them.
    with django_assert_num_queries(1 + LIST_QUERIES + 2):  # the data version, then the view's
        response = client.get(EN_LIST, {"region": "north-28", "indicator": "export_turnover", "sort": "-value"})
    assert response.status_code == 200


def test_the_journalists_task(client, figures):
    """The northern region's export turnover for the first half of 2024, with its source sentence."""
    response = client.get(
        LIST, {"region": "north-28", "indicator": "export_turnover", "year": "2024", "scope": "region"}
    )
    assert response.status_code == 200
    assert list(response.context["object_list"]) == [figures.north_exports]
    page = response.content.decode()
    assert "120,7 tỷ USD" in page and "+18,3%" in page
    assert f'href="/figures/{figures.north_exports.slug}/"' in page


@pytest.mark.parametrize(("counts_built", "queries"), [(True, LIST_QUERIES), (False, 1 + LIVE_LIST_QUERIES)])
def test_rows_read_only_what_the_tables_show(client, figures, django_assert_num_queries, counts_built, queries):
    """A figure's quote, notes and search columns are on its own page; rendering a row reads nothing more.
    Counted live, the list asks for the counts once, then counts everything live."""
    if counts_built:
        rebuild_figure_counts()
    with django_assert_num_queries(1 + 1 + queries):  # the data version, the indicator, the view's
        response = client.get(LIST, {"indicator": "export_turnover"})
    report = response.context["object_list"][0]
    assert {"quote", "note_vi", "search_text", "source_id"} <= report.get_deferred_fields()
    page = response.content.decode()
    assert "120,7 tỷ USD" in page and "+18,3%" in page and "ước tính" in page


def test_english_pages_use_english_number_formats(client, figures):
    page = client.get(EN_LIST, {"indicator": "export_turnover"}).content.decode()
    assert '<html lang="en">' in page
    assert "USD 120.7 billion" in page and "+18.3%" in page
    assert f'href="/en/figures/{figures.north_exports.slug}/"' in page
    assert "Export turnover — first 6 months" in page and "Export turnover — first 9 months" in page


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        (
            {"indicator": "export_turnover"},
            {"north_exports", "hai_phong_exports", "north_exports_2022", "hoa_binh_exports", "south_exports"},
        ),
        ({"scope": "province"}, {"hai_phong_exports", "hoa_binh_exports"}),
        ({"scope": "country"}, {"country_retail"}),
        ({"qualifier": "estimate"}, {"north_exports", "hoa_binh_exports", "south_exports"}),
        ({"qualifier": "lower_bound"}, {"central_retail_2021"}),
        (
            {"period": "first-9-months"},
            {"north_exports_2022", "hoa_binh_exports", "north_retail_2022", "south_exports"},
        ),
        ({"period": "first-6-months"}, {"north_exports", "hai_phong_exports"}),
        ({"period": "quarter-1"}, {"country_retail"}),
        ({"period": "full-year"}, {"central_retail_2021"}),
        ({"period": "stock"}, {"south_clusters"}),
        ({"period": "last-6-months"}, set()),
        ({"year": "2024"}, {"north_exports", "hai_phong_exports", "south_exports", "south_clusters"}),
        ({"year": "2021"}, {"central_retail_2021"}),
        (
            {"year": "2022-2024"},
            {
                "north_exports",
                "hai_phong_exports",
                "north_exports_2022",
                "hoa_binh_exports",
                "north_retail_2022",
                "south_exports",
                "south_clusters",
                "country_retail",
            },
        ),
        ({"region": "north-central-6"}, {"central_retail_2021", "country_retail"}),
        ({"province": "hoa-binh"}, {"hoa_binh_exports"}),
        ({"conference": "north-28-x-2024"}, {"north_exports", "hai_phong_exports"}),
        (
            {"indicator": "export_turnover", "period": "first-9-months", "year": "2022"},
            {"north_exports_2022", "hoa_binh_exports"},
        ),
    ],
)
def test_filters(client, figures, params, expected):
    response = client.get(LIST, params)
    assert response.status_code == 200
    assert sorted(results(response)) == sorted(getattr(figures, name).slug for name in expected)
    assert count(response) == len(expected)


def test_a_source_filter_keeps_that_sources_figures(client, figures):
    source = figures.south_exports.source
    assert sorted(results(client.get(LIST, {"source": source.slug}))) == sorted(
        figures.south_exports.source.reports.values_list("slug", flat=True)
    )
    assert sorted(results(client.get(LIST, {"source": source.slug}))) == sorted(
        [figures.south_exports.slug, figures.south_clusters.slug]
    )


def test_sessions_and_sources_are_not_offered_until_one_is_chosen(client, figures):
    """Hundreds of them at scale: a session's or a source's page links its figures instead."""
    page = client.get(LIST).content.decode()
    assert 'name="conference"' not in page and 'name="source"' not in page
    assert 'name="region"' in page and 'name="province"' in page
    assert figures.north_exports.conference.slug not in page.split('<form method="get"')[1].split("</form>")[0]
    assert 'href="/conferences/"' in page and 'href="/sources/"' in page


def test_a_chosen_session_and_source_are_offered_alone_beside_all(client, figures, django_assert_num_queries):
    source = figures.north_exports.source
    # The data version, a lookup each, then the view's: counted live (no page position to find).
    with django_assert_num_queries(1 + 2 + LIVE_LIST_QUERIES):
        response = client.get(LIST, {"conference": "north-28-x-2024", "source": source.slug})
    assert figures.north_exports in response.context["object_list"]
    form = response.content.decode().split('<form method="get"')[1].split("</form>")[0]
    conference_select = form.split('<select name="conference"')[1].split("</select>")[0]
    assert conference_select.count("<option") == 2
    assert '<option value="north-28-x-2024" selected>' in conference_select
    source_select = form.split('<select name="source"')[1].split("</select>")[0]
    assert source_select.count("<option") == 2
    assert f'<option value="{source.slug}" selected lang="vi">' in source_select


def test_an_unknown_session_is_offered_as_all_with_the_problem(client, figures):
    response = client.get(LIST, {"conference": "no-such-session"})
    assert response.status_code == 400
    form = response.content.decode().split('<form method="get"')[1].split("</form>")[0]
    conference_select = form.split('<select name="conference"')[1].split("</select>")[0]
    assert conference_select.count("<option") == 1
    assert 'class="field-error" id="id_conference_error"' in form


def test_the_filters_agree_with_the_data(client):
    everything = list(IndicatorReport.objects.select_related("indicator"))
    for code, params in [("export_turnover", {"indicator": "export_turnover"})]:
        assert count(client.get(LIST, params)) == sum(r.indicator.code == code for r in everything)
    assert count(client.get(LIST, {"scope": "province"})) == sum(r.scope == "province" for r in everything)
    nine = [r for r in everything if period_kind(r.period_start, r.period_end, r.is_stock).code == "first-9-months"]
    assert sorted(every_result(client, {"period": "first-9-months"})) == sorted(r.slug for r in nine)


def every_result(client, params) -> list[str]:
    """The slugs listed on every page of the filtered list (it shows 25 a page)."""
    first = client.get(LIST, params)
    found = results(first)
    for number in range(2, first.context["paginator"].num_pages + 1):
        found += results(client.get(LIST, {**params, "page": number}))
    assert len(found) == count(first)
    return found


def test_the_period_filter_keeps_six_and_nine_months_apart(client):
    six = client.get(LIST, {"indicator": "export_turnover", "period": "first-6-months"}).context["object_list"]
    assert {report.period_end.month for report in six} == {6}
    assert {report.period_start.isoformat()[5:] for report in six} == {"01-01"}


@pytest.mark.parametrize("counts", ["live", "from FigureCount"])
def test_facets_count_what_choosing_each_value_would_give(client, figures, counts):
    if counts == "from FigureCount":
        rebuild_figure_counts()
    facets = client.get(EN_LIST, {"indicator": "export_turnover"}).context["facets"]
    assert {value.value: value.count for value in facets["period"]} == {"first-6-months": 2, "first-9-months": 3}
    assert [value.label for value in facets["period"]] == ["first 6 months", "first 9 months"]
    assert {value.value: value.count for value in facets["scope"]} == {"province": 2, "region": 3}
    assert {value.value: value.count for value in facets["year"]} == {"2024": 3, "2022": 2}
    assert [value.value for value in facets["year"]] == ["2024", "2022"]
    assert {value.value: value.count for value in facets["region"]} == {"north-28": 4, "south-20": 1}
    indicators = {value.value: (value.count, value.selected) for value in facets["indicator"]}
    assert indicators["export_turnover"] == (5, True)
    assert indicators["retail_sales"] == (3, False)
    assert sum(value.count for value in facets["qualifier"]) == 5
    period = next(value for value in facets["period"] if value.value == "first-9-months")
    assert "period=first-9-months" in period.query and "indicator=export_turnover" in period.query


def test_a_selected_period_kind_is_marked_and_counts_ignore_it(client, figures):
    facets = client.get(LIST, {"period": "stock"}).context["facets"]
    stock = next(value for value in facets["period"] if value.value == "stock")
    assert stock.selected and stock.count == 1
    assert sum(value.count for value in facets["period"]) == len(vars(figures))


def test_each_table_holds_one_indicator_over_one_kind_of_period(client, figures):
    response = client.get(EN_LIST)
    groups = response.context["groups"]
    for group in groups:
        assert {report.indicator_id for report in group.reports} == {group.indicator.pk}
        assert {report.period_kind for report in group.reports} == {group.kind}
    keys = [(group.indicator.code, group.kind.code) for group in groups]
    assert len(keys) == len(set(keys))
    exports = [group for group in groups if group.indicator.code == "export_turnover"]
    assert [group.kind.code for group in exports] == ["first-9-months", "first-6-months"]


def test_figures_of_different_kinds_land_in_different_groups(client, figures):
    response = client.get(EN_LIST, {"indicator": "export_turnover", "year": "2024"})
    groups = response.context["groups"]
    assert [(group.kind.code, len(group.reports)) for group in groups] == [("first-9-months", 1), ("first-6-months", 2)]
    [(indicator, kinds)] = response.context["not_comparable"]
    assert indicator.code == "export_turnover"
    assert [kind.code for kind in kinds] == ["first-9-months", "first-6-months"]
    page = response.content.decode()
    assert "Not comparable across tables." in page
    assert "Export turnover is listed for different kinds of period (first 9 months, first 6 months)" in page


def test_no_notice_when_every_table_is_a_different_indicator(client, figures):
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


def test_sort_by_period_and_region(client, figures):
    by_period = client.get(LIST, {"sort": "period"}).context["object_list"]
    assert by_period[0] == figures.central_retail_2021
    latest = client.get(LIST, {"sort": "-period"}).context["object_list"]
    assert latest[0] == figures.south_exports
    by_region = client.get(LIST, {"sort": "region"}).context["object_list"]
    regions = [report.conference.region.position for report in by_region]
    assert regions == sorted(regions) and len(set(regions)) == 3


def test_pagination(client, empty_database):
    for _ in range(31):
        factories.figure()
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
