"""Records (pages whose text we do not keep): the build reads them beside the annotated articles,
checks every printed fragment with the annotation build's parsers, and keeps disagreements.

Every record here is FICTIONAL, written by the test into a copy of ``fixtures/`` in ``tmp_path``: its
publication, address and figures are made up to exercise the checks, and no such page exists.
"""

import json
import shutil
from pathlib import Path

import pytest
from django.conf import settings

from curation.build import build
from curation.problems import CurationError

FIXTURES = Path(settings.FIXTURE_DIRS[0])

# FICTIONAL: a made-up page about the northern group's session X (2024), which the real data holds.
RECORD = """\
# FICTIONAL record written by a test: no such page exists.
[source]
slug = "fictional-north-28-x-2024"
publication = "Báo Hư Cấu (fictional)"
url = "https://example.org/fictional/north-28-x-2024"
title = "Hội nghị hư cấu"
published_on = "2024-05-18"
published_as_written = "18/05/2024 08:00"
accessed_on = "2026-12-06"
language = "vi"

[[conference]]
slug = "north-28-x-2024"
region = "north-28"
kind = "report"
session_as_written = "lần thứ X"
year = 2024
status = "held"
date = "2024-05-17"
date_as_written = "Sáng 17/5"
host = "Hà Nội"
host_basis = "stated"
host_as_written = "UBND thành phố Hà Nội"
venue = "Hà Nội"
locator = "đoạn 1 (paragraph 1)"

[[figure]]
id = "electricity"
conference = "north-28-x-2024"
indicator = "electricity_commercial"
indicator_as_written = "Điện thương phẩm"
scope = "region"
value_as_written = "17.115 triệu kWh"
value = "17115e6"
unit = "kWh"
growth_as_written = "tăng 3,6%"
growth_pct = "3.6"
qualifier = "estimate"
qualifier_as_written = "ước đạt"
period_label = "6 tháng"
period_context_as_written = "6 tháng đầu năm 2024"
period = "2024-01-01/2024-06-30"
locator = "đoạn 4, câu 2 (paragraph 4, sentence 2)"
"""


@pytest.fixture
def fixtures(tmp_path):
    for folder in ("sources", "annotations", "reference", "records"):
        shutil.copytree(FIXTURES / folder, tmp_path / folder)
    return tmp_path


def write_record(fixtures: Path, text: str = RECORD, name: str = "001-fictional.toml", **replace) -> Path:
    """The fictional record with ``old=new`` replacements (each ``old`` must occur exactly once)."""
    for old, new in replace.values():
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path = fixtures / "records" / name
    path.write_text(text, encoding="utf-8")
    return path


def objects(built: dict, model: str) -> list[dict]:
    return [o["fields"] for o in json.loads(built["conferences.json"]) if o["model"] == f"conferences.{model}"]


def conference(built: dict, slug: str) -> dict:
    return next(fields for fields in objects(built, "conference") if fields["slug"] == slug)


def problems_of(fixtures: Path) -> str:
    with pytest.raises(CurationError) as caught:
        build(fixtures)
    return str(caught.value)


def line_of(path: Path, text: str) -> int:
    return path.read_text(encoding="utf-8").split("\n").index(text) + 1


# What a record gives --------------------------------------------------------------------------------


def test_a_record_builds_a_source_without_text_a_mention_with_a_locator_and_a_figure_without_a_quote(fixtures):
    write_record(fixtures)
    built = build(fixtures)
    (source,) = [s for s in objects(built, "source") if s["slug"] == "fictional-north-28-x-2024"]
    assert source["text_kept"] is False and source["file_name"] == "" and source["text_sha256"] == ""
    assert source["url"] == "https://example.org/fictional/north-28-x-2024"
    assert (source["published_on"], source["accessed_on"]) == ("2024-05-18", "2026-12-06")
    (mention,) = [m for m in objects(built, "conferencemention") if m["source"] == ["fictional-north-28-x-2024"]]
    assert mention["quote"] == "" and mention["quote_line"] is None
    assert mention["locator"] == "đoạn 1 (paragraph 1)"
    assert (mention["session_number"], mention["date"], mention["host"]) == (10, "2024-05-17", ["ha-noi"])
    (figure,) = [f for f in objects(built, "indicatorreport") if f["source"] == ["fictional-north-28-x-2024"]]
    assert figure["quote"] == "" and figure["locator"].startswith("đoạn 4")
    assert (figure["value"], figure["unit"], figure["growth_pct"]) == ("17115000000", "kWh", "3.6")
    assert (figure["growth_as_written"], figure["qualifier_as_written"]) == ("tăng 3,6%", "ước đạt")
    assert (figure["period_start"], figure["period_end"]) == ("2024-01-01", "2024-06-30")


def test_a_record_that_agrees_with_the_articles_changes_none_of_the_session_s_facts(fixtures):
    before = conference(build(fixtures), "north-28-x-2024")
    write_record(fixtures)
    after = conference(build(fixtures), "north-28-x-2024")
    assert after == before  # the same day printed "Sáng 17/5" and "Sáng 17-5" is no disagreement


def test_a_record_that_contradicts_an_article_is_kept_and_the_fact_is_left_unknown(fixtures):
    write_record(fixtures, date=('date = "2024-05-17"', 'date = "2024-05-18"'), day=('"Sáng 17/5"', '"Sáng 18/5"'))
    built = build(fixtures)  # a disagreement between pages is data, not a build error
    session = conference(built, "north-28-x-2024")
    assert (session["date"], session["date_as_written"]) == (None, "")
    assert session["host"] == ["ha-noi"]  # what they agree on stays
    dates = {
        m["source"][0]: m["date"] for m in objects(built, "conferencemention") if m["conference"] == ["north-28-x-2024"]
    }
    assert (dates["hanoimoi-north-28-x-2024"], dates["fictional-north-28-x-2024"]) == ("2024-05-17", "2024-05-18")


def test_two_records_that_disagree_on_the_host_both_stay_whatever_the_order(fixtures):
    write_record(fixtures)
    other = RECORD.replace("fictional-north-28-x-2024", "fictional-other-north-28-x-2024")
    other = other.replace('host = "Hà Nội"', 'host = "Hải Phòng"').replace('venue = "Hà Nội"', 'venue = "Hải Phòng"')
    write_record(fixtures, other, name="000-fictional.toml")
    session = conference(build(fixtures), "north-28-x-2024")
    assert (session["host"], session["host_basis"], session["venue"]) == (None, "", "")


def test_a_new_session_only_a_record_states_is_built(fixtures):
    write_record(
        fixtures,
        slug=('slug = "north-28-x-2024"', 'slug = "north-28-2019"'),
        session=('session_as_written = "lần thứ X"', 'session_as_written = ""'),
        year=("year = 2024", "year = 2019"),
        date=('date = "2024-05-17"', 'date = ""'),
        day=('date_as_written = "Sáng 17/5"', 'date_as_written = ""'),
        figure=('conference = "north-28-x-2024"', 'conference = "north-28-2019"'),
        period=(
            'period_context_as_written = "6 tháng đầu năm 2024"',
            'period_context_as_written = "6 tháng đầu năm 2019"',
        ),
        dates=('period = "2024-01-01/2024-06-30"', 'period = "2019-01-01/2019-06-30"'),
    )
    session = conference(build(fixtures), "north-28-2019")
    assert (session["session_number"], session["date"], session["host"]) == (None, None, ["ha-noi"])


def test_a_figure_no_indicator_fits_stays_in_the_record_unbuilt(fixtures):
    write_record(fixtures, indicator=('indicator = "electricity_commercial"', 'indicator = ""'))
    assert not [f for f in objects(build(fixtures), "indicatorreport") if f["source"] == ["fictional-north-28-x-2024"]]


# What a record may not do ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "header", "message"),
    [
        ('value = "17115e6"', 'value = "17116e6"', "[[figure]]", "'17.115 triệu kWh' = 17115000000 kWh"),
        ('unit = "kWh"', 'unit = "USD"', "[[figure]]", "is in kWh, the record says USD"),
        (
            'value_as_written = "17.115 triệu kWh"',
            'value_as_written = "17.115 triệu"',
            "[[figure]]",
            "value_as_written",
        ),
        ('growth_pct = "3.6"', 'growth_pct = "3.5"', "[[figure]]", "'tăng 3,6%' = 3.6%, the record says 3.5"),
        ('growth_as_written = "tăng 3,6%"', 'growth_as_written = "giảm 3,6%"', "[[figure]]", "= -3.6%"),
        ('qualifier = "estimate"', 'qualifier = "actual"', "[[figure]]", "marks the figure estimate, not actual"),
        (
            'period = "2024-01-01/2024-06-30"',
            'period = "2024-01-01/2024-09-30"',
            "[[figure]]",
            "'6 tháng đầu năm 2024' is 2024-01-01/2024-06-30",
        ),
        (
            'period_context_as_written = "6 tháng đầu năm 2024"',
            'period_context_as_written = ""',
            "[[figure]]",
            "period_context_as_written gives the year",
        ),
        (
            'indicator = "electricity_commercial"',
            'indicator = "electricity_sold"',
            "[[figure]]",
            "unknown indicator 'electricity_sold'",
        ),
        ('locator = "đoạn 4, câu 2 (paragraph 4, sentence 2)"', 'locator = ""', "[[figure]]", "locator is required"),
        ('locator = "đoạn 1 (paragraph 1)"', 'locator = ""', "[[conference]]", "locator is required"),
        (
            'session_as_written = "lần thứ X"',
            'session_as_written = "lần thứ XI"',
            "[[conference]]",
            "slug should be 'north-28-xi-2024'",
        ),
        (
            'date_as_written = "Sáng 17/5"',
            'date_as_written = "Sáng 16/5"',
            "[[conference]]",
            "date '2024-05-17' is not 'Sáng 16/5' of 2024",
        ),
        ('host = "Hà Nội"', 'host = "Hà Tây"', "[[conference]]", "host 'Hà Tây' is not a province on 17/05/2024"),
        (
            'url = "https://example.org/fictional/north-28-x-2024"',
            'url = "example.org/page"',
            "[source]",
            "is not an http(s) address",
        ),
        ('published_on = "2024-05-18"', 'published_on = "18/05/2024"', "[source]", "is not an ISO date"),
        ('accessed_on = "2026-12-06"', 'accessed_on = "hôm nay"', "[source]", "is not an ISO date"),
        (
            'published_as_written = "18/05/2024 08:00"',
            'published_as_written = "19/05/2024 08:00"',
            "[source]",
            "is not '19/05/2024 08:00'",
        ),
    ],
)
def test_each_fragment_is_checked_against_its_curated_value(fixtures, old, new, header, message):
    path = write_record(fixtures, change=(old, new))
    line = line_of(path, header)
    assert f"{path}:{line}: " in problems_of(fixtures)
    assert message in next(
        text for text in problems_of(fixtures).splitlines() if text.startswith(f"{path}:{line}: ") and message in text
    )


def test_a_province_named_is_read_on_the_map_of_the_session_s_day(fixtures):
    """Hà Giang merged into Tuyên Quang on 1 July 2025: a session of October 2025 cannot be hosted by it."""
    path = write_record(
        fixtures,
        slug=('slug = "north-28-x-2024"', 'slug = "north-28-2025"'),
        session=('session_as_written = "lần thứ X"', 'session_as_written = ""'),
        year=("year = 2024", "year = 2025"),
        date=('date = "2024-05-17"', 'date = "2025-10-17"'),
        day=('date_as_written = "Sáng 17/5"', 'date_as_written = "Sáng 17/10"'),
        host=('host = "Hà Nội"', 'host = "Hà Giang"'),
    )
    assert f"{path}:{line_of(path, '[[conference]]')}: host 'Hà Giang' is not a province on 17/10/2025" in problems_of(
        fixtures
    )


def test_a_signed_value_must_carry_its_sign(fixtures):
    path = write_record(
        fixtures,
        indicator=('indicator = "electricity_commercial"', 'indicator = "trade_balance"'),
        written=('value_as_written = "17.115 triệu kWh"', 'value_as_written = "nhập siêu 1,2 tỷ USD"'),
        value=('value = "17115e6"', 'value = "1.2e9"'),
        unit=('unit = "kWh"', 'unit = "USD"'),
    )
    assert f"{path}:{line_of(path, '[[figure]]')}: figure 'electricity': 'nhập siêu 1,2 tỷ USD' = -1200000000 USD" in (
        problems_of(fixtures)
    )


def test_a_printed_fragment_is_short_never_a_sentence(fixtures):
    sentence = "Điện thương phẩm của 28 tỉnh, thành phố khu vực phía Bắc trong 6 tháng đầu năm ước đạt 17.115 triệu kWh"
    path = write_record(
        fixtures, change=('indicator_as_written = "Điện thương phẩm"', f'indicator_as_written = "{sentence}"')
    )
    assert (
        f"indicator_as_written is {len(sentence)} characters: a printed fragment stays under 80, never a sentence"
        in problems_of(fixtures)
    )
    assert f"{path}:{line_of(path, '[[figure]]')}: " in problems_of(fixtures)


@pytest.mark.parametrize("key", ["quote", "clause", "period_quote", "text"])
def test_a_record_keeps_no_page_text(fixtures, key):
    path = write_record(
        fixtures,
        change=('locator = "đoạn 4', f'{key} = "Điện thương phẩm ước đạt 17.115 triệu kWh"\nlocator = "đoạn 4'),
    )
    assert f"{path}:{line_of(path, '[[figure]]')}: {key!r}: a record keeps no page text" in problems_of(fixtures)


def test_an_unknown_key_and_a_missing_one_are_reported_at_their_entry(fixtures):
    path = write_record(fixtures, change=('kind = "report"', 'kind = "report"\nhost_name = "Hà Nội"'))
    assert f"{path}:{line_of(path, '[[conference]]')}: unknown key 'host_name'" in problems_of(fixtures)
    path = write_record(fixtures, change=('region = "north-28"\n', ""))
    assert f"{path}:{line_of(path, '[[conference]]')}: missing key 'region'" in problems_of(fixtures)


def test_a_record_and_an_article_may_not_share_a_source_slug(fixtures):
    path = write_record(fixtures, change=('slug = "fictional-north-28-x-2024"', 'slug = "hanoimoi-north-28-x-2024"'))
    assert "source slug 'hanoimoi-north-28-x-2024' is also used by" in problems_of(fixtures)
    assert str(path) in problems_of(fixtures)


def test_the_session_s_words_are_read_out_of_a_longer_fragment(fixtures):
    write_record(fixtures, change=('session_as_written = "lần thứ X"', 'session_as_written = "lần thứ X, năm 2024"'))
    assert conference(build(fixtures), "north-28-x-2024")["session_number"] == 10


def test_a_translated_page_s_figures_and_dates_are_refused_not_guessed(fixtures):
    path = write_record(fixtures, change=('language = "vi"', 'language = "en"'))
    problems = problems_of(fixtures)
    assert f"{path}:{line_of(path, '[[figure]]')}: figure 'electricity': a page in 'en' cannot be checked" in problems
    assert f"{path}:{line_of(path, '[[conference]]')}: a page in 'en' cannot be checked" in problems


def test_pages_that_number_a_session_differently_share_the_slug_without_a_number(fixtures):
    new_session = {
        "slug": ('slug = "north-28-x-2024"', 'slug = "north-28-2019"'),
        "year": ("year = 2024", "year = 2019"),
        "date": ('date = "2024-05-17"', 'date = ""'),
        "day": ('date_as_written = "Sáng 17/5"', 'date_as_written = ""'),
    }
    write_record(
        fixtures,
        RECORD.split("[[figure]]")[0],
        **new_session,
        number=('"lần thứ X"', '"lần thứ VI"'),
    )
    other = RECORD.split("[[figure]]")[0].replace("fictional-north-28-x-2024", "fictional-other-north-28-2019")
    write_record(
        fixtures,
        other,
        name="002-fictional.toml",
        **new_session,
        number=('"lần thứ X"', '"lần thứ VII"'),
    )
    built = build(fixtures)
    assert conference(built, "north-28-2019")["session_number"] is None  # disputed: neither number is picked
    numbers = {
        m["source"][0]: m["session_number"]
        for m in objects(built, "conferencemention")
        if m["conference"] == ["north-28-2019"]
    }
    assert numbers == {"fictional-north-28-x-2024": 6, "fictional-other-north-28-2019": 7}


def test_one_group_s_year_under_two_slugs_is_refused(fixtures):
    write_record(
        fixtures,
        slug=('slug = "north-28-x-2024"', 'slug = "north-28-2024"'),
        session=('session_as_written = "lần thứ X"', 'session_as_written = ""'),
        figure=('conference = "north-28-x-2024"', 'conference = "north-28-2024"'),
    )
    assert "are both the 2024 session of north-28: use one slug" in problems_of(fixtures)


# Memberships a source states ------------------------------------------------------------------------


def test_a_stated_membership_becomes_a_statement_of_its_source(fixtures):
    write_record(fixtures)
    groups = fixtures / "reference" / "conference-groups.csv"
    text = groups.read_text(encoding="utf-8")
    groups.write_text(
        text.replace(
            "north-28,Hà Giang,before-2025,stated,qdnd-north-28-viii-2022,",
            "north-28,Hà Giang,before-2025,stated,fictional-north-28-x-2024,",
        ),
        encoding="utf-8",
    )
    statements = objects(build(fixtures), "membershipstatement")
    assert {
        "membership": ["north-28", "ha-giang"],
        "source": ["fictional-north-28-x-2024"],
        "locator": "đoạn 1, câu 1 (paragraph 1, sentence 1)",
    } in statements


def test_a_membership_stated_by_an_unknown_source_is_refused(fixtures):
    groups = fixtures / "reference" / "conference-groups.csv"
    text = groups.read_text(encoding="utf-8")
    groups.write_text(
        text.replace(",stated,baothanhhoa-north-central-6-x-2022,", ",stated,no-such-page,", 1), encoding="utf-8"
    )
    assert "unknown source 'no-such-page'" in problems_of(fixtures)


# Counts of provinces ---------------------------------------------------------------------------------

PROVINCE_COUNT = """
[[figure]]
id = "provinces-above"
conference = "north-28-x-2024"
indicator = "provinces_iip_growth"
indicator_as_written = "chỉ số sản xuất công nghiệp"
scope = "region"
value_as_written = "11/28 địa phương"
value = "11"
unit = "count"
THRESHOLD
qualifier = "actual"
period_label = "6 tháng đầu năm 2024"
period = "2024-01-01/2024-06-30"
locator = "đoạn 5 (paragraph 5)"
"""


def test_a_count_of_provinces_carries_the_threshold_it_counts_above(fixtures):
    threshold = 'threshold_as_written = "từ 10% trở lên"\nthreshold_comparator = "≥"\nthreshold_pct = "10"'
    write_record(fixtures, RECORD + PROVINCE_COUNT.replace("THRESHOLD", threshold))
    (figure,) = [f for f in objects(build(fixtures), "indicatorreport") if f["slug"].endswith("-provinces-above")]
    assert (figure["value"], figure["denominator"], figure["threshold_comparator"], figure["threshold_pct"]) == (
        "11",
        28,
        "≥",
        "10",
    )


def test_a_count_of_provinces_without_its_threshold_is_refused(fixtures):
    write_record(fixtures, RECORD + PROVINCE_COUNT.replace("THRESHOLD", ""))
    assert "needs threshold_as_written, the growth it counts above" in problems_of(fixtures)


def test_a_threshold_that_disagrees_with_its_words_is_refused(fixtures):
    threshold = 'threshold_as_written = "trên 10%"\nthreshold_comparator = "≥"\nthreshold_pct = "10"'
    write_record(fixtures, RECORD + PROVINCE_COUNT.replace("THRESHOLD", threshold))
    assert "'trên 10%' = > 10%, the record says ≥ 10%" in problems_of(fixtures)
