"""What drf-spectacular cannot infer: the types of the filters that read what people type.

``year`` takes "2024" or "2022-2024", ``session`` takes "10", "X" or "lần thứ X", and ``period`` a
kind-of-period code; read from the model, they would look like an integer or a date. This extension
describes them wherever a FilterSet uses them, so the pages' FilterSets need no schema code.
"""

from django.utils import translation
from drf_spectacular.contrib.django_filters import DjangoFilterExtension
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.plumbing import build_examples_list, build_parameter_type
from drf_spectacular.utils import OpenApiExample, OpenApiParameter

from conferences.figure_filters import PeriodKindFilter
from conferences.figure_periods import all_kinds
from conferences.filters import SessionFilter
from listings.fields import YEAR_RANGE_BODY
from listings.filters import YearRangeFilter

YEAR_PATTERN = f"^{YEAR_RANGE_BODY}$"  # what the server's field accepts (``fields.YEAR_RANGE``), whole


def _typed_filters():
    return {
        YearRangeFilter: (
            {"type": "string", "pattern": YEAR_PATTERN, "maxLength": 20},
            'A year ("2024") or a range of years ("2022-2024"), between 1990 and 2100.',
            ["2024", "2022-2024"],
        ),
        SessionFilter: (
            {"type": "string", "maxLength": 30},
            'A session number in digits ("10"), in Roman numerals ("X") or as written ("lần thứ X").',
            ["10", "X", "lần thứ X"],
        ),
        PeriodKindFilter: (
            {"type": "string", "enum": [kind.code for kind in all_kinds()]},
            "first-N-months, quarter-N, last-N-months, full-year, stock (a level at a date) or other.",
            ["first-6-months"],
        ),
    }


class PortalFilterExtension(DjangoFilterExtension):
    target_class = "api.views.ListFilterBackend"
    priority = 1

    def resolve_filter_field(self, auto_schema, model, filterset_class, field_name, filter_field):
        for filter_class, (schema, accepts, examples) in _typed_filters().items():
            if isinstance(filter_field, filter_class):
                label = str(filter_field.label) if filter_field.label else ""
                return [
                    build_parameter_type(
                        name=field_name,
                        location=OpenApiParameter.QUERY,
                        schema=dict(schema),
                        description=f"{label}: {accepts}" if label else accepts,
                        examples=build_examples_list([OpenApiExample(value, value=value) for value in examples]),
                    )
                ]
        return super().resolve_filter_field(auto_schema, model, filterset_class, field_name, filter_field)


class EnglishSchemaGenerator(SchemaGenerator):
    """The schema in English, whichever language is active: labels and choices are translatable text."""

    def get_schema(self, request=None, public=False):
        with translation.override("en"):
            return super().get_schema(request=request, public=public)
