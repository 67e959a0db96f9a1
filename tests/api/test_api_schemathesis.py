"""Schemathesis drives the API from its own OpenAPI schema, in-process through the WSGI application.

For each operation it sends the schema's examples, boundary cases (coverage), undocumented methods
and generated requests, valid and invalid. Every response must be documented (status code and
content type), match its schema, and never be a 5xx. The schema is loaded when the module is
collected; serving it touches no table. The requests run inside the test's transaction, against
the real data ``tests/conftest.py`` loads.
"""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from portal.wsgi import application

pytestmark = pytest.mark.django_db

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
EXAMPLES_PER_OPERATION = 300  # 12 operations, about a minute; 30 missed "sort=," (a 500), 300 finds it


@pytest.fixture
def in_process_requests():
    """Keep the test's connection open between requests, as Django's test client does.

    The WSGI handler closes "old" connections when a request starts and ends; inside the test's
    transaction that would close the connection and lose the transaction.
    """
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


schema = schemathesis.openapi.from_wsgi("/api/schema/?format=json", application)
schema.config.generation.update(deterministic=True, database="none")


@schema.parametrize()
@settings(max_examples=EXAMPLES_PER_OPERATION, deadline=None, database=None, suppress_health_check=list(HealthCheck))
def test_the_api_conforms_to_its_schema(case, in_process_requests):
    case.call_and_validate(checks=CHECKS)
