"""The sources list: filtered and paginated like the other lists, 25 sources a page."""

from conferences.figure_selectors import attach_conference_kinds, attach_figure_counts, source_rows
from conferences.filters import SourceFilter
from listings.views import FilteredListView


class SourceListView(FilteredListView):
    """Sources by identifier, or by publication date (``sort``), found by ``q`` or by the group of the
    sessions they name (``region``); each with its figure count and the sessions it names."""

    filterset_class = SourceFilter
    template_name = "conferences/source_list.html"

    def get_queryset(self):
        return source_rows(counted=False)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        sources = context["object_list"] or []
        attach_conference_kinds(sources)
        attach_figure_counts(sources, request=self.request)
        return context
