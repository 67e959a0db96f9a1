"""The public data-quality page: every check over the whole dataset, as of today."""

from django.shortcuts import render
from django.utils import timezone
from django.utils.html import format_html
from django.views.decorators.http import require_safe

from conferences.figure_display import citation_date
from conferences.quality_report import data_quality
from portal.caching import changes_daily


@changes_daily  # the checks and the page are as of today
@require_safe
def quality_view(request):
    today = timezone.localdate(timezone.now())
    context = {
        "checks": data_quality(today=today),
        "today": today,
        "checked_on": format_html('<time datetime="{}">{}</time>', today.isoformat(), citation_date(today)),
    }
    return render(request, "conferences/quality.html", context)
