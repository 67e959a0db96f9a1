"""Figures drafted from sentences: indicator, scope, phrases, qualifier and period, and what is set aside."""

from pathlib import Path

import pytest
from django.conf import settings

from curation.draft_figures import FigureDrafter
from curation.draft_places import ProvinceNames
from curation.draft_text import normalise, split_sentences
from curation.reference import read_reference


@pytest.fixture(scope="module")
def reference():
    return read_reference(Path(settings.FIXTURE_DIRS[0]) / "reference")


@pytest.fixture
def draft(reference):
    def run(text: str):
        sentences = split_sentences(normalise(text))
        figures, asides = FigureDrafter(sentences, reference, ProvinceNames(reference), "north-28").draft("c")
        return {figure.fields["value_as_written"]: figure for figure in figures}, asides

    return run


def test_provincial_clauses_take_the_sentences_indicator_and_their_own_phrases(draft):
    figures, _ = draft(
        "Trong 6 tháng đầu năm 2025, tình hình khả quan.\n"
        "Kim ngạch xuất khẩu của các địa phương dẫn đầu: Bắc Ninh đạt 30 tỷ USD, chiếm 20,5%, tăng 9%; "
        "Hải Phòng đạt 16,2 tỷ USD, giảm 1,5%."
    )
    bac_ninh, hai_phong = figures["30 tỷ USD"].fields, figures["16,2 tỷ USD"].fields
    assert (bac_ninh["indicator"], bac_ninh["scope"], bac_ninh["province"]) == (
        "export_turnover",
        "province",
        "Bắc Ninh",
    )
    assert bac_ninh["clause"] == "Bắc Ninh đạt 30 tỷ USD, chiếm 20,5%, tăng 9%"
    assert (bac_ninh["share_pct"], bac_ninh["growth_pct"], bac_ninh["value"]) == ("20.5", "9", "30e9")
    assert hai_phong["growth_pct"] == "-1.5"
    assert bac_ninh["period"] == "2025-01-01/2025-06-30"
    assert bac_ninh["period_quote"] == "Trong 6 tháng đầu năm 2025, tình hình khả quan."
    assert "period taken from context" in figures["30 tỷ USD"].comments["period_label"]
    assert "share_of" in figures["30 tỷ USD"].comments  # what it is a share of is not said: a TODO


def test_a_share_of_the_annual_plan_is_drafted_as_a_plan_share(draft):
    figures, _ = draft("Năm 2024, kim ngạch xuất khẩu của khu vực đạt 50 tỷ USD, bằng 48,2% kế hoạch năm.")
    fields = figures["50 tỷ USD"].fields
    assert (fields["plan_share_as_written"], fields["plan_share_pct"]) == ("bằng 48,2% kế hoạch năm", "48.2")
    assert "share_of" not in fields and "share_pct" not in fields


def test_a_figure_stated_whole_in_its_sentence_needs_no_review(draft):
    figures, _ = draft("Năm 2024, tổng mức bán lẻ hàng hóa và doanh thu dịch vụ của khu vực đạt 2.000 nghìn tỷ đồng.")
    figure = figures["2.000 nghìn tỷ đồng"]
    assert figure.fields["indicator"] == "retail_sales"
    assert figure.fields["period"] == "2024-01-01/2024-12-31"
    assert figure.fields["qualifier"] == "actual"
    assert not figure.has_todo


def test_growth_rates_alone_are_figures_and_cả_nước_is_the_country(draft):
    figures, _ = draft(
        "9 tháng đầu năm 2025, chỉ số sản xuất công nghiệp (IIP) của khu vực ước tăng 9,5%, "
        "cao hơn mức tăng của cả nước (dự kiến cả nước tăng 8,1%)."
    )
    region, country = figures["9,5%"].fields, figures["8,1%"].fields
    assert (region["indicator"], region["scope"], region["qualifier"]) == ("iip_growth", "region", "estimate")
    assert (country["scope"], country["qualifier"], country["clause"]) == (
        "country",
        "forecast",
        "dự kiến cả nước tăng 8,1%",
    )


def test_counts_of_provinces_need_a_threshold_and_the_group_name_is_set_aside(draft):
    figures, asides = draft(
        "Năm 2025, sản xuất công nghiệp của 28 tỉnh, thành phố khu vực phía Bắc tăng khá; "
        "20/28 địa phương có chỉ số sản xuất công nghiệp tăng trưởng dương, 9/28 địa phương tăng từ 12% trở lên."
    )
    positive, above = figures["20/28 địa phương"].fields, figures["9/28 địa phương"].fields
    assert (positive["indicator"], positive["denominator"], positive["threshold_comparator"]) == (
        "provinces_iip_growth",
        28,
        ">",
    )
    assert (above["threshold_as_written"], above["threshold_pct"]) == ("từ 12% trở lên", "12")
    assert "28 tỉnh, thành phố" not in figures
    assert any("group" in aside.reason for aside in asides)


def test_levels_take_a_level_period_and_flows_a_flow_period_from_context(draft):
    figures, _ = draft(
        "9 tháng đầu năm 2025, ngành phát triển.\n"
        "Đến hết tháng 9/2025, khu vực có 200 cụm công nghiệp.\n"
        "Trong đó, 120 cụm công nghiệp đi vào hoạt động.\n"
        "Kim ngạch xuất khẩu ước đạt 50 tỷ USD."
    )
    assert figures["200 cụm công nghiệp"].fields["as_of"] == "2025-09-30"
    operating = figures["120 cụm công nghiệp"].fields
    assert (operating["indicator"], operating["as_of"]) == ("industrial_clusters_operating", "2025-09-30")
    assert figures["50 tỷ USD"].fields["period"] == "2025-01-01/2025-09-30"


def test_several_qualifiers_keep_the_nearest_and_ask(draft):
    figures, _ = draft("Năm 2025, kim ngạch xuất khẩu ước đạt hơn 5 tỷ USD.")
    figure = figures["5 tỷ USD"]
    assert figure.fields["qualifier"] == "lower_bound"
    assert "estimate" in figure.comments["qualifier"]


def test_an_amount_without_an_indicator_is_drafted_but_marked(draft):
    figures, _ = draft("Năm 2025, sản lượng điện thương phẩm đạt 1,5 tỷ kWh.")
    figure = figures["1,5 tỷ kWh"]
    assert (figure.fields["indicator"], figure.fields["unit"], figure.fields["value"]) == ("", "kWh", "1.5e9")
    assert figure.comments["indicator"].startswith("TODO")


def test_a_value_the_parsers_refuse_is_no_figure(draft):
    figures, asides = draft("Năm 2025, kim ngạch xuất khẩu đạt 1.5 tỷ USD.")
    assert figures == {}
    assert "the parsers refuse '1.5 tỷ USD'" in asides[0].reason


def test_a_threshold_without_a_count_is_set_aside(draft):
    figures, asides = draft("Năm 2025, có những tỉnh chỉ số sản xuất công nghiệp tăng trưởng trên 30% so với cùng kỳ.")
    assert figures == {}
    assert "percentage" in asides[0].reason


def test_a_growth_after_another_measure_is_not_the_amounts(draft):
    figures, _ = draft("Năm 2024, kim ngạch xuất khẩu đạt 12,5 tỷ USD, trong khi nhập khẩu tăng 5%.")
    exports = figures["12,5 tỷ USD"].fields
    assert "growth_pct" not in exports
    assert figures["5%"].fields["clause"] == "trong khi nhập khẩu tăng 5%"
    assert figures["5%"].has_todo  # no growth indicator for imports in the vocabulary


def test_the_year_in_a_sessions_name_is_no_period(draft):
    figures, _ = draft(
        "Sáng 15-8, tỉnh Nghệ An tổ chức Hội nghị ngành Công Thương 6 tỉnh Bắc Trung Bộ lần thứ XII năm 2024.\n"
        "Kim ngạch xuất khẩu toàn vùng đạt 12,5 tỷ USD."
    )
    figure = figures["12,5 tỷ USD"]
    assert figure.fields["period_label"] == ""
    assert "no period found" in figure.comments["period_label"]


def test_a_count_in_the_region_with_a_threshold_is_a_figure(draft):
    figures, _ = draft("Năm 2024, có 21 tỉnh trong vùng có mức tăng sản xuất công nghiệp trên 11%.")
    assert figures["21 tỉnh"].fields["threshold_pct"] == "11"
