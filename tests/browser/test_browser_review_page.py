"""The review page of a draft, opened from a file as a reviewer opens it: legend, links both ways."""

import re

import pytest
from django.conf import settings
from django.core.management import call_command
from playwright.sync_api import expect

ARTICLE = "002_d76d8008020dd247"  # figures certain and with TODOs, sessions, numbers set aside


@pytest.fixture(scope="module")
def review_url(tmp_path_factory):
    folder = tmp_path_factory.mktemp("review")
    call_command(
        "draft_annotation",
        str(settings.FIXTURE_DIRS[0] / "sources" / f"{ARTICLE}.txt"),
        output=str(folder / f"{ARTICLE}.toml"),
        html=str(folder / f"{ARTICLE}.html"),
        verbosity=0,
    )
    return (folder / f"{ARTICLE}.html").as_uri()


def test_a_reviewer_goes_from_a_number_to_its_entry_and_back(review_url, page, screenshot):
    page.goto(review_url)
    expect(page.get_by_role("heading", name="Chú thích màu và ký hiệu · Legend")).to_be_visible()
    for words in ("Số liệu chắc chắn", "Số liệu cần xem lại (TODO)", "Không phải số liệu, để riêng"):
        expect(page.locator(".legend")).to_contain_text(words)
    screenshot("top", full_page=False)

    number = page.locator("a.n.todo").first
    target = number.get_attribute("href")
    number.click()
    expect(page).to_have_url(re.compile(re.escape(target) + "$"))
    card = page.locator(target)
    expect(card).to_be_in_viewport()
    expect(card).to_contain_text("Cần quyết định")
    screenshot("entry", full_page=False)

    back = card.locator(".back a").first
    back.click()
    expect(page.locator(back.get_attribute("href"))).to_be_in_viewport()


def test_certain_figures_and_numbers_set_aside_are_marked_in_words_too(review_url, page):
    page.goto(review_url)
    certain = page.locator("a.n.certain").first
    expect(certain).to_have_attribute("aria-label", re.compile("Số liệu chắc chắn / certain figure"))
    aside = page.locator("a.n.aside").first
    expect(aside).to_have_attribute("aria-label", re.compile("Không phải số liệu"))
    aside.click()
    expect(page.locator(aside.get_attribute("href"))).to_contain_text("Lý do")
