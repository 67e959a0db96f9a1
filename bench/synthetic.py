"""Synthetic figures for benchmarks: realistic in shape, seeded, and never mistaken for the real data.

Everything here is pure Python: given the reference data (groups, their member provinces, the
indicator vocabulary) and a seed, it plans sessions, sources and ``N`` figures as plain tuples.
``bench.synthetic_db`` writes them. The same seed and ``N`` always give the same rows.

The rows keep every rule the curated data keeps:

- a figure's ``value_as_written`` is in its quote, and ``parse_quantity`` reads it as exactly
  ``value`` in ``unit`` (every written value is parsed once, from a pool);
- the words just before the value carry the qualifier (``detect_qualifiers``), the growth, share, plan
  share and threshold phrases read as the stored percentages;
- ``period_label`` is in the quote and ``parse_period`` reads it as the stored dates;
- session numbers follow the years (session N is held in ``FIRST_YEAR + N - 1``), hosts rotate
  among the group's members, and each handover names the next session's host;
- the search columns are built from normalised pieces, equal to ``SearchableModel.search_columns()``
  (normalising text made of pieces joined at a non-letter gives the pieces' normal forms joined by
  a space, so each distinct piece is normalised once).
"""

import calendar
import hashlib
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from functools import lru_cache
from types import SimpleNamespace

from listings.search import normalise
from vietnamese.numbers import parse_quantity
from vietnamese.phrases import parse_growth, parse_plan_share, parse_share, parse_threshold
from vietnamese.roman import to_roman

GENERATOR_VERSION = 1
PREFIX = "synthetic-"  # every synthetic source's slug starts with it, and the Dataset version too
FIRST_YEAR = 1991  # session I; session N is held in FIRST_YEAR + N - 1
LAST_HELD_YEAR = 2024  # the next session (2025) is announced, with its host named at the handover
FIGURES_PER_SOURCE = 2500  # keeps ``position`` (a small integer) far from its limit
POOL_SIZE = 400  # written values per indicator and scope, each parsed once

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
# Words before the value for each qualifier: (flow "đạt", growth "tăng", count "có").
MARKERS = {
    "actual": ("đạt ", "tăng ", "có "),
    "estimate": ("ước đạt ", "ước tăng ", "ước có "),
    "forecast": ("dự kiến đạt ", "dự kiến tăng ", "dự kiến có "),
    "lower_bound": ("đạt hơn ", "tăng hơn ", "có hơn "),
    "approximate": ("đạt khoảng ", "tăng khoảng ", "có khoảng "),
}
FAMILY_NAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương")
MIDDLE_NAMES = ("Văn", "Thị", "Hữu", "Đức", "Minh", "Quốc", "Thanh", "Ngọc", "Xuân", "Hồng")
GIVEN_NAMES = ("An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Hùng", "Lan", "Long", "Mai", "Nam", "Phong", "Sơn", "Tâm")
PUBLICATIONS = ("Bản tin mô phỏng A", "Bản tin mô phỏng B", "Bản tin mô phỏng C", "Bản tin mô phỏng D")
SYNTHETIC_NOTE = "Dữ liệu mô phỏng để đo hiệu năng, không phải bài báo thật (synthetic benchmark data)."


# Reference data, as the generator needs it (filled from the database by ``synthetic_db``).


@dataclass(frozen=True)
class RefProvince:
    pk: int
    name: str
    kind: str  # "province" or "city"


@dataclass(frozen=True)
class RefRegion:
    pk: int
    slug: str
    name_vi: str
    name_en: str
    declared_size: int
    members: tuple[RefProvince, ...]  # pre-2025 units, in a stable order


@dataclass(frozen=True)
class RefIndicator:
    pk: int
    code: str
    unit: str
    name_vi: str
    name_en: str


# The plan: sessions, sources, mentions and officials.


@dataclass
class PlannedConference:
    key: int  # index in the plan
    region: RefRegion
    session_number: int
    year: int
    status: str
    host: RefProvince
    next_host: RefProvince | None
    date: date | None
    figures: int = 0
    sources: list["PlannedSource"] = field(default_factory=list)

    @property
    def slug(self) -> str:
        return f"{self.region.slug}-{to_roman(self.session_number).lower()}-{self.year}"

    @property
    def roman(self) -> str:
        return to_roman(self.session_number)


@dataclass
class PlannedSource:
    key: int
    conference: PlannedConference
    letter: str
    figures: int

    @property
    def slug(self) -> str:
        return f"{PREFIX}{self.conference.slug}-{self.letter}"


def vn_number(integer: int, decimals: str = "") -> str:
    """A numeral as Vietnamese writes it: "." between thousands, "," before decimals."""
    digits = f"{integer:,}".replace(",", ".")
    return f"{digits},{decimals}" if decimals else digits


def place_of(province: RefProvince) -> str:
    return f"{'thành phố' if province.kind == 'city' else 'tỉnh'} {province.name}"


def person(rng: random.Random) -> str:
    return f"{rng.choice(FAMILY_NAMES)} {rng.choice(MIDDLE_NAMES)} {rng.choice(GIVEN_NAMES)}"


def plan_conferences(regions: list[RefRegion], figures: int, rng: random.Random) -> list[PlannedConference]:
    """Every group's sessions from FIRST_YEAR, hosts rotating among members, figures spread over them."""
    conferences = []
    for region in regions:
        rotation = list(region.members)
        rng.shuffle(rotation)
        last_session = LAST_HELD_YEAR - FIRST_YEAR + 2  # the announced one
        hosts = [rotation[(number - 1) % len(rotation)] for number in range(1, last_session + 1)]
        for number in range(1, last_session + 1):
            year = FIRST_YEAR + number - 1
            held = year <= LAST_HELD_YEAR
            month = rng.randint(4, 11)
            day = rng.randint(1, calendar.monthrange(year, month)[1])
            conferences.append(
                PlannedConference(
                    key=len(conferences),
                    region=region,
                    session_number=number,
                    year=year,
                    status="held" if held else "announced",
                    host=hosts[number - 1],
                    next_host=hosts[number] if held else None,
                    date=date(year, month, day) if held else None,
                )
            )
    held = [conference for conference in conferences if conference.status == "held"]
    # Later sessions report more: weights grow with the session number.
    weights = [1 + conference.session_number / 10 for conference in held]
    for conference, share in zip(held, _apportion(figures, weights), strict=True):
        conference.figures = share
    sources = 0
    for conference in held:
        count = max(2, -(-conference.figures // FIGURES_PER_SOURCE))
        for index, share in enumerate(_apportion(conference.figures, [1] * count)):
            conference.sources.append(PlannedSource(sources, conference, _letters(index), share))
            sources += 1
    return conferences


def _letters(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(ord("a") + remainder) + letters
    return letters


def _apportion(total: int, weights: list[float]) -> list[int]:
    """``total`` split in proportion to ``weights``, exactly (largest remainders)."""
    whole = sum(weights)
    exact = [total * weight / whole for weight in weights]
    shares = [int(value) for value in exact]
    by_remainder = sorted(range(len(weights)), key=lambda i: (exact[i] - shares[i], -i), reverse=True)
    for i in by_remainder[: total - sum(shares)]:
        shares[i] += 1
    return shares


def conference_text(conference: PlannedConference) -> dict:
    """A session's facts as a source would write them."""
    host = place_of(conference.host)
    group = conference.region.name_vi
    title = f"Hội nghị ngành Công Thương {group} lần thứ {conference.roman} năm {conference.year}"
    if conference.date:
        when = f"Ngày {conference.date.day}/{conference.date.month}"
        report = f"{when}, tại {host}, Bộ Công Thương phối hợp với UBND {host} tổ chức {title[0].lower()}{title[1:]}."
    else:
        when = ""
        report = ""
    return {
        "title": title,
        "date_as_written": when,
        "venue": f"Trung tâm Hội nghị {host}",
        "organisers": f"Bộ Công Thương, UBND {host}",
        "theme": f"Liên kết vùng, phát triển bền vững ngành Công Thương {group}",
        "report": report,
    }


# Figures.


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


@lru_cache(maxsize=200_000)
def normal(text: str) -> str:
    return normalise(text)


class Text:
    """A sentence built from pieces, with its normal form built from the pieces' (see the module doc)."""

    __slots__ = ("parts",)

    def __init__(self):
        self.parts: list[str] = []

    def add(self, *parts: str) -> "Text":
        self.parts.extend(parts)
        return self

    def __str__(self):
        return "".join(self.parts)

    def normalised(self) -> str:
        return " ".join(text for text in map(normal, self.parts) if text)


def _fields(texts) -> str:
    return "|" + "|".join(text for text in texts if text) + "|"


# A record's fields (a figure whose source's text is not kept): synthetic figures all have quotes.
RECORD_ONLY_COLUMNS = (
    "locator",
    "growth_as_written",
    "share_as_written",
    "plan_share_as_written",
    "qualifier_as_written",
    "period_context_as_written",
)


class FigureFactory:
    """Makes the figures of one source as tuples in the order of ``columns``: every stored column of a
    figure (``bulk.stored_columns(IndicatorReport)``, in the model's order), each by its attribute name."""

    def __init__(
        self,
        rng: random.Random,
        indicators: list[RefIndicator],
        regions: list[RefRegion],
        search,
        columns: tuple[str, ...],
    ):
        self.rng = rng
        self.columns = columns
        self.pools = ValuePools(rng, indicators, regions)
        usable = [indicator for indicator in indicators if indicator.code in INDICATOR_WEIGHTS]
        self.indicators = usable
        self.weights = [INDICATOR_WEIGHTS[indicator.code] for indicator in usable]
        self.search = search  # (values, quote) → (search_name, search_text), e.g. a SearchColumns
        self._periods: dict[tuple[int, bool], list] = {}

    def figures(self, source: PlannedSource, conference_pk: int, source_pk: int) -> Iterator[tuple]:
        rng = self.rng
        conference = source.conference
        region = conference.region
        chosen = rng.choices(self.indicators, weights=self.weights, k=source.figures)
        for position, indicator in enumerate(chosen):
            code = indicator.code
            stock = code in STOCK_INDICATORS
            key = (conference.key, stock)
            if key not in self._periods:
                self._periods[key] = periods_before(conference, stock)
            period, qualifier = rng.choice(self._periods[key])
            roll = rng.random()
            if roll < 0.04:
                qualifier = "lower_bound"
            elif roll < 0.08:
                qualifier = "approximate"
            elif roll < 0.25 and qualifier == "estimate":
                qualifier = "actual"
            if code in PROVINCE_COUNT_INDICATORS:
                yield self._province_count(source, conference_pk, source_pk, indicator, period, position)
                continue
            scope_roll = rng.random()
            scope = "province" if scope_roll < 0.86 else "region" if scope_roll < 0.98 else "country"
            province = rng.choice(region.members) if scope == "province" else None
            written = rng.choice(self.pools.values[code, scope])
            as_written = rng.choice(FLOW_INDICATORS.get(code) or STOCK_INDICATORS[code])
            verb = 1 if code in ("iip_growth", "industrial_production_growth") else 2 if written.unit == "count" else 0
            where = place_of(province) if province else region.name_vi if scope == "region" else "cả nước"
            quote = Text().add(period.label, ", ", as_written, " của ", where, " ", MARKERS[qualifier][verb])
            quote.add(written.written)
            growth = share = plan_share = None
            share_of = ""
            if verb != 1 and not stock and rng.random() < 0.7:
                growth = rng.choice(self.pools.growth)
                quote.add(", ", growth.written, " so với cùng kỳ")
            if scope == "province" and not stock and rng.random() < 0.1:
                share, share_of = rng.choice(self.pools.shares), "region"
                quote.add(", ", share.written, " của toàn khu vực")
            elif scope == "region" and period.label.startswith("Năm") and rng.random() < 0.2:
                plan_share = rng.choice(self.pools.plans)
                quote.add(", ", plan_share.written)
            quote.add(".")
            yield self._row(
                source,
                conference_pk,
                source_pk,
                indicator,
                as_written,
                scope,
                province,
                period,
                written,
                qualifier,
                quote,
                position,
                growth=growth.pct if growth else None,
                share=share.pct if share else None,
                share_of=share_of,
                plan_share=plan_share.pct if plan_share else None,
            )

    def _province_count(self, source, conference_pk, source_pk, indicator, period, position):
        rng = self.rng
        region = source.conference.region
        written = rng.choice(self.pools.values[indicator.code, region.slug])
        threshold, comparator, pct = rng.choice(self.pools.thresholds)
        as_written = PROVINCE_COUNT_INDICATORS[indicator.code][0]
        qualifier = "approximate" if rng.random() < 0.05 else "actual"
        marker = "có khoảng " if qualifier == "approximate" else "có "
        quote = Text().add(period.label, ", ", marker, written.written, " trong khu vực có ", as_written, " ")
        quote.add(threshold, " so với cùng kỳ.")
        return self._row(
            source,
            conference_pk,
            source_pk,
            indicator,
            as_written,
            "region",
            None,
            period,
            written,
            qualifier,
            quote,
            position,
            threshold=(comparator, pct),
        )

    def _row(
        self,
        source,
        conference_pk,
        source_pk,
        indicator,
        as_written,
        scope,
        province,
        period,
        written,
        qualifier,
        quote,
        position,
        *,
        growth=None,
        share=None,
        share_of="",
        plan_share=None,
        threshold=None,
    ):
        comparator, threshold_pct = threshold or ("", None)
        values = {
            "slug": f"{source.slug}-{position + 1:04d}",
            "conference_id": conference_pk,
            "source_id": source_pk,
            "indicator_id": indicator.pk,
            "indicator_as_written": as_written,
            "scope": scope,
            "province_id": province.pk if province else None,
            "period_start": period.start,
            "period_end": period.end,
            "is_stock": period.is_stock,
            "period_label": period.label,
            "period_quote": "",
            "value": written.value,
            "unit": written.unit,
            "unit_as_written": written.unit_as_written,
            "value_as_written": written.written,
            "denominator": written.denominator,
            "threshold_comparator": comparator,
            "threshold_pct": threshold_pct,
            "growth_pct": growth,
            "share_pct": share,
            "share_of": share_of,
            "plan_share_pct": plan_share,
            "qualifier": qualifier,
            "quote": str(quote),
            "quote_line": position + 3,
            **dict.fromkeys(RECORD_ONLY_COLUMNS, ""),
            "note_vi": "",
            "note_en": "",
            "position": position,
        }
        values["search_name"], values["search_text"] = self.search(values, quote)
        return tuple(values[column] for column in self.columns)


class SearchColumns:
    """The search columns of a figure not yet saved, exactly as ``SearchableModel.search_columns`` makes them.

    The model's own ``search_names`` and ``search_extra`` say which texts go in (called on a stand-in with
    the row's values and its related objects), so a change to them is followed here. Each text is
    normalised once and remembered; the quote, which differs for every figure, is normalised from the
    pieces it was built from (``Text``).
    """

    def __init__(self, model, related: dict[str, Callable[[dict], object]]):
        self.model = model
        self.related = related  # attribute → the related object for a row's values

    def __call__(self, values: dict, quote: Text) -> tuple[str, str]:
        row = SimpleNamespace(**values, **{name: find(values) for name, find in self.related.items()})
        names = [normal(name) for name in self.model.search_names(row) if name]
        extra = [
            quote.normalised() if text is values["quote"] else normal(text)
            for text in self.model.search_extra(row)
            if text
        ]
        return _fields(names), _fields([*names, *extra])


def source_fields(source: PlannedSource, conference: PlannedConference) -> dict:
    published = conference.date + timedelta(days=1)
    text = conference_text(conference)
    return {
        "slug": source.slug,
        "file_name": f"synthetic/{source.slug}.txt",
        "text_sha256": hashlib.sha256(source.slug.encode()).hexdigest(),
        "publication": PUBLICATIONS[source.key % len(PUBLICATIONS)],
        "publication_note": SYNTHETIC_NOTE,
        "title": text["title"],
        "author": "",
        "published_on": published,
        "published_as_written": f"{published.day:02d}/{published.month:02d}/{published.year}",
        "reproduction_notice": "",
    }


def dataset_version(seed: int, figures: int, salt: str) -> str:
    """Unique per run, so that anything keyed by the version sees the new data; 64 characters."""
    digest = hashlib.sha256(f"{GENERATOR_VERSION}:{seed}:{figures}:{salt}".encode()).hexdigest()
    return f"{PREFIX}s{seed}-n{figures}-{digest}"[:64]
