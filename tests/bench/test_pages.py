"""The benchmark's pages exist: filled from a synthetic database, every one answers 200."""

import pytest
from loaded_dataset import synthetic_dataset

from bench.pages import CEILING, DATASETTE_PAGES, PAGES, examples, filled

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def synthetic_data(django_db_setup, django_db_blocker):
    with synthetic_dataset(django_db_blocker, figures=300, seed=5):
        yield


def test_every_page_answers_with_the_examples_of_the_database(client, synthetic_data):
    values = examples()
    assert values["person"] and values["province"] and values["source"] and values["figure"]
    pages = filled(PAGES, values, set())
    assert len(pages) == len(PAGES) and all("{" not in path for _, path in pages)
    for name, path in pages[1:]:  # the ceiling exists only in bench.settings
        response = client.get(path)
        assert response.status_code == 200, (name, path, response.status_code)


def test_a_choice_of_pages_keeps_the_ceiling_first():
    values = {"middle": 7, "db": "portal", "region_id": 1, "indicator_id": 2}
    assert filled(PAGES, values, {"home", "figures, middle page"}) == [
        CEILING,
        ("home", "/"),
        ("figures, middle page", "/figures/?page=7"),
    ]
    chosen = filled(DATASETTE_PAGES, values, {"figures, all"})
    assert [path for _, path in chosen] == ["/-/versions.json", "/portal/conferences_indicatorreport"]
