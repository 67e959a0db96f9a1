"""The OpenAPI 3 schema at /api/schema/: valid, warning-free, and true to what the API returns."""

import json
import os
import re
from pathlib import Path

import drf_spectacular
import jsonschema
import pytest
import yaml
from django.core.management import call_command

from api import lists

pytestmark = pytest.mark.django_db

ENDPOINTS = {
    "regions": ("Region", "north-28", lists.REGIONS),
    "provinces": ("Province", "thanh-hoa", lists.PROVINCES),
    "conferences": ("Conference", "north-28-x-2024", lists.CONFERENCES),
    "figures": ("Figure", "hanoimoi-north-28-x-2024-exports", lists.FIGURES),
    "sources": ("Source", "hanoimoi-north-28-x-2024", lists.SOURCES),
    "indicators": ("Indicator", "export_turnover", lists.INDICATORS),
}
OPENAPI_3_0 = Path(drf_spectacular.__file__).parent / "validation" / "openapi_3_0_schema.json"


@pytest.fixture(scope="module")
def schema(django_db_blocker):
    from django.test import Client

    with django_db_blocker.unblock():
        response = Client().get("/api/schema/", {"format": "json"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.oai.openapi+json")
    return json.loads(response.content)


def json_schema(openapi_schema, components):
    """An OpenAPI 3.0 schema object as plain JSON Schema: references inlined, ``nullable`` as a null type."""
    if isinstance(openapi_schema, list):
        return [json_schema(item, components) for item in openapi_schema]
    if not isinstance(openapi_schema, dict):
        return openapi_schema
    if "$ref" in openapi_schema:
        return json_schema(components[openapi_schema["$ref"].rsplit("/", 1)[1]], components)
    converted = {
        key: json_schema(value, components)
        for key, value in openapi_schema.items()
        if key not in {"nullable", "readOnly", "example", "format"}
    }
    if openapi_schema.get("nullable"):
        return {"anyOf": [converted, {"type": "null"}]}
    return converted


def response_schema(schema, path, status, media_type="application/json"):
    content = schema["paths"][path]["get"]["responses"][str(status)]["content"][media_type]["schema"]
    return json_schema(content, schema["components"]["schemas"])


def test_the_schema_is_valid_openapi_3(schema):
    assert schema["openapi"].startswith("3.0")
    jsonschema.validate(schema, json.loads(OPENAPI_3_0.read_text()))


def test_the_schema_generates_without_a_warning():
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", os.devnull)


def test_the_schema_is_also_served_as_yaml(client, schema):
    response = client.get("/api/schema/", {"format": "yaml"})
    assert response.status_code == 200
    assert yaml.safe_load(response.content) == schema


def test_every_endpoint_is_documented_read_only(schema):
    expected = set()
    for endpoint in ENDPOINTS:
        lookup = "code" if endpoint == "indicators" else "slug"
        expected |= {f"/api/{endpoint}/", f"/api/{endpoint}/{{{lookup}}}/"}
    assert set(schema["paths"]) == expected
    for path, operations in schema["paths"].items():
        assert set(operations) == {"get"}, path
        responses = set(operations["get"]["responses"])
        assert responses == ({"200", "404"} if "{" in path else {"200", "400", "404"}), path


@pytest.mark.parametrize("endpoint", list(ENDPOINTS))
def test_list_parameters_are_the_pages_filters(schema, endpoint):
    parameters = {p["name"]: p for p in schema["paths"][f"/api/{endpoint}/"]["get"]["parameters"]}
    filters = set(ENDPOINTS[endpoint][2].filterset_class.base_filters)
    assert set(parameters) == filters | {"page", "page_size", "format"}
    assert parameters["page"]["schema"]["type"] == parameters["page_size"]["schema"]["type"] == "integer"
    assert parameters["format"]["schema"]["enum"] == ["csv", "json"]
    assert all(parameters[name]["in"] == "query" for name in parameters)


@pytest.mark.parametrize("endpoint", ["conferences", "figures"])
def test_year_takes_a_year_or_a_range(schema, endpoint):
    [year] = [p for p in schema["paths"][f"/api/{endpoint}/"]["get"]["parameters"] if p["name"] == "year"]
    assert year["schema"]["type"] == "string"
    pattern = re.compile(year["schema"]["pattern"])
    assert pattern.search("2024") and pattern.search("2022-2024") and pattern.search("2022 – 2024")
    assert not pattern.search("24") and not pattern.search("2024-")
    assert {example["value"] for example in year["examples"].values()} == {"2024", "2022-2024"}


@pytest.mark.parametrize(
    "value", ["2024", " 2024 ", "2022-2024", "2022 – 2024", "2024\n", "٢٠٢٤", "2024x", "x2024", "20245", "2022--2024"]
)
def test_the_year_pattern_accepts_what_the_server_accepts(client, schema, value):
    [year] = [p for p in schema["paths"]["/api/figures/"]["get"]["parameters"] if p["name"] == "year"]
    published = re.search(year["schema"]["pattern"], value) is not None
    assert published == (client.get("/api/figures/", {"year": value}).status_code == 200)


def test_page_and_page_size_publish_their_bounds(schema):
    parameters = {p["name"]: p for p in schema["paths"]["/api/figures/"]["get"]["parameters"]}
    assert parameters["page"]["schema"] == {"type": "integer", "minimum": 1}
    assert parameters["page_size"]["schema"] == {"type": "integer", "minimum": 1, "maximum": 500}


def test_session_and_period_are_typed_as_what_people_type(schema):
    conference_parameters = {p["name"]: p for p in schema["paths"]["/api/conferences/"]["get"]["parameters"]}
    session = conference_parameters["session"]
    assert session["schema"]["type"] == "string"
    assert {example["value"] for example in session["examples"].values()} == {"10", "X", "lần thứ X"}
    assert conference_parameters["status"]["schema"]["enum"] == ["announced", "held"]
    assert conference_parameters["sort"]["schema"]["type"] == "array"
    figure_parameters = {p["name"]: p for p in schema["paths"]["/api/figures/"]["get"]["parameters"]}
    period = figure_parameters["period"]["schema"]
    assert period["type"] == "string" and {"first-6-months", "quarter-1", "full-year", "stock"} <= set(period["enum"])
    assert figure_parameters["qualifier"]["schema"]["enum"] == sorted(
        ["actual", "estimate", "forecast", "lower_bound", "approximate"]
    )


def test_the_schema_is_in_english(schema):
    text = json.dumps(schema, ensure_ascii=False)
    assert "Conference group" in text and "Khu vực" not in text


def test_values_are_documented_as_exact_decimal_strings(schema):
    figure = schema["components"]["schemas"]["Figure"]["properties"]
    for name in ("value", "growth_pct", "share_pct", "plan_share_pct", "threshold_pct"):
        assert figure[name]["type"] == "string" and figure[name]["format"] == "decimal"
        assert "exactly as stored" in figure[name]["description"]
    assert "base unit" in figure["value"]["description"]
    assert all(figure[name].get("nullable") for name in ("province", "growth_pct", "period_start", "denominator"))
    assert not figure["value"].get("nullable")


@pytest.mark.parametrize("endpoint", list(ENDPOINTS))
def test_every_response_matches_the_schema(client, schema, endpoint):
    component, key, _ = ENDPOINTS[endpoint]
    documented = schema["components"]["schemas"][component]
    lookup = "code" if endpoint == "indicators" else "slug"

    listed = client.get(f"/api/{endpoint}/", {"page_size": 500}).json()
    jsonschema.validate(listed, response_schema(schema, f"/api/{endpoint}/", 200))
    for obj in listed["results"]:
        assert list(obj) == list(documented["properties"])
        assert set(documented["required"]) == set(obj)

    one = client.get(f"/api/{endpoint}/{key}/").json()
    jsonschema.validate(one, response_schema(schema, f"/api/{endpoint}/{{{lookup}}}/", 200))
    [parameter] = schema["paths"][f"/api/{endpoint}/{{{lookup}}}/"]["get"]["parameters"]
    assert [example["value"] for example in parameter["examples"].values()] == [key]

    missing = client.get(f"/api/{endpoint}/no-such-thing/").json()
    jsonschema.validate(missing, response_schema(schema, f"/api/{endpoint}/{{{lookup}}}/", 404))


def test_error_bodies_match_the_schema(client, schema):
    bad = client.get("/api/figures/", {"year": "soon", "region": "nowhere"}).json()
    jsonschema.validate(bad, response_schema(schema, "/api/figures/", 400))
    out_of_range = client.get("/api/figures/", {"page": 99}).json()
    jsonschema.validate(out_of_range, response_schema(schema, "/api/figures/", 404))
    assert response_schema(schema, "/api/figures/", 200, "text/csv") == {"type": "string"}
