"""/healthz: one trivial query, the loaded data's version, never cached (the outage case is in
test_database_outage.py)."""

import pytest

from conferences.models import Dataset


@pytest.mark.django_db
def test_healthz_reports_the_database_and_the_data_version(client, django_assert_num_queries):
    with django_assert_num_queries(1):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert "no-cache" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    version = Dataset.objects.current().version
    assert response.json() == {"status": "ok", "database": "ok", "data_version": version[:12]}


@pytest.mark.django_db
def test_healthz_says_null_before_any_data_is_loaded(client):
    Dataset.objects.all().delete()  # rolled back after the test
    assert client.get("/healthz").json() == {"status": "ok", "database": "ok", "data_version": None}


@pytest.mark.django_db
def test_healthz_is_one_address_outside_the_language_prefix(client):
    assert client.head("/healthz").status_code == 200
    assert client.get("/en/healthz").status_code == 404
