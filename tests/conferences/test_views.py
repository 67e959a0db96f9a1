import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_list_shows_every_conference_held_or_announced(client, django_assert_num_queries):
    with django_assert_num_queries(2):  # conferences with their group and hosts; their sources
        response = client.get(reverse("conferences:list"))
    assert response.status_code == 200
    assert len(response.context["conferences"]) == 9
    page = response.content.decode()
    for slug in ("north-28-2016", "north-28-xi-2025", "south-20-xi-2025", "north-central-6-xi-2023"):
        assert f"/conferences/{slug}/" in page


def test_list_is_vietnamese_by_default_and_says_what_is_unknown(client):
    page = client.get(reverse("conferences:list")).content.decode()
    assert '<html lang="vi">' in page
    assert "Các hội nghị" in page
    assert "nguồn không nêu lần thứ" in page  # the 2016 session has no number
    assert "Long An" in page


def test_list_in_english_with_accept_language(client):
    page = client.get(reverse("conferences:list"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<html lang="en">' in page
    assert "number not stated" in page


def test_detail_shows_figures_with_quotes_in_fixed_queries(client, django_assert_num_queries):
    url = reverse("conferences:detail", kwargs={"slug": "north-28-x-2024"})
    with django_assert_num_queries(4):  # conference; mentions with sources; officials; figures
        response = client.get(url)
    assert response.status_code == 200
    page = response.content.decode()
    assert "120,7 tỷ USD" in page
    assert "Tổng kim ngạch xuất khẩu của khu vực ước đạt 120,7 tỷ USD" in page
    assert "6 tháng đầu năm 2024" in page
    assert "ước tính" in page


def test_unknown_conference_is_a_404(client):
    assert client.get(reverse("conferences:detail", kwargs={"slug": "north-28-xcix-2099"})).status_code == 404


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_only_get_and_head_are_allowed(client, method):
    response = getattr(client, method)(reverse("conferences:list"))
    assert response.status_code == 405
    assert response.headers["Allow"] == "GET, HEAD"


def test_head_is_allowed(client):
    assert client.head(reverse("conferences:list")).status_code == 200
