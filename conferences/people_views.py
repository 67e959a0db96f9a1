"""People named in the sources: the list, sortable by name and 50 a page, and one person's sessions."""

from django.core.paginator import InvalidPage, Paginator
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from conferences.people import DEFAULT_SORT, SORTS, people, person
from portal.per_load import for_this_load

PEOPLE_PER_PAGE = 50


@require_safe
def person_list_view(request):
    sort = request.GET.get("sort") or DEFAULT_SORT
    if sort not in SORTS:
        problem = _("Sort by: “%(value)s” is not one of the choices.") % {"value": sort[:50]}
        context = {"people": [], "sort": DEFAULT_SORT, "query_problems": [problem]}
        return render(request, "conferences/person_list.html", context, status=400)
    # Everyone named depends on the data alone: read and sorted once per load (``portal.per_load``), the
    # list's pages and languages then only slice it. A person's roles are labelled as each page is written.
    everyone = for_this_load(request, ("people", sort), lambda: people(sort=sort))
    paginator = Paginator(everyone, PEOPLE_PER_PAGE)
    try:
        page = paginator.page(request.GET.get("page") or 1)
    except InvalidPage as error:
        raise Http404(str(error)) from error
    context = {
        "people": page.object_list,
        "sort": sort,
        "paginator": paginator,
        "page_obj": page,
        "is_paginated": page.has_other_pages(),
    }
    return render(request, "conferences/person_list.html", context)


@require_safe
def person_detail_view(request, slug):
    return render(request, "conferences/person_detail.html", {"person": person(slug=slug)})
