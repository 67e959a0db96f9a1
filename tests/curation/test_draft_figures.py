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


def test_a_value_in_base_prices_takes_its_own_period_not_the_base_year(draft):
    # Fictional, in the style of a department portal (a real page had the base year drafted as certain).
    figures, _ = draft(
        "Năm 2017, giá trị sản xuất công nghiệp (giá so sánh năm 2010) của khu vực đạt 3.397,5 nghìn tỷ đồng."
    )
    figure = figures["3.397,5 nghìn tỷ đồng"]
    assert (figure.fields["period_label"], figure.fields["period"]) == ("Năm 2017", "2017-01-01/2017-12-31")
    assert "period_label" not in figure.comments  # the base year is not another period


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
    figures, _ = draft("Năm 2025, sản lượng phân bón đạt 1,5 triệu tấn.")
    figure = figures["1,5 triệu tấn"]
    assert (figure.fields["indicator"], figure.fields["unit"], figure.fields["value"]) == ("", "tonne", "1.5e6")
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


# Issue 10: honest first, complete second ---------------------------------------------------------


@pytest.fixture
def draft_on(reference):
    """Draft with the reported session's date known (for "Đến nay")."""

    def run(text: str, session_date=None):
        sentences = split_sentences(normalise(text))
        drafter = FigureDrafter(sentences, reference, ProvinceNames(reference), "north-central-6", session_date)
        figures, asides = drafter.draft("c")
        return figures, asides

    return run


def by_province(figures):
    return {figure.fields.get("province", figure.fields["scope"]): figure for figure in figures}


@pytest.mark.parametrize(
    "sentence",
    [
        "Năm 2024, chỉ số sản xuất công nghiệp của Nghệ An tăng 5,2%.",
        "Năm 2024, chỉ số sản xuất công nghiệp của tỉnh Nghệ An tăng 5,2%.",
        "Năm 2024, sản xuất công nghiệp phục hồi rõ, chỉ số sản xuất công nghiệp Nghệ An tăng 5,2%.",
        "Năm 2024, tại Nghệ An, chỉ số sản xuất công nghiệp tăng 5,2%.",
    ],
)
def test_a_province_named_anywhere_in_the_clause_is_the_scope(draft, sentence):
    figures, _ = draft(sentence)
    figure = figures["5,2%"]
    assert (figure.fields["scope"], figure.fields["province"]) == ("province", "Nghệ An")
    assert not figure.has_todo


def test_a_province_after_và_is_never_the_region(draft_on):
    figures, _ = draft_on("Năm 2024, chỉ số sản xuất công nghiệp của Thanh Hóa tăng 12% và của Nghệ An tăng 5,2%.")
    found = by_province(figures)
    assert set(found) == {"Thanh Hóa", "Nghệ An"}
    assert found["Nghệ An"].fields["value"] == "5.2"


def test_a_figure_of_two_provinces_at_once_asks_whose_it_is(draft_on):
    figures, _ = draft_on("Năm 2024, chỉ số sản xuất công nghiệp của Thanh Hóa và Nghệ An tăng 9,1%.")
    [figure] = figures
    assert figure.comments["scope"].startswith("TODO")
    assert "Thanh Hóa" in figure.comments["scope"] and "Nghệ An" in figure.comments["scope"]


def test_a_growth_after_another_province_is_that_provinces(draft_on):
    figures, _ = draft_on("Năm 2024, kim ngạch xuất khẩu của Thanh Hóa đạt 5,3 tỷ USD, Nghệ An tăng 5%.")
    found = by_province(figures)
    assert "growth_pct" not in found["Thanh Hóa"].fields
    assert found["Nghệ An"].fields["value"] == "5"


def test_a_figure_in_a_sentence_naming_a_province_elsewhere_asks_its_scope(draft_on):
    figures, _ = draft_on("Năm 2024, chỉ số sản xuất công nghiệp tăng 8,5%, đứng đầu là tỉnh Thanh Hóa.")
    [figure] = figures
    assert figure.comments["scope"].startswith("TODO")


def test_the_region_named_in_the_clause_is_settled(draft_on):
    figures, _ = draft_on(
        "Năm 2024, chỉ số sản xuất công nghiệp của khu vực tăng 8,5%, trong đó Thanh Hóa tăng 12%, "
        "Nghệ An tăng 5,2% và Hà Tĩnh giảm 3,7%."
    )
    found = by_province(figures)
    assert set(found) == {"region", "Thanh Hóa", "Nghệ An", "Hà Tĩnh"}
    for figure in found.values():
        assert figure.fields["indicator"] == "iip_growth"
        assert figure.fields["period"] == "2024-01-01/2024-12-31"
        assert not figure.has_todo, figure.comments
    decline = found["Hà Tĩnh"].fields
    assert (decline["value_as_written"], decline["value"], decline["unit"]) == ("giảm 3,7%", "-3.7", "percent")


def test_a_list_of_provinces_gives_one_figure_each(draft_on):
    figures, _ = draft_on(
        "Năm 2024, kim ngạch xuất khẩu của Thanh Hóa đạt 5,3 tỷ USD, Nghệ An đạt 2,14 tỷ USD và Hà Tĩnh đạt 1,2 tỷ USD."
    )
    found = by_province(figures)
    assert {name: f.fields["value"] for name, f in found.items()} == {
        "Thanh Hóa": "5.3e9",
        "Nghệ An": "2.14e9",
        "Hà Tĩnh": "1.2e9",
    }
    assert all(f.fields["indicator"] == "export_turnover" and not f.has_todo for f in figures)


def test_a_table_like_line_takes_its_unit_from_the_header(draft_on):
    figures, asides = draft_on(
        "Năm 2024, giá trị sản xuất công nghiệp một số địa phương (tỷ đồng, so cùng kỳ): Nghệ An 2.140, giảm 3,1%; "
        "Thanh Hóa 5.300, tăng 8,2%; Hà Tĩnh 1.250, tăng 2%."
    )
    found = by_province(figures)
    assert set(found) == {"Nghệ An", "Thanh Hóa", "Hà Tĩnh"}
    nghe_an = found["Nghệ An"].fields
    assert (nghe_an["value"], nghe_an["unit"], nghe_an["growth_pct"]) == ("2140e9", "VND", "-3.1")
    assert nghe_an["indicator"] == "industrial_production_value"
    assert (nghe_an["value_as_written"], nghe_an["unit_as_written"]) == ("2.140", "tỷ đồng")
    assert not found["Nghệ An"].has_todo, found["Nghệ An"].comments
    assert found["Thanh Hóa"].fields["growth_pct"] == "8.2"
    assert not [aside for aside in asides if "2.140" in aside.reason]


def test_an_absolute_change_is_not_a_level(draft_on):
    figures, asides = draft_on("Năm 2024, kim ngạch xuất khẩu của khu vực giảm 1,2 tỷ USD so với năm 2023.")
    assert figures == []
    assert "a change" in asides[0].reason


def test_a_national_average_beside_the_regions_is_a_country_figure(draft_on):
    figures, _ = draft_on(
        "Năm 2024, chỉ số sản xuất công nghiệp của khu vực tăng 9,2%, cao hơn bình quân cả nước (tăng 7,4%)."
    )
    found = by_province(figures)
    assert found["region"].fields["value"] == "9.2"
    assert (found["country"].fields["value"], found["country"].fields["scope"]) == ("7.4", "country")
    assert "province" not in found["country"].fields


def test_a_stock_to_date_takes_the_sessions_date(draft_on):
    from datetime import date

    text = "Đến nay, toàn khu vực có 310 cụm công nghiệp."
    figures, _ = draft_on(text, date(2024, 8, 15))
    [figure] = figures
    assert (figure.fields["period_label"], figure.fields["as_of"]) == ("Đến nay", "2024-08-15")
    assert "period_label" not in figure.comments
    figures, _ = draft_on(text)
    assert figures[0].comments["as_of"].startswith("TODO")


def test_a_stock_at_the_end_of_a_month(draft_on):
    figures, _ = draft_on("Tính đến hết tháng 6/2024, toàn khu vực có 310 cụm công nghiệp.")
    assert figures[0].fields["as_of"] == "2024-06-30"


def test_an_amount_with_nothing_said_about_it_keeps_every_doubt(draft_on):
    figures, _ = draft_on("Kết quả khả quan.\nĐạt 5,3 tỷ USD.")
    [figure] = figures
    assert {"indicator", "period_label"} <= set(figure.comments)


def test_a_paragraph_about_a_province_leaves_the_next_figures_scope_open(draft_on):
    figures, _ = draft_on(
        "Năm 2024, tại tỉnh Nghệ An, chỉ số sản xuất công nghiệp tăng 5,2%. Kim ngạch xuất khẩu đạt 2,1 tỷ USD."
    )
    exports = next(f for f in figures if f.fields["unit"] == "USD")
    assert exports.comments["scope"].startswith("TODO")
    assert "Nghệ An" in exports.comments["scope"]


def test_the_region_named_in_an_earlier_sentence_settles_the_next(draft_on):
    figures, _ = draft_on(
        "Đến hết tháng 6/2024, toàn khu vực có 310 cụm công nghiệp. Trong đó, 200 cụm công nghiệp đi vào hoạt động."
    )
    operating = next(f for f in figures if f.fields["value"] == "200")
    assert operating.fields["scope"] == "region"
    assert "scope" not in operating.comments


def test_a_province_named_as_the_venue_is_only_a_guess(draft_on):
    [figure] = draft_on("Tại hội nghị ở Nghệ An, Thứ trưởng cho biết năm 2024 xuất khẩu đạt 10 tỷ USD.")[0]
    assert figure.comments["scope"].startswith("TODO")


def test_a_provinces_figure_without_its_name_is_never_the_regions(draft_on):
    figures, _ = draft_on("Năm 2024, kim ngạch xuất khẩu toàn tỉnh đạt 2,1 tỷ USD.")
    [figure] = figures
    assert figure.fields["scope"] == "province"
    assert figure.comments["scope"].startswith("TODO")


def test_a_change_in_an_amount_is_set_aside_with_its_reason(draft_on):
    figures, asides = draft_on("Năm 2024, kim ngạch xuất khẩu đạt 10 tỷ USD, tăng 1,2 tỷ USD so với năm 2023.")
    assert [f.fields["value"] for f in figures] == ["10e9"]
    assert "a change" in asides[0].reason


@pytest.mark.parametrize(
    "sentence",
    [
        "Năm 2024, chỉ số sản xuất công nghiệp của Thanh Hóa, Nghệ An và Hà Tĩnh tăng lần lượt 12%, 5,2% và 3%.",
        "Năm 2024, chỉ số sản xuất công nghiệp của Thanh Hóa, Nghệ An và Hà Tĩnh lần lượt tăng 12%, 5,2%, 3%.",
    ],
)
def test_respectively_pairs_provinces_and_values_in_order(draft_on, sentence):
    figures, asides = draft_on(sentence)
    found = {name: f.fields["value"] for name, f in by_province(figures).items()}
    assert found == {"Thanh Hóa": "12", "Nghệ An": "5.2", "Hà Tĩnh": "3"}
    assert not any(f.has_todo for f in figures), [f.comments for f in figures]
    assert asides == []


def test_respectively_with_a_different_count_leaves_the_scope_open(draft_on):
    figures, _ = draft_on("Năm 2024, xuất khẩu của Thanh Hóa, Nghệ An và Hà Tĩnh lần lượt đạt 5,3 và 2,1 tỷ USD.")
    assert all(f.has_todo for f in figures)


def test_respective_declines_are_negative_and_marked(draft_on):
    figures, _ = draft_on("Năm 2024, chỉ số sản xuất công nghiệp của Nghệ An và Hà Tĩnh giảm lần lượt 2% và 3,7%.")
    found = by_province(figures)
    assert found["Hà Tĩnh"].fields["value"] == "-3.7"
    assert "value" in found["Hà Tĩnh"].comments


@pytest.mark.parametrize(
    ("sentence", "written", "pct"),
    [
        (
            "Năm 2024, kim ngạch xuất khẩu của khu vực đạt 50 tỷ USD, tăng 10%, đạt 74% kế hoạch.",
            "đạt 74% kế hoạch",
            "74",
        ),
        (
            "6 tháng đầu năm 2024, kim ngạch xuất khẩu của khu vực đạt 50 tỷ USD, bằng 48,2% kế hoạch năm.",
            "bằng 48,2% kế hoạch năm",
            "48.2",
        ),
    ],
)
def test_a_share_of_the_plan_is_its_own_field(draft_on, sentence, written, pct):
    [figure] = draft_on(sentence)[0]
    assert (figure.fields["plan_share_as_written"], figure.fields["plan_share_pct"]) == (written, pct)
    assert "share_of" not in figure.fields
    assert not figure.has_todo, figure.comments


@pytest.mark.parametrize(
    ("sentence", "written", "value"),
    [
        ("Năm 2024, cán cân thương mại của khu vực xuất siêu 2,5 tỷ USD.", "xuất siêu 2,5 tỷ USD", "2.5e9"),
        ("Năm 2024, khu vực nhập siêu 1,2 tỷ USD.", "nhập siêu 1,2 tỷ USD", "-1.2e9"),
    ],
)
def test_a_trade_balance_carries_its_sign(draft_on, sentence, written, value):
    [figure] = draft_on(sentence)[0]
    assert (figure.fields["indicator"], figure.fields["value_as_written"]) == ("trade_balance", written)
    assert figure.fields["value"] == value


@pytest.mark.parametrize(
    ("sentence", "indicator", "unit"),
    [
        ("Năm 2024, sản lượng điện thương phẩm của khu vực đạt 15,2 tỷ kWh.", "electricity_commercial", "kWh"),
        ("Năm 2024, điện sản xuất của khu vực đạt 30 tỷ kWh.", "electricity_produced", "kWh"),
        ("Năm 2024, sản lượng xi măng của khu vực đạt 25 triệu tấn.", "cement_output", "tonne"),
        ("Năm 2024, thép các loại của khu vực đạt 7,5 triệu tấn.", "steel_output", "tonne"),
        ("Năm 2024, sản lượng chè của khu vực đạt 120 nghìn tấn.", "tea_output", "tonne"),
        ("Năm 2024, nước máy thương phẩm của khu vực đạt 150 triệu m3.", "tap_water_output", "m3"),
        ("Năm 2024, than sạch khai thác của khu vực đạt 40 triệu tấn.", "coal_output", "tonne"),
        ("Năm 2024, khu vực có diện tích 51.400 km2.", "area", "km2"),
        ("Năm 2024, dân số của khu vực khoảng 11 triệu người.", "population", "person"),
    ],
)
def test_products_and_the_regions_size_have_their_indicators(draft_on, sentence, indicator, unit):
    [figure] = draft_on(sentence)[0]
    assert (figure.fields["indicator"], figure.fields["unit"]) == (indicator, unit)


def test_market_infrastructure_and_parks_are_counted(draft_on):
    figures, _ = draft_on(
        "Đến hết tháng 6/2024, toàn khu vực có 1.250 chợ, 95 siêu thị, 30 trung tâm thương mại, "
        "420 cửa hàng tiện lợi và 28 khu công nghiệp."
    )
    found = {figure.fields["indicator"]: figure.fields["value"] for figure in figures}
    assert found == {
        "markets": "1250",
        "supermarkets": "95",
        "trade_centres": "30",
        "convenience_stores": "420",
        "industrial_parks": "28",
    }
    assert all(figure.fields["as_of"] == "2024-06-30" for figure in figures)


@pytest.mark.parametrize(
    ("sentence", "indicator", "value"),
    [
        ("Đến hết tháng 6/2024, tỷ lệ lấp đầy các cụm công nghiệp đạt 65,3%.", "industrial_cluster_occupancy", "65.3"),
        ("Đến hết tháng 6/2024, tỷ lệ lấp đầy các khu công nghiệp đạt 80%.", "industrial_park_occupancy", "80"),
        ("Năm 2023, tổng mức bán lẻ hàng hóa của khu vực phục hồi 96,6% so với cùng kỳ.", "recovery_ratio", "96.6"),
    ],
)
def test_ratios_that_are_no_growth_are_figures_of_their_own(draft_on, sentence, indicator, value):
    [figure] = [f for f in draft_on(sentence)[0] if f.fields["unit"] == "percent"]
    assert (figure.fields["indicator"], figure.fields["value"]) == (indicator, value)


def test_a_period_from_the_same_paragraph_is_settled_unless_another_span_is_named(draft_on):
    figures, _ = draft_on(
        "6 tháng đầu năm 2024, chỉ số sản xuất công nghiệp của khu vực tăng 8%. Nhiều địa phương có mức tăng cao: "
        "Thanh Hóa tăng 12%, Nghệ An tăng 9%. Riêng tháng 6, Hà Tĩnh tăng 15%."
    )
    found = by_province(figures)
    assert found["Thanh Hóa"].fields["period"] == "2024-01-01/2024-06-30"
    assert "period_label" not in found["Thanh Hóa"].comments
    assert found["Hà Tĩnh"].comments["period_label"].startswith("TODO")


def test_a_lead_in_line_gives_its_period_to_the_list_below(draft_on):
    figures, _ = draft_on(
        "Năm 2016, ngành Công Thương khu vực đạt các kết quả chủ yếu:\n"
        "1) Chỉ số sản xuất công nghiệp toàn vùng tăng 8,5%.\n"
        "2) Kim ngạch xuất khẩu đạt 3,15 tỷ USD, tăng 8,3%."
    )
    exports = next(f for f in figures if f.fields["unit"] == "USD")
    assert exports.fields["period"] == "2016-01-01/2016-12-31"
    assert "period_label" not in exports.comments
    figures, _ = draft_on("Năm 2016, ngành phát triển.\nKim ngạch xuất khẩu đạt 3,15 tỷ USD.")
    assert figures[0].comments["period_label"].startswith("TODO")


def test_a_hedged_growth_rate_is_a_figure_and_a_hedged_decline_is_marked(draft_on):
    figures, _ = draft_on(
        "Năm 2019, chỉ số sản xuất công nghiệp toàn vùng tăng khoảng 8,9%; riêng Cà Mau giảm khoảng 3,5%."
    )
    found = by_province(figures)
    assert (found["region"].fields["value"], found["region"].fields["qualifier"]) == ("8.9", "approximate")
    assert found["Cà Mau"].fields["value"] == "-3.5"
    assert found["Cà Mau"].comments["value"].startswith("TODO")


def test_an_elliptical_occupancy_rate_takes_the_estate_it_names(draft_on):
    figures, _ = draft_on(
        "Đến hết tháng 6/2025, tỷ lệ lấp đầy khu công nghiệp bình quân đạt 78,4%, của cụm công nghiệp đạt 61,2%; "
        "172 khu công nghiệp với tỷ lệ lấp đầy bình quân 71,3%."
    )
    found = {f.fields["value"]: f for f in figures if f.fields["unit"] == "percent"}
    assert found["78.4"].fields["indicator"] == "industrial_park_occupancy"
    assert found["61.2"].fields["indicator"] == "industrial_cluster_occupancy"
    assert found["71.3"].fields["indicator"] == "industrial_park_occupancy"
    assert not any(f.has_todo for f in found.values())


def test_the_product_after_an_amount_does_not_cut_it_from_its_plan_share(draft_on):
    [figure] = draft_on("Năm 2023, Quảng Ninh khai thác 19,6 triệu tấn than sạch, bằng 50,3% kế hoạch năm.")[0]
    assert (figure.fields["indicator"], figure.fields["plan_share_pct"]) == ("coal_output", "50.3")


def test_a_target_is_set_aside_not_drafted_as_a_result(draft_on):
    figures, asides = draft_on(
        "Năm 2024, kim ngạch xuất khẩu đạt 10 tỷ USD; năm 2025 phấn đấu đạt 12 tỷ USD, bằng 110% kế hoạch."
    )
    assert [f.fields["value"] for f in figures] == ["10e9"]
    assert "a target ('phấn đấu')" in asides[0].reason


@pytest.mark.parametrize("name", ["TP.HCM", "TP. Hồ Chí Minh", "Bà Rịa–Vũng Tàu"])
def test_a_province_written_otherwise_than_the_reference_is_its_owner_with_a_todo(draft_on, name):
    [figure] = draft_on(f"Năm 2024, kim ngạch xuất khẩu của {name} đạt 52,6 tỷ USD.")[0]
    assert (figure.fields["scope"], figure.fields["province"]) == ("province", name)
    assert figure.comments["scope"].startswith("TODO")


def test_an_estimate_said_in_a_lead_in_is_asked_about(draft_on):
    figures, _ = draft_on("Ước tính năm 2024, chỉ số sản xuất công nghiệp của Thanh Hóa tăng 12%, Nghệ An tăng 5,2%.")
    assert all(f.comments["qualifier"].startswith("TODO") for f in figures)
    figures, _ = draft_on("Năm 2024, xuất khẩu ước đạt 10 tỷ USD, trong đó Nghệ An đạt 2 tỷ USD.")
    nghe_an = by_province(figures)["Nghệ An"]
    assert nghe_an.fields["qualifier"] == "actual" and "qualifier" not in nghe_an.comments


@pytest.mark.parametrize(
    ("sentence", "owner"),
    [
        ("Năm 2024, chỉ số sản xuất công nghiệp cả nước tăng 8,4%, khu vực tăng 9%.", "region"),
        (
            "Tại Hà Tĩnh, năm 2024 chỉ số sản xuất công nghiệp tăng 15%; trong khi đó Quảng Bình chỉ tăng 3%.",
            "Quảng Bình",
        ),
    ],
)
def test_a_second_owner_of_the_same_measure_keeps_its_indicator(draft_on, sentence, owner):
    figure = by_province(draft_on(sentence)[0])[owner]
    assert figure.fields["indicator"] == "iip_growth"
    assert not figure.has_todo, figure.comments


def test_respectively_with_là_pairs_values(draft_on):
    figures, _ = draft_on("Năm 2024, Thanh Hóa và Nghệ An có kim ngạch xuất khẩu lần lượt là 5,3 tỷ USD và 2,1 tỷ USD.")
    assert {name: f.fields["value"] for name, f in by_province(figures).items()} == {
        "Thanh Hóa": "5.3e9",
        "Nghệ An": "2.1e9",
    }


def test_a_growth_on_another_base_than_a_year_earlier_is_asked_about(draft_on):
    [figure] = draft_on("Tháng 9/2024, chỉ số sản xuất công nghiệp toàn vùng tăng 7% so với tháng trước.")[0]
    assert figure.comments["value"].startswith("TODO")
    [figure] = draft_on("Năm 2024, kim ngạch xuất khẩu toàn vùng đạt 10 tỷ USD, tăng 25% so với năm 2020.")[0]
    assert figure.comments["growth_pct"].startswith("TODO")
    [figure] = draft_on("Năm 2024, kim ngạch xuất khẩu toàn vùng đạt 10 tỷ USD, tăng 5% so với cùng kỳ năm trước.")[0]
    assert not figure.has_todo
    [figure] = draft_on("Năm 2024, kim ngạch xuất khẩu toàn vùng đạt 10 tỷ USD, tăng 5% so với năm 2023.")[0]
    assert not figure.has_todo


def test_exports_and_imports_together_are_not_imports(draft_on):
    [figure] = draft_on("Năm 2024, tổng kim ngạch xuất nhập khẩu của khu vực đạt 200 tỷ USD, tăng 15%.")[0]
    assert figure.fields["indicator"] == ""
    assert figure.comments["indicator"].startswith("TODO")


@pytest.mark.parametrize(
    "sentence",
    [
        "Năm 2025, chỉ số IIP ngành chế biến, chế tạo của khu vực tăng 11,2%.",
        "Năm 2025, chỉ số sản xuất công nghiệp và kim ngạch xuất khẩu của khu vực cùng tăng 10%.",
    ],
)
def test_a_second_measure_named_nearer_the_amount_leaves_the_indicator_open(draft_on, sentence):
    [figure] = draft_on(sentence)[0]
    assert figure.comments["indicator"].startswith("TODO")


def test_a_table_cell_without_a_growth_is_a_figure_too(draft_on):
    figures, _ = draft_on(
        "Kim ngạch xuất khẩu 6 tháng đầu năm 2024 (ĐVT: triệu USD): Thanh Hóa 5.120 (tăng 12,4%), Hà Tĩnh 1.460."
    )
    found = by_province(figures)
    assert found["Hà Tĩnh"].fields["value"] == "1460e6"
    assert "growth_pct" not in found["Hà Tĩnh"].fields
    assert found["Thanh Hóa"].fields["growth_pct"] == "12.4"


def test_a_growth_written_before_its_value_is_the_values(draft_on):
    figures, _ = draft_on(
        "Năm 2024, xuất khẩu của Nghệ An tăng 20% so với cùng kỳ, đạt 3 tỷ USD; nhập khẩu của Nghệ An đạt 1 tỷ USD."
    )
    exports = figures[0]
    assert [f.fields["value"] for f in figures] == ["3e9", "1e9"]
    assert (exports.fields["growth_as_written"], exports.fields["growth_pct"]) == ("tăng 20%", "20")
    assert exports.fields["clause"].startswith("tăng 20%")
    assert not exports.has_todo, exports.comments


@pytest.mark.parametrize(
    "sentence",
    [
        "Năm 2024, chỉ số sản xuất công nghiệp của khu vực tăng 8%, trong đó các tỉnh có mức tăng cao là "
        "Thanh Hóa 12%, Nghệ An 10,5%.",
        "Năm 2024, chỉ số sản xuất công nghiệp một số tỉnh tăng cao như Thanh Hóa (tăng 12%), Nghệ An (tăng 10,5%).",
    ],
)
def test_provinces_listed_with_their_growth_are_each_settled(draft_on, sentence):
    found = by_province(draft_on(sentence)[0])
    assert (found["Thanh Hóa"].fields["value"], found["Nghệ An"].fields["value"]) == ("12", "10.5")
    assert not found["Thanh Hóa"].has_todo and not found["Nghệ An"].has_todo


def test_another_span_named_between_the_period_and_the_figure_leaves_the_period_open(draft_on):
    figures, _ = draft_on("9 tháng năm 2024, xuất khẩu đạt 10 tỷ USD; riêng tháng 9 đạt 1,2 tỷ USD.")
    found = {f.fields["value"]: f for f in figures}
    assert "period_label" not in found["10e9"].comments
    assert found["1.2e9"].comments["period_label"].startswith("TODO")


def test_a_period_written_after_the_amount_in_its_clause_is_its_own(draft_on):
    [figure] = draft_on("Kết quả khả quan.\nKim ngạch xuất khẩu của khu vực đạt 10 tỷ USD trong 9 tháng năm 2024.")[0]
    assert (figure.fields["period_label"], figure.fields["period"]) == ("9 tháng năm 2024", "2024-01-01/2024-09-30")
    assert not figure.has_todo, figure.comments
    [_, figure] = draft_on("Năm 2023, xuất khẩu đạt 9 tỷ USD; đạt 10 tỷ USD trong 9 tháng năm 2024.")[0]
    assert figure.fields["period_label"] == "9 tháng năm 2024"


def test_a_parks_count_is_not_taken_for_the_clusters(draft_on):
    figures, _ = draft_on(
        "Đến hết tháng 6/2024, toàn vùng có 310 cụm công nghiệp. Các khu công nghiệp thu hút 200 dự án."
    )
    projects = next(f for f in figures if f.fields["value"] == "200")
    assert projects.comments["indicator"].startswith("TODO")


@pytest.mark.parametrize(
    "sentence",
    [
        "Năm 2024, kim ngạch xuất khẩu của vùng đạt 10 tỷ USD, tăng 5%; riêng xuất khẩu gạo đạt 2 tỷ USD.",
        "Năm 2024, xuất khẩu sang Hoa Kỳ của vùng đạt 2 tỷ USD.",
    ],
)
def test_a_products_or_a_markets_exports_are_not_all_exports(draft_on, sentence):
    figure = next(f for f in draft_on(sentence)[0] if f.fields["value"] == "2e9")
    assert figure.comments["indicator"].startswith("TODO")


def test_exports_followed_by_a_province_are_all_of_its_exports(draft_on):
    [figure] = draft_on("Năm 2024, kim ngạch xuất khẩu Nghệ An đạt 3 tỷ USD.")[0]
    assert not figure.has_todo, figure.comments


@pytest.fixture
def draft_south(reference):
    """Draft as the southern group's report (20 members), the session's date known."""
    from datetime import date

    def run(text: str):
        sentences = split_sentences(normalise(text))
        drafter = FigureDrafter(sentences, reference, ProvinceNames(reference), "south-20", date(2031, 10, 9))
        return drafter.draft("c")

    return run


def test_an_amount_after_a_member_list_is_never_its_last_members(draft_south):
    figures, asides = draft_south(
        "Nhóm 4 tỉnh là An Giang, Đồng Tháp, Cần Thơ và Cà Mau có diện tích hơn 30.000 km2, "
        "dân số khoảng 9 triệu người."
    )
    found = {figure.fields["indicator"]: figure for figure in figures}
    assert set(found) == {"area", "population"}
    for figure in found.values():
        assert figure.fields["scope"] == "region" and "province" not in figure.fields
        assert figure.comments["scope"].startswith("TODO")
    assert "An Giang, Đồng Tháp, Cần Thơ, Cà Mau" in found["area"].comments["scope"]
    [count] = asides
    assert count.reason == "TODO: the number of the provinces listed after it (4 named), not a figure"


def test_the_reported_groups_declared_size_is_set_aside_as_such(draft_south):
    figures, asides = draft_south("Khu vực gồm 20 tỉnh, thành phố với nhiều tiềm năng.")
    assert figures == []
    assert [aside.reason for aside in asides] == ["TODO: the reported group's declared size (20 members), not a figure"]


def test_levels_said_to_exist_now_are_at_the_sessions_day(draft_south):
    figures, _ = draft_south("Hiện có 1.750 chợ, 380 siêu thị và 75 trung tâm thương mại trong toàn vùng.")
    assert {f.fields["indicator"]: (f.fields["period_label"], f.fields["as_of"]) for f in figures} == {
        "markets": ("Hiện có", "2031-10-09"),
        "supermarkets": ("Hiện có", "2031-10-09"),
        "trade_centres": ("Hiện có", "2031-10-09"),
    }


def test_a_share_with_a_bound_right_after_its_figure_is_attached_with_a_todo(draft_south):
    figures, asides = draft_south(
        "Năm 2031, tổng mức bán lẻ hàng hóa của khu vực đạt 1.500 nghìn tỷ đồng, gần 46% tổng mức bán lẻ cả nước; "
        "toàn vùng hiện có 1.750 chợ, chiếm hơn 27% số chợ cả nước."
    )
    found = {figure.fields["indicator"]: figure for figure in figures}
    retail, markets = found["retail_sales"], found["markets"]
    assert (retail.fields["share_as_written"], retail.fields["share_pct"], retail.fields["share_of"]) == (
        "gần 46%",
        "46",
        "country",
    )
    assert retail.comments["share_pct"].startswith("TODO")
    assert (markets.fields["share_as_written"], markets.fields["share_pct"]) == ("chiếm hơn 27%", "27")
    assert markets.fields["scope"] == "region" and "scope" not in markets.comments
    assert asides == []


def test_a_growth_is_not_read_as_a_bound_share(draft_south):
    figures, _ = draft_south("Năm 2031, kim ngạch xuất khẩu đạt 50 tỷ USD, tăng hơn 10% tổng kim ngạch cả nước.")
    assert figures and not any("share_as_written" in figure.fields for figure in figures)


def test_the_year_of_constant_prices_is_not_the_figures_period(draft_south):
    figures, _ = draft_south(
        "Năm 2031, giá trị sản xuất công nghiệp của khu vực (theo giá so sánh năm 2010) đạt 900 nghìn tỷ đồng."
    )
    [figure] = figures
    assert figure.fields["period_label"] == "Năm 2031"
    assert "period_label" not in figure.comments  # a price base is no other period: nothing to decide


def test_growth_rates_after_the_iip_and_whose_they_are(draft_south):
    figures, asides = draft_south(
        "Chỉ số sản xuất công nghiệp (IIP) 9 tháng năm 2031 của khu vực đạt 8,8%. IIP của An Giang 12,6%, "
        "Cần Thơ 11,2%, Cà Mau 10,4%, cao hơn mức bình quân cả nước 7,7%."
    )
    found = {figure.fields.get("province", figure.fields["scope"]): figure for figure in figures}
    assert {key: figure.fields["value"] for key, figure in found.items()} == {
        "region": "8.8",
        "An Giang": "12.6",
        "Cần Thơ": "11.2",
        "Cà Mau": "10.4",
        "country": "7.7",
    }
    for figure in figures:
        assert figure.fields["indicator"] == "iip_growth"
        assert figure.fields["period"] == "2031-01-01/2031-09-30"
        assert not figure.has_todo
    assert asides == []


def test_an_index_against_a_base_is_no_growth_rate(draft_south):
    figures, asides = draft_south("Năm 2031, chỉ số sản xuất công nghiệp của khu vực đạt 103,6% so với cùng kỳ.")
    assert figures == []
    assert asides[0].reason.startswith("TODO: an index against a base")


def test_an_average_growth_is_a_growth_rate(draft_south):
    figures, _ = draft_south("Năm 2031, chỉ số sản xuất công nghiệp của khu vực tăng bình quân 9,4% so với cùng kỳ.")
    [figure] = figures
    assert (figure.fields["indicator"], figure.fields["value_as_written"], figure.fields["value"]) == (
        "iip_growth",
        "9,4%",
        "9.4",
    )


def test_a_branchs_rate_after_the_iip_is_not_the_iips(draft_south):
    figures, asides = draft_south("Năm 2031, IIP của khu vực tăng 8%, trong đó ngành chế biến, chế tạo đạt 12%.")
    assert [figure.fields["value"] for figure in figures] == ["8"]
    assert len(asides) == 1


def test_growth_words_standing_in_for_an_indicator_named_elsewhere_are_flagged(draft_south):
    figures, _ = draft_south(
        "Năm 2031, chỉ số sản xuất công nghiệp toàn vùng tăng 7,2%. Có 11/20 tỉnh, thành có mức tăng cao hơn "
        "mức tăng bình quân của cả nước (tăng 8,6%), cao nhất là Cần Thơ tăng 29,9%."
    )
    [can_tho] = [figure for figure in figures if figure.fields.get("province") == "Cần Thơ"]
    assert can_tho.fields["indicator"] == "iip_growth" and can_tho.comments["indicator"].startswith("TODO")
    assert can_tho.comments["indicator_as_written"].startswith("TODO")


def test_the_total_a_share_is_of_does_not_make_the_next_figure_the_countrys(draft_south):
    figures, _ = draft_south(
        "Toàn vùng hiện có 2.200 chợ (hơn 27% số chợ cả nước), 500 siêu thị và 90 trung tâm thương mại."
    )
    found = {figure.fields["indicator"]: figure for figure in figures}
    assert found["markets"].fields["share_of"] == "country"
    for code in ("supermarkets", "trade_centres"):
        assert found[code].fields["scope"] == "region" and "scope" not in found[code].comments


def test_a_count_above_the_national_growth_in_brackets_and_that_growth(draft_south):
    figures, _ = draft_south("Năm 2031, có 12/20 tỉnh, thành phố có IIP tăng cao hơn mức bình quân cả nước (7,4%).")
    found = {figure.fields["id"]: figure.fields for figure in figures}
    count, country = found["provinces-iip-growth"], found["iip-growth-country"]
    assert (count["value"], count["threshold_comparator"], count["threshold_pct"]) == ("12", ">", "7.4")
    assert (country["value"], country["scope"]) == ("7.4", "country")


@pytest.mark.parametrize(
    ("sentence", "words"), [("cao hơn cả nước", "cao hơn cả nước"), ("tăng trên 2 con số", "trên 2 con số")]
)
def test_a_count_above_a_threshold_without_its_number_says_so(draft_south, sentence, words):
    figures, asides = draft_south(f"Năm 2031 có 8/20 tỉnh có IIP {sentence}.")
    assert figures == []
    assert f"without its number ({words!r})" in asides[0].reason
