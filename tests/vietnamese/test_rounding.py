"""The rounding arithmetic the data-quality page shares with the build's consistency check."""

from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings

from curation.annotations import read_annotation
from curation.articles import Article
from curation.curate import ArticleCurator
from curation.reference import read_reference
from vietnamese.rounding import (
    bounds,
    overlap,
    parts_exceed,
    percent_half_unit,
    share_fits,
    share_range,
    written_half_unit,
)

FIXTURES = Path(settings.FIXTURE_DIRS[0])
D = Decimal


@pytest.mark.parametrize(
    ("written", "half"),
    [
        ("120,7 tỷ USD", D("0.05e9")),
        ("16 tỷ USD", D("0.5e9")),
        ("1.404 nghìn tỷ đồng", D("0.5e12")),
        ("1,318 triệu tỷ đồng", D("0.0005e15")),
        ("1.056,8 triệu USD", D("0.05e6")),
        ("25/28 địa phương", D("0.5")),
        ("10,73%", D("0.005")),
        ("giảm 3,7%", D("0.05")),
        ("nhập siêu 1,2 tỷ USD", D("0.05e9")),
    ],
)
def test_a_written_value_allows_half_its_last_digit(written, half):
    assert written_half_unit(written) == half


@pytest.mark.parametrize(
    ("stored", "half"), [("13.300", "0.05"), ("7.970", "0.005"), ("74.000", "0.5"), ("10", "0.5"), ("0.5", "0.05")]
)
def test_a_stored_share_allows_half_its_last_significant_digit(stored, half):
    assert percent_half_unit(D(stored)) == D(half)


def test_the_documented_example_fits():
    low, high = share_range(bounds(D("16e9"), D("0.5e9")), bounds(D("120.7e9"), D("0.05e9")))
    assert (round(low, 2), round(high, 2)) == (D("12.84"), D("13.68"))
    assert share_fits(D("13.3"), D("0.05"), low, high)
    assert not share_fits(D("20"), D("0.5"), low, high)


def test_a_more_than_figure_has_no_upper_end():
    part = bounds(D("100"), D("0.5"), lower_bound=True)
    assert part == (D("99.5"), None)
    low, high = share_range(part, bounds(D("200"), D("0.5")))
    assert high is None and share_fits(D("90"), D("0.5"), low, high)
    assert not parts_exceed([(D("500"), None)], part)  # nothing exceeds "more than 100"
    assert parts_exceed([(D("60"), D("61")), (D("60"), D("61"))], bounds(D("100"), D("0.5")))
    assert overlap(part, bounds(D("150"), D("0.5")))
    assert not overlap(bounds(D("100"), D("0.5")), bounds(D("102"), D("0.5")))
    assert overlap(bounds(D("100"), D("0.5")), bounds(D("101"), D("0.5")))  # 100.5 is both


def test_a_whole_that_may_be_zero_gives_no_upper_end():
    assert share_range(bounds(D("1"), D("0.5")), bounds(D("0"), D("0.5"))) == (D("100"), None)


def curated_facts():
    """Every real figure as the build checks it, with the rounding the curator computed."""
    reference = read_reference(FIXTURES / "reference")
    for annotation_path in sorted((FIXTURES / "annotations").glob("*.toml")):
        article = Article.read(FIXTURES / "sources" / f"{annotation_path.stem}.txt")
        problems = []
        result = ArticleCurator(article, read_annotation(annotation_path), reference, problems).curate()
        assert problems == []
        yield from result.figures


def test_the_rounding_read_back_from_the_database_fields_equals_the_build_s():
    facts = list(curated_facts())
    assert len(facts) == 31
    for figure in facts:
        assert written_half_unit(figure.fields["value_as_written"]) == figure.half_unit, figure.fields["slug"]
        if figure.fields["share_pct"] is not None:
            assert percent_half_unit(figure.fields["share_pct"]) == figure.share_half_unit, figure.fields["slug"]
