"""Server-side SVG charts (conferences.charts) on the group pages, with figures added in the test database."""

import re
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation

from conferences.charts import _layout, series_charts, share_charts
from conferences.figure_selectors import comparable_groups
from conferences.models import Conference, IndicatorReport

pytestmark = pytest.mark.django_db

NORTH_EXPORTS = "hanoimoi-north-28-x-2024-exports"


def english(name, **kwargs):
    with translation.override("en"):
        return reverse(name, kwargs=kwargs or None)


def copy_figure(original, new_slug, **changes):
    """A copy of a real figure with some fields changed, saved in the test database."""
    report = IndicatorReport.objects.get(slug=original)
    report.pk = None
    report.slug = new_slug
    for name, value in changes.items():
        setattr(report, name, value)
    report.save()
    return report


def add_north_exports_for_2023(**changes):
    """Northern exports for the first 6 months of 2023, as if session IX had reported them."""
    fields = {
        "conference": Conference.objects.get(slug="north-28-ix-2023"),
        "period_start": date(2023, 1, 1),
        "period_end": date(2023, 6, 30),
        "period_label": "6 tháng đầu năm 2023",
        "value": Decimal("101.5e9"),
        "value_as_written": "101,5 tỷ USD",
        "qualifier": "actual",
        "growth_pct": None,
    }
    return copy_figure(NORTH_EXPORTS, "test-north-28-ix-2023-exports", **(fields | changes))


def figures_of(page):
    return re.findall(r'<figure class="chart" id="([^"]+)">(.*?)</figure>', page, re.S)


def chart(page, chart_id):
    return dict(figures_of(page))[chart_id]


# The real data: charts only where there are at least two points


def test_the_real_data_has_no_series_chart_since_no_group_reports_two_comparable_periods(client):
    for slug in ("north-28", "south-20", "north-central-6"):
        page = client.get(english("regions:region_detail", slug=slug)).content.decode()
        assert [chart_id for chart_id, _ in figures_of(page) if not chart_id.startswith("shares-")] == []


def test_a_single_figure_is_a_table_row_not_a_chart():
    reports = IndicatorReport.objects.filter(slug=NORTH_EXPORTS).select_related("indicator", "conference")
    [group] = comparable_groups(reports=reports)
    assert series_charts(group, chart_id="c") == []


def test_the_northern_export_shares_are_a_chart_with_the_rest_labelled(client):
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


def test_the_share_chart_in_vietnamese_uses_vietnamese_numbers(client):
    page = client.get("/regions/north-28/").content.decode()
    markup = chart(page, "shares-1")
    assert "Thái Nguyên: 14,7%" in markup and "58,3%" in markup and "120,7 tỷ USD" in markup
    assert '<title id="shares-1-title">' in markup


def test_a_single_provincial_share_is_not_a_chart():
    parts = list(
        IndicatorReport.objects.filter(slug="hanoimoi-north-28-x-2024-exports-hai-phong").select_related(
            "indicator", "province", "conference"
        )
    )
    assert share_charts(parts=parts) == []


def test_shares_adding_up_to_more_than_the_whole_are_said_to(client):
    IndicatorReport.objects.filter(slug="hanoimoi-north-28-x-2024-exports-hai-phong").update(share_pct=Decimal(80))
    page = client.get(english("regions:region_detail", slug="north-28")).content.decode()
    markup = chart(page, "shares-1")
    assert "The shares stated add up to more than 100%." in markup
    assert "chart-bar-light" not in markup


def add_north_shares_for_2023():
    """Two provinces' shares of the northern exports at session IX (2023), with the group's total."""
    total = add_north_exports_for_2023()
    for province_slug, share in (("thai-nguyen", Decimal("15.1")), ("bac-giang", Decimal("12.2"))):
        copy_figure(
            f"{NORTH_EXPORTS}-{province_slug}",
            f"test-north-28-ix-2023-exports-{province_slug}",
            conference=total.conference,
            period_start=total.period_start,
            period_end=total.period_end,
            period_label=total.period_label,
            share_pct=share,
        )


def test_the_group_page_draws_only_the_latest_session_that_stated_shares(client):
    add_north_shares_for_2023()
    page = client.get(english("regions:region_detail", slug="north-28")).content.decode()
    shares = [markup for chart_id, markup in figures_of(page) if chart_id.startswith("shares-")]
    assert len(shares) == 1 and "first 6 months of 2024" in shares[0]
    assert "Drawn for the latest session that stated such shares:" in page
    assert 'href="/en/conferences/north-28-x-2024/"' in page.split("Drawn for the latest session")[1][:200]


# Figures added in the test database


def test_two_comparable_periods_make_a_chart_with_its_text_alternative_and_table(client, django_assert_num_queries):
    add_north_exports_for_2023()
    with django_assert_num_queries(6):  # the data version; the same as without the chart
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


def test_the_chart_is_in_the_pages_language(client):
    add_north_exports_for_2023()
    page = client.get("/regions/north-28/").content.decode()
    [markup] = [markup for chart_id, markup in figures_of(page) if not chart_id.startswith("shares-")]
    assert "2023: 101,5 tỷ USD; 2024: 120,7 tỷ USD (ước tính)." in markup
    assert "Kim ngạch xuất khẩu — 6 tháng đầu năm</title>" in markup


def test_svg_coordinates_never_take_the_pages_decimal_comma(client):
    add_north_exports_for_2023()
    page = client.get("/regions/north-28/").content.decode()
    for _, markup in figures_of(page):
        svg = markup[markup.index("<svg") : markup.index("</svg>")]
        for name, value in re.findall(r'\s(x|y|x1|y1|x2|y2|width|height|viewBox|d)="([^"]*)"', svg):
            assert "," not in value, (name, value)


def test_charts_use_presentation_attributes_not_inline_styles(client):
    add_north_exports_for_2023()
    page = client.get(english("regions:region_detail", slug="north-28")).content.decode()
    for _, markup in figures_of(page):
        assert "style=" not in markup and "<style" not in markup and "<script" not in markup


def test_only_comparable_periods_share_a_chart(client):
    add_north_exports_for_2023()
    # A nine-month figure for 2023: comparable with 2022's nine months, not with the six-month figures.
    add_north_exports_for_2023(
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


def test_counts_above_different_thresholds_are_separate_charts(client):
    for slug, value in (("positive", 20), ("10pct", 9)):
        copy_figure(
            f"hanoimoi-north-28-x-2024-provinces-iip-{slug}",
            f"test-2023-provinces-iip-{slug}",
            conference=Conference.objects.get(slug="north-28-ix-2023"),
            period_start=date(2023, 1, 1),
            period_end=date(2023, 6, 30),
            period_label="6 tháng đầu năm 2023",
            value=Decimal(value),
            value_as_written=f"{value}/28 tỉnh",
        )
    page = client.get(english("regions:region_detail", slug="north-28")).content.decode()
    titles = [t for t in re.findall(r'<title id="chart-[^"]+">([^<]+)</title>', page) if "month" in t]
    assert titles == [
        "Provinces by IIP growth — first 6 months (growth &gt; 0%)",
        "Provinces by IIP growth — first 6 months (growth ≥ 10%)",
    ]


def test_a_more_than_figure_ends_in_an_arrow_with_a_legend(client):
    add_north_exports_for_2023(qualifier="lower_bound", value_as_written="101,5 tỷ USD")
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
