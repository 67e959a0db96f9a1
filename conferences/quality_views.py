"""The public data-quality pages: every check's counts with its first findings, and each check's full list,
page by page. Both read the report a load stored (``quality_pages``), so their cost does not grow with the
data."""

from django.core.paginator import InvalidPage, Paginator
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from conferences.figure_display import citation_date
from conferences.quality_pages import PAGE_SIZE, quality_list, quality_summary
from conferences.quality_report import CHECK_SLUGS
from portal.caching import changes_daily
from portal.html_format import format_html
from portal.per_load import for_this_load_and_day


def _context(request) -> dict:
    today = timezone.localdate(timezone.now())
    checked_on = format_html('<time datetime="{}">{}</time>', today.isoformat(), citation_date(today))
    # Of a load, the report it stored; else (data changed outside a load) the checks run in memory.
    return {"today": today, "checked_on": checked_on, "stored": getattr(request, "data_load", None) is not None}


@changes_daily  # the checks and the page are as of today
@require_safe
def quality_view(request):
    context = _context(request)
    # Worded in the page's language, the same for every visitor until the next load or day (``portal.per_load``).
    key = ("quality", get_language())
    context["checks"] = for_this_load_and_day(
        request, key, context["today"], lambda: quality_summary(today=context["today"], stored=context["stored"])
    )
    return render(request, "conferences/quality.html", context)


@changes_daily
@require_safe
def quality_check_view(request, slug: str):
    if slug not in CHECK_SLUGS:
        raise Http404("No check is named so.")
    context = _context(request)
    number = request.GET.get("page") or 1
    try:
        number = int(number)
        if number < 1:
            raise ValueError
    except ValueError:
        raise Http404("No such page.") from None
    check = quality_list(slug, today=context["today"], stored=context["stored"], page=number)
    try:
        page_obj = Paginator(range(check.total), PAGE_SIZE).page(number)
    except InvalidPage:
        raise Http404("No such page.") from None
    context.update(check=check, page_obj=page_obj, is_paginated=page_obj.has_other_pages())
    return render(request, "conferences/quality_check.html", context)
