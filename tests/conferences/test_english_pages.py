"""English pages are English: periods and titles rendered, the Vietnamese originals beside them,
and every Vietnamese fragment marked ``lang="vi"`` for screen readers."""

import re
from datetime import date
from html.parser import HTMLParser

import factories
import pytest

from conferences.models import ConferenceOfficial, IndicatorReport, Source
from regions.models import Province

pytestmark = pytest.mark.django_db

# Letters Vietnamese has and English does not: a fragment holding one is Vietnamese text.
VIETNAMESE_LETTER = re.compile(r"[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]", re.I)
VOID = {"meta", "link", "br", "img", "input", "hr", "source", "area", "col", "wbr", "base"}


class EnglishText(HTMLParser):
    """The text of a page that is in English scope (by the nearest ``lang``), outside the citations
    (``conferences.citations``, whose wording is its own) and the data's own English notes."""

    SKIP_CLASSES = {"citations", "basis"}

    def __init__(self):
        super().__init__()
        self.stack: list[tuple[str, str, bool]] = []
        self.fragments: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        attrs = dict(attrs)
        parent_lang, parent_skip = (self.stack[-1][1], self.stack[-1][2]) if self.stack else ("", False)
        skip = parent_skip or bool(self.SKIP_CLASSES & set((attrs.get("class") or "").split()))
        self.stack.append((tag, attrs.get("lang", parent_lang), skip or tag in ("script", "style", "title")))

    def handle_endtag(self, tag):
        while self.stack and self.stack.pop()[0] != tag:
            pass

    def handle_data(self, data):
        if self.stack and self.stack[-1][1] == "en" and not self.stack[-1][2] and data.strip():
            self.fragments.append(data.strip())


def unmarked_vietnamese(page: str, names: list[str]) -> list[str]:
    parser = EnglishText()
    parser.feed(page)
    found = []
    for fragment in parser.fragments:
        rest = fragment
        for name in names:  # places and people keep their names in English text
            rest = rest.replace(name, "")
        if VIETNAMESE_LETTER.search(rest):
            found.append(fragment)
    return found


@pytest.fixture
def names():
    names = set(Province.objects.values_list("name", flat=True)) | set(
        ConferenceOfficial.objects.values_list("name", flat=True)
    )
    return sorted(names, key=len, reverse=True)


def pages():
    report = IndicatorReport.objects.order_by("slug").first()
    person = ConferenceOfficial.objects.order_by("pk").first()
    return [
        "/en/",
        "/en/conferences/",
        *(f"/en/conferences/{slug}/" for slug in ("north-28-x-2024", "north-28-viii-2022", "south-20-x-2024")),
        "/en/regions/north-28/",
        "/en/provinces/thanh-hoa/",
        "/en/provinces/hoa-binh/",
        "/en/figures/",
        f"/en/figures/{report.slug}/",
        "/en/sources/",
        f"/en/sources/{Source.objects.order_by('slug').first().slug}/",
        "/en/people/",
        f"/en/people/{person.person_slug}/",
        "/en/quality/",
        "/en/search/?q=thanh+hoa",
        "/en/search/?q=kim+ngach+xuat+khau",
    ]


def test_every_vietnamese_fragment_on_an_english_page_is_marked(client, names):
    found = {path: unmarked_vietnamese(client.get(path).content.decode(), names) for path in pages()}
    assert {path: fragments for path, fragments in found.items() if fragments} == {}


def test_the_scan_finds_an_unmarked_fragment():
    page = '<html lang="en"><p>first 6 months <span>6 tháng đầu năm</span> in <b>Hà Nội</b></p></html>'
    assert unmarked_vietnamese(page, ["Hà Nội"]) == ["6 tháng đầu năm"]


def test_periods_are_in_english_from_their_dates_with_the_words_as_written_beside(client, empty_database):
    factories.figure(period_label="6 tháng đầu năm 2024", period_start=date(2024, 1, 1), period_end=date(2024, 6, 30))
    page = client.get("/en/").content.decode()
    assert 'first 6 months of 2024 <span class="as-written" lang="vi">(6 tháng đầu năm 2024)</span>' in page
    assert "first 6 months" not in client.get("/").content.decode()


def test_what_records_print_is_marked_on_english_pages(client, empty_database):
    """A record's words (a session number as printed, a count's noun, its publication date, where on the page
    a membership is stated) and its sources' names, on the pages that show them."""
    group = factories.region(slug="fictional-group")
    records = [
        factories.source(
            text_kept=False,
            file_name="",
            text_sha256="",
            publication=f"Báo Hư Cấu {number}",
            title=f"Hội nghị hư cấu {number}",
            published_as_written=f"Thứ hai - 2{number}/08/2022 07:48",
            url=f"https://example.org/fictional/{number}",
            accessed_on=date(2026, 12, 6),
        )
        for number in (1, 2)
    ]
    session = factories.conference(region=group, year=2022, slug="fictional-group-2022")
    for record, number, written in zip(
        records, (8, 13), ("lần thứ VIII năm 2022", "lần thứ XIII năm 2022"), strict=True
    ):
        factories.mention(
            conference=session,
            source=record,
            quote="",
            quote_line=None,
            locator="đoạn 1 (paragraph 1)",
            session_number=number,
            session_as_written=written,
        )
    markets = factories.indicator(code="markets", unit="count", name_vi="Số chợ", name_en="Markets")
    factories.figure(
        conference=session,
        source=records[0],
        indicator=markets,
        value="2303",
        value_as_written="2.303 chợ",
        unit_as_written="chợ",
        quote="",
        quote_line=None,
        locator="đoạn 5 (paragraph 5)",
    )
    member = factories.membership(region=group, province=factories.province(), basis="stated")
    factories.membership_statement(membership=member, source=records[1], locator="đoạn 5 (paragraph 5)")
    names = sorted(Province.objects.values_list("name", flat=True), key=len, reverse=True)
    paths = [
        "/en/quality/",
        f"/en/conferences/{session.slug}/",
        f"/en/regions/{group.slug}/",
        "/en/sources/",
        f"/en/sources/{records[0].slug}/",
        "/en/figures/",
    ]
    found = {path: unmarked_vietnamese(client.get(path).content.decode(), names) for path in paths}
    assert {path: fragments for path, fragments in found.items() if fragments} == {}
    quality = client.get("/en/quality/").content.decode()
    assert '<span lang="vi">lần thứ VIII năm 2022</span>' in quality
    assert "2,303 markets" in client.get(f"/en/figures/?region={group.slug}").content.decode()


def test_titles_and_organisers_go_through_the_glossary_and_keep_the_original(client):
    page = client.get("/en/conferences/north-28-viii-2022/").content.decode()
    assert (
        "Vice Chair of the Thanh Hóa Provincial People&#x27;s Committee "
        '<span class="as-written" lang="vi">(Phó Chủ tịch UBND tỉnh Thanh Hóa)</span>'
    ) in page
    vietnamese = client.get("/conferences/north-28-viii-2022/").content.decode()
    assert "Vice Chair" not in vietnamese


def test_a_title_the_glossary_does_not_hold_stays_vietnamese_and_marked(client):
    official = ConferenceOfficial.objects.order_by("pk").first()
    official.title = "Trưởng ban Tổ chức hội nghị"
    official.save()
    page = client.get(f"/en/people/{official.person_slug}/").content.decode()
    assert '<span lang="vi">Trưởng ban Tổ chức hội nghị</span>' in page
