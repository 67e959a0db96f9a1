"""People named in the sources: the list, sortable by name, and one person's sessions."""

from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from conferences.people import DEFAULT_SORT, SORTS, people, person


@require_safe
def person_list_view(request):
    sort = request.GET.get("sort") or DEFAULT_SORT
    if sort in SORTS:
        return render(request, "conferences/person_list.html", {"people": people(sort=sort), "sort": sort})
    problem = _("Sort by: “%(value)s” is not one of the choices.") % {"value": sort[:50]}
    context = {"people": [], "sort": DEFAULT_SORT, "query_problems": [problem]}
    return render(request, "conferences/person_list.html", context, status=400)


@require_safe
def person_detail_view(request, slug):
    return render(request, "conferences/person_detail.html", {"person": person(slug=slug)})
