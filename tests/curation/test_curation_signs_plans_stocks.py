"""Signed values, plan shares, levels "to date", context figures and the new units, through the build.

The article below is fictional, written for these tests: a decline of one province's growth rate, a
national rate quoted as context, a trade deficit, a share of the annual plan, a level "đến nay" and a
level "tính đến hết tháng 6/2024", a population and an area. Each test builds it, or breaks one field
and checks that the build names the figure and says what is wrong.
"""

import json
import shutil
from pathlib import Path

import pytest
from django.conf import settings

from curation.build import build
from curation.problems import CurationError

SESSION = (
    "Ngày 18/10, tại tỉnh Nghệ An, Bộ Công Thương tổ chức Hội nghị ngành Công Thương các tỉnh Bắc Trung Bộ năm 2024."
)
GROWTH = (
    "9 tháng đầu năm 2024, chỉ số sản xuất công nghiệp của Hà Tĩnh giảm 3,7% so với cùng kỳ, "
    "thấp hơn cả nước (tăng 8,1%)."
)
TRADE = "Kim ngạch xuất khẩu của khu vực ước đạt 5,2 tỷ USD, bằng 72,5% kế hoạch năm; khu vực nhập siêu 1,2 tỷ USD."
TO_DATE = "Đến nay, toàn khu vực có 45 cụm công nghiệp, tỷ lệ lấp đầy đạt 62,5%."
PEOPLE = "Tính đến hết tháng 6/2024, dân số của khu vực khoảng 11,2 triệu người, diện tích 51.400 km2."
ARTICLE = "\n".join([SESSION, GROWTH, TRADE, TO_DATE, PEOPLE]) + "\n"

SOURCE = """[source]
slug = "test-north-central-6-2024"
publication = ""
publication_note = "Fictional, written for the tests."
title = ""
author = ""
published_on = ""
published_as_written = ""
reproduction_notice = ""

[[conference]]
slug = "north-central-6-2024"
region = "north-central-6"
kind = "report"
session = ""
year = 2024
status = "held"
date = "2024-10-18"
date_as_written = "Ngày 18/10"
host = "Nghệ An"
host_basis = "venue"
venue = "tỉnh Nghệ An"
organisers = "Bộ Công Thương"
chairs = ""
theme = ""
next_host = ""
quotes = ["{session}"]
"""

FIGURES = {
    "iip-ha-tinh": """
indicator = "iip_growth"
indicator_as_written = "chỉ số sản xuất công nghiệp"
scope = "province"
province = "Hà Tĩnh"
quote = "{growth}"
value_as_written = "giảm 3,7%"
value = "-3.7"
unit = "percent"
qualifier = "actual"
period_label = "9 tháng đầu năm 2024"
period = "2024-01-01/2024-09-30"
""",
    "iip-country": """
indicator = "iip_growth"
indicator_as_written = "chỉ số sản xuất công nghiệp"
scope = "country"
quote = "{growth}"
value_as_written = "tăng 8,1%"
value = "8.1"
unit = "percent"
qualifier = "actual"
period_label = "9 tháng đầu năm 2024"
period = "2024-01-01/2024-09-30"
""",
    "exports": """
indicator = "export_turnover"
indicator_as_written = "Kim ngạch xuất khẩu"
scope = "region"
quote = "{trade}"
clause = "Kim ngạch xuất khẩu của khu vực ước đạt 5,2 tỷ USD, bằng 72,5% kế hoạch năm"
value_as_written = "5,2 tỷ USD"
value = "5.2e9"
unit = "USD"
plan_share_as_written = "bằng 72,5% kế hoạch năm"
plan_share_pct = "72.5"
qualifier = "estimate"
period_label = "9 tháng đầu năm 2024"
period = "2024-01-01/2024-09-30"
period_quote = "{growth}"
""",
    "trade-balance": """
indicator = "trade_balance"
indicator_as_written = "nhập siêu"
scope = "region"
quote = "{trade}"
clause = "khu vực nhập siêu 1,2 tỷ USD"
value_as_written = "nhập siêu 1,2 tỷ USD"
value = "-1.2e9"
unit = "USD"
qualifier = "actual"
period_label = "9 tháng đầu năm 2024"
period = "2024-01-01/2024-09-30"
period_quote = "{growth}"
""",
    "clusters": """
indicator = "industrial_clusters"
indicator_as_written = "cụm công nghiệp"
scope = "region"
quote = "{to_date}"
value_as_written = "45 cụm công nghiệp"
value = "45"
unit = "count"
qualifier = "actual"
period_label = "Đến nay"
as_of = "2024-10-18"
""",
    "occupancy": """
indicator = "industrial_cluster_occupancy"
indicator_as_written = "tỷ lệ lấp đầy"
scope = "region"
quote = "{to_date}"
value_as_written = "62,5%"
value = "62.5"
unit = "percent"
qualifier = "actual"
period_label = "Đến nay"
as_of = "2024-10-18"
""",
    "population": """
indicator = "population"
indicator_as_written = "dân số"
scope = "region"
quote = "{people}"
value_as_written = "11,2 triệu người"
value = "11.2e6"
unit = "person"
qualifier = "approximate"
period_label = "Tính đến hết tháng 6/2024"
as_of = "2024-06-30"
""",
    "area": """
indicator = "area"
indicator_as_written = "diện tích"
scope = "region"
quote = "{people}"
value_as_written = "51.400 km2"
value = "51400"
unit = "km2"
qualifier = "actual"
period_label = "Tính đến hết tháng 6/2024"
as_of = "2024-06-30"
""",
}

PHRASES = {"session": SESSION, "growth": GROWTH, "trade": TRADE, "to_date": TO_DATE, "people": PEOPLE}


def annotation_text(figures: dict[str, str] = FIGURES) -> str:
    text = SOURCE.format(**PHRASES)
    for figure_id, body in figures.items():
        text += f'\n[[figure]]\nid = "{figure_id}"\nconference = "north-central-6-2024"' + body.format(**PHRASES)
    return text


@pytest.fixture
def fixtures(tmp_path) -> Path:
    for folder in ("sources", "annotations", "reference", "records"):
        shutil.copytree(Path(settings.FIXTURE_DIRS[0]) / folder, tmp_path / folder)
    (tmp_path / "sources" / "900_test.txt").write_text(ARTICLE, encoding="utf-8")
    return tmp_path


def write(fixtures: Path, text: str) -> Path:
    path = fixtures / "annotations" / "900_test.toml"
    path.write_text(text, encoding="utf-8")
    return path


def figures(built: dict) -> dict:
    objects = json.loads(built["conferences.json"])
    prefix = "test-north-central-6-2024-"
    return {
        obj["fields"]["slug"].removeprefix(prefix): obj["fields"]
        for obj in objects
        if obj["model"] == "conferences.indicatorreport" and obj["fields"]["slug"].startswith(prefix)
    }


def with_change(figure_id: str, old: str, new: str) -> str:
    body = FIGURES[figure_id]
    assert body.count(old) == 1, f"{old!r} is not once in {figure_id}"
    return annotation_text({**FIGURES, figure_id: body.replace(old, new)})


def refused(fixtures: Path, text: str, *words: str) -> str:
    path = write(fixtures, text)
    with pytest.raises(CurationError) as caught:
        build(fixtures)
    lines = [line for line in str(caught.value).splitlines() if line.startswith(f"{path}:")]
    matching = [line for line in lines if all(word in line for word in words)]
    assert matching, f"no problem says {words!r}; the build says:\n{caught.value}"
    return matching[0]


# Accepted ------------------------------------------------------------------------------------------


def test_the_annotated_article_builds(fixtures):
    write(fixtures, annotation_text())
    built = figures(build(fixtures))
    assert sorted(built) == sorted(FIGURES)


def test_a_decline_is_a_negative_growth_rate_and_the_national_rate_is_a_context_figure(fixtures):
    write(fixtures, annotation_text())
    built = figures(build(fixtures))
    decline, national = built["iip-ha-tinh"], built["iip-country"]
    assert (decline["value"], decline["value_as_written"], decline["province"]) == ("-3.7", "giảm 3,7%", ["ha-tinh"])
    assert (national["value"], national["scope"], national["province"]) == ("8.1", "country", None)


def test_a_deficit_is_a_negative_trade_balance(fixtures):
    write(fixtures, annotation_text())
    balance = figures(build(fixtures))["trade-balance"]
    assert (balance["indicator"], balance["value"], balance["unit"]) == (["trade_balance"], "-1200000000", "USD")


def test_a_plan_share_is_its_own_field_beside_no_share_of_a_total(fixtures):
    write(fixtures, annotation_text())
    exports = figures(build(fixtures))["exports"]
    assert (exports["plan_share_pct"], exports["share_pct"], exports["share_of"]) == ("72.5", None, "")


def test_to_date_is_a_level_at_the_session_s_date(fixtures):
    write(fixtures, annotation_text())
    clusters = figures(build(fixtures))["clusters"]
    assert (clusters["is_stock"], clusters["period_start"], clusters["period_end"]) == (True, None, "2024-10-18")
    assert clusters["period_label"] == "Đến nay"


def test_a_level_at_the_end_of_a_month_and_a_population_in_persons(fixtures):
    write(fixtures, annotation_text())
    built = figures(build(fixtures))
    population, area = built["population"], built["area"]
    assert (population["value"], population["unit"], population["period_end"]) == ("11200000", "person", "2024-06-30")
    assert (area["value"], area["unit"]) == ("51400", "km2")


# Refused -------------------------------------------------------------------------------------------


def test_a_decline_annotated_as_a_rise(fixtures):
    message = refused(fixtures, with_change("iip-ha-tinh", 'value = "-3.7"', 'value = "3.7"'), "'iip-ha-tinh'")
    assert "sign of value '3.7' disagrees with 'giảm 3,7%'" in message


def test_a_deficit_annotated_as_a_surplus(fixtures):
    text = with_change("trade-balance", 'value = "-1.2e9"', 'value = "1.2e9"')
    refused(fixtures, text, "'trade-balance'", "sign of value", "'nhập siêu 1,2 tỷ USD'", "a decline or a deficit")


def test_a_trade_balance_without_its_direction(fixtures):
    text = with_change("trade-balance", 'value_as_written = "nhập siêu 1,2 tỷ USD"', 'value_as_written = "1,2 tỷ USD"')
    refused(fixtures, text, "'trade-balance'", "starts with 'xuất siêu' (surplus) or 'nhập siêu' (deficit)")


def test_a_deficit_recorded_under_another_indicator(fixtures):
    text = with_change("trade-balance", 'indicator = "trade_balance"', 'indicator = "import_turnover"')
    refused(fixtures, text, "'trade-balance'", "'nhập siêu' states a trade balance")


def test_a_decline_annotated_without_its_sign_word(fixtures):
    """ "3,7%" alone parses as +3.7: the build sees the "giảm" before it and refuses."""
    text = with_change("iip-ha-tinh", 'value_as_written = "giảm 3,7%"', 'value_as_written = "3,7%"')
    text = text.replace('value = "-3.7"', 'value = "3.7"', 1)
    refused(fixtures, text, "'iip-ha-tinh'", "'3,7%' follows 'giảm' in the quote", "value_as_written = 'giảm 3,7%'")


def test_a_deficit_annotated_without_its_sign_word(fixtures):
    text = with_change("trade-balance", 'value_as_written = "nhập siêu 1,2 tỷ USD"', 'value_as_written = "1,2 tỷ USD"')
    refused(fixtures, text, "'trade-balance'", "'1,2 tỷ USD' follows 'nhập siêu' in the quote")


def test_a_growth_sign_before_a_value_that_is_not_a_percentage(fixtures):
    (fixtures / "sources" / "900_test.txt").write_text(ARTICLE.replace("có 45", "tăng 45"), encoding="utf-8")
    text = with_change(
        "clusters", 'value_as_written = "45 cụm công nghiệp"', 'value_as_written = "tăng 45 cụm công nghiệp"'
    )
    refused(fixtures, text.replace("có 45", "tăng 45"), "'clusters'", "'tăng' before a value is a growth rate's sign")


def test_a_plan_share_that_is_not_the_quote_s(fixtures):
    text = with_change("exports", 'plan_share_pct = "72.5"', 'plan_share_pct = "72"')
    refused(fixtures, text, "'exports'", "'bằng 72,5% kế hoạch năm' = 72.5%", "annotation says 72")


def test_a_plan_share_not_in_the_clause(fixtures):
    text = with_change(
        "exports", 'plan_share_as_written = "bằng 72,5% kế hoạch năm"', 'plan_share_as_written = "đạt 72,5% kế hoạch"'
    )
    refused(fixtures, text, "'exports'", "plan_share_as_written 'đạt 72,5% kế hoạch' is not in the quote")


def test_a_plan_share_without_its_percentage(fixtures):
    text = with_change("exports", 'plan_share_pct = "72.5"\n', "")
    refused(fixtures, text, "'exports'", "plan_share_as_written and plan_share_pct go together")


def test_a_share_of_the_annual_plan_is_told_to_become_a_plan_share(fixtures):
    old = 'plan_share_as_written = "bằng 72,5% kế hoạch năm"\nplan_share_pct = "72.5"'
    new = 'share_as_written = "bằng 72,5% kế hoạch năm"\nshare_pct = "72.5"\nshare_of = "annual_plan"'
    message = refused(
        fixtures, with_change("exports", old, new), "'exports'", 'share_of = "annual_plan" no longer exists'
    )
    assert "plan_share_as_written" in message and "plan_share_pct" in message


def test_to_date_at_another_date_than_the_session_s(fixtures):
    text = with_change("clusters", 'as_of = "2024-10-18"', 'as_of = "2024-09-30"')
    refused(
        fixtures, text, "'clusters'", "'Đến nay' is a level at 2024-10-18 (the session's date)", "a level at 2024-09-30"
    )


def test_to_date_in_the_report_of_a_session_without_a_date(fixtures):
    text = annotation_text().replace(
        'date = "2024-10-18"\ndate_as_written = "Ngày 18/10"', 'date = ""\ndate_as_written = ""'
    )
    message = refused(fixtures, text, "'clusters'", "'Đến nay' is a level at the session's date")
    assert "'north-central-6-2024' has no date" in message


def test_to_date_annotated_as_a_flow(fixtures):
    text = with_change("occupancy", 'as_of = "2024-10-18"', 'period = "2024-01-01/2024-10-18"')
    refused(fixtures, text, "'occupancy'", "a level at 2024-10-18", "the annotation says 2024-01-01/2024-10-18")


def test_a_month_end_level_at_another_date(fixtures):
    text = with_change("area", 'as_of = "2024-06-30"', 'as_of = "2024-06-01"')
    refused(fixtures, text, "'area'", "'Tính đến hết tháng 6/2024' is a level at 2024-06-30", "a level at 2024-06-01")


def test_a_population_counted_as_a_count(fixtures):
    text = with_change("population", 'unit = "person"', 'unit = "count"')
    refused(fixtures, text, "'population'", "the quote's unit is person, the annotation says count")
