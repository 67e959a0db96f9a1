"""The read-only JSON API: one ``ReadOnlyModelViewSet`` per public list, objects addressed by slug.

Lists take the same filters as their pages (the same FilterSets, through ``DjangoFilterBackend``);
an invalid value is a 400 whose JSON names the parameter and the problem. Lists are paginated by
``page`` and ``page_size``; a page out of range is a 404. ``?format=csv`` on a list streams the whole
filtered list as the CSV export does.
"""

from functools import partial

from django_filters.rest_framework import DjangoFilterBackend
from django_filters.utils import translate_validation
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import pagination, serializers, viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.response import Response

from api import exports, lists, schema  # noqa: F401  (schema: registers the filter types)
from api.page_plans import PAGE_PLANS
from conferences.figure_counts import FigureCube
from listings.views import ListPaginator


class PagePagination(pagination.PageNumberPagination):
    """Pages by number; the figures' count and the start of a page come from ``FigureCube`` when it can
    (``listings.views.ListPaginator``), so a deep page of a million figures stays fast.

    ``page`` and ``page_size`` that are not whole numbers in range are a 400 naming the parameter, like
    a bad filter, rather than a silent default; a page past the last is a 404.
    """

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 500

    def paginate_queryset(self, queryset, request, view=None):
        self._check_parameters(request)
        filterset = getattr(view, "list_filterset", None)
        cube = FigureCube.for_filterset(filterset) if filterset is not None else None
        self.django_paginator_class = partial(ListPaginator, precomputed=cube)
        return super().paginate_queryset(queryset, request, view)

    def _check_parameters(self, request):
        problems = {}
        if not _whole_number_within(request.query_params.get(self.page_query_param, "1"), 1, None):
            problems[self.page_query_param] = ["Enter a page number: a whole number from 1."]
        size = request.query_params.get(self.page_size_query_param, str(self.page_size))
        if not _whole_number_within(size, 1, self.max_page_size):
            problems[self.page_size_query_param] = [f"Enter a whole number from 1 to {self.max_page_size}."]
        if problems:
            raise ValidationError(problems)

    def get_schema_operation_parameters(self, view):
        bounds = {self.page_query_param: (1, None), self.page_size_query_param: (1, self.max_page_size)}
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            low, high = bounds[parameter["name"]]
            parameter["schema"] = {"type": "integer", "minimum": low, **({"maximum": high} if high else {})}
        return parameters


def _whole_number_within(text: str, low: int, high: int | None) -> bool:
    if not (text.isascii() and text.isdigit()) or len(text) > 9:
        return False
    return low <= int(text) and (high is None or int(text) <= high)


class CSVRenderer(BaseRenderer):
    """Announces ``text/csv`` for content negotiation; the list streams the CSV itself (``exports``)."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):  # pragma: no cover
        raise NotImplementedError("CSV is streamed by the list view, never rendered from a Response.")


class ListFilterBackend(DjangoFilterBackend):
    """The page's FilterSet, on lists only: an object's own address takes no filters."""

    def filter_queryset(self, request, queryset, view):
        if getattr(view, "action", None) != "list":
            return queryset
        filterset = self.get_filterset(request, queryset, view)
        view.list_filterset = filterset  # for the pagination (PagePagination) and the CSV (exports)
        if filterset is None:
            return queryset
        if not filterset.is_valid() and self.raise_exception:
            raise translate_validation(filterset.errors)
        return filterset.qs


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField(help_text="What went wrong.")


FILTER_ERRORS = {
    "type": "object",
    "description": "Each invalid query parameter, with what is wrong with its value.",
    "additionalProperties": {"type": "array", "items": {"type": "string"}},
    "example": {"year": ["Enter a year (2024) or a range of years (2022-2024)."]},
}

SLUG_PATTERN = r"[-a-zA-Z0-9_]+"


def documented(public_list: lists.PublicList, noun: str, *, example: str, lookup: str = "slug"):
    """The OpenAPI description of a list and its objects, with every response they can give."""
    serializer = public_list.serializer_class
    return extend_schema_view(
        list=extend_schema(
            summary=f"List {noun}",
            description=(
                f"The {noun} matching the filters, {PagePagination.page_size} a page (`page_size` up to "
                f"{PagePagination.max_page_size}). `format=csv` gives the whole filtered list as CSV "
                f"({public_list.name}.csv), like the download on its page."
            ),
            responses={
                (200, "application/json"): serializer,
                (200, "text/csv"): OpenApiResponse(
                    OpenApiTypes.STR,
                    description="`format=csv`: UTF-8 with a BOM, a header row of the field names, one row "
                    'per object; lists of slugs or names joined with ";".',
                ),
                (400, "application/json"): OpenApiResponse(FILTER_ERRORS, description="Invalid filter values."),
                (404, "application/json"): OpenApiResponse(ErrorSerializer, description="No such page."),
            },
        ),
        retrieve=extend_schema(
            summary=f"One of the {noun}, by {lookup}",
            parameters=[
                OpenApiParameter(
                    lookup,
                    str,
                    OpenApiParameter.PATH,
                    pattern=f"^{SLUG_PATTERN}$",
                    description=f"The {lookup} of one of the {noun}.",
                    examples=[OpenApiExample("Example", value=example)],
                )
            ],
            responses={
                200: serializer,
                404: OpenApiResponse(ErrorSerializer, description=f"No such {lookup}."),
            },
        ),
    )


class PublicListViewSet(viewsets.ReadOnlyModelViewSet):
    public_list: lists.PublicList
    http_method_names = ["get", "head"]
    lookup_field = "slug"
    lookup_value_regex = SLUG_PATTERN
    filter_backends = [ListFilterBackend]
    pagination_class = PagePagination

    def get_queryset(self):
        return self.public_list.rows()

    def get_serializer_class(self):
        return self.public_list.serializer_class

    @property
    def filterset_class(self):
        return self.public_list.filterset_class

    def get_renderers(self):
        if getattr(self, "action", None) == "list":
            return [JSONRenderer(), CSVRenderer()]
        return [JSONRenderer()]

    def list(self, request, *args, **kwargs):
        if request.accepted_renderer.format == CSVRenderer.format:
            queryset = self.filter_queryset(self.get_queryset())
            return exports.csv_response(
                queryset,
                self.get_serializer_class(),
                request,
                name=self.public_list.name,
                filterset=getattr(self, "list_filterset", None),
            )
        plan = PAGE_PLANS.get(self.get_serializer_class())
        if plan is None:
            return super().list(request, *args, **kwargs)
        return self.planned_list(plan(request))

    def planned_list(self, plan):
        """A page of a list with a page plan (the figures, the sessions): its rows read as values and written
        as the serializer writes them (``api.page_plans``)."""
        queryset = self.filter_queryset(self.get_queryset()).annotate(**plan.annotations).values_list(*plan.fields)
        return self.get_paginated_response(plan.write(self.paginate_queryset(queryset)))

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if isinstance(response, Response) and isinstance(response.accepted_renderer, CSVRenderer):
            # An error asked for as CSV (a bad filter, a page out of range) is still told in JSON.
            response.accepted_renderer = JSONRenderer()
            response.accepted_media_type = JSONRenderer.media_type
        return response


@documented(lists.CONFERENCES, "conferences", example="north-28-x-2024")
class ConferenceViewSet(PublicListViewSet):
    public_list = lists.CONFERENCES


@documented(lists.FIGURES, "figures", example="hanoimoi-north-28-x-2024-exports")
class FigureViewSet(PublicListViewSet):
    public_list = lists.FIGURES


@documented(lists.PROVINCES, "provinces", example="thanh-hoa")
class ProvinceViewSet(PublicListViewSet):
    public_list = lists.PROVINCES


@documented(lists.REGIONS, "regions", example="north-28")
class RegionViewSet(PublicListViewSet):
    public_list = lists.REGIONS


@documented(lists.SOURCES, "sources", example="hanoimoi-north-28-x-2024")
class SourceViewSet(PublicListViewSet):
    public_list = lists.SOURCES


@documented(lists.INDICATORS, "indicators", example="export_turnover", lookup="code")
class IndicatorViewSet(PublicListViewSet):
    public_list = lists.INDICATORS
    lookup_field = "code"
