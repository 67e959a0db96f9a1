"""Bad input and keyboard access in real Chromium."""

import re

from playwright.sync_api import expect


def test_bad_input_shows_a_message_not_an_error_page(site, page, screenshot):
    response = page.goto(site + "/conferences/?year=abc&session=XIVV")
    assert response.status == 400
    expect(page.get_by_role("alert")).to_contain_text("Nhập một năm")
    screenshot("vi")


def test_keyboard_users_can_skip_to_the_content(site, page):
    page.goto(site + "/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Bỏ qua, đến nội dung chính")
    expect(skip).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#main$"))
