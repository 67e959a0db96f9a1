import pytest


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_the_api_refuses_writes_with_a_json_explanation(client, method):
    response = getattr(client, method)("/api/figures/")
    assert response.status_code == 405
    assert response.headers["Allow"] == "GET, HEAD"
    assert "read-only" in response.json()["detail"]


def test_pages_refuse_writes_before_any_view_runs(client):
    """No database marker: a view that ran would touch the database and fail this test."""
    response = client.post("/figures/")
    assert response.status_code == 405
