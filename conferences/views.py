from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from conferences.citations import conference_citations
from conferences.disagreements import session_disagreements
from conferences.filters import ConferenceFilter
from conferences.models import Conference
from conferences.rotation import every_session_kept
from conferences.selectors import conference_detail, conference_list, home_summary, neighbouring_sessions
from listings.facets import Facet
from listings.views import FilteredListView
from portal.caching import changes_daily
from portal.per_load import for_this_load_and_day
from regions.models import Region


@changes_daily  # an announced session stops being "next" once its day has passed
@require_safe
def home(request):
    # The same for every visitor until the next load or day: read once (``portal.per_load``), in no language.
    today = timezone.localdate()
    summary = for_this_load_and_day(
        request, ("home",), today, lambda: {"regions": list(Region.objects.all()), **home_summary(today=today)}
    )
    return render(request, "conferences/home.html", summary)


class ConferenceListView(FilteredListView):
    filterset_class = ConferenceFilter
    template_name = "conferences/conference_filter.html"
    facets = [
        Facet("region", "region__slug", "region__name_vi", "region__name_en"),
        Facet("year", "year", descending=True),
        Facet("status", "status", choices=dict(Conference.Status.choices)),
        Facet("host", "host__slug", "host__name", "host__name"),
    ]

    def get_queryset(self):
        return conference_list()


@changes_daily  # an announced session's page says when its time has passed
@require_safe
def conference_detail_view(request, slug):
    conference = conference_detail(slug=slug)
    previous, following = neighbouring_sessions(conference=conference, sessions=every_session_kept(request))
    disagreements = session_disagreements(conference.mentions.all())
    context = {
        "conference": conference,
        "overdue": conference.is_overdue(timezone.localdate()),
        "disagreements": disagreements,
        "disputed": {disagreement.fact: disagreement for disagreement in disagreements},
        "previous": previous,
        "following": following,
        "citations": conference_citations(conference, request=request),
    }
    return render(request, "conferences/conference_detail.html", context)
