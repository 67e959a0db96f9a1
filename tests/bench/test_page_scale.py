"""Every page type costs the same number of queries, and about the same bytes, at 1,000 and at 10,000 figures.

The synthetic data (``generate_synthetic``) is built at both sizes on the test database and every
page type is measured at each (``bench.page_scale``: the heaviest example of each type). The detail
pages list at most ``DETAIL_FIGURES`` figures (a group ``GROUP_FIGURES``, the quality page ``SHOWN``
findings of each check); here those caps are made small enough that the pages reach them at both
sizes, so that what is compared is what the page does beyond its caps. ``bench/scale.py`` measures
the same at 10,000 and a million figures on PostgreSQL, with the real caps.
"""

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test.utils import override_settings
from loaded_dataset import load_dataset

from bench.page_scale import MAX_PAGE_BYTES, measure_all, sample_pages
from conferences import group_selectors, quality_pages, selectors
from portal.loaded_data import RecentLoad

pytestmark = pytest.mark.django_db

SMALL, LARGE = 1_000, 10_000
GROWTH = 1.10  # a page may grow by a tenth: longer numbers and names, not more rows
# At 1,000 figures some quality checks find nothing yet ("no problem found"); at 10,000 each shows its
# first findings, at most ``SHOWN``, and names up to ``FIGURES_SHOWN`` figures in each: 15 % more.
GROWTH_OF = {"quality": 1.20}
CAP = 3  # figures on a detail page, for this test only
PLAIN_STATIC_FILES = "django.contrib.staticfiles.storage.StaticFilesStorage"

PAGE_TYPES = [
    "home",
    "group list",
    "a group",
    "province list",
    "a province",
    "conference list",
    "a conference",
    "figure list",
    "a figure",
    "source list",
    "a source",
    "people list",
    "a person",
    "search, a province's name",
    "quality",
    "API, figures",
    "API, conferences",
    "API, sources",
    "API, groups",
    "API, provinces",
]


@pytest.fixture(scope="module")
def measured(django_db_setup, django_db_blocker):
    """{size: {page type: PageSize}}, the synthetic data generated at each size; the real data after."""
    results = {}
    caps = [(selectors, "DETAIL_FIGURES"), (group_selectors, "GROUP_FIGURES"), (quality_pages, "SHOWN")]
    storages = {**settings.STORAGES, "staticfiles": {"BACKEND": PLAIN_STATIC_FILES}}  # as tests/conftest.py
    with pytest.MonkeyPatch.context() as patch, override_settings(PORTAL_DATA_VERSION_RECHECK_MS=0, STORAGES=storages):
        for module, name in caps:
            patch.setattr(module, name, CAP)
        patch.setattr("portal.loaded_data.recent_load", RecentLoad())
        with django_db_blocker.unblock():
            for size in (SMALL, LARGE):
                call_command("generate_synthetic", figures=size, seed=3, replace=True, verbosity=0)
                results[size] = {page.name: page for page in measure_all(sample_pages())}
            load_dataset(force=True)
    return results


def test_every_page_type_is_measured(measured):
    assert set(measured[SMALL]) == set(measured[LARGE]) == set(PAGE_TYPES)


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_a_page_costs_the_same_queries_and_about_the_same_bytes_at_ten_times_the_data(measured, name):
    small, large = measured[SMALL][name], measured[LARGE][name]
    assert small.status == large.status == 200
    assert large.queries == small.queries, f"{name}: {small.queries} queries at {SMALL:,}, {large.queries} at {LARGE:,}"
    assert large.largest <= MAX_PAGE_BYTES, f"{name}: {large.largest:,} bytes at {LARGE:,} figures"
    growth = GROWTH_OF.get(name, GROWTH)
    assert large.largest <= small.largest * growth, f"{name}: {small.largest:,} -> {large.largest:,} bytes"
