"""The figures of an article: every amount with a unit, its indicator, scope, phrases and period.

Rules, applied to each sentence (see docs/data.md, "Ingesting the next article"):

- An amount is a numeral with a unit the parsers know (``draft_quantities``). A money, area, volume,
  weight or energy amount is a figure; so is a count of clusters, projects or workers. A count of
  provinces is a figure only with a growth threshold ("25/28 địa phương … tăng trưởng dương"); else it
  is the group's name or size ("28 tỉnh, thành phố khu vực phía Bắc") and is set aside.
- A growth ("tăng 12,3%"), share ("chiếm 13,3%") or plan share ("đạt 74% kế hoạch năm") right after an
  amount, before the next amount or ";", belongs to it. A growth that belongs to no amount is a figure of its own (a
  growth rate: "chỉ số sản xuất công nghiệp ước tăng 18%").
- The indicator is the nearest phrase of ``draft_indicators.KEYWORDS`` counted in the figure's unit:
  before the amount in its clause, then in the words attached to it; failing that, earlier or later in
  the sentence, then in the three sentences before, each of which is marked TODO.
- The scope is a province when the clause opens with its name ("Hải Phòng đạt …") or names it as the
  owner ("của tỉnh Bắc Ninh"), or when the sentence opens with it ("Tại tỉnh Hòa Bình, …"); the
  country when "cả nước" is among the words before the amount; the region otherwise.
- The period is the nearest label before the amount in the sentence (or after it, in its clause);
  failing that, the nearest preceding sentence stating a period of the indicator's kind (a flow over
  months, or a level at a date): that sentence is the period quote, marked TODO.
- The qualifier is what ``detect_qualifiers`` reads before the amount, as the build reads it. When it
  finds several, the marker right before the number (hơn/trên, khoảng/gần) wins over the clause's
  (ước, dự kiến), and the entry is marked TODO.
"""

import re
from dataclasses import dataclass, field

from curation.draft_entries import Entry
from curation.draft_indicators import (
    CLUSTER_INDICATORS,
    COUNT_NOUN_INDICATORS,
    GENERIC_GROWTH,
    PROVINCE_COUNTS,
    PROVINCE_NOUNS,
    STOCK_INDICATORS,
    Keyword,
    find_keywords,
)
from curation.draft_periods import PeriodLabel, find_periods, period_fields
from curation.draft_places import ProvinceNames
from curation.draft_quantities import (
    GROWTH,
    REFERENCE_THRESHOLD,
    Amount,
    compact_value,
    find_amounts,
    growth_in,
    own_phrase,
    plan_share_in,
    share_in,
    threshold_in,
)
from curation.draft_text import Sentence, segment_bounds, trim
from curation.reference import Reference
from vietnamese.folding import slugify_vi
from vietnamese.phrases import detect_qualifiers

MAX_QUOTE = 399
CONTEXT_SENTENCES = 3
# The marker nearest the number wins when detect_qualifiers finds several.
QUALIFIER_PRIORITY = ("lower_bound", "approximate", "forecast", "estimate", "actual")
_GROUP_WORDS = re.compile(r"^\s*(?:khu\s+vực|Bắc\s+Trung\s+Bộ|phía\s+(?:Bắc|Nam))", re.IGNORECASE)
_COUNTRY = re.compile(r"(?<!\w)cả\s+nước(?!\w)", re.IGNORECASE)
_SHARE_BASES = (
    (_COUNTRY, "country"),
    (re.compile(r"(?<!\w)(?:khu\s+vực|toàn\s+vùng|vùng)(?!\w)", re.IGNORECASE), "region"),
)
_CLAUSE_COMMA = re.compile(r"(?<![0-9]),|,(?![0-9])")


@dataclass
class Aside:
    """A number the figure rules looked at and set aside, with the reason for the reviewer."""

    offset: int  # in the article's text
    reason: str


@dataclass
class _Claim:
    amount: Amount
    end: int  # end of the amount and its attached phrases, in the sentence
    phrases: dict = field(default_factory=dict)  # "growth"/"share"/"plan_share"/"threshold" -> Phrase
    is_province_count: bool = False


class FigureDrafter:
    def __init__(self, sentences: list[Sentence], reference: Reference, names: ProvinceNames, region: str):
        self.sentences = sentences
        self.reference = reference
        self.names = names
        self.region = region
        self.declared_sizes = {r["declared_size"] for r in reference.regions}
        self.figures: list[Entry] = []
        self.asides: list[Aside] = []
        self._ids: set[str] = set()

    def draft(self, conference: str) -> tuple[list[Entry], list[Aside]]:
        for sentence in self.sentences:
            self._sentence(sentence, conference)
        return self.figures, self.asides

    # One sentence -------------------------------------------------------------------------------

    def _sentence(self, sentence: Sentence, conference: str):
        text = sentence.text
        amounts = find_amounts(text)
        for amount in amounts:
            if amount.quantity is None:
                self._aside(sentence, amount.start, f"TODO: the parsers refuse {amount.written!r}: {amount.error}")
        values = [a for a in amounts if a.quantity is not None and not a.is_percent]
        percents = [a for a in amounts if a.is_percent]
        claims: list[_Claim] = []
        for position, amount in enumerate(values):
            following = values[position + 1].start if position + 1 < len(values) else len(text)
            stop = min(
                following, *(m.start() for m in re.finditer(r"[;:]", text) if m.start() >= amount.end), len(text)
            )
            claim = self._claim(sentence, amount, stop)
            if claim:
                claims.append(claim)
        used = set()
        for claim in claims:
            for name, phrase in claim.phrases.items():
                if name == "threshold" and REFERENCE_THRESHOLD.fullmatch(phrase.written):
                    continue  # "cao hơn mức tăng bình quân (tăng 10,73%)": the reference is a figure too
                used.update(p.start for p in percents if phrase.start <= p.start < phrase.end)
        for amount in percents:
            if amount.start in used:
                continue
            growth = next((m for m in GROWTH.finditer(text) if m.start() < amount.start < m.end()), None)
            if growth is None:
                self._aside(sentence, amount.start, "TODO: a percentage that is no growth, share or threshold drafted")
                continue
            claims.append(_Claim(amount, amount.end))
        claims.sort(key=lambda claim: claim.amount.start)
        for claim in claims:
            self._figure(sentence, claim, claims, conference)

    def _claim(self, sentence: Sentence, amount: Amount, stop: int) -> _Claim | None:
        text = sentence.text
        quantity = amount.quantity
        noun = " ".join(quantity.unit_as_written.lower().split())
        span = text[amount.end : stop]
        if quantity.unit == "count" and noun in PROVINCE_NOUNS:
            threshold = threshold_in(span, amount.end)
            whole_group = quantity.denominator is None and int(quantity.value) in self.declared_sizes
            if whole_group and _GROUP_WORDS.match(span):
                self._aside(sentence, amount.start, "TODO: the group's name or size, not a figure?")
                return None
            if threshold is None:
                reason = (
                    "TODO: the group's size, not a figure?"
                    if int(quantity.value) in self.declared_sizes and quantity.denominator is None
                    else "TODO: a count of provinces with no growth threshold: a figure?"
                )
                self._aside(sentence, amount.start, reason)
                return None
            return _Claim(amount, threshold.end, {"threshold": threshold}, is_province_count=True)
        phrases = {}
        named = lambda words: bool(find_keywords(words))  # noqa: E731
        if growth := own_phrase(growth_in(span, amount.end), span, amount.end, named):
            phrases["growth"] = growth
        if share := own_phrase(share_in(span, amount.end), span, amount.end, named):
            phrases["share"] = share
        if plan_share := own_phrase(plan_share_in(span, amount.end), span, amount.end, named):
            phrases["plan_share"] = plan_share
        end = max([amount.end, *(phrase.end for phrase in phrases.values())])
        return _Claim(amount, end, phrases)

    # One figure -----------------------------------------------------------------------------------

    def _figure(self, sentence: Sentence, claim: _Claim, claims: list[_Claim], conference: str):
        text = sentence.text
        amount, quantity = claim.amount, claim.amount.quantity
        entry = Entry("figure")
        window_start = self._window_start(sentence, claim, claims)
        window = text[window_start : amount.start]
        attached = text[amount.end : claim.end]
        several = len(claims) > 1

        indicator, written = self._indicator(sentence, claim, window_start, entry)
        scope, province = self._scope(sentence, claim, window_start)
        quote = self._quote(sentence, claim, window_start, entry)
        clause = self._clause(text, claim, window_start) if several else ""
        if clause and clause == quote:
            clause = ""
        if not clause and quote.count(amount.written) > 1:
            clause = self._clause(text, claim, window_start)
        if written and written not in quote:
            written = ""
        if not written:
            # Growth words as written: for a count, those of its threshold; else the nearest before it.
            in_attached = [m.group() for m in GENERIC_GROWTH.finditer(attached)]
            in_window = [m.group() for m in GENERIC_GROWTH.finditer(window)]
            generic = in_attached[:1] if claim.is_province_count and in_attached else in_window[-1:] or in_attached[:1]
            written = generic[0] if generic else ""
            if not written:
                entry.todo("no words for the indicator in the quote", "indicator_as_written")

        fields = {
            "id": "",
            "conference": conference,
            "indicator": indicator,
            "indicator_as_written": written,
            "scope": scope,
        }
        if province:
            fields["province"] = province
        fields["quote"] = quote
        if clause:
            fields["clause"] = clause
        fields["value_as_written"] = amount.written
        fields["value"] = compact_value(quantity)
        fields["unit"] = quantity.unit
        if quantity.denominator:
            fields["denominator"] = quantity.denominator
        for name in ("growth", "share", "plan_share", "threshold"):
            phrase = claim.phrases.get(name)
            if phrase is None:
                continue
            fields[f"{name}_as_written"] = phrase.written
            if name == "threshold":
                comparator, pct = phrase.value
                fields["threshold_comparator"], fields["threshold_pct"] = comparator, str(pct)
            else:
                fields[f"{name}_pct"] = str(phrase.value)
            if name == "share":
                fields["share_of"] = self._share_of(text, claim, phrase, scope, entry)
        fields["qualifier"] = self._qualifier(clause or quote, amount.written, entry)
        entry.fields = fields
        self._period(sentence, claim, indicator, entry)
        if amount.is_percent and text[: amount.start].rstrip().lower().endswith("giảm"):
            entry.todo("a decrease: the value is the percentage as written, without its sign", "value")
        if indicator in CLUSTER_INDICATORS and not self._near_clusters(sentence):
            entry.todo("no 'cụm công nghiệp' in this or the previous sentence: check the indicator", "indicator")
        entry.fields["id"] = self._id(entry.fields, sentence)
        self.figures.append(entry)

    def _window_start(self, sentence: Sentence, claim: _Claim, claims: list[_Claim]) -> int:
        """Where the words about this amount start: its segment, after the previous amount's phrases."""
        start, _ = segment_bounds(sentence.text, claim.amount.start)
        for other in claims:
            if other is claim:
                continue
            if other.end <= claim.amount.start:
                start = max(start, other.end)
            elif other.amount.start < claim.amount.start < other.end:
                start = max(start, other.amount.end)  # a growth inside another figure's threshold
        return start

    def _clause(self, text: str, claim: _Claim, window_start: int) -> str:
        """The amount's own words, for a sentence with several figures: from the last comma (or opening
        bracket) before it to the end of its attached phrases."""
        start = window_start
        before = text[window_start : claim.amount.start]
        breaks = [m.end() for m in _CLAUSE_COMMA.finditer(before)]
        opening = before.rfind("(")
        if opening > before.rfind(")"):
            breaks.append(opening + 1)
        if breaks:
            start = window_start + max(breaks)
        begin, end = trim(text, start, claim.end)
        if text[begin:end].count(")") > text[begin:end].count("("):
            end = text.rfind(")", begin, end)
            begin, end = trim(text, begin, end)
        return text[begin:end]

    def _quote(self, sentence: Sentence, claim: _Claim, window_start: int, entry: Entry) -> str:
        if len(sentence.text) <= MAX_QUOTE:
            return sentence.text
        start, end = segment_bounds(sentence.text, claim.amount.start)
        begin, finish = trim(sentence.text, min(start, window_start), max(end, claim.end))
        entry.todo("the sentence is too long to quote whole: the quote is its part about this figure", "quote")
        return sentence.text[begin:finish][:MAX_QUOTE]

    # Indicator, scope, share, qualifier, period -------------------------------------------------------

    def _indicator(self, sentence: Sentence, claim: _Claim, window_start: int, entry: Entry) -> tuple[str, str]:
        quantity = claim.amount.quantity
        text = sentence.text
        noun = " ".join(quantity.unit_as_written.lower().split())
        if quantity.unit == "count" and not claim.is_province_count:
            code = COUNT_NOUN_INDICATORS.get(noun, "")
            if code == "industrial_clusters":
                after = find_keywords(text[claim.amount.start : claim.amount.end + 30])
                if any(k.indicator == "industrial_clusters_operating" for k in after):
                    code = "industrial_clusters_operating"
                    operating = next(k for k in after if k.indicator == code)
                    written = operating.text if operating.text.startswith(noun) else noun
                    return code, written
            if not code:
                entry.todo(f"no indicator in the vocabulary counts {noun!r}", "indicator")
            return code, noun if code else ""

        def fits(keyword: Keyword) -> bool:
            if claim.is_province_count:
                return keyword.indicator in PROVINCE_COUNTS
            indicator = self.reference.indicator(keyword.indicator)
            return indicator is not None and indicator["unit"] == quantity.unit

        # (words, take the phrase nearest the amount from their end?, why a reviewer should check)
        searches = (
            (text[window_start : claim.amount.start], True, ""),
            (text[claim.amount.end : claim.end], False, ""),
            (text[:window_start], True, "named earlier in the sentence"),
            (text[claim.end :], False, "named after the figure, in the same sentence"),
        )
        for part, nearest_last, todo in searches:
            keywords = [k for k in find_keywords(part) if fits(k)]
            if keywords:
                keyword = keywords[-1] if nearest_last else keywords[0]
                if todo:
                    entry.todo(f"indicator {todo}: check", "indicator")
                return self._code(keyword, claim), keyword.text
        for previous in reversed(self.sentences[max(0, sentence.index - CONTEXT_SENTENCES) : sentence.index]):
            keywords = [k for k in find_keywords(previous.text) if fits(k)]
            if keywords:
                entry.todo(f"indicator taken from a previous sentence (line {previous.line}): check", "indicator")
                return self._code(keywords[-1], claim), keywords[-1].text
        entry.todo("no indicator phrase found: choose one from fixtures/reference/indicators.csv", "indicator")
        return "", ""

    @staticmethod
    def _code(keyword: Keyword, claim: _Claim) -> str:
        return PROVINCE_COUNTS[keyword.indicator] if claim.is_province_count else keyword.indicator

    def _scope(self, sentence: Sentence, claim: _Claim, window_start: int) -> tuple[str, str]:
        text = sentence.text
        clause_start = text.rfind(",", window_start, claim.amount.start) + 1 or window_start
        for candidate in (text[window_start : claim.amount.start], text[clause_start : claim.amount.start]):
            place = self.names.opening(candidate)
            if place:
                return "province", place.written
        owner = self.names.owner(text[window_start : claim.amount.start])
        if owner:
            return "province", owner.written
        opening = self.names.opening(text)
        if opening and not self.names.find(text[opening.end : claim.amount.start]):
            return "province", opening.written
        if _COUNTRY.search(text[window_start : claim.amount.start]):
            return "country", ""
        return "region", ""

    @staticmethod
    def _share_of(text: str, claim: _Claim, phrase, scope: str, entry: Entry) -> str:
        after = text[phrase.start : phrase.end + 60]
        for pattern, base in _SHARE_BASES:
            if pattern.search(after):
                return base
        before = text[: claim.amount.start]
        for pattern, base in _SHARE_BASES[1:]:
            if pattern.search(before):
                entry.todo(f"share of the {base}: said earlier in the sentence, check", "share_of")
                return base
        guess = "region" if scope == "province" else "country"
        entry.todo(f"the text does not say what this is a share of; {guess} is a guess", "share_of")
        return guess

    @staticmethod
    def _qualifier(text: str, value_as_written: str, entry: Entry) -> str:
        position = text.find(value_as_written)
        detected = detect_qualifiers(text[:position]) if position >= 0 else frozenset({"actual"})
        chosen = next(code for code in QUALIFIER_PRIORITY if code in detected or code == "actual")
        if len(detected) > 1:
            others = ", ".join(sorted(detected - {chosen}))
            entry.todo(f"several qualifiers before the value ({others} too): {chosen} is the nearest", "qualifier")
        return chosen

    def _period(self, sentence: Sentence, claim: _Claim, indicator: str, entry: Entry):
        labels = find_periods(sentence.text)
        before = [label for label in labels if label.end <= claim.amount.start]
        after = [label for label in labels if claim.amount.end <= label.start < claim.end]
        label = before[-1] if before else after[0] if after else None
        if label is not None:
            entry.fields["period_label"] = label.label
            entry.fields.update(period_fields(label.period))
            return
        wanted_stock = indicator in STOCK_INDICATORS if indicator else None
        found = self._context_period(sentence, wanted_stock)
        if found is None:
            entry.fields["period_label"] = ""
            entry.fields["period"] = ""
            entry.todo("no period found in this or any earlier sentence", "period_label")
            return
        previous, label, same_kind = found
        entry.fields["period_label"] = label.label
        entry.fields.update(period_fields(label.period))
        entry.fields["period_quote"] = _period_quote(previous.text, label)
        entry.todo("period taken from context", "period_label")
        if not same_kind:
            entry.todo("the nearest period is not of this indicator's kind (flow or level)", "period_label")

    def _context_period(self, sentence: Sentence, wanted_stock: bool | None):
        fallback = None
        for previous in reversed(self.sentences[: sentence.index]):
            labels = find_periods(previous.text)
            for label in reversed(labels):
                if wanted_stock is None or label.is_stock == wanted_stock:
                    return previous, label, True
                fallback = fallback or (previous, label, False)
        return fallback

    def _near_clusters(self, sentence: Sentence) -> bool:
        nearby = self.sentences[max(0, sentence.index - 1) : sentence.index + 1]
        return any("cụm công nghiệp" in s.text.lower() for s in nearby)

    # Identity and asides --------------------------------------------------------------------------

    def _id(self, fields: dict, sentence: Sentence) -> str:
        base = fields["indicator"].replace("_", "-") or f"figure-line-{sentence.line}"
        if fields.get("province"):
            base += "-" + slugify_vi(fields["province"])
        elif fields["scope"] == "country":
            base += "-country"
        candidate, number = base, 2
        if candidate in self._ids and fields.get("period_label"):
            candidate = f"{base}-{slugify_vi(fields['period_label'])}"
        while candidate in self._ids:
            candidate, number = f"{base}-{number}", number + 1
        self._ids.add(candidate)
        return candidate

    def _aside(self, sentence: Sentence, offset: int, reason: str):
        self.asides.append(Aside(sentence.start + offset, reason))


def _period_quote(text: str, label: PeriodLabel) -> str:
    """The sentence stating the period, or its part around the label when the sentence is too long."""
    if len(text) <= MAX_QUOTE:
        return text
    start, end = segment_bounds(text, label.start)
    begin, finish = trim(text, start, end)
    return text[begin:finish][:MAX_QUOTE]
