"""The bounded paths for a large table give exactly the full ranking's first rows.

``best_matches`` (the search page) finds a large table's first rows of each kind of match without
ranking every match (``listings.search_first_rows``): from the first rows in order (``search_window``),
not at all for a kind in names that no row its names come from has (``search_names_from``), from the
rows holding the finished words before an unfinished last one, or from the index. A list's ``q``
(``latest_match_keys``) reads its first rows in order before the index. Each path is checked here
against ``search``, which ranks every match, with windows and caps small enough that every path is
taken, on both databases.
"""

from datetime import date, timedelta

import factories
import pytest

from conferences.models import Indicator, IndicatorReport
from listings import search as search_module
from listings import search_first_rows
from listings.search import best_matches, latest_match_keys, query_words, search, search_order

pytestmark = pytest.mark.django_db

QUOTES = [
    "Nguyễn Văn An phát biểu về kim ngạch xuất khẩu",
    "Nguyễn Văn Anh chủ trì",
    "ông Nguyễn Văn An và ông Trần Văn Bình",
    "văn bản của Nguyễn Thị An",
    "An Giang và Nguyễn Văn",
    "Thanh Hóa dẫn đầu về xuất khẩu",
    "hàng hóa của tỉnh Thanh Hóa",
    "thành phố Thanh Hoàng",
    "tỉnh Thanh Hóa, lần thứ X",
    "kế hoạch năm của thành phố, hàng hóa",
]
QUERIES = [
    "Nguyễn Văn An",
    "nguyen van a",
    "van an",
    "an",
    "Thanh Hóa",
    "thanh ho",
    "hoa thanh",
    "xuất khẩu",
    "kim ngạch xuất khẩu",
    "kim ngach xuat k",
    "doanh thu",
    "lan thu x",
    "zzzyx",
]


@pytest.fixture
def figures(empty_database):
    """Figures over several periods, four indicators and ten quotes; names from the indicators."""
    retail = factories.indicator(code="retail_sales", name_vi="Tổng mức bán lẻ hàng hóa", name_en="Retail sales")
    exports = factories.indicator(code="export_turnover", name_vi="Kim ngạch xuất khẩu", name_en="Export turnover")
    goods = factories.indicator(code="goods_exports", name_vi="Kim ngạch xuất khẩu hàng hóa", name_en="Goods exports")
    total = factories.indicator(code="total_exports", name_vi="Tổng kim ngạch xuất khẩu", name_en="Total exports")
    province = factories.province(name="Thanh Hóa")
    conference = factories.conference()
    for number in range(40):
        factories.figure(
            conference=conference,
            indicator=(retail, goods, total, exports)[number % 4],
            province=province if number % 5 == 0 else None,
            period_start=None,
            period_end=date(2024, 12, 31) - timedelta(days=30 * (number % 7)),
            quote=QUOTES[number % len(QUOTES)],
        )


def full_ranking(query, limit):
    order = search_order(IndicatorReport)
    ranked = search(IndicatorReport.objects.all(), query).order_by("-search_rank", *order)[:limit]
    return [(row.pk, row.search_rank) for row in ranked]


def bounded(query, limit):
    return [(row.pk, row.search_rank) for row in best_matches(IndicatorReport.objects.all(), query, limit=limit)]


@pytest.mark.parametrize("query", QUERIES)
def test_the_bounded_search_finds_the_first_of_the_full_ranking(figures, query, monkeypatch):
    for window in (1, 3, 10, 2_000):
        monkeypatch.setattr(IndicatorReport, "search_window", window)
        for cap in (1, 4, 200):
            monkeypatch.setattr(search_first_rows, "FINISHED_WORDS_CAP", cap)
            for limit in (1, 3, 11):
                assert bounded(query, limit) == full_ranking(query, limit), (window, cap, limit)


def test_a_figures_names_are_its_indicators(figures):
    """What ``search_names_from`` relies on: a name kind of match of a figure is one of its indicator."""
    assert IndicatorReport.search_names_from == "indicator"
    names = dict(Indicator.objects.values_list("pk", "search_name"))
    for indicator, name in IndicatorReport.objects.values_list("indicator", "search_name"):
        assert name == names[indicator]


@pytest.mark.parametrize("query", QUERIES)
def test_a_lists_matches_are_its_first_in_order_whatever_the_window(figures, query, monkeypatch):
    """A list's ``q`` (``latest_match_keys``) reads its first rows in order within the other filters, and
    looks further only when they hold too few matches."""
    words = query_words(query)
    order = search_order(IndicatorReport)
    lists = [
        IndicatorReport.objects.all(),
        IndicatorReport.objects.filter(indicator__code="export_turnover"),
        IndicatorReport.objects.filter(province__isnull=False, conference__region__isnull=False),
    ]
    for queryset in lists:
        expected = list(search(queryset, query).order_by(*order).values_list("pk", flat=True))
        for window in (1, 3, 10, 2_000):
            monkeypatch.setattr(search_module, "LIST_WINDOW", window)
            for limit in (1, 3, 11):
                assert latest_match_keys(queryset, words, limit=limit) == expected[:limit], (window, limit)
