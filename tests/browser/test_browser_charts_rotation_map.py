"""Charts, the hosting rotation and the 2025 map switch in real Chromium, in both languages, desktop and phone.

The new interface words may not be translated yet, so elements are found by structure (ids, classes,
addresses, aria-current) and by data, not by their wording. Each test saves full-page screenshots
and close-ups of the parts it checks, in artifacts/screenshots/.
"""

import re
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from constructed import announce_next_session
from playwright.sync_api import expect

from vietnamese.roman import to_roman

SCREENSHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"


@pytest.fixture(params=["vi", "en"])
def language(request):
    return request.param


def prefix(language):
    return "/en" if language == "en" else ""


@pytest.fixture
def close_up(page, request):
    """Save a screenshot of one element, named like the ``screenshot`` fixture's."""

    def take(locator, name: str):
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{request.node.originalname}-{name}-{page.viewport_name}.png"
        locator.screenshot(path=str(path))
        return path

    return take


def assert_no_sideways_scroll(page):
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], f"the page scrolls sideways: {width}px"


def test_the_rotation_timeline_and_the_then_now_switch_on_a_group_page(site, page, language, screenshot, close_up):
    from conferences.models import Conference
    from regions.models import Province, RegionMembership

    # The southern group as the real data has it: its first numbered session on record is not session I,
    # Kiên Giang hosted session X and named Long An next; session XI was held in Tây Ninh (2025), the
    # unit Long An became, which fits that handover.
    first = Conference.objects.filter(region__slug="south-20", session_number__isnull=False).earliest("session_number")
    assert first.session_number > 1
    page.goto(site + prefix(language) + "/regions/south-20/")
    rotation = page.locator("ol.rotation")

    def entry(slug):
        return rotation.locator("li").filter(has=page.locator(f"a.rotation-session[href$='/conferences/{slug}/']"))

    expect(rotation.locator("li").first).to_have_class(re.compile("rotation-gap"))  # no invented rows before
    expect(rotation.locator("li").first.locator(".rotation-number")).to_have_text(
        f"I–{to_roman(first.session_number - 1)}" if first.session_number > 2 else "I"
    )
    expect(entry("south-20-x-2024").locator(".rotation-host")).to_contain_text("Kiên Giang")
    expect(entry("south-20-x-2024").locator(".rotation-handover")).to_contain_text("Long An")
    # Tây Ninh of the 2025 map, not the Tây Ninh that hosted session VIII: the entry says which.
    expect(entry("south-20-xi-2025").locator(".rotation-host a[href$='/provinces/tay-ninh-2025/']")).to_have_text(
        "Tây Ninh (2025)"
    )
    expect(entry("south-20-xi-2025").locator(".rotation-host .basis")).to_have_count(1)  # as named at X
    expect(page.locator(".does-not-fit")).to_have_count(0)
    assert_no_sideways_scroll(page)

    # "As it is now": a plain link that keeps the reader at the member list.
    # Folded below the sessions and the rotation; the units the group's 2025 list names have a list of their own.
    members = page.locator("details.members-list:not(.members-2025)")
    members_switch = members.locator("nav.map-switch")
    expect(members_switch).to_be_hidden()
    members.locator("summary").click()
    expect(members_switch.locator("a[aria-current='true']")).to_have_attribute("href", re.compile(r"#members$"))
    members_switch.locator("a").nth(1).click()
    expect(page).to_have_url(re.compile(r"/regions/south-20/\?units=now#members$"))
    expect(members_switch.locator("a").nth(1)).to_have_attribute("aria-current", "true")
    rows = page.locator("table.members-now tbody tr")
    # The members of then, as units of the 2025 map, are the units the group's 2025 list names.
    listed_2025 = RegionMembership.objects.filter(
        region__slug="south-20", province__administrative_map=Province.Map.FROM_2025
    )
    expect(rows).to_have_count(listed_2025.count())
    tay_ninh = rows.filter(has=page.locator("a[href$='/provinces/tay-ninh-2025/']"))
    expect(tay_ninh).to_contain_text("Tây Ninh (2025)")
    expect(tay_ninh.locator(".formerly a")).to_have_text(["Long An", "Tây Ninh"])
    expect(entry("south-20-x-2024").locator(".rotation-host .then-now")).to_contain_text("An Giang (2025)")
    expect(entry("south-20-x-2024").locator(".rotation-handover .then-now")).to_contain_text("Tây Ninh (2025)")
    assert_no_sideways_scroll(page)
    screenshot(f"{language}-now")
    close_up(page.locator("table.members-now"), f"{language}-members-now")
    close_up(members_switch, f"{language}-switch")
    close_up(page.locator("ol.rotation"), f"{language}-rotation-now")

    # The language switch keeps the choice; "as it was then" brings the plain list back.
    switch = page.locator("a.language-switch")
    expect(switch).to_have_attribute("href", re.compile(r"units=now"))
    page.locator("#rotation ~ nav.map-switch").first.locator("a").first.click()
    expect(page).to_have_url(re.compile(r"/regions/south-20/#rotation$"))
    expect(page.locator("table.members-now")).to_have_count(0)
    expect(page.locator(".then-now")).to_have_count(0)
    close_up(page.locator("ol.rotation"), f"{language}-rotation-then")


def test_the_northern_rotation_collapses_unknown_numbers_and_places_2016_by_year(site, page, language, close_up):
    # The northern group as the real data has it: no source numbers a session before VIII (2022), and the
    # 2016 session in Ninh Bình has no number. Announced sessions take their place in the rotation too; the
    # real data has none still ahead, so the test announces the next one.
    upcoming = announce_next_session("north-28", "ha-noi-2025")
    page.goto(site + prefix(language) + "/regions/north-28/#rotation")
    entries = page.locator("ol.rotation > li")
    expect(entries.nth(0).locator(".rotation-number")).to_have_text("I–VII")
    expect(entries.nth(1).locator(".rotation-number")).to_have_text("?")
    expect(entries.nth(1)).to_contain_text("2016")
    expect(entries.nth(1)).to_contain_text("Ninh Bình")
    expect(entries.nth(2).locator(".rotation-number")).to_have_text("VIII")
    expect(page.locator("ol.rotation > li.rotation-gap")).to_have_count(1)  # from VIII on, every number is on record
    expect(entries.last).to_have_class(re.compile("rotation-announced"))
    expect(entries.last.locator(".rotation-number")).to_have_text(upcoming.session_roman)
    expect(entries.last.locator(".rotation-host")).to_contain_text("Hà Nội (2025)")
    close_up(page.locator("ol.rotation"), f"{language}-rotation")


def test_the_provincial_shares_chart_with_its_text_alternative_and_table(site, page, language, screenshot, close_up):
    page.goto(site + prefix(language) + "/regions/north-28/#shares")
    indicator = "Export turnover" if language == "en" else "Kim ngạch xuất khẩu"
    chart = page.get_by_role("img", name=re.compile(indicator))
    expect(chart).to_have_count(1)
    expect(chart).to_be_visible()
    figure = page.locator("figure#shares-1")
    expect(figure.locator("figcaption")).to_contain_text("120,7 tỷ USD" if language == "vi" else "USD 120.7 billion")
    box = chart.bounding_box()
    assert box["width"] <= page.viewport_size["width"] and box["height"] > 100
    table = figure.locator("details table")
    expect(table).to_be_hidden()
    figure.locator("details summary").click()
    expect(table).to_be_visible()
    expect(table.locator("tbody tr")).to_have_count(5)  # three provinces, the rest, the total
    expect(table.locator("tbody tr").nth(0)).to_contain_text("Thái Nguyên")
    expect(table.locator("tbody tr").nth(3)).to_contain_text("58,3%" if language == "vi" else "58.3%")
    assert_no_sideways_scroll(page)
    close_up(figure, f"{language}-chart")
    screenshot(language)


def test_a_chart_over_time_appears_with_two_comparable_periods(site, page, language, close_up):
    from conferences.models import Conference, IndicatorReport

    report = IndicatorReport.objects.get(slug="hanoimoi-north-28-x-2024-exports")
    report.pk, report.slug = None, "browser-test-north-28-ix-2023-exports"
    report.conference = Conference.objects.get(slug="north-28-ix-2023")
    report.period_start, report.period_end = date(2023, 1, 1), date(2023, 6, 30)
    report.period_label = "6 tháng đầu năm 2023"
    report.value, report.value_as_written, report.qualifier = Decimal("101.5e9"), "101,5 tỷ USD", "lower_bound"
    report.save()

    page.goto(site + prefix(language) + "/regions/north-28/#figures")
    indicator = "Export turnover" if language == "en" else "Kim ngạch xuất khẩu"
    charts = page.locator("figure.chart:not([id^='shares'])")
    expect(charts).to_have_count(1)
    svg = charts.get_by_role("img", name=re.compile(indicator))
    expect(svg).to_be_visible()
    expect(charts.locator("rect.chart-bar")).to_have_count(2)
    expect(charts.locator("rect.chart-bar-hatched")).to_have_count(1)  # the 2024 estimate
    # The table of the same figures follows the chart.
    expect(charts.locator("xpath=following-sibling::div[1]//table//tbody/tr")).to_have_count(2)
    assert_no_sideways_scroll(page)
    close_up(charts, f"{language}-chart")


def test_the_provinces_list_switch_and_rotation_columns(site, page, language, screenshot, close_up):
    # The real data: Kiên Giang hosted the southern session X (2024), and is part of An Giang (2025) now.
    # Who hosts next is the test's own: the real data has no designation still ahead.
    upcoming = announce_next_session("south-20", "an-giang-2025")
    page.goto(site + prefix(language) + "/provinces/?q=giang&sort=-sessions")
    rows = page.locator("table.provinces tbody tr")
    kien_giang = rows.filter(has=page.locator("th a[href$='/provinces/kien-giang/']"))
    expect(kien_giang.locator("td").nth(4)).to_have_text("2024")  # last hosted
    page.locator("nav.map-switch a").nth(1).click()
    expect(page).to_have_url(re.compile(r"\?q=giang&sort=-sessions&units=now$"))
    expect(rows).to_have_count(1)  # the units of the 2025 map named "… Giang": An Giang
    an_giang = rows.first
    expect(an_giang.locator("th > a").first).to_have_text("An Giang (2025)")
    expect(an_giang.locator(".formerly a")).to_have_text(["An Giang", "Kiên Giang"])
    expect(an_giang.locator("td").nth(1)).to_have_text(re.compile("2025"))  # the map the row is on
    expect(an_giang.locator("td").nth(3)).to_have_text("1")  # hosted through Kiên Giang
    expect(an_giang.locator("td").nth(4)).to_have_text("2024")
    designated = an_giang.locator("td").nth(5).locator(f"a[href$='/conferences/{upcoming.slug}/']")
    expect(designated).to_contain_text(f"{upcoming.session_roman} ({upcoming.year})")
    assert_no_sideways_scroll(page)  # on a phone too: the filters' long group names wrap
    screenshot(f"{language}-now")
    close_up(page.locator("table.provinces tbody tr").first, f"{language}-first-row")


def test_a_province_page_says_it_hosts_next(site, page, language, screenshot, close_up):
    import factories
    from django.utils import timezone

    from conferences.models import Conference

    # A group of the test's own: session I named the province next at its flag handover, and session II is
    # announced with the province as host, in a year not yet past.
    year = timezone.localdate().year
    group = factories.region(name_vi="các tỉnh nhóm thử", name_en="test group")
    province = factories.province(name="Tỉnh Đăng Cai Thử")
    handover = factories.conference(
        region=group,
        year=year - 1,
        session_number=1,
        host=factories.province(),
        next_host=province,
        source=factories.source(),
    )
    announced = factories.conference(
        region=group,
        year=year,
        session_number=2,
        status=Conference.Status.ANNOUNCED,
        host=province,
        host_basis=Conference.HostBasis.STATED,
        source=factories.source(),
    )
    page.goto(site + prefix(language) + f"/provinces/{province.slug}/")
    summary = page.locator("dl.rotation-summary")
    expect(summary.locator("dd").nth(0)).to_have_text("0")
    designation = summary.locator("dd").nth(2)
    expect(designation.locator(f"a[href$='/conferences/{announced.slug}/']")).to_contain_text(f"II ({year})")
    expect(designation.locator(f"a[href$='/conferences/{handover.slug}/']")).to_contain_text(f"I ({year - 1})")
    expect(designation.locator(f"a[href$='/regions/{group.slug}/']")).to_be_visible()
    assert_no_sideways_scroll(page)
    close_up(page.locator("dl.rotation-summary"), f"{language}-summary")
    screenshot(language)

    # The real data: Long An, named next at the southern session X, is designated no more once session XI
    # is reported held by Tây Ninh (2025), the unit Long An became.
    page.goto(site + prefix(language) + "/provinces/long-an/")
    expect(page.locator("dl.rotation-summary dd").nth(2).locator("a")).to_have_count(0)
    expect(page.locator("dl.rotation-summary dd").nth(2).locator(".unknown")).to_be_visible()
    close_up(page.locator("dl.rotation-summary"), f"{language}-summary-long-an")


def test_what_does_not_fit_is_flagged_visibly(site, page, language, close_up):
    from conferences.models import Conference
    from regions.models import Province

    # A constructed contradiction: session XI of the south hosted by Bạc Liêu, not Long An as named at X.
    Conference.objects.filter(slug="south-20-xi-2025").update(host=Province.objects.get(slug="bac-lieu"))
    page.goto(site + prefix(language) + "/regions/south-20/#rotation")
    flagged = page.locator("ol.rotation li.rotation-flagged")
    expect(flagged).to_have_count(1)
    expect(flagged.locator(".rotation-flag")).to_contain_text("Long An")
    expect(flagged.locator(".rotation-flag")).to_contain_text("Bạc Liêu")
    expect(page.locator("#rotation ~ p.notice-error")).to_have_count(1)
    assert_no_sideways_scroll(page)
    close_up(page.locator("ol.rotation"), f"{language}-flagged")
