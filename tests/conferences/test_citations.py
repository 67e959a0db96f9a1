from datetime import date

import factories
import pytest

from conferences.models import Conference, ConferenceMention, Source

pytestmark = pytest.mark.django_db


def citations(response):
    return {citation.language: citation for citation in response.context["citations"]}


def southern_group():
    return factories.region(
        slug="south-20",
        name_vi="các tỉnh, thành phố khu vực phía Nam",
        name_en="Southern provinces and cities",
        declared_size=20,
    )


def test_a_session_is_citable_in_both_languages_with_its_permalinks(client, empty_database):
    article = factories.source(
        publication="PLVN", title="Hội nghị ngành Công thương các tỉnh, thành phố khu vực phía Nam tại TP Phú Quốc"
    )
    record = factories.source(
        text_kept=False,
        file_name="",
        text_sha256="",
        publication="Báo Hư Cấu",
        title="Hội nghị hư cấu",
        url="https://example.org/fictional/south-20-x-2024",
        accessed_on=date(2026, 12, 6),
    )
    session = factories.conference(
        region=southern_group(),
        slug="south-20-x-2024",
        session_number=10,
        date=date(2024, 10, 11),
        host=factories.province(name="Kiên Giang"),
        host_basis=Conference.HostBasis.STATED,
        venue="TP Phú Quốc (tỉnh Kiên Giang)",
        source=article,
    )
    factories.mention(conference=session, source=record, quote="", quote_line=None, locator="đoạn 1")
    response = client.get("/conferences/south-20-x-2024/")
    found = citations(response)
    assert found["vi"].text == (
        "Hội nghị ngành Công Thương các tỉnh, thành phố khu vực phía Nam lần thứ X (11/10/2024), "
        "do Kiên Giang đăng cai, tại TP Phú Quốc (tỉnh Kiên Giang). "
        "Nguồn: PLVN, “Hội nghị ngành Công thương các tỉnh, thành phố khu vực phía Nam tại TP Phú Quốc”; "
        "Báo Hư Cấu, “Hội nghị hư cấu”, https://example.org/fictional/south-20-x-2024, truy cập 6/12/2026."
    )
    assert found["en"].text == (
        "The Industry and Trade conference of the Southern provinces and cities, session X (11 October 2024), "
        "hosted by Kiên Giang, at TP Phú Quốc (tỉnh Kiên Giang). "
        "Source: PLVN, “Hội nghị ngành Công thương các tỉnh, thành phố khu vực phía Nam tại TP Phú Quốc”; "
        "Báo Hư Cấu, “Hội nghị hư cấu”, https://example.org/fictional/south-20-x-2024, accessed 6 December 2026."
    )
    assert found["vi"].permalink == "http://testserver/conferences/south-20-x-2024/"
    assert found["en"].permalink == "http://testserver/en/conferences/south-20-x-2024/"
    page = response.content.decode()
    assert found["en"].text in page.replace("&#x27;", "'") and 'lang="en"' in page


def test_an_announced_session_says_so_and_invents_nothing(client, empty_database):
    north = factories.region(
        slug="north-28", name_vi="28 tỉnh, thành phố khu vực phía Bắc", name_en="28 northern provinces and cities"
    )
    session = factories.conference(
        region=north, slug="north-28-xi-2025", year=2025, session_number=11, status=Conference.Status.ANNOUNCED
    )
    hanoimoi = factories.source(publication="Báo Hànộimới")
    Source.objects.filter(pk=hanoimoi.pk).update(title="")  # the article prints none we kept
    factories.mention(conference=session, source=hanoimoi, kind=ConferenceMention.Kind.ANNOUNCEMENT)
    found = citations(client.get("/en/conferences/north-28-xi-2025/"))
    assert found["en"].text == (
        "The Industry and Trade conference of the 28 northern provinces and cities, session XI (2025), announced. "
        "Source: Báo Hànộimới."
    )


def test_a_figure_is_citable_in_both_languages(client):
    found = citations(client.get("/figures/hanoimoi-north-28-x-2024-exports/"))
    assert found["vi"].text.startswith(
        "Kim ngạch xuất khẩu, 28 tỉnh, thành phố khu vực phía Bắc, 6 tháng đầu năm 2024: "
    )
    assert "ước đạt 120,7 tỷ USD" in found["vi"].text
    assert "estimated at USD 120.7 billion" in found["en"].text
    assert found["en"].permalink.endswith("/en/figures/hanoimoi-north-28-x-2024-exports/")
