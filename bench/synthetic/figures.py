"""The synthetic figures of a source, as plain tuples ready for the database.

Each figure's quote is written from its pieces: the period, the indicator as written, the place, the
words that carry the qualifier (``MARKERS``), the value as written, and a growth, share or plan share
phrase; every piece comes from ``values``, so the quote reads back as the stored figure.
"""

import random
from collections.abc import Iterator

from bench.synthetic.search import Text
from bench.synthetic.sessions import PlannedSource, RefIndicator, RefRegion
from bench.synthetic.texts import place_of
from bench.synthetic.values import (
    FLOW_INDICATORS,
    INDICATOR_WEIGHTS,
    PROVINCE_COUNT_INDICATORS,
    STOCK_INDICATORS,
    ValuePools,
    periods_before,
)

# Words before the value for each qualifier: (flow "đạt", growth "tăng", count "có").
MARKERS = {
    "actual": ("đạt ", "tăng ", "có "),
    "estimate": ("ước đạt ", "ước tăng ", "ước có "),
    "forecast": ("dự kiến đạt ", "dự kiến tăng ", "dự kiến có "),
    "lower_bound": ("đạt hơn ", "tăng hơn ", "có hơn "),
    "approximate": ("đạt khoảng ", "tăng khoảng ", "có khoảng "),
}


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
