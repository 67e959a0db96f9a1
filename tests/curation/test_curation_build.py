"""The whole build: the real fixtures rebuild byte for byte, and each kind of wrong annotation is refused.

Every breakage test works on a copy of ``fixtures/`` in ``tmp_path`` and checks that the error names the
file, the line (the entry's ``[[...]]`` header for annotation problems, the article line for numbers
nobody accounted for) and what is wrong.
"""

import shutil
import unicodedata
from pathlib import Path

import pytest
from django.conf import settings

from curation.build import build
from curation.problems import CurationError

FIXTURES = Path(settings.FIXTURE_DIRS[0])

A000 = "000_0100f514590ff6e3"
A001 = "001_868e4ddf995b679e"
A002 = "002_d76d8008020dd247"
A003 = "003_c279f367f3d791d6"
A004 = "004_10f2ab8ffc80e8f9"


# Helpers ------------------------------------------------------------------------------------------


@pytest.fixture
def fixtures(tmp_path):
    """A private copy of the inputs of the build, to break."""
    for folder in ("sources", "annotations", "reference", "records"):
        shutil.copytree(FIXTURES / folder, tmp_path / folder)
    return tmp_path


def annotation(fixtures: Path, stem: str) -> Path:
    return fixtures / "annotations" / f"{stem}.toml"


def article(fixtures: Path, stem: str) -> Path:
    return fixtures / "sources" / f"{stem}.txt"


def replace_in_file(path: Path, old: str, new: str, *, count: int | None = 1) -> None:
    """Replace ``old`` by ``new``; ``count`` is how often ``old`` must occur (None: at least once)."""
    text = path.read_text(encoding="utf-8")
    found = text.count(old)
    assert found and (count is None or found == count), f"{old!r} occurs {found} times in {path.name}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def entry_block(lines: list[str], header: str, marker: str) -> tuple[int, int]:
    """(header index, end index) of the ``header`` entry that contains the line ``marker``."""
    at = lines.index(marker)
    start = max(index for index in range(at) if lines[index].strip() == header)
    end = next((index for index in range(at + 1, len(lines)) if lines[index].startswith("[")), len(lines))
    return start, end


def edit_entry(path: Path, header: str, marker: str, old: str, new: str) -> int:
    """Replace ``old`` once inside one entry; return the 1-based line of the entry's header."""
    lines = path.read_text(encoding="utf-8").split("\n")
    start, end = entry_block(lines, header, marker)
    block = "\n".join(lines[start:end])
    assert block.count(old) == 1, f"{old!r} occurs {block.count(old)} times in the entry {marker}"
    lines[start:end] = block.replace(old, new).split("\n")
    path.write_text("\n".join(lines), encoding="utf-8")
    return start + 1


def edit_figure(path: Path, figure_id: str, old: str, new: str) -> int:
    return edit_entry(path, "[[figure]]", f'id = "{figure_id}"', old, new)


def edit_conference(path: Path, slug: str, old: str, new: str) -> int:
    return edit_entry(path, "[[conference]]", f'slug = "{slug}"', old, new)


def line_of(path: Path, text: str) -> int:
    """The 1-based line of the single line of ``path`` equal to ``text`` after stripping."""
    lines = [
        number for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1) if line.strip() == text
    ]
    assert len(lines) == 1, lines
    return lines[0]


def build_error(fixtures: Path) -> CurationError:
    with pytest.raises(CurationError) as caught:
        build(fixtures)
    return caught.value


def reported(error: CurationError, path: Path, line: int | None, *words: str) -> str:
    """The line of ``str(error)`` that names ``path`` (and ``line``) and says every one of ``words``."""
    where = f"{path}:{line}: " if line else f"{path}: "
    candidates = [text for text in str(error).splitlines() if text.startswith(where)]
    matching = [text for text in candidates if all(word in text for word in words)]
    assert matching, f"nothing at {where!r} says {words!r}; the error says:\n{error}"
    return matching[0]


# The real fixtures --------------------------------------------------------------------------------


def test_building_the_real_fixtures_gives_the_committed_files_byte_for_byte():
    built = build(FIXTURES)
    assert sorted(built) == ["conferences.json", "regions.json"]
    for name, text in built.items():
        assert text == (FIXTURES / name).read_text(encoding="utf-8"), f"{name} is not what the build writes"


def test_building_twice_gives_identical_output():
    assert build(FIXTURES) == build(FIXTURES)


def test_a_copy_of_the_inputs_builds_the_same_fixtures(fixtures):
    """The output depends on the inputs only, not on where they are: the breakage tests rely on it."""
    assert build(fixtures) == build(FIXTURES)


# Figures whose values do not match their quotes ---------------------------------------------------


def test_a_quote_changed_by_one_character_is_not_verbatim(fixtures):
    path = annotation(fixtures, A000)
    line = edit_figure(path, "exports", "tăng 18,3% so với cùng kỳ.", "tăng 18,3% so với cùng kì.")
    error = build_error(fixtures)
    reported(error, path, line, "'exports'", "does not occur verbatim", f"{A000}.txt")


def test_a_value_annotated_differently_from_its_quote(fixtures):
    path = annotation(fixtures, A000)
    line = edit_figure(path, "exports", 'value = "120.7e9"', 'value = "127.0e9"')
    error = build_error(fixtures)
    message = reported(error, path, line, "'exports'", "'120,7 tỷ USD'", "120700000000", "127")
    assert "the annotation says" in message
    assert len(error.problems) == 1, str(error)


def test_a_unit_that_is_not_the_quote_s(fixtures):
    path = annotation(fixtures, A000)
    line = edit_figure(path, "exports", 'unit = "USD"', 'unit = "VND"')
    error = build_error(fixtures)
    reported(error, path, line, "'exports'", "unit is USD", "annotation says VND")


@pytest.mark.parametrize(
    ("stem", "figure_id", "annotated", "wrong", "as_written"),
    [
        (A000, "exports", "estimate", "actual", "120,7 tỷ USD"),  # "ước đạt 120,7 tỷ USD"
        (A002, "imports", "actual", "estimate", "96,41 tỷ USD"),  # "thực hiện 96,41 tỷ USD"
        (A002, "industrial-cluster-capital", "lower_bound", "actual", "73.809 tỷ đồng"),  # "hơn 73.809"
        (A002, "industrial-cluster-projects", "approximate", "actual", "1.618 dự án"),  # "khoảng 1.618"
        (A001, "country-industrial-growth-forecast", "forecast", "estimate", "10,3%"),  # "dự kiến"
    ],
)
def test_a_qualifier_the_words_before_the_number_do_not_carry(fixtures, stem, figure_id, annotated, wrong, as_written):
    path = annotation(fixtures, stem)
    line = edit_figure(path, figure_id, f'qualifier = "{annotated}"', f'qualifier = "{wrong}"')
    error = build_error(fixtures)
    reported(error, path, line, f"'{figure_id}'", f"before {as_written!r} mark it {annotated}, not {wrong}")


def test_an_unknown_qualifier(fixtures):
    path = annotation(fixtures, A000)
    line = edit_figure(path, "exports", 'qualifier = "estimate"', 'qualifier = "guess"')
    reported(build_error(fixtures), path, line, "'exports'", "qualifier must be one of", "'guess'")


def test_a_period_that_is_not_the_quote_s(fixtures):
    path = annotation(fixtures, A000)
    line = edit_figure(path, "exports", 'period = "2024-01-01/2024-06-30"', 'period = "2024-01-01/2024-09-30"')
    error = build_error(fixtures)
    reported(
        error,
        path,
        line,
        "'exports'",
        "'6 tháng đầu năm 2024' is 2024-01-01/2024-06-30",
        "the annotation says 2024-01-01/2024-09-30",
    )


def test_a_stock_annotated_as_a_flow(fixtures):
    path = annotation(fixtures, A002)
    line = edit_figure(path, "industrial-clusters", 'as_of = "2024-09-30"', 'period = "2024-01-01/2024-09-30"')
    reported(build_error(fixtures), path, line, "'industrial-clusters'", "a level at 2024-09-30")


def test_a_growth_rate_that_is_not_the_quote_s(fixtures):
    path = annotation(fixtures, A000)
    line = edit_figure(path, "exports", 'growth_pct = "18.3"', 'growth_pct = "18.4"')
    error = build_error(fixtures)
    reported(error, path, line, "'exports'", "'tăng 18,3%' = 18.3%", "annotation says 18.4")


def test_a_share_that_is_not_the_quote_s(fixtures):
    path = annotation(fixtures, A000)
    line = edit_figure(path, "exports-hai-phong", 'share_pct = "13.3"', 'share_pct = "13.5"')
    reported(build_error(fixtures), path, line, "'exports-hai-phong'", "'chiếm 13,3%' = 13.3%", "says 13.5")


def test_a_plan_share_that_is_not_the_quote_s(fixtures):
    path = annotation(fixtures, A004)
    line = edit_figure(path, "industrial-production-value", 'plan_share_pct = "74"', 'plan_share_pct = "47"')
    reported(build_error(fixtures), path, line, "'đạt 74% kế hoạch năm' = 74%", "annotation says 47")


def test_a_share_of_the_annual_plan_written_the_old_way(fixtures):
    path = annotation(fixtures, A004)
    old = 'plan_share_as_written = "đạt 74% kế hoạch năm"\nplan_share_pct = "74"'
    new = 'share_as_written = "đạt 74% kế hoạch năm"\nshare_pct = "74"\nshare_of = "annual_plan"'
    line = edit_figure(path, "industrial-production-value", old, new)
    reported(build_error(fixtures), path, line, 'share_of = "annual_plan" no longer exists', "plan_share_as_written")


def test_a_threshold_that_is_not_the_quote_s(fixtures):
    path = annotation(fixtures, A000)
    line = edit_figure(path, "provinces-iip-10pct", 'threshold_comparator = "≥"', 'threshold_comparator = ">"')
    reported(build_error(fixtures), path, line, "'provinces-iip-10pct'", "'từ 10% trở lên' = ≥ 10%", "says > 10%")


def test_a_share_consistent_with_its_quote_but_not_with_its_total(fixtures):
    """Article copy and annotation both say 23,3%: every local check passes, but 16 of 120,7 is not 23%."""
    replace_in_file(article(fixtures, A000), "chiếm 13,3%", "chiếm 23,3%")
    path = annotation(fixtures, A000)
    replace_in_file(path, "chiếm 13,3%", "chiếm 23,3%", count=None)
    line = edit_figure(path, "exports-hai-phong", 'share_pct = "13.3"', 'share_pct = "23.3"')
    error = build_error(fixtures)
    assert len(error.problems) == 1, str(error)
    message = reported(error, path, line, "exports-hai-phong", "share of 23.3% does not fit", "out of 120700000000")
    assert "12.84%–13.68%" in message


def test_a_total_that_its_shares_do_not_fit(fixtures):
    """The regional total changed consistently in article and annotation: the provinces' shares break."""
    replace_in_file(article(fixtures, A000), "ước đạt 120,7 tỷ USD", "ước đạt 220,7 tỷ USD")
    path = annotation(fixtures, A000)
    replace_in_file(path, "ước đạt 120,7 tỷ USD", "ước đạt 220,7 tỷ USD")
    edit_figure(path, "exports", 'value_as_written = "120,7 tỷ USD"', 'value_as_written = "220,7 tỷ USD"')
    edit_figure(path, "exports", 'value = "120.7e9"', 'value = "220.7e9"')
    error = build_error(fixtures)
    for figure_id in ("exports-hai-phong", "exports-thai-nguyen", "exports-bac-giang"):
        line = line_of(path, f'id = "{figure_id}"') - 1
        reported(error, path, line, f"-{figure_id}", "does not fit", "out of 220700000000")
    assert len(error.problems) == 3, str(error)


# Provinces, denominators, indicators ---------------------------------------------------------------


def test_a_province_not_stated_in_the_quote(fixtures):
    path = annotation(fixtures, A000)
    line = edit_figure(path, "exports-hai-phong", 'province = "Hải Phòng"', 'province = "Thái Bình"')
    reported(build_error(fixtures), path, line, "province 'Thái Bình' is not stated")


def test_a_host_stated_in_the_quote_that_is_not_a_province(fixtures):
    path = annotation(fixtures, A002)
    line = edit_conference(path, "south-20-x-2024", 'host = "Kiên Giang"', 'host = "Phú Quốc"')
    reported(build_error(fixtures), path, line, "host 'Phú Quốc' is not a province on 11/10/2024")


def test_a_province_scope_without_a_province(fixtures):
    path = annotation(fixtures, A000)
    line = edit_figure(path, "exports-hai-phong", 'province = "Hải Phòng"\n', "")
    reported(build_error(fixtures), path, line, "'exports-hai-phong'", "a province is named exactly when")


def test_a_denominator_that_is_not_the_group_s_declared_size(fixtures):
    """25/29 in article and annotation alike: consistent with itself, but north-28 has 28 members."""
    replace_in_file(article(fixtures, A000), "25/28 địa phương", "25/29 địa phương")
    path = annotation(fixtures, A000)
    replace_in_file(path, "25/28 địa phương", "25/29 địa phương", count=None)
    line = edit_figure(path, "provinces-iip-positive", "denominator = 28", "denominator = 29")
    error = build_error(fixtures)
    reported(error, path, line, "'provinces-iip-positive'", "counted out of 29", "north-28 declares 28 members")
    assert len(error.problems) == 1, str(error)


def test_a_denominator_that_is_not_the_quote_s(fixtures):
    path = annotation(fixtures, A000)
    line = edit_figure(path, "provinces-iip-positive", "denominator = 28", "denominator = 27")
    reported(build_error(fixtures), path, line, "the quote gives the denominator 28, the annotation says 27")


def test_an_unknown_indicator(fixtures):
    path = annotation(fixtures, A000)
    line = edit_figure(path, "exports", 'indicator = "export_turnover"', 'indicator = "export_turnovr"')
    reported(build_error(fixtures), path, line, "'exports'", "unknown indicator 'export_turnovr'")


def test_an_indicator_counted_in_another_unit(fixtures):
    path = annotation(fixtures, A000)
    line = edit_figure(path, "exports", 'indicator = "export_turnover"', 'indicator = "retail_sales"')
    reported(build_error(fixtures), path, line, "'exports'", "retail_sales is counted in VND, not USD")


def test_a_figure_of_an_unknown_conference(fixtures):
    path = annotation(fixtures, A000)
    line = edit_figure(path, "exports", 'conference = "north-28-x-2024"', 'conference = "north-28-x-2023"')
    reported(build_error(fixtures), path, line, "'exports'", "unknown conference 'north-28-x-2023'")


# The shape of the annotation file ------------------------------------------------------------------


def test_an_unknown_key(fixtures):
    path = annotation(fixtures, A000)
    line = edit_figure(path, "exports", 'qualifier = "estimate"', 'qualifer = "estimate"')
    error = build_error(fixtures)
    reported(error, path, line, "unknown key 'qualifer'")
    reported(error, path, line, "missing key 'qualifier'")


def test_invalid_toml(fixtures):
    path = annotation(fixtures, A000)
    edit_figure(path, "exports", 'value = "120.7e9"', 'value = "120.7e9')
    line = line_of(path, 'value = "120.7e9')
    error = build_error(fixtures)
    message = next(text for text in str(error).splitlines() if text.startswith(str(path)))
    assert "not valid TOML" in message
    assert message.startswith(f"{path}:{line}: ")


# Articles and annotations that do not pair up, and numbers nobody accounted for --------------------


def test_an_article_without_its_annotation(fixtures):
    annotation(fixtures, A004).unlink()
    error = build_error(fixtures)
    reported(error, article(fixtures, A004), None, "has no annotation")
    assert len(error.problems) == 1, str(error)


def test_an_annotation_without_its_article(fixtures):
    article(fixtures, A004).unlink()
    error = build_error(fixtures)
    reported(error, annotation(fixtures, A004), None, "has no article text")
    assert len(error.problems) == 1, str(error)


def test_a_number_no_annotation_accounts_for(fixtures):
    path = annotation(fixtures, A004)
    replace_in_file(path, '[[not_a_figure]]\ntext = "8297"\nreason = "Page clutter: the page\'s view counter."\n', "")
    error = build_error(fixtures)
    message = reported(error, article(fixtures, A004), 20, "the number '8297'", f"{A004}.toml")
    assert "• 8297" in message  # the context around the number
    assert len(error.problems) == 1, str(error)


def test_a_figure_whose_quote_is_not_verbatim_no_longer_covers_its_numbers(fixtures):
    path = annotation(fixtures, A004)
    edit_figure(path, "industrial-production-value", "đạt 74% kế hoạch năm.", "đạt 74% kế hoạch năm!")
    error = build_error(fixtures)
    for number in ("1.919", "17,3", "74"):
        reported(error, article(fixtures, A004), 7, f"the number {number!r}")


def test_a_not_a_figure_text_that_is_not_in_the_article(fixtures):
    path = annotation(fixtures, A004)
    replace_in_file(path, 'text = "8297"', 'text = "8298"')
    line = line_of(path, 'text = "8298"') - 1
    error = build_error(fixtures)
    reported(error, path, line, "not_a_figure text does not occur verbatim")
    reported(error, article(fixtures, A004), 20, "the number '8297'")


def test_an_article_that_is_not_nfc(fixtures):
    path = article(fixtures, A004)
    path.write_text(unicodedata.normalize("NFD", path.read_text(encoding="utf-8")), encoding="utf-8")
    reported(build_error(fixtures), annotation(fixtures, A004), None, "is not NFC-normalised")


# Checks across articles ----------------------------------------------------------------------------

EXTRA_SENTENCE = (
    "Kể từ hội nghị ngành Công Thương 28 tỉnh, thành phố khu vực phía Bắc lần thứ IX năm 2023 tại Hải Phòng."
)
EXTRA_CONFERENCE = f"""
[[conference]]
slug = "north-28-ix-2023"
region = "north-28"
kind = "mention"
session = "lần thứ IX"
year = 2023
status = "held"
date = ""
date_as_written = ""
host = "Hải Phòng"
host_basis = "venue"
venue = "Hải Phòng"
organisers = ""
chairs = ""
theme = ""
next_host = ""
quotes = ["{EXTRA_SENTENCE}"]
"""


def test_conflicting_facts_about_one_conference_from_two_files(fixtures):
    """004 (in a copy) says session IX of 2023 met in Hải Phòng; 000 says Quảng Ninh."""
    source = article(fixtures, A004)
    source.write_text(source.read_text(encoding="utf-8") + "\n" + EXTRA_SENTENCE + "\n", encoding="utf-8")
    path = annotation(fixtures, A004)
    text = path.read_text(encoding="utf-8")
    line = text.count("\n") + 2  # the header follows the blank line that opens EXTRA_CONFERENCE
    path.write_text(text + EXTRA_CONFERENCE, encoding="utf-8")
    assert path.read_text(encoding="utf-8").split("\n")[line - 1] == "[[conference]]"

    earlier = annotation(fixtures, A000)
    earlier_lines = earlier.read_text(encoding="utf-8").split("\n")
    earlier_line = entry_block(earlier_lines, "[[conference]]", 'slug = "north-28-ix-2023"')[0] + 1
    assert earlier_line == 37
    error = build_error(fixtures)
    reported(
        error, path, line, "north-28-ix-2023: host 'hai-phong' contradicts 'quang-ninh'", f"{earlier}:{earlier_line}"
    )
    reported(error, path, line, "venue 'Hải Phòng' contradicts 'Quảng Ninh'", f"{earlier}:{earlier_line}")
    assert len(error.problems) == 2, str(error)


def test_a_flag_handover_contradicting_the_next_session_s_host(fixtures):
    path = annotation(fixtures, A003)
    line = edit_conference(path, "north-central-6-x-2022", 'next_host = "Thừa Thiên Huế"', 'next_host = "Thanh Hóa"')
    error = build_error(fixtures)
    reported(
        error,
        path,
        line,
        "north-central-6-x-2022 hands over to thanh-hoa, but north-central-6-xi-2023 is hosted by thua-thien-hue",
    )
    assert len(error.problems) == 1, str(error)


def test_two_articles_with_the_same_source_slug(fixtures):
    path = annotation(fixtures, A004)
    replace_in_file(path, 'slug = "north-28-2016"\npublication', 'slug = "plvn-south-20-x-2024"\npublication')
    error = build_error(fixtures)
    reported(error, path, line_of(path, "[source]"), "source slug 'plvn-south-20-x-2024' is also used by")


def test_several_problems_in_several_files_are_all_reported(fixtures):
    first = annotation(fixtures, A000)
    value_line = edit_figure(first, "exports", 'value = "120.7e9"', 'value = "127.0e9"')
    growth_line = edit_figure(first, "retail-sales", 'growth_pct = "12.3"', 'growth_pct = "13.2"')
    second = annotation(fixtures, A002)
    qualifier_line = edit_figure(second, "imports", 'qualifier = "actual"', 'qualifier = "estimate"')
    third = annotation(fixtures, A004)
    replace_in_file(third, '[[not_a_figure]]\ntext = "8297"\nreason = "Page clutter: the page\'s view counter."\n', "")
    error = build_error(fixtures)
    reported(error, first, value_line, "'exports'", "the annotation says 127000000000")
    reported(error, first, growth_line, "'retail-sales'", "the annotation says 13.2")
    reported(error, second, qualifier_line, "'imports'", "mark it actual, not estimate")
    reported(error, article(fixtures, A004), 20, "the number '8297'")
    assert len(error.problems) == 4, str(error)


def test_an_invalid_annotation_does_not_hide_the_problems_of_the_others(fixtures):
    broken = annotation(fixtures, A001)
    broken.write_text(broken.read_text(encoding="utf-8") + "\n[[figure\n", encoding="utf-8")
    other = annotation(fixtures, A002)
    line = edit_figure(other, "exports", 'growth_pct = "10.41"', 'growth_pct = "10.14"')
    error = build_error(fixtures)
    assert any(text.startswith(f"{broken}") and "not valid TOML" in text for text in str(error).splitlines())
    reported(error, other, line, "'exports'", "annotation says 10.14")


def test_a_session_without_a_year_is_refused_not_a_crash(fixtures):
    path = annotation(fixtures, A002)
    line = edit_conference(path, "south-20-x-2024", "year = 2024", "year = 0")
    reported(build_error(fixtures), path, line, "year 0 is not a year")
