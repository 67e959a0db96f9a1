"""The keyword table: each phrase names an indicator of the vocabulary, the most specific one wins."""

import csv
from pathlib import Path

import pytest
from django.conf import settings

from curation.draft_indicators import (
    COUNT_NOUN_INDICATORS,
    KEYWORDS,
    PROVINCE_COUNTS,
    STOCK_INDICATORS,
    find_keywords,
)

INDICATORS = Path(settings.FIXTURE_DIRS[0]) / "reference" / "indicators.csv"


def vocabulary() -> set[str]:
    with INDICATORS.open(encoding="utf-8", newline="") as handle:
        return {row["code"] for row in csv.DictReader(handle)}


def test_every_code_the_table_names_is_in_the_vocabulary():
    named = {code for _, codes in KEYWORDS for code in ((codes,) if isinstance(codes, str) else codes)}
    codes = named | set(PROVINCE_COUNTS.values()) | set(COUNT_NOUN_INDICATORS.values())
    assert codes | STOCK_INDICATORS <= vocabulary()


@pytest.mark.parametrize(
    ("text", "code", "written"),
    [
        ("Tổng kim ngạch xuất khẩu của khu vực", "export_turnover", "Tổng kim ngạch xuất khẩu"),
        ("kim ngạch nhập khẩu thực hiện", "import_turnover", "kim ngạch nhập khẩu"),
        (
            "tổng mức bán lẻ hàng hóa và doanh thu dịch vụ",
            "retail_sales",
            "tổng mức bán lẻ hàng hóa và doanh thu dịch vụ",
        ),
        ("tổng mức bán lẻ hàng hoá toàn vùng", "retail_sales", "tổng mức bán lẻ hàng hoá"),
        ("Tổng mức bán lẻ của từng địa phương", "retail_sales", "Tổng mức bán lẻ"),
        ("sản lượng điện thương phẩm ước đạt", "electricity_commercial", "sản lượng điện thương phẩm"),
        ("khu vực xuất siêu", "trade_balance", "xuất siêu"),
        ("tỷ lệ lấp đầy các cụm công nghiệp đạt", "industrial_cluster_occupancy", "tỷ lệ lấp đầy các cụm công nghiệp"),
        ("Giá trị sản xuất công nghiệp ước đạt", "industrial_production_value", "Giá trị sản xuất công nghiệp"),
        ("chỉ số sản xuất công nghiệp (IIP) tăng", "iip_growth", "chỉ số sản xuất công nghiệp (IIP)"),
        ("sản xuất công nghiệp tăng", "industrial_production_growth", "sản xuất công nghiệp"),
        ("111 cụm công nghiệp đi vào hoạt động", "industrial_clusters_operating", "cụm công nghiệp đi vào hoạt động"),
        ("tổng diện tích 8.498 ha", "industrial_cluster_area", "tổng diện tích"),
        ("với tổng vốn đăng ký đầu tư hơn", "industrial_cluster_capital", "tổng vốn đăng ký đầu tư"),
        ("tạo việc làm cho", "industrial_cluster_workers", "tạo việc làm"),
        ("xi-măng đạt", "cement_output", "xi-măng"),
    ],
)
def test_a_phrase_names_its_indicator(text, code, written):
    [keyword] = find_keywords(text)
    assert (keyword.indicator, keyword.text) == (code, written)


def test_a_phrase_inside_a_longer_one_is_not_read_again():
    found = find_keywords("chỉ số sản xuất công nghiệp; giá trị sản xuất công nghiệp; sản xuất công nghiệp")
    assert [k.indicator for k in found] == ["iip_growth", "industrial_production_value", "industrial_production_growth"]
