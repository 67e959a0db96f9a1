"""The figures' values: which indicators are reported and how often, their written values and periods.

Every written value and phrase is made once, into a pool, and parsed once by the portal's own parsers
(``parse_quantity``, ``parse_growth`` …), so the stored numbers are what the parsers read in the text.
"""

import calendar
import random
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from bench.synthetic.sessions import PlannedConference, RefIndicator, RefRegion
from bench.synthetic.texts import vn_number
from vietnamese.numbers import parse_quantity
from vietnamese.phrases import parse_growth, parse_plan_share, parse_share, parse_threshold
from vietnamese.roman import to_roman

POOL_SIZE = 400  # written values per indicator and scope, each parsed once

# How each reported indicator is written: flows over a period, stocks at a date, counts of provinces.
FLOW_INDICATORS = {
    "iip_growth": ("chỉ số sản xuất công nghiệp (IIP)", "chỉ số sản xuất toàn ngành công nghiệp (IIP)"),
    "industrial_production_growth": ("sản xuất công nghiệp", "giá trị sản xuất công nghiệp"),
    "industrial_production_value": ("giá trị sản xuất công nghiệp", "giá trị sản xuất toàn ngành công nghiệp"),
    "retail_sales": ("tổng mức bán lẻ hàng hóa và doanh thu dịch vụ", "tổng mức bán lẻ hàng hóa"),
    "export_turnover": ("kim ngạch xuất khẩu", "tổng kim ngạch xuất khẩu"),
    "import_turnover": ("kim ngạch nhập khẩu", "tổng kim ngạch nhập khẩu"),
}
STOCK_INDICATORS = {
    "industrial_clusters": ("số cụm công nghiệp", "cụm công nghiệp"),
    "industrial_cluster_area": ("tổng diện tích cụm công nghiệp", "diện tích các cụm công nghiệp"),
    "industrial_clusters_operating": ("cụm công nghiệp đi vào hoạt động", "số cụm công nghiệp đang hoạt động"),
    "industrial_cluster_projects": ("dự án đầu tư vào cụm công nghiệp", "dự án đầu tư sản xuất kinh doanh"),
    "industrial_cluster_capital": ("tổng vốn đăng ký đầu tư vào cụm công nghiệp", "vốn đăng ký đầu tư"),
    "industrial_cluster_workers": ("lao động trong cụm công nghiệp", "lao động làm việc tại cụm công nghiệp"),
}
PROVINCE_COUNT_INDICATORS = {
    "provinces_iip_growth": ("chỉ số sản xuất công nghiệp (IIP)",),
    "provinces_industrial_growth": ("sản xuất công nghiệp",),
    "provinces_export_growth": ("kim ngạch xuất khẩu",),
}
# How often each indicator is reported, relative to the others.
INDICATOR_WEIGHTS = {
    "iip_growth": 10,
    "industrial_production_growth": 6,
    "industrial_production_value": 8,
    "retail_sales": 10,
    "export_turnover": 12,
    "import_turnover": 8,
    "industrial_clusters": 5,
    "industrial_cluster_area": 4,
    "industrial_clusters_operating": 4,
    "industrial_cluster_projects": 3,
    "industrial_cluster_capital": 3,
    "industrial_cluster_workers": 3,
    "provinces_iip_growth": 1,
    "provinces_industrial_growth": 1,
    "provinces_export_growth": 1,
}


@dataclass(frozen=True)
class WrittenValue:
    written: str
    value: Decimal
    unit: str
    unit_as_written: str
    denominator: int | None


@dataclass(frozen=True)
class Phrase:
    written: str
    pct: Decimal


@dataclass(frozen=True)
class PeriodChoice:
    label: str
    start: date | None
    end: date
    is_stock: bool


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def periods_before(conference: PlannedConference, stock: bool) -> list[tuple[PeriodChoice, str]]:
    """Periods a session can report, with the qualifier their timing suggests.

    Flows: the previous full year, quarters and "first N months" that ended before the session,
    and a forecast for the whole current year. Stocks: levels at the end of a past month.
    """
    year, month = conference.year, conference.date.month
    choices = []
    if stock:
        choices.append((PeriodChoice(f"Đến hết tháng 12/{year - 1}", None, date(year - 1, 12, 31), True), "actual"))
        for end_month in range(max(1, month - 4), month):
            label = f"Đến hết tháng {end_month}/{year}"
            choices.append((PeriodChoice(label, None, _month_end(year, end_month), True), "estimate"))
        return choices
    choices.append((PeriodChoice(f"Năm {year - 1}", date(year - 1, 1, 1), date(year - 1, 12, 31), False), "actual"))
    choices.append(
        (PeriodChoice(f"6 tháng cuối năm {year - 1}", date(year - 1, 7, 1), date(year - 1, 12, 31), False), "actual")
    )
    for quarter in range(1, 5):
        if 3 * quarter < month:
            label = f"Quý {quarter}-{year}" if quarter % 2 else f"quý {to_roman(quarter)}/{year}"
            start, end = date(year, 3 * quarter - 2, 1), _month_end(year, 3 * quarter)
            choices.append((PeriodChoice(label, start, end, False), "estimate"))
    for months in range(4, month):
        label = f"{months} tháng đầu năm {year}"
        choices.append((PeriodChoice(label, date(year, 1, 1), _month_end(year, months), False), "estimate"))
    choices.append((PeriodChoice(f"Năm {year}", date(year, 1, 1), date(year, 12, 31), False), "forecast"))
    return choices


class ValuePools:
    """Written values, growth, share, plan share and threshold phrases: each generated once and parsed once.

    Only the indicators the generator reports (``INDICATOR_WEIGHTS``) get values."""

    def __init__(self, rng: random.Random, indicators: list[RefIndicator], regions: list[RefRegion]):
        self.values: dict[tuple[str, str], list[WrittenValue]] = {}
        for indicator in indicators:
            if indicator.code not in INDICATOR_WEIGHTS:
                continue
            for scope in ("province", "region", "country"):
                if indicator.code in PROVINCE_COUNT_INDICATORS:
                    continue
                written = {self._written(indicator.code, scope, rng) for _ in range(POOL_SIZE)}
                self.values[indicator.code, scope] = [self._parsed(text) for text in sorted(written)]
            if indicator.code in PROVINCE_COUNT_INDICATORS:
                for region in regions:
                    size = region.declared_size
                    noun = "địa phương" if size > 6 else "tỉnh"
                    texts = [f"{count}/{size} {noun}" for count in range(1, size + 1)]
                    self.values[indicator.code, region.slug] = [self._parsed(text) for text in texts]
        growth = {self._growth(rng) for _ in range(POOL_SIZE)}
        self.growth = [Phrase(text, parse_growth(text)) for text in sorted(growth)]
        shares = {f"chiếm {self._percent(rng, 1, 400)}" for _ in range(POOL_SIZE)}
        self.shares = [Phrase(text, parse_share(text)) for text in sorted(shares)]
        plans = {f"đạt {self._percent(rng, 300, 1000)} kế hoạch năm" for _ in range(POOL_SIZE // 4)}
        self.plans = [Phrase(text, parse_plan_share(text)) for text in sorted(plans)]
        thresholds = ["tăng trưởng dương", "từ 10% trở lên", "trên 5%", "từ 15% trở lên", "trên 8,5%"]
        self.thresholds = [(text, *parse_threshold(text)) for text in thresholds]

    @staticmethod
    def _parsed(text: str) -> WrittenValue:
        quantity = parse_quantity(text)
        return WrittenValue(text, quantity.value, quantity.unit, quantity.unit_as_written, quantity.denominator)

    @staticmethod
    def _percent(rng: random.Random, low: int, high: int) -> str:
        tenths = rng.randint(low, high)
        return f"{vn_number(tenths // 10, str(tenths % 10)) if tenths % 10 else vn_number(tenths // 10)}%"

    def _growth(self, rng: random.Random) -> str:
        verb = "giảm" if rng.random() < 0.12 else "tăng"
        return f"{verb} {self._percent(rng, 1, 350)}"

    def _written(self, code: str, scope: str, rng: random.Random) -> str:
        big = {"province": 1, "region": 20, "country": 120}[scope]
        if code in ("iip_growth", "industrial_production_growth"):
            return self._percent(rng, 1, 250)
        if code in ("industrial_production_value", "retail_sales"):
            if scope == "province":
                return f"{vn_number(rng.randint(1_000, 400_000))} tỷ đồng"
            if scope == "country":
                return f"{vn_number(rng.randint(1, 9), str(rng.randint(1, 999)).rstrip('0'))} triệu tỷ đồng"
            return f"{vn_number(rng.randint(100 * big, 4000 * big))} nghìn tỷ đồng"
        if code in ("export_turnover", "import_turnover"):
            if scope == "province" and rng.random() < 0.5:
                whole, tenth = rng.randint(20, 9_999), rng.randint(0, 9)
                return f"{vn_number(whole, str(tenth) if tenth else '')} triệu USD"
            whole, tenth = rng.randint(1, 30 * big), rng.randint(0, 9)
            return f"{vn_number(whole, str(tenth) if tenth else '')} tỷ USD"
        if code == "industrial_cluster_area":
            return f"{vn_number(rng.randint(50, 900 * big))} ha"
        if code == "industrial_cluster_capital":
            return f"{vn_number(rng.randint(100, 9_000 * big))} tỷ đồng"
        if code == "industrial_cluster_projects":
            return f"{vn_number(rng.randint(5, 400 * big))} dự án"
        if code == "industrial_cluster_workers":
            return f"{vn_number(rng.randint(200, 40_000 * big))} lao động"
        return f"{vn_number(rng.randint(2, 60 * big))} cụm công nghiệp"  # clusters, operating clusters
