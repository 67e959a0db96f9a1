"""The conference groups' pages: every group, and one group with its sessions, figures and members."""

from django.shortcuts import render
from django.utils import timezone
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
from portal.per_load import for_this_load
from regions import map2025


@changes_daily  # an announced session stops being "next" once its day has passed
@require_safe
def region_list_view(request):
    today = timezone.localdate()  # the groups are the same for every visitor until the next load or day
    regions = for_this_load(request, ("groups", today), lambda: region_list(today=today))
    return render(request, "regions/region_list.html", {"regions": regions})


@changes_daily
@require_safe
def region_detail_view(request, slug):
    """A bounded page whatever the data: the latest sessions, figures and share charts, each linking to
    its full list (``GROUP_SESSIONS``, ``GROUP_FIGURES``, ``SHARE_CHARTS``)."""
    region = region_detail(slug=slug, today=timezone.localdate())
    series = region_figure_series(region=region)
    attach_series_charts(series)
    totals = [report for entry in series for group in entry.groups for report in group.reports]
    units_now = map2025.wants_now(request)
    shares = latest_session_shares(region=region)
    context = {
        "region": region,
        "series": series,
        "share_charts": share_charts(parts=shares.parts, totals=totals),
        "shares_session": shares.conference,
        "more_share_charts": shares.more,
        "rotation": region_rotation(region.sessions).latest(GROUP_SESSIONS),
        "units_now": units_now,
        "members_now": map2025.region_units_now(region) if units_now else None,
    }
    return render(request, "regions/region_detail.html", context)
