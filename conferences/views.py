from django.shortcuts import render
from django.views.decorators.http import require_safe

from conferences.selectors import conference_detail, conference_list


@require_safe
def conference_list_view(request):
    return render(request, "conferences/conference_list.html", {"conferences": conference_list()})


@require_safe
def conference_detail_view(request, slug):
    return render(request, "conferences/conference_detail.html", {"conference": conference_detail(slug=slug)})
