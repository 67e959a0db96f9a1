"""Checks across articles: one record per conference, flag handovers, shares against totals, parts against wholes."""

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings

from curation.annotations import read_annotation
from curation.articles import Article
from curation.consistency import check_handover, check_shares_and_parts, merge_conferences
from curation.curate import ArticleCurator
from curation.curated import FigureFacts
from curation.reference import read_reference

FIXTURES = Path(settings.FIXTURE_DIRS[0])
H1_2024 = (date(2024, 1, 1), date(2024, 6, 30))
Q1_2022 = (date(2022, 1, 1), date(2022, 3, 31))


def conference(slug="north-28-x-2024", *, path="a.toml", line=10, **fields) -> dict:
    record = {
        "slug": slug,
        "region": "north-28",
        "session_number": 10,
        "year": 2024,
        "date": None,
        "date_as_written": "",
        "status": "held",
        "host": None,
        "host_basis": "",
        "venue": "",
        "organisers": "",
        "chairs": "",
        "theme": "",
        "next_host": None,
        "_path": path,
        "_line": line,
    }
    record.update(fields)
    return record


def figure(
    slug,
    value,
    half_unit,
    *,
    scope="region",
    share_pct=None,
    share_half_unit=None,
    share_of="",
    plan_share_pct=None,
    indicator="export_turnover",
    unit="USD",
    period=H1_2024,
    conference="north-28-x-2024",
    line=1,
    signed=False,
) -> FigureFacts:
    return FigureFacts(
        fields={
            "slug": slug,
            "indicator": indicator,
            "scope": scope,
            "period_start": period[0],
            "period_end": period[1],
            "value": Decimal(value),
            "unit": unit,
            "share_pct": None if share_pct is None else Decimal(share_pct),
            "share_of": share_of,
            "plan_share_pct": None if plan_share_pct is None else Decimal(plan_share_pct),
        },
        conference=conference,
        line=line,
        half_unit=Decimal(half_unit),
        share_half_unit=None if share_half_unit is None else Decimal(share_half_unit),
        signed=signed,
    )


# "Tổng kim ngạch xuất khẩu của khu vực ước đạt 120,7 tỷ USD" / "Hải Phòng đạt 16 tỷ USD, chiếm 13,3%"
EXPORTS = figure("exports", "120.7e9", "0.05e9")


def hai_phong(share_pct="13.3", value="16e9"):
    return figure(
        "exports-hai-phong",
        value,
        "0.5e9",
        scope="province",
        share_pct=share_pct,
        share_half_unit="0.05",
        share_of="region",
        line=189,
    )


# "Quý 1-2022, ước đạt 105.091 tỷ đồng, chiếm tỷ trọng 7,97% tổng mức bán lẻ hàng hóa cả nước (1,318 triệu tỷ đồng)"
def north_central_retail(share_pct="7.97"):
    return figure(
        "retail-sales-q1-2022",
        "105091e9",
        "0.5e9",
        share_pct=share_pct,
        share_half_unit="0.005",
        share_of="country",
        indicator="retail_sales",
        unit="VND",
        period=Q1_2022,
        conference="north-central-6-x-2022",
        line=93,
    )


COUNTRY_RETAIL = figure(
    "retail-sales-q1-2022-country",
    "1.318e15",
    "0.0005e15",
    scope="country",
    indicator="retail_sales",
    unit="VND",
    period=Q1_2022,
    conference="north-central-6-x-2022",
)


# merge_conferences -------------------------------------------------------------------------------


def test_one_record_per_conference_with_blanks_filled_from_either_side():
    problems = []
    first = conference(host="ha-noi", venue="", date=date(2024, 5, 17), path="a.toml", line=17)
    second = conference(host=None, venue="Hà Nội", date=None, theme="Liên kết", path="b.toml", line=20)
    merged = merge_conferences([first, second], problems)
    assert problems == []
    assert len(merged) == 1
    record = merged[0]
    assert (record["host"], record["venue"], record["date"], record["theme"]) == (
        "ha-noi",
        "Hà Nội",
        date(2024, 5, 17),
        "Liên kết",
    )
    assert first["venue"] == "", "the input records are not modified"


def test_different_conferences_stay_apart_and_in_order():
    problems = []
    merged = merge_conferences(
        [
            conference("north-28-x-2024"),
            conference("south-20-x-2024", region="south-20"),
            conference("north-28-x-2024"),
        ],
        problems,
    )
    assert [record["slug"] for record in merged] == ["north-28-x-2024", "south-20-x-2024"]
    assert problems == []


@pytest.mark.parametrize("order", [("announced", "held"), ("held", "announced")])
def test_a_report_of_the_session_outranks_its_announcement(order):
    problems = []
    merged = merge_conferences([conference(status=status) for status in order], problems)
    assert [record["status"] for record in merged] == ["held"]
    assert problems == []


def test_two_announcements_stay_announced():
    merged = merge_conferences([conference(status="announced"), conference(status="announced")], [])
    assert merged[0]["status"] == "announced"


def test_a_contradiction_is_reported_with_both_locations():
    problems = []
    merge_conferences(
        [
            conference("north-28-ix-2023", host="quang-ninh", path="000.toml", line=37),
            conference("north-28-ix-2023", host="hai-phong", path="004.toml", line=48),
        ],
        problems,
    )
    assert len(problems) == 1
    [problem] = problems
    assert (problem.path, problem.line) == ("004.toml", 48)
    assert "north-28-ix-2023: host 'hai-phong' contradicts 'quang-ninh' from 000.toml:37" in problem.message


def test_every_contradicting_field_is_reported():
    problems = []
    merge_conferences(
        [
            conference(year=2024, session_number=10, date=date(2024, 5, 17)),
            conference(year=2023, session_number=9, date=date(2024, 5, 18)),
        ],
        problems,
    )
    assert sorted(problem.message.split()[1] for problem in problems) == ["date", "session_number", "year"]


# check_handover ----------------------------------------------------------------------------------


def test_a_handover_to_the_next_session_s_host_is_consistent():
    problems = []
    check_handover(
        [
            conference("north-central-6-x-2022", session_number=10, next_host="thua-thien-hue"),
            conference("north-central-6-xi-2023", session_number=11, host="thua-thien-hue"),
        ],
        problems,
    )
    assert problems == []


def test_a_handover_contradicting_the_next_session_s_host_is_reported():
    problems = []
    check_handover(
        [
            conference("north-central-6-x-2022", session_number=10, next_host="thanh-hoa", path="003.toml", line=15),
            conference("north-central-6-xi-2023", session_number=11, host="thua-thien-hue", path="003.toml", line=38),
        ],
        problems,
    )
    assert [(p.path, p.line) for p in problems] == [("003.toml", 15)]
    assert "hands over to thanh-hoa, but north-central-6-xi-2023 is hosted by thua-thien-hue" in problems[0].message


def test_a_handover_is_compared_only_within_the_group_and_when_the_host_is_known():
    problems = []
    check_handover(
        [
            conference("north-28-x-2024", session_number=10, next_host="thanh-hoa"),
            conference("south-20-xi-2025", region="south-20", session_number=11, host="long-an"),
            conference("north-28-xi-2025", session_number=11, host=None),
        ],
        problems,
    )
    assert problems == []


def test_a_session_without_a_number_is_not_compared_with_session_one():
    problems = []
    check_handover(
        [
            conference("north-28-2016", session_number=None, year=2016, next_host="thanh-hoa"),
            conference("north-28-i-2008", session_number=1, year=2008, host="ha-noi"),
        ],
        problems,
    )
    assert problems == []


# check_shares_and_parts ----------------------------------------------------------------------------


def test_the_real_hai_phong_share_fits_its_total():
    problems = []
    check_shares_and_parts([("000.toml", EXPORTS), ("000.toml", hai_phong())], problems)
    assert problems == []


def test_the_real_north_central_share_of_the_country_fits():
    problems = []
    check_shares_and_parts([("003.toml", north_central_retail()), ("003.toml", COUNTRY_RETAIL)], problems)
    assert problems == []


@pytest.mark.parametrize(
    ("make", "total", "share", "fits"),
    [
        # 15.5–16.5 of 120.65–120.75 is 12.84%–13.68%; "13,3%" means 13.25–13.35.
        (hai_phong, EXPORTS, "13.7", True),
        (hai_phong, EXPORTS, "12.8", True),
        (hai_phong, EXPORTS, "13.8", False),
        (hai_phong, EXPORTS, "12.7", False),
        (hai_phong, EXPORTS, "23.3", False),
        # 105.090,5–105.091,5 of 1,3175–1,3185 million billion is 7.9704%–7.9766%; "7,97%" means 7.965–7.975.
        (north_central_retail, COUNTRY_RETAIL, "7.98", True),
        (north_central_retail, COUNTRY_RETAIL, "7.96", False),
        (north_central_retail, COUNTRY_RETAIL, "7.99", False),
        (north_central_retail, COUNTRY_RETAIL, "7.97", True),
    ],
)
def test_a_share_is_allowed_the_printed_rounding_and_no_more(make, total, share, fits):
    problems = []
    check_shares_and_parts([("f.toml", total), ("f.toml", make(share))], problems)
    assert (problems == []) is fits, problems


def test_a_share_off_by_more_than_rounding_names_the_figure_and_the_range():
    problems = []
    check_shares_and_parts([("000.toml", EXPORTS), ("000.toml", hai_phong("23.3"))], problems)
    [problem] = problems
    assert (problem.path, problem.line) == ("000.toml", 189)
    assert problem.message == (
        "figure exports-hai-phong: a share of 23.3% does not fit 16000000000 out of 120700000000 (12.84%–13.68%)"
    )


def test_a_share_is_checked_only_against_the_same_conference_indicator_and_period():
    other_period = figure("exports", "120.7e9", "0.05e9", period=(date(2024, 1, 1), date(2024, 9, 30)))
    other_indicator = figure("imports", "120.7e9", "0.05e9", indicator="import_turnover")
    other_conference = figure("exports", "120.7e9", "0.05e9", conference="north-28-ix-2023")
    problems = []
    check_shares_and_parts(
        [("f", other_period), ("f", other_indicator), ("f", other_conference), ("f", hai_phong("23.3"))], problems
    )
    assert problems == []


def test_a_share_of_the_annual_plan_is_not_checked_against_a_total():
    """A plan share ("đạt 74% kế hoạch") is of the plan, not of the region's 120,7 billion: never checked."""
    plan = figure("exports-hai-phong", "16e9", "0.5e9", scope="province", plan_share_pct="74")
    problems = []
    check_shares_and_parts([("f", EXPORTS), ("f", plan)], problems)
    assert problems == []


def test_signed_provincial_balances_are_not_parts_of_the_regional_balance():
    """Two provinces' surpluses may exceed the region's: the provinces left out may be in deficit."""
    balance = figure("balance", "1e9", "0.5e9", indicator="trade_balance", signed=True)
    surpluses = [
        figure(f"balance-{number}", "5e9", "0.5e9", scope="province", indicator="trade_balance", signed=True)
        for number in range(2)
    ]
    problems = []
    check_shares_and_parts([("f", balance), *(("f", surplus) for surplus in surpluses)], problems)
    assert problems == []


def test_unsigned_parts_of_the_same_size_are_still_reported():
    total = figure("balance", "1e9", "0.5e9", indicator="trade_balance")
    parts = [figure(f"balance-{n}", "5e9", "0.5e9", scope="province", indicator="trade_balance") for n in range(2)]
    problems = []
    check_shares_and_parts([("f", total), *(("f", part) for part in parts)], problems)
    assert len(problems) == 1


def test_provincial_parts_within_the_regional_total_pass():
    problems = []
    thai_nguyen = figure("exports-thai-nguyen", "17.8e9", "0.05e9", scope="province", line=213)
    check_shares_and_parts([("f", EXPORTS), ("f", hai_phong()), ("f", thai_nguyen)], problems)
    assert problems == []


def test_provincial_parts_summing_above_the_regional_total_are_reported():
    problems = []
    parts = [figure(f"exports-{number}", "50e9", "0.5e9", scope="province", line=100 + number) for number in range(3)]
    check_shares_and_parts([("000.toml", EXPORTS), *(("000.toml", part) for part in parts)], problems)
    [problem] = problems
    assert (problem.path, problem.line) == ("000.toml", 100)
    assert "provincial export_turnover figures add up to more than the regional total exports" in problem.message


def test_provincial_parts_are_allowed_their_rounding():
    """121 and 0,1 (each ±half a unit) can be 120.5 + 0.05 = 120.55, within 120,7 tỷ."""
    problems = []
    parts = [
        figure("a", "121e9", "0.5e9", scope="province"),
        figure("b", "0.1e9", "0.05e9", scope="province"),
    ]
    check_shares_and_parts([("f", EXPORTS), *(("f", part) for part in parts)], problems)
    assert problems == []
    parts.append(figure("c", "0.3e9", "0.05e9", scope="province"))
    check_shares_and_parts([("f", EXPORTS), *(("f", part) for part in parts)], problems)
    assert len(problems) == 1


def test_provincial_growth_rates_are_not_added_up_against_the_regional_rate():
    region = figure("iip", "10", "0.5", indicator="iip_growth", unit="percent")
    provinces = [
        figure(name, "18", "0.5", scope="province", indicator="iip_growth", unit="percent") for name in ("a", "b")
    ]
    problems = []
    check_shares_and_parts([("f", region), *(("f", p) for p in provinces)], problems)
    assert problems == []


# The rounding the curator computes for the real figures --------------------------------------------


def curated_figures(stem: str) -> dict[str, FigureFacts]:
    reference = read_reference(FIXTURES / "reference")
    article = Article.read(FIXTURES / "sources" / f"{stem}.txt")
    annotation = read_annotation(FIXTURES / "annotations" / f"{stem}.toml")
    problems = []
    result = ArticleCurator(article, annotation, reference, problems).curate()
    assert problems == []
    return {facts.fields["slug"].removeprefix(annotation.source.slug + "-"): facts for facts in result.figures}


def test_the_curator_gives_the_rounding_used_above():
    north = curated_figures("000_0100f514590ff6e3")
    assert north["exports"].half_unit == EXPORTS.half_unit
    assert north["exports"].fields["value"] == EXPORTS.fields["value"]
    assert north["exports-hai-phong"].half_unit == hai_phong().half_unit
    assert north["exports-hai-phong"].share_half_unit == Decimal("0.05")
    assert north["retail-sales"].half_unit == Decimal("0.5e12")
    central = curated_figures("003_c279f367f3d791d6")
    assert central["retail-sales-q1-2022"].share_half_unit == Decimal("0.005")
    assert central["retail-sales-q1-2022-country"].half_unit == COUNTRY_RETAIL.half_unit
    assert central["retail-sales-q1-2022-country"].fields["value"] == COUNTRY_RETAIL.fields["value"]


# A report of a session outranks its announcement on where it was held ------------------------------


@pytest.mark.parametrize("report_first", [False, True])
def test_the_host_of_a_report_supersedes_the_announced_host_in_either_order(report_first):
    announced = conference("south-20-xi-2025", status="announced", host="long-an", host_basis="stated", path="a.toml")
    held = conference("south-20-xi-2025", status="held", host="tay-ninh-2025", host_basis="venue", path="b.toml")
    problems = []
    [merged] = merge_conferences([held, announced] if report_first else [announced, held], problems)
    assert problems == []
    assert (merged["status"], merged["host"], merged["host_basis"]) == ("held", "tay-ninh-2025", "venue")


def test_two_reports_with_different_hosts_still_contradict():
    problems = []
    merge_conferences(
        [conference(host="ha-noi", host_basis="stated"), conference(host="hai-phong", host_basis="stated", path="b")],
        problems,
    )
    assert len(problems) == 1 and "host" in problems[0].message


def test_a_designated_host_merged_in_2025_hosts_as_its_successor():
    session_x = conference("south-20-x-2024", region="south-20", session_number=10, next_host="long-an")
    session_xi = conference("south-20-xi-2025", region="south-20", session_number=11, year=2025, host="tay-ninh-2025")
    problems = []
    check_handover([session_x, session_xi], problems, {"long-an": "tay-ninh-2025"})
    assert problems == []
    elsewhere = {**session_xi, "host": "can-tho-2025"}
    check_handover([session_x, elsewhere], problems, {"long-an": "tay-ninh-2025"})
    assert len(problems) == 1


def test_a_stated_host_outranks_a_mere_venue_when_they_agree():
    stated = conference(host="kien-giang", host_basis="stated", path="a.toml")
    venue = conference(host="kien-giang", host_basis="venue", path="b.toml")
    for order in ([stated, venue], [venue, stated]):
        problems = []
        [merged] = merge_conferences(order, problems)
        assert problems == [] and merged["host_basis"] == "stated"
