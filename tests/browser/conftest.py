"""Browser tests: Debian's Chromium driven by Playwright, against a live server with the real data.

They run in their own pytest session (`-m browser`, see the Makefile): the live server needs a
transactional database, which is emptied after each test, so each test loads the data itself.
Screenshots go to artifacts/screenshots/ for a person to look at.
"""

import os
from pathlib import Path

import pytest
from loaded_dataset import load_dataset

CHROMIUM = "/usr/bin/chromium"
SCREENSHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"
PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 900}


BROWSER_TESTS = Path(__file__).resolve().parent


def pytest_collection_modifyitems(items):
    """Mark this folder's tests (a conftest hook sees every collected item, so check the path)."""
    for item in items:
        if BROWSER_TESTS in item.path.parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium package (.ci/run does).")
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs an event loop
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-gpu"],
        )
        yield browser
        browser.close()


@pytest.fixture
def site(live_server, transactional_db):
    load_dataset(force=True)
    return live_server.url


@pytest.fixture(params=["desktop", "phone"])
def page(request, browser):
    viewport = PHONE if request.param == "phone" else DESKTOP
    context = browser.new_context(viewport=viewport, locale="vi-VN")
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.viewport_name = request.param
    yield page
    context.close()


@pytest.fixture
def screenshot(page, request):
    """Save a screenshot (the full page unless told the viewport) named after the test and viewport."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def take(name: str, full_page: bool = True):
        path = SCREENSHOTS / f"{request.node.originalname}-{name}-{page.viewport_name}.png"
        page.screenshot(path=str(path), full_page=full_page)
        return path

    return take
