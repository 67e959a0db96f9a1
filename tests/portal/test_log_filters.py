"""The log says what happened in as few lines as it takes (portal/log_filters.py, settings.LOGGING)."""

import logging

import pytest


@pytest.fixture
def disallowed_host_records():
    records = []
    handler = logging.Handler()
    handler.emit = records.append
    logger = logging.getLogger("django.security.DisallowedHost")
    logger.addHandler(handler)
    yield records
    logger.removeHandler(handler)


def test_a_disallowed_host_is_a_400_logged_in_one_line_without_traceback(client, disallowed_host_records):
    response = client.get("/", headers={"Host": "evil.example"})
    assert response.status_code == 400
    (record,) = disallowed_host_records
    line = logging.Formatter("%(levelname)s %(name)s: %(message)s").format(record)
    assert "evil.example" in line
    assert "\n" not in line and "Traceback" not in line
