"""axe-core on every page type, in both languages, on desktop and phone: no violation.

axe-core comes from the axe-playwright-python package (requirements-dev.txt), which ships its
axe.min.js; it is evaluated in the page as Playwright's own script, which the CSP does not govern.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe

from conferences.models import ConferenceOfficial, IndicatorReport, Source

# Every page type, with the states that change what is drawn: filters, the 2025 map, bad input.
PAGES = [
    "/",
    "/conferences/",
    "/conferences/?region=north-28&year=2022-2024",
    "/conferences/north-28-x-2024/",
    "/regions/",
    "/regions/north-28/",
    "/regions/south-20/?units=now",
    "/provinces/",
    "/provinces/?units=now",
    "/provinces/thanh-hoa/",
    "/provinces/thanh-hoa-2025/",
    "/figures/",
    "/figures/?region=north-28&indicator=export_turnover",
    "/figures/{figure}/",
    "/sources/",
    "/sources/{source}/",
    "/people/",
    "/people/{person}/",
    "/quality/",
    "/search/?q=thanh+hoa",
    "/search/?q=kim+ngach+xuat+khau+2024",
    "/conferences/?year=abc&session=XIVV",
    "/no-such-page/",
]


@pytest.fixture(scope="module")
def axe():
    return Axe()


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_axe_finds_no_violation_on_any_page_type(site, page, axe, prefix):
    slugs = {
        "figure": IndicatorReport.objects.order_by("slug").values_list("slug", flat=True).first(),
        "source": Source.objects.order_by("slug").values_list("slug", flat=True).first(),
        "person": ConferenceOfficial.objects.order_by("pk").first().person_slug,
    }
    found = {}
    for path in PAGES:
        page.goto(site + prefix + path.format(**slugs))
        results = axe.run(page)
        for violation in results.response["violations"]:
            nodes = [node["target"] for node in violation["nodes"]][:5]
            found.setdefault(path, []).append(f"{violation['id']} ({violation['impact']}): {nodes}")
    assert not found, "\n".join(f"{path}: {problems}" for path, problems in found.items())


def test_axe_reports_a_known_violation(page, axe):
    """The check above can fail: the same axe, on a page with an image without a text alternative."""
    page.set_content('<!doctype html><html lang="en"><title>t</title><main><img src="x.png"></main></html>')
    assert "image-alt" in {violation["id"] for violation in axe.run(page).response["violations"]}
