"""Which fixtures the test session loads: the committed ones, or the copy PORTAL_TEST_FIXTURES_DIR names.

The suite must pass on data that has grown or shrunk by figures no test names (tests/grown_fixtures.py
writes such a copy; docs/architecture.md, "Testing"). Every test that loads the dataset goes through
``load_dataset`` so that a run against the copy really runs against the copy.
"""

import os
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.core.management import call_command

FIXTURES_DIR_VARIABLE = "PORTAL_TEST_FIXTURES_DIR"


def dataset_dir() -> Path:
    """The folder of fixtures this test session loads."""
    return Path(os.environ.get(FIXTURES_DIR_VARIABLE) or settings.FIXTURE_DIRS[0])


def load_dataset(**options):
    """``load_data`` from this session's fixtures folder."""
    call_command("load_data", fixtures_dir=dataset_dir(), verbosity=0, **options)


@contextmanager
def synthetic_dataset(django_db_blocker, *, figures: int, seed: int):
    """For a module's fixture: ``generate_synthetic`` in place of the loaded dataset, and the dataset
    loaded again afterwards."""
    with django_db_blocker.unblock():
        call_command("generate_synthetic", figures=figures, seed=seed, replace=True, verbosity=0)
    try:
        yield
    finally:
        with django_db_blocker.unblock():
            load_dataset(force=True)
