"""bench/cpu_per_request.py measures a page's CPU and size in process, and refuses a page that fails."""

import pytest

from bench.cpu_per_request import measure

pytestmark = pytest.mark.django_db


def test_a_page_is_measured_with_its_size(client):
    cpu, wall, size = measure(client, "/figures/", requests=2)
    assert cpu > 0 and wall > 0
    assert size == len(client.get("/figures/").content)


def test_a_page_that_does_not_answer_200_stops_the_measure(client):
    with pytest.raises(SystemExit, match="404"):
        measure(client, "/no-such-page/", requests=1)
