"""The sources list and a source's page: metadata, provenance, what it names, and never the article."""

import html

import pytest
from django.core.cache import caches
from django.urls import reverse
from django.utils import translation

from conferences.models import ConferenceMention, ConferenceOfficial, IndicatorReport, Source

pytestmark = pytest.mark.django_db

HANOIMOI = "hanoimoi-north-28-x-2024"
SHORT_QUOTES_NOTE = (
    "The publisher does not allow this article to be reproduced without its written consent; "
    "only short quotes from it are shown here."
)


def vietnamese_url(name, **kwargs):
    with translation.override("vi"):
        return reverse(name, kwargs=kwargs)


def source_url(slug, language="vi"):
    with translation.override(language):
        return reverse("conferences:source_detail", kwargs={"slug": slug})


def every_page(client, url):
    """The sources of every page of the list, and the pages' HTML joined (built, not from the page cache)."""
    sources, pages, number = [], [], 1
    while number:
        for cache in caches.all():
            cache.clear()
        separator = "&" if "?" in url else "?"
        response = client.get(f"{url}{separator}page={number}")
        assert response.status_code == 200
        sources += response.context["object_list"]
        pages.append(response.content.decode())
        number = response.context["page_obj"].next_page_number() if response.context["page_obj"].has_next() else 0
    return sources, "".join(pages)


def test_the_list_runs_a_fixed_number_of_queries_and_pages_by_25(client, django_assert_num_queries):
    for page, queries in ((1, 6), (2, 4)):
        # the data version; the count; the groups for the filter and every source's figure count (on the
        # first page only: then kept for the load, portal.per_load); a page of sources; the conferences they name
        with django_assert_num_queries(queries):
            response = client.get(f"/en/sources/?page={page}")
        assert response.status_code == 200
    assert response.context["paginator"].count == Source.objects.count() > 25
    sources, _ = every_page(client, "/en/sources/")
    assert [source.slug for source in sources] == list(Source.objects.values_list("slug", flat=True))
    counts = {source.slug: source.figure_count for source in sources}
    assert counts == {slug: IndicatorReport.objects.filter(source__slug=slug).count() for slug in counts}
    assert counts[HANOIMOI] and sum(counts.values()) == IndicatorReport.objects.count()


def test_the_list_says_what_each_source_states_and_lacks(client):
    _, page = every_page(client, "/en/sources/")
    assert "Báo Hànộimới" in page and "PLVN" in page
    assert page.count("publisher not named in the captured text") == Source.objects.filter(publication="").count() > 0
    assert "The captured text does not name the publisher." in page  # publication_note
    assert "the captured text has no title" in page
    assert "07/10/2022 00:00" in page and "Lê Hợi" in page
    assert 'href="/en/conferences/north-28-xi-2025/"' in page
    assert "announces the next session" in page
    assert 'href="/en/figures/?source=plvn-south-20-x-2024"' in page


def test_the_list_names_each_conference_once_per_source(client):
    sources, _ = every_page(client, "/sources/")
    assert sources
    for source in sources:
        named = [conference.slug for conference, _ in source.conference_kinds]
        assert len(named) == len(set(named))
        assert set(named) == set(source.mentions.values_list("conference__slug", flat=True))


def test_the_list_filters_by_group_search_and_sort(client):
    by_group, _ = every_page(client, "/en/sources/?region=south-20")
    expected = set(Source.objects.filter(mentions__conference__region__slug="south-20").values_list("slug", flat=True))
    assert {source.slug for source in by_group} == expected
    assert 0 < len(by_group) < Source.objects.count()
    found = client.get("/en/sources/?q=plvn").context["object_list"]
    assert found and all("plvn" in source.slug for source in found)
    newest = client.get("/en/sources/?sort=-published").context["object_list"]
    dates = [source.published_on for source in newest if source.published_on]
    assert dates == sorted(dates, reverse=True)
    bad = client.get("/en/sources/?region=nowhere")
    assert bad.status_code == 400 and not bad.context["object_list"]


def test_only_the_protected_source_carries_the_short_quotes_note(client):
    _, page = every_page(client, "/en/sources/")
    assert page.count(SHORT_QUOTES_NOTE) == Source.objects.exclude(reproduction_notice="").count() == 1
    protected = client.get(source_url(HANOIMOI, "en")).content.decode()
    assert SHORT_QUOTES_NOTE in protected
    assert "Không sao chép dưới mọi hình thức" in protected  # the publisher's own notice, verbatim
    other = client.get(source_url("plvn-south-20-x-2024", "en")).content.decode()
    assert SHORT_QUOTES_NOTE not in other
    figure = vietnamese_url("conferences:figure_detail", slug="hanoimoi-north-28-x-2024-exports")
    assert SHORT_QUOTES_NOTE in client.get("/en" + figure).content.decode()


def test_every_source_page_runs_four_queries(client, django_assert_num_queries):
    for slug in Source.objects.values_list("slug", flat=True):
        for language in ("vi", "en"):
            # the source; its mentions; its officials; its figures
            with django_assert_num_queries(5):  # the data version, then the view's 4
                response = client.get(source_url(slug, language))
            assert response.status_code == 200


def test_a_source_page_shows_its_provenance_and_what_it_names(client):
    response = client.get(source_url(HANOIMOI, "en"))
    page = response.content.decode()
    source = Source.objects.get(slug=HANOIMOI)
    assert source.text_sha256 in page and source.file_name in page
    for mention in ConferenceMention.objects.filter(source=source):
        assert html.escape(mention.quote) in page
        assert mention.get_kind_display() in page
    for official in ConferenceOfficial.objects.filter(source=source):
        assert official.name in page and official.title in page
    for slug in IndicatorReport.objects.filter(source=source).values_list("slug", flat=True):
        assert f'href="/en/figures/{slug}/"' in page


def test_a_source_page_sets_figures_in_comparable_tables(client):
    slug = "tin-tu-cac-don-vi-north-28-viii-2022"
    response = client.get(source_url(slug, "en"))
    groups = response.context["groups"]
    assert sum(len(group.reports) for group in groups) == IndicatorReport.objects.filter(source__slug=slug).count()
    for group in groups:
        assert {report.period_kind for report in group.reports} == {group.kind}
        assert {report.indicator_id for report in group.reports} == {group.indicator.pk}
    page = response.content.decode()
    assert "Export turnover — first 9 months" in page
    assert "USD 160.87 billion" in page


def test_an_unknown_source_is_a_404(client):
    assert client.get("/sources/no-such-source/").status_code == 404
    assert client.get("/en/sources/no-such-source/").status_code == 404


def every_page_url():
    """Every page of the figures and sources sections, in both languages."""
    urls = ["/figures/", "/figures/?page=2", "/sources/"]
    urls += [
        vietnamese_url("conferences:figure_detail", slug=slug)
        for slug in IndicatorReport.objects.values_list("slug", flat=True)
    ]
    urls += [
        vietnamese_url("conferences:source_detail", slug=slug) for slug in Source.objects.values_list("slug", flat=True)
    ]
    return urls + ["/en" + url for url in urls]


def annotated_quotes():
    """What may be shown verbatim: annotated quotes, printed titles and the publishers' notices."""
    quotes = [q for row in IndicatorReport.objects.values_list("quote", "period_quote") for q in row if q]
    quotes += list(ConferenceMention.objects.values_list("quote", flat=True))
    quotes += list(ConferenceOfficial.objects.values_list("quote", flat=True))
    quotes += [text for row in Source.objects.values_list("title", "reproduction_notice") for text in row if text]
    return quotes


def test_no_page_shows_a_line_of_an_article_that_is_not_an_annotated_quote(client, article_texts):
    quotes = annotated_quotes()
    lines = {
        (name, number): line.strip()
        for name, text in article_texts.items()
        for number, line in enumerate(text.splitlines(), start=1)
        if len(line.strip()) >= 40
    }
    hanoimoi_longest = article_texts["000_0100f514590ff6e3.txt"].splitlines()[9].strip()
    assert len(hanoimoi_longest) > 500
    for url in every_page_url():
        page = html.unescape(client.get(url).content.decode())
        assert hanoimoi_longest[:120] not in page, url
        for (name, number), line in lines.items():
            if line in page:
                assert any(line in quote for quote in quotes), f"{url} shows line {number} of {name}"
