"""The pages the benchmark measures: one of each page type of the portal, and Datasette's comparable ones.

Paths are templates filled from the database under test (``examples``, read in a side process by
``bench/queries.py --examples``): the largest province and source, a person, a figure in the middle,
the ids Datasette filters by. The same seed and number of figures give the same paths on PostgreSQL
and on SQLite.
"""

from bench.processes import CEILING_PATH

CEILING = ("ceiling (trivial view)", CEILING_PATH)
PAGES = [
    CEILING,
    ("home", "/"),
    ("groups", "/regions/"),
    ("a group", "/regions/north-28/"),  # the largest group
    ("provinces", "/provinces/"),
    ("a province", "/provinces/{province}/"),  # the one with the most figures
    ("conferences, filtered", "/conferences/?region=north-28&year=2010-2020"),
    ("a conference", "/conferences/north-28-xxx-2020/"),
    ("figures, filtered, facets", "/figures/?region=north-28&indicator=export_turnover&year=2020-2024"),
    ("figures, all, facets", "/figures/"),
    ("figures, middle page", "/figures/?page={middle}"),  # page 20,000 of 40,000 at a million figures
    ("figures, by value", "/figures/?indicator=retail_sales&sort=-value"),
    ("a figure", "/figures/{figure}/"),
    ("sources", "/sources/"),
    ("a source", "/sources/{source}/"),  # the one with the most figures
    ("people", "/people/"),
    ("a person", "/people/{person}/"),
    ("quality", "/quality/"),
    ("search, a person", "/search/?q=Nguy%E1%BB%85n+V%C4%83n+An"),
    ("search, a province", "/search/?q=Thanh+H%C3%B3a"),
    ("API, figures, filtered", "/api/figures/?region=north-28&indicator=export_turnover&year=2020-2024"),
    ("API, figures, middle page", "/api/figures/?page={api_middle}"),
    ("API, conferences", "/api/conferences/"),
]
EXPORT = "/figures.csv"

# Datasette over the same SQLite file: the figures' table as its own pages show it. Datasette reads
# the stored columns (ids, not names), pages by key (``_next``) rather than by number, and has no
# full-text index here, so the search is a LIKE on the folded text the portal searches.
TABLE = "/{db}/conferences_indicatorreport"  # {db}: the SQLite file's name without its suffix
DATASETTE_CEILING = ("ceiling (/-/versions.json)", "/-/versions.json")
DATASETTE_PAGES = [
    DATASETTE_CEILING,
    (
        "figures, filtered",
        TABLE + "?_where=conference_id+in+(select+id+from+conferences_conference+where+region_id={region_id})"
        "&indicator_id={indicator_id}&period_end__gte=2020-01-01&period_end__lte=2024-12-31",
    ),
    ("figures, all", TABLE),
    ("figures, middle page", TABLE + "?_next={middle_id}"),
    ("figures, by value", TABLE + "?indicator_id={retail_sales_id}&_sort_desc=value"),
    ("search, a person", TABLE + "?search_text__contains=nguyen+van+an"),
    ("search, a province", TABLE + "?search_text__contains=thanh+hoa"),
]
DATASETTE_EXPORT = TABLE + ".csv?_stream=on&_size=max"


def examples() -> dict:
    """The values the paths are filled with, read from the database (run inside Django)."""
    import re

    from django.db.models import Count
    from django.test import Client

    from conferences.models import Indicator, IndicatorReport
    from regions.models import Region

    figures = IndicatorReport.objects.count()

    def most(field: str) -> str:
        found = IndicatorReport.objects.exclude(**{f"{field}__isnull": True}).values(field).annotate(n=Count("id"))
        return found.order_by("-n", field).values_list(field, flat=True).first()

    people = Client(HTTP_HOST="127.0.0.1").get("/people/").content.decode()
    person = re.search(r'href="/people/([\w-]+)/"', people)
    ids = IndicatorReport.objects.order_by("id").values_list("id", flat=True)
    return {
        "middle": max(1, figures // 50),
        "api_middle": max(1, figures // 100),  # the API's middle page: 50 a page
        "province": most("province__slug"),
        "source": most("source__slug"),
        "figure": IndicatorReport.objects.order_by("id").values_list("slug", flat=True)[figures // 2],
        "person": person.group(1) if person else "",
        "region_id": Region.objects.get(slug="north-28").pk,
        "indicator_id": Indicator.objects.get(code="export_turnover").pk,
        "retail_sales_id": Indicator.objects.get(code="retail_sales").pk,
        "middle_id": ids[figures // 2],
    }


def filled(pages: list[tuple[str, str]], values: dict, chosen: set[str]) -> list[tuple[str, str]]:
    """The pages chosen (all when none is), the ceiling always, with their paths filled in."""
    first = pages[0][0]
    return [(name, path.format(**values)) for name, path in pages if not chosen or name in chosen or name == first]
