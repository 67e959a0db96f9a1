"""Server-side SVG charts (conferences.group_charts) on the group pages, over figures each test builds."""

import re
from datetime import date
from decimal import Decimal
from types import SimpleNamespace

import factories
import pytest
from django.urls import reverse
from django.utils import translation

from conferences.figure_selectors import comparable_groups
from conferences.group_charts import _layout, series_charts, share_charts
from conferences.models import IndicatorReport

pytestmark = pytest.mark.django_db


def english(name, **kwargs):
    with translation.override("en"):
        return reverse(name, kwargs=kwargs or None)


@pytest.fixture
def north(empty_database):
    """The northern group's sessions VIII to X, with the figures its page draws or declines to draw.

    Session X (2024): the group's exports for the first 6 months (an estimate) and three provinces'
    shares of it; session VIII (2022): the exports for the first 9 months. No two comparable periods, so
    no series chart until a test adds one.
    """
    group = factories.region(slug="north-28")
    viii, ix, x = (
        factories.conference(region=group, year=year, session_number=number, slug=slug)
        for year, number, slug in (
            (2022, 8, "north-28-viii-2022"),
            (2023, 9, "north-28-ix-2023"),
            (2024, 10, "north-28-x-2024"),
        )
    )
    exports = factories.indicator(
        code="export_turnover", unit="USD", name_vi="Kim ngạch xuất khẩu", name_en="Export turnover"
    )
    total = factories.figure(
        conference=x, indicator=exports, value="120700000000", value_as_written="120,7 tỷ USD", qualifier="estimate"
    )
    shares = {
        name: factories.figure(
            conference=x,
            indicator=exports,
            province=factories.province(name=name),
            value=value,
            value_as_written=written,
            share_pct=Decimal(share),
            share_of="region",
        )
        for name, value, written, share in (
            ("Thái Nguyên", "17800000000", "17,8 tỷ USD", "14.7"),
            ("Bắc Giang", "16500000000", "16,5 tỷ USD", "13.7"),
            ("Hải Phòng", "16000000000", "16 tỷ USD", "13.3"),
        )
    }
    factories.figure(
        conference=viii,
        indicator=exports,
        value="160870000000",
        value_as_written="160,87 tỷ USD",
        qualifier="estimate",
        period_start=date(2022, 1, 1),
        period_end=date(2022, 9, 30),
        period_label="9 tháng đầu năm 2022",
    )
    return SimpleNamespace(region=group, ix=ix, x=x, exports=exports, total=total, shares=shares)


def add_north_exports_for_2023(north, **changes):
    """Northern exports for the first 6 months of 2023, as if session IX had reported them."""
    fields = {
        "conference": north.ix,
        "indicator": north.exports,
        "period_start": date(2023, 1, 1),
        "period_end": date(2023, 6, 30),
        "period_label": "6 tháng đầu năm 2023",
        "value": Decimal("101.5e9"),
        "value_as_written": "101,5 tỷ USD",
        "qualifier": "actual",
    }
    return factories.figure(**(fields | changes))


def figures_of(page):
    return re.findall(r'<figure class="chart" id="([^"]+)">(.*?)</figure>', page, re.S)


def chart(page, chart_id):
    return dict(figures_of(page))[chart_id]


# Charts only where there are at least two points


def test_no_series_chart_while_no_two_figures_report_comparable_periods(client, north):
    page = client.get(english("regions:region_detail", slug="north-28")).content.decode()
    assert [chart_id for chart_id, _ in figures_of(page) if not chart_id.startswith("shares-")] == []


def test_a_single_figure_is_a_table_row_not_a_chart(north):
    reports = IndicatorReport.objects.filter(pk=north.total.pk).select_related("indicator", "conference")
    [group] = comparable_groups(reports=reports)
    assert series_charts(group, chart_id="c") == []


def test_the_northern_export_shares_are_a_chart_with_the_rest_labelled(client, north):
    page = client.get(english("regions:region_detail", slug="north-28")).content.decode()
    [(chart_id, markup)] = figures_of(page)
    assert chart_id == "shares-1"
    assert 'role="img" aria-labelledby="shares-1-title shares-1-desc"' in markup
    assert (
        '<title id="shares-1-title">Export turnover, first 6 months of 2024: shares of the group&#x27;s total '
        "by province</title>"
    ) in markup
    assert (
        '<desc id="shares-1-desc">Thái Nguyên: 14.7%; Bắc Giang: 13.7%; Hải Phòng: 13.3%; '
        "Other provinces / not itemised: 58.3%.</desc>"
    ) in markup
    assert "of USD 120.7 billion (estimate)" in markup  # the group's total, with its qualifier
    assert '<details class="chart-data">' in markup and "<summary>Data table</summary>" in markup
    table = markup[markup.index("<table") : markup.index("</table>")]
    assert re.findall(r'<th scope="row">([^<]+)</th>', table) == [
        "Thái Nguyên",
        "Bắc Giang",
        "Hải Phòng",
        "Other provinces / not itemised",
        "The group's total",
    ]
    assert "USD 17.8 billion" in table and "58.3%" in table
    assert markup.count('class="chart-bar chart-bar-light"') == 1  # the rest, drawn lighter


def test_the_share_chart_in_vietnamese_uses_vietnamese_numbers(client, north):
    page = client.get("/regions/north-28/").content.decode()
    markup = chart(page, "shares-1")
    assert "Thái Nguyên: 14,7%" in markup and "58,3%" in markup and "120,7 tỷ USD" in markup
    assert '<title id="shares-1-title">' in markup


def test_a_single_provincial_share_is_not_a_chart(north):
    parts = list(
        IndicatorReport.objects.filter(pk=north.shares["Hải Phòng"].pk).select_related(
            "indicator", "province", "conference"
        )
    )
    assert share_charts(parts=parts) == []


def test_shares_adding_up_to_more_than_the_whole_are_said_to(client, north):
    IndicatorReport.objects.filter(pk=north.shares["Hải Phòng"].pk).update(share_pct=Decimal(80))
    page = client.get(english("regions:region_detail", slug="north-28")).content.decode()
    markup = chart(page, "shares-1")
    assert "The shares stated add up to more than 100%." in markup
    assert "chart-bar-light" not in markup


def add_north_shares_for_2023(north):
    """Two provinces' shares of the northern exports at session IX (2023), with the group's total."""
    total = add_north_exports_for_2023(north)
    for name, share in (("Thái Nguyên", Decimal("15.1")), ("Bắc Giang", Decimal("12.2"))):
        add_north_exports_for_2023(
            north, province=north.shares[name].province, value=Decimal("15e9"), share_pct=share, share_of="region"
        )
    return total


def test_the_group_page_draws_only_the_latest_session_that_stated_shares(client, north):
    add_north_shares_for_2023(north)
    page = client.get(english("regions:region_detail", slug="north-28")).content.decode()
    shares = [markup for chart_id, markup in figures_of(page) if chart_id.startswith("shares-")]
    assert len(shares) == 1 and "first 6 months of 2024" in shares[0]
    assert "Drawn for the latest session that stated such shares:" in page
    assert 'href="/en/conferences/north-28-x-2024/"' in page.split("Drawn for the latest session")[1][:200]


# A second comparable period makes a series chart


def test_two_comparable_periods_make_a_chart_with_its_text_alternative_and_table(
    client, django_assert_num_queries, north
):
    add_north_exports_for_2023(north)
    with django_assert_num_queries(7):  # the data version; the same as without the chart
        response = client.get(english("regions:region_detail", slug="north-28"))
    page = response.content.decode()
    series = [(chart_id, markup) for chart_id, markup in figures_of(page) if not chart_id.startswith("shares-")]
    [(chart_id, markup)] = series
    assert f'role="img" aria-labelledby="{chart_id}-title {chart_id}-desc"' in markup
    assert f'<title id="{chart_id}-title">Export turnover — first 6 months</title>' in markup
    assert f'<desc id="{chart_id}-desc">2023: USD 101.5 billion; 2024: USD 120.7 billion (estimate).</desc>' in markup
    assert "2 figures over time, 2023 to 2024, in the order of their periods." in markup
    assert "The figures are in the table below." in markup
    # The bars: the 2023 figure as reported, the 2024 estimate hatched, with a legend saying so.
    assert markup.count('class="chart-bar chart-bar-solid"') == 1
    assert markup.count('class="chart-bar chart-bar-hatched"') == 1
    assert f'fill="url(#{chart_id}-hatch)"' in markup and ">estimate or forecast</tspan>" in markup
    assert "2022" not in markup  # the nine-month figure of 2022 is not comparable: not in this chart
    # The table right after the chart holds the same figures.
    after = page[page.index(f'<figure class="chart" id="{chart_id}">') :]
    table = after[after.index("<table") : after.index("</table>")]
    assert "First 6 months</caption>" in table
    assert "6 tháng đầu năm 2023" in table and "6 tháng đầu năm 2024" in table


def test_the_chart_is_in_the_pages_language(client, north):
    add_north_exports_for_2023(north)
    page = client.get("/regions/north-28/").content.decode()
    [markup] = [markup for chart_id, markup in figures_of(page) if not chart_id.startswith("shares-")]
    assert "2023: 101,5 tỷ USD; 2024: 120,7 tỷ USD (ước tính)." in markup
    assert "Kim ngạch xuất khẩu — 6 tháng đầu năm</title>" in markup


def test_svg_coordinates_never_take_the_pages_decimal_comma(client, north):
    add_north_exports_for_2023(north)
    page = client.get("/regions/north-28/").content.decode()
    for _, markup in figures_of(page):
        svg = markup[markup.index("<svg") : markup.index("</svg>")]
        for name, value in re.findall(r'\s(x|y|x1|y1|x2|y2|width|height|viewBox|d)="([^"]*)"', svg):
            assert "," not in value, (name, value)


def test_charts_use_presentation_attributes_not_inline_styles(client, north):
    add_north_exports_for_2023(north)
    page = client.get(english("regions:region_detail", slug="north-28")).content.decode()
    for _, markup in figures_of(page):
        assert "style=" not in markup and "<style" not in markup and "<script" not in markup


def test_only_comparable_periods_share_a_chart(client, north):
    add_north_exports_for_2023(north)
    # A nine-month figure for 2023: comparable with 2022's nine months, not with the six-month figures.
    add_north_exports_for_2023(
        north,
        slug="x",
        period_end=date(2023, 9, 30),
        period_label="9 tháng đầu năm 2023",
        value=Decimal("150e9"),
        value_as_written="150 tỷ USD",
    )
    page = client.get(english("regions:region_detail", slug="north-28")).content.decode()
    titles = re.findall(r'<title id="chart-[^"]+">([^<]+)</title>', page)
    assert titles == ["Export turnover — first 6 months", "Export turnover — first 9 months"]
    nine = next(markup for chart_id, markup in figures_of(page) if "first 9 months" in markup)
    assert "2022: USD 160.87 billion (estimate); 2023: USD 150 billion." in nine


def test_counts_above_different_thresholds_are_separate_charts(client, north):
    provinces = factories.indicator(code="provinces_iip_growth", unit="count", name_en="Provinces by IIP growth")
    for session, year in ((north.ix, 2023), (north.x, 2024)):
        for comparator, threshold, value in ((">", 0, 20), ("≥", 10, 9)):
            factories.figure(
                conference=session,
                indicator=provinces,
                period_start=date(year, 1, 1),
                period_end=date(year, 6, 30),
                period_label=f"6 tháng đầu năm {year}",
                value=Decimal(value),
                value_as_written=f"{value}/28 tỉnh",
                unit_as_written="tỉnh",
                denominator=28,
                threshold_comparator=comparator,
                threshold_pct=Decimal(threshold),
            )
    page = client.get(english("regions:region_detail", slug="north-28")).content.decode()
    titles = [t for t in re.findall(r'<title id="chart-[^"]+">([^<]+)</title>', page) if "month" in t]
    assert titles == [
        "Provinces by IIP growth — first 6 months (growth &gt; 0%)",
        "Provinces by IIP growth — first 6 months (growth ≥ 10%)",
    ]


def test_a_more_than_figure_ends_in_an_arrow_with_a_legend(client, north):
    add_north_exports_for_2023(north, qualifier="lower_bound", value_as_written="101,5 tỷ USD")
    page = client.get(english("regions:region_detail", slug="north-28")).content.decode()
    [markup] = [markup for chart_id, markup in figures_of(page) if not chart_id.startswith("shares-")]
    assert "2023: more than USD 101.5 billion" in markup
    assert ">more than: the bar ends at the stated number</tspan>" in markup
    assert markup.count('<path d="M') >= 1


def test_negative_values_extend_left_of_the_zero_line():
    drawn = _layout("c", "t", "d", "c", [("a", -5.0, "solid", False), ("b", 10.0, "solid", False)], lo=-5.0, hi=10.0)
    first, second = drawn.bars
    assert float(first.x) < float(drawn.axis_x) <= float(second.x)
    assert abs(float(first.x) + float(first.width) - float(drawn.axis_x)) < 0.2


def test_long_labels_wrap_onto_two_lines():
    drawn = _layout("c", "t", "d", "c", [("word " * 30, 1.0, "solid", False), ("b", 2.0, "solid", False)], lo=0, hi=2)
    assert len(drawn.bars[0].lines) > 1 and len(drawn.bars[1].lines) == 1
    assert float(drawn.bars[1].y) > float(drawn.bars[0].y)
