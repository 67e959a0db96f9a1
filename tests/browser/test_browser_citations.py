"""A journalist copies a citation: the button appears (the script runs under the CSP) and copies it."""

from datetime import date

from playwright.sync_api import expect


def test_the_copy_button_copies_the_citation_with_today_and_the_permalink(site, page, screenshot):
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site)
    page.goto(site + "/en/figures/hanoimoi-north-28-x-2024-exports/")
    button = page.get_by_role("button", name="Copy the citation (English)")
    expect(button).to_be_visible()
    button.click()
    expect(
        page.locator("#citation-en + * .copy-status, .copy:has([data-target=citation-en]) .copy-status")
    ).to_have_text("Copied.")
    copied = page.evaluate("navigator.clipboard.readText()")
    today = date.today()
    assert copied.startswith("Export turnover, ")
    assert (
        f"Viewed on {today.day} {today:%B} {today.year}: {site}/en/figures/hanoimoi-north-28-x-2024-exports/." in copied
    )
    assert "line" not in copied
    # No script error and no Content-Security-Policy violation. (Chromium's own request for /favicon.ico,
    # which the site lacks, logs "Failed to load resource"; the visible button shows the script loaded.)
    assert [error for error in errors if not error.startswith("Failed to load resource")] == []
    screenshot("en")
