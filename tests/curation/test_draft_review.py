"""The review page marks every number of the article by what became of it, links it to its entry, and
stands alone: one HTML file with nothing to fetch."""

import re
from pathlib import Path

import pytest
from django.conf import settings

from curation.annotations import read_annotation
from curation.articles import Article
from curation.coverage import NUMBER
from curation.curate import ArticleCurator
from curation.draft import Draft, draft_article
from curation.draft_entries import Entry
from curation.draft_fates import FATES, numbers
from curation.draft_leftovers import covered_mask
from curation.draft_leftovers import uncovered as uncovered_numbers
from curation.draft_review import review_page
from curation.draft_toml import render
from curation.reference import read_reference

TEXT = (
    "Hội nghị <b>ngành</b> Công Thương & bạn bè năm 2024\n"
    "\n"
    "Ngày 11/10, tại Hà Nội, Hội nghị ngành Công Thương khu vực phía Bắc năm 2024 được tổ chức.\n"
    "Xuất khẩu đạt 120,7 tỷ USD, tăng 18,3%.\n"
    "Nhập khẩu ước đạt 96,4 tỷ USD.\n"
    "Lượt xem: 1234\n"
    "Có 77 doanh nghiệp tham gia.\n"
)


def figure(quote: str, value: str, **fields) -> Entry:
    return Entry("figure", {"id": value, "quote": quote, "value_as_written": value, "period_label": "", **fields})


@pytest.fixture
def draft() -> Draft:
    certain = figure("Xuất khẩu đạt 120,7 tỷ USD, tăng 18,3%.", "120,7 tỷ USD", growth_as_written="tăng 18,3%")
    unsure = figure("Nhập khẩu ước đạt 96,4 tỷ USD.", "96,4 tỷ USD", indicator="")
    unsure.todo("no indicator found", "indicator")
    aside = Entry("not_a_figure", {"text": "Lượt xem: 1234", "reason": "TODO: page clutter?"}, notes=["line 6"])
    return Draft(
        name="x.txt",
        text=TEXT,
        source=Entry("source", {"slug": "x", "title": "Hội nghị <b>ngành</b> Công Thương & bạn bè năm 2024"}),
        conferences=[
            Entry(
                "conference",
                {
                    "slug": "north-28-2024",
                    "year": 2024,
                    "date_as_written": "Ngày 11/10",
                    "quotes": [TEXT.split("\n")[2]],
                },
            )
        ],
        figures=[certain, unsure],
        not_figures=[aside],
    )


def marks(page: str) -> list[tuple[str, str, str]]:
    """Each marked number of the article, in order: (as printed, fate, the id of the entry it links to)."""
    found = re.findall(r'<a class="n (\w+)" id="n-\d+" href="#([\w-]+)"[^>]*>([^<]*)<sup', page)
    return [(written, fate, target) for fate, target, written in found]


def test_every_number_is_marked_with_its_fate_and_linked_to_its_entry(draft):
    page = review_page(draft)
    assert marks(page) == [
        ("2024", "session", "source"),
        ("11/10", "session", "conference-1"),
        ("2024", "session", "conference-1"),
        ("120,7", "certain", "figure-1"),
        ("18,3", "certain", "figure-1"),
        ("96,4", "todo", "figure-2"),
        ("1234", "aside", "aside-1"),
        ("77", "unexplained", "unexplained-1"),
    ]
    for target in ("source", "conference-1", "figure-1", "figure-2", "aside-1", "unexplained-1"):
        assert f'id="{target}"' in page


def test_an_entry_links_back_to_its_numbers_in_the_article(draft):
    page = review_page(draft)
    start = TEXT.index("96,4")
    card = page[page.index('id="figure-2"') : page.index("</article>", page.index('id="figure-2"'))]
    assert f'href="#n-{start}"' in card
    assert "no indicator found" in card


def test_two_numbers_of_one_date_are_one_mark(draft):
    marked = [TEXT[n.start : n.end] for n in numbers(draft)]
    assert "11/10" in marked and "11" not in marked


def test_figures_with_a_todo_come_first(draft):
    page = review_page(draft)
    assert page.index('id="figure-2"') < page.index('id="figure-1"')


def test_each_fate_has_a_symbol_and_words_not_colour_alone(draft):
    page = review_page(draft)
    legend = page[page.index('id="legend-h"') : page.index("</section>", page.index('id="legend-h"'))]
    for symbol, vietnamese, english in FATES.values():
        assert symbol in legend and vietnamese in legend and english in legend
    assert '<sup aria-hidden="true">!</sup>' in page  # the unexplained 77


def test_the_article_text_is_escaped(draft):
    page = review_page(draft)
    assert "<b>" not in page
    assert "Hội nghị &lt;b&gt;ngành&lt;/b&gt; Công Thương &amp; bạn bè năm" in page


def test_the_page_is_self_contained_vietnamese_and_utf8(draft):
    page = review_page(draft, toml_name="fixtures/annotations/x.toml")
    assert page.startswith('<!DOCTYPE html>\n<html lang="vi">')
    assert '<meta charset="utf-8">' in page
    assert "<style>" in page
    for external in ("<script", "<link", "src=", "url(", "@import", "http:", "https:"):
        assert external not in page, external
    assert "fixtures/annotations/x.toml" in page


def test_a_number_nothing_accounts_for_is_listed_as_unexplained(draft):
    page = review_page(draft)
    assert 'id="unexplained-h"' in page
    assert f'href="#n-{TEXT.index("77")}"' in page
    draft.not_figures.append(Entry("not_a_figure", {"text": "77 doanh nghiệp", "reason": "not a figure"}))
    assert 'id="unexplained-h"' not in review_page(draft)


@pytest.mark.parametrize("source", sorted((Path(settings.FIXTURE_DIRS[0]) / "sources").glob("*.txt")), ids=str)
def test_on_the_five_articles_the_page_sets_aside_what_the_build_finds_uncovered(source, tmp_path):
    """Without its [[not_a_figure]] entries, the build's completeness check of a draft reports exactly
    the numbers the page marks set aside or unexplained."""
    fixtures = Path(settings.FIXTURE_DIRS[0])
    draft = draft_article(source, fixtures)
    marked = {
        match.start()
        for number in numbers(draft)
        if number.fate in ("aside", "unexplained")
        for match in NUMBER.finditer(draft.text, number.start, number.end)
    }
    path = tmp_path / f"{source.stem}.toml"
    path.write_text(render([], [draft.source, *draft.conferences, *draft.figures])[0], encoding="utf-8")
    article = Article(path=source, raw=draft.text)
    result = ArticleCurator(article, read_annotation(path), read_reference(fixtures / "reference"), []).curate()
    uncovered = {match.start() for match in uncovered_numbers(article, covered_mask(article, result.covered))}
    assert marked == uncovered


def test_an_article_not_in_nfc_is_flagged_at_the_top(draft):
    assert 'role="alert"' not in review_page(draft)
    draft.was_nfc = False
    assert 'role="alert">Tệp bài viết chưa chuẩn hóa NFC' in review_page(draft)
