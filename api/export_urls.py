"""The downloads: ``/<list>.csv`` and ``/<list>.json``, in each language like the pages (``/en/figures.csv``).

Each is named after its page's URL name (``exports:figure_list.csv`` for ``conferences:figure_list``),
so ``templates/includes/downloads.html`` finds a page's downloads from the page itself, in the page's
language: an English page links the English file, whose labels are English.
"""

from django.urls import path

from api import exports, lists

app_name = "exports"

PAGES = {
    "list": lists.CONFERENCES,
    "figure_list": lists.FIGURES,
    "province_list": lists.PROVINCES,
    "region_list": lists.REGIONS,
    "source_list": lists.SOURCES,
}

urlpatterns = [
    path(
        f"{public_list.name}.{fmt}",
        exports.download,
        {"public_list": public_list, "fmt": fmt},
        name=f"{page}.{fmt}",
    )
    for page, public_list in PAGES.items()
    for fmt in ("csv", "json")
]
