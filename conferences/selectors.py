"""Reads that span several models, kept out of the views (HackSoft's selector style)."""

from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404

from conferences.models import Conference, ConferenceMention, IndicatorReport


def conference_list() -> QuerySet[Conference]:
    """Every conference, held or announced, grouped by region, latest first, with its sources."""
    return Conference.objects.for_listing().prefetch_related(
        Prefetch("mentions", queryset=ConferenceMention.objects.select_related("source").order_by("source__slug"))
    )


def conference_detail(*, slug: str) -> Conference:
    """One conference with everything its page shows, in a fixed number of queries."""
    queryset = Conference.objects.select_related("region", "host", "next_host").prefetch_related(
        Prefetch("mentions", queryset=ConferenceMention.objects.select_related("source")),
        "officials",
        Prefetch(
            "reports",
            queryset=IndicatorReport.objects.select_related("indicator", "province", "source").order_by(
                "source__slug", "position"
            ),
        ),
    )
    return get_object_or_404(queryset, slug=slug)
