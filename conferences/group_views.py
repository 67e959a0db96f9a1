"""The conference groups' pages: every group, and one group with its sessions, figures and members."""

from datetime import date

from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from conferences.group_charts import attach_series_charts, share_charts
from conferences.group_selectors import (
    GROUP_SESSIONS,
    latest_session_shares,
    region_detail,
    region_figure_series,
    region_list,
)
from conferences.rotation import region_rotation
from portal.caching import changes_daily
from portal.per_load import for_this_load_and_day
from regions import map2025


@changes_daily  # an announced session stops being "next" once its day has passed
@require_safe
def region_list_view(request):
    today = timezone.localdate()  # the groups are the same for every visitor until the next load or day
    regions = for_this_load_and_day(request, ("groups",), today, lambda: region_list(today=today))
    return render(request, "regions/region_list.html", {"regions": regions})


def group_page(*, slug: str, today: date) -> dict:
    """What a group's page shows as it was then: the group, its latest sessions, figures and share
    charts (worded in the active language)."""
    region = region_detail(slug=slug, today=today)
    series = region_figure_series(region=region)
    attach_series_charts(series)
    totals = [report for entry in series for group in entry.groups for report in group.reports]
    shares = latest_session_shares(region=region)
    return {
        "region": region,
        "series": series,
        "share_charts": share_charts(parts=shares.parts, totals=totals),
        "shares_session": shares.conference,
        "more_share_charts": shares.more,
        "rotation": region_rotation(region.sessions).latest(GROUP_SESSIONS),
    }


@changes_daily
@require_safe
def region_detail_view(request, slug):
    """A bounded page whatever the data: the latest sessions, figures and share charts, each linking to
    its full list (``GROUP_SESSIONS``, ``GROUP_FIGURES``, ``SHARE_CHARTS``).

    The groups are few and their pages depend on the data, the day and the language alone, so each is
    read once per load (``portal.per_load``); an unknown group is a 404 and keeps nothing. Only the
    members as 2025 units (``?units=now``) are read on each request.
    """
    today = timezone.localdate()
    key = ("group", slug, get_language())
    context = for_this_load_and_day(request, key, today, lambda: group_page(slug=slug, today=today))
    units_now = map2025.wants_now(request)
    members_now = map2025.region_units_now(context["region"]) if units_now else None
    return render(
        request,
        "regions/region_detail.html",
        {**context, "units_now": units_now, "members_now": members_now},
    )
