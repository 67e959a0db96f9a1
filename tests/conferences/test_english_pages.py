"""English pages are English: periods and titles rendered, the Vietnamese originals beside them,
and every Vietnamese fragment marked ``lang="vi"`` for screen readers."""

import re
from html.parser import HTMLParser

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


def test_periods_are_in_english_from_their_dates_with_the_words_as_written_beside(client):
    page = client.get("/en/").content.decode()
    assert 'first 6 months of 2024 <span class="as-written" lang="vi">(6 tháng đầu năm 2024)</span>' in page
    assert "first 6 months" not in client.get("/").content.decode()


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
