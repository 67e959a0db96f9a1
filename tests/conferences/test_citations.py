import pytest

pytestmark = pytest.mark.django_db


def citations(response):
    return {citation.language: citation for citation in response.context["citations"]}


def test_a_session_is_citable_in_both_languages_with_its_permalinks(client):
    response = client.get("/conferences/south-20-x-2024/")
    found = citations(response)
    assert found["vi"].text == (
        "Hội nghị ngành Công Thương các tỉnh, thành phố khu vực phía Nam lần thứ X (11/10/2024), "
        "do Kiên Giang đăng cai, tại TP Phú Quốc (tỉnh Kiên Giang). "
        "Nguồn: PLVN, “Hội nghị ngành Công thương các tỉnh, thành phố khu vực phía Nam tại TP Phú Quốc”."
    )
    assert found["en"].text == (
        "The Industry and Trade conference of the Southern provinces and cities, session X (11 October 2024), "
        "hosted by Kiên Giang, at TP Phú Quốc (tỉnh Kiên Giang). "
        "Source: PLVN, “Hội nghị ngành Công thương các tỉnh, thành phố khu vực phía Nam tại TP Phú Quốc”."
    )
    assert found["vi"].permalink == "http://testserver/conferences/south-20-x-2024/"
    assert found["en"].permalink == "http://testserver/en/conferences/south-20-x-2024/"
    page = response.content.decode()
    assert found["en"].text in page.replace("&#x27;", "'") and 'lang="en"' in page


def test_an_announced_session_says_so_and_invents_nothing(client):
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
