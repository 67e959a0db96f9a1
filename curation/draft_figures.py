"""The figures of an article: every amount with a unit, its indicator, scope, phrases and period.

Rules, applied to each sentence (see docs/data.md, "Ingesting the next article"). A drafted figure is
certain (no TODO) only when its value, unit, period, scope and province, indicator, qualifier and sign
are all settled by the text; each field the text leaves open gets a TODO that says why.

- Which numbers are figures, and which growth, share, plan share or threshold belongs to each, is
  decided by ``draft_claims``: values with a unit, growth rates, ratios, table cells and "lần lượt"
  lists; changes, targets and the group's size are set aside with their reason.
- The value is written as the text writes it: a decline or a deficit with its sign word ("giảm 3,7%"
  is -3.7, "nhập siêu 1,2 tỷ USD" is -1.2e9), a table cell as its bare number with the header's unit as
  ``unit_as_written``. A growth compared with another base than a year earlier is a TODO.
- The indicator is the nearest phrase of ``draft_indicators.KEYWORDS`` counted in the figure's unit:
  before the amount in its clause, then in the words attached to it; failing that, earlier in the
  sentence (settled for the items of a list, "A tăng x%, B tăng y%", when the sentence names one
  indicator), later in it, then in the three sentences before, each of which is marked TODO.
- The scope and province are those of ``draft_scope``: a province named anywhere in the figure's own
  words is its owner; two, or a province beside the region's words, are a TODO.
- The period is the nearest label before the amount in the sentence (or after it, in its clause);
  "đến nay" is the reported session's date. Failing that, the nearest preceding sentence stating a
  period of the indicator's kind (a flow over months, or a level at a date): that sentence is the
  period quote, marked TODO unless it is in the same paragraph (or the lead-in of a list) and nothing
  between names another span. A level with a flow's period, or a flow with a level's date, is a TODO.
- The qualifier is what ``detect_qualifiers`` reads before the amount, as the build reads it. When it
  finds several, the marker right before the number (hơn/trên, khoảng/gần) wins over the clause's
  (ước, dự kiến), and the entry is marked TODO; so is a figure whose clause says nothing but whose
  sentence says "ước" or "dự kiến" before it.
"""

import re
from dataclasses import dataclass
from datetime import date

from curation.draft_claims import Claim, ClaimFinder
from curation.draft_entries import Entry
from curation.draft_indicators import (
    CLUSTER_INDICATORS,
    COUNT_NOUN_INDICATORS,
    GENERIC_GROWTH,
    OCCUPANCY_OF,
    PERCENT_LEVELS,
    PROVINCE_COUNTS,
    STOCK_INDICATORS,
    UNIT_INDICATORS,
    Keyword,
    find_keywords,
)
from curation.draft_periods import PeriodLabel, find_periods, find_to_date, period_fields, stray_period_words
from curation.draft_places import ProvinceNames
from curation.draft_quantities import SHARE_BOUND, compact_value, find_amounts
from curation.draft_scope import COUNTRY_WORDS, REGION_WORDS, find_scope
from curation.draft_tables import join_table_lines
from curation.draft_text import Sentence, segment_bounds, trim
from curation.reference import Reference
from vietnamese.folding import slugify_vi
from vietnamese.phrases import detect_qualifiers

MAX_QUOTE = 399
CONTEXT_SENTENCES = 3
# The marker nearest the number wins when detect_qualifiers finds several.
QUALIFIER_PRIORITY = ("lower_bound", "approximate", "forecast", "estimate", "actual")
_COUNTRY = re.compile(r"(?<!\w)cả\s+nước(?!\w)", re.IGNORECASE)
_SHARE_BASES = (
    (_COUNTRY, "country"),
    (re.compile(r"(?<!\w)(?:khu\s+vực|toàn\s+vùng|vùng)(?!\w)", re.IGNORECASE), "region"),
)
_CLAUSE_COMMA = re.compile(r"(?<![0-9]),|,(?![0-9])")
_CLAUSE_END = re.compile(r"(?<![0-9]),|,(?![0-9])|[;:(]|(?<![0-9])\.|\.(?![0-9])")
_BALANCE_WORD = re.compile(r"(?:xuất|nhập)\s+siêu\s", re.IGNORECASE)
# Words an item of a list may have besides its province: "…, trong đó Thanh Hóa tăng 12%, Nghệ An
# ước đạt 2 tỷ USD và Hà Tĩnh giảm 3,7%". A clause of only these continues the sentence's indicator.
_LIST_WORDS = re.compile(
    r"(?<!\w)(?:và|còn|riêng|trong\s+(?:số\s+)?đó|của|tại|tỉnh|thành\s+phố|TP\.?|đạt|ước|tính|đạt|tăng|"
    r"giảm|với|là|có|khoảng|gần|hơn|trên|lần\s+lượt|cao\s+nhất|thấp\s+nhất|đứng\s+đầu|dẫn\s+đầu|"
    r"tiếp\s+(?:đến|theo)|sau\s+đó|đều|mức|cao\s+hơn|thấp\s+hơn|bình\s+quân|so\s+với|chỉ|cũng|vẫn|"
    r"trong\s+khi(?:\s+đó)?|nhưng|chung|trung\s+bình|cao|thấp|như|gồm|bao\s+gồm|cùng\s+kỳ(?:\s+năm\s+(?:trước|\d{4}))?)(?!\w)",
    re.IGNORECASE,
)
# "so với cùng kỳ (năm trước)" is the base of a year-on-year growth; any other "so với …" is not.
_COMPARISON = re.compile(r"\s*(?:\(\s*)?so\s+(?:với\s+)?(?P<base>[^,;.()]{1,40})", re.IGNORECASE)
_SAME_PERIOD = re.compile(r"cùng\s+(?:kỳ|thời\s+điểm)|năm\s+trước", re.IGNORECASE)
# What may follow "xuất khẩu" when it is all exports: "xuất khẩu hàng hóa của Nghệ An ước đạt …". Other
# words name a part: a product ("xuất khẩu gạo"), a market ("sang Hoa Kỳ").
_TRADE_TOTALS = frozenset({"export_turnover", "import_turnover", "trade_balance"})
_TOTAL_CONTINUES = re.compile(
    r"\s*(?:$|[\d(,;:.]|(?:hàng\s+h(?:óa|oá)|của|toàn|khu\s+vực|vùng|cả|đạt|ước|tăng|giảm|trong|năm|tháng|quý|"
    r"các|địa\s+phương|tỉnh|thành\s+phố|TP|trên|hơn|khoảng|gần|đều|là|với|tiếp|vẫn|cũng|mới|chỉ|bình\s+quân|"
    r"thực\s+hiện|lũy\s+kế|tính|dự\s+kiến|riêng|chung|tại|ở)(?!\w))",
    re.IGNORECASE,
)
_LEAD_MARKER = re.compile(r"(?<!\w)(?:ước(?:\s+tính)?|dự\s+kiến|dự\s+báo)(?!\w)", re.IGNORECASE)
# A line that is an item of a list: "(1) …", "1. …", "3) …", "- …", "• …", "a) …".
_LIST_ITEM = re.compile(r"^\s*(?:\(?\d{1,2}[.)]|\(\d{1,2}\)|[a-zđ]\)|[-–•+*])\s")


@dataclass
class Aside:
    """A number the figure rules looked at and set aside, with the reason for the reviewer."""

    offset: int  # in the article's text
    reason: str


class FigureDrafter:
    def __init__(
        self,
        sentences: list[Sentence],
        reference: Reference,
        names: ProvinceNames,
        region: str,
        session_date: date | None = None,
        text: str = "",
    ):
        # ``text`` is the article the sentences are cut from: with it, a table written one item a line
        # is read as one block.
        self.sentences = join_table_lines(sentences, text, names) if text else sentences
        self.reference = reference
        self.names = names
        self.region = region
        self.session_date = session_date  # the reported session's day, for "đến nay"
        group = reference.region(region) if region else None
        own_size = group["declared_size"] if group else None
        self.claims = ClaimFinder(names, {r["declared_size"] for r in reference.regions}, own_size)
        self.figures: list[Entry] = []
        self.asides: list[Aside] = []
        self._ids: set[str] = set()

    def draft(self, conference: str) -> tuple[list[Entry], list[Aside]]:
        for sentence in self.sentences:
            self._sentence(sentence, conference)
        return self.figures, self.asides

    # One sentence -------------------------------------------------------------------------------

    def _sentence(self, sentence: Sentence, conference: str):
        claims, asides = self.claims.find(sentence.text)
        for offset, reason in asides:
            self._aside(sentence, offset, reason)
        for claim in claims:
            self._figure(sentence, claim, claims, conference)

    # One figure -----------------------------------------------------------------------------------

    def _figure(self, sentence: Sentence, claim: Claim, claims: list[Claim], conference: str):
        text = sentence.text
        amount, quantity = claim.amount, claim.amount.quantity
        entry = Entry("figure")
        window_start = self._window_start(sentence, claim, claims)
        window = text[window_start : amount.start]
        attached = text[amount.end : claim.end]
        several = len(claims) > 1

        indicator, written = self._indicator(sentence, claim, window_start, entry)
        scope, province = self._scope(sentence, claim, window_start, entry)
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
            in_sentence = [m.group() for m in GENERIC_GROWTH.finditer(text[:window_start]) if m.group() in quote]
            generic = (
                in_attached[:1]
                if claim.is_province_count and in_attached
                else in_window[-1:] or in_attached[:1] or in_sentence[-1:]
            )
            written = generic[0] if generic else ""
            if not written:
                entry.todo("no words for the indicator in the quote", "indicator_as_written")
            elif "indicator" in entry.comments:  # "mức tăng bình quân của cả nước": a threshold's words
                entry.todo(
                    f"{written!r} speaks of growth; the quote does not name the indicator", "indicator_as_written"
                )

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
        if claim.table_unit:
            fields["unit_as_written"] = claim.table_unit  # the header's: the cell is a bare number
        value = compact_value(quantity)
        fields["value"] = "-" + value if _is_negative(amount.written) or claim.respective else value
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
                if bound := SHARE_BOUND.search(phrase.written):
                    entry.todo(
                        f"a bound ({bound.group().strip()!r}): share_pct is its number, not the share", "share_pct"
                    )
        fields["qualifier"] = self._qualifier(quote, clause, amount.written, entry)
        entry.fields = fields
        self._period(sentence, claim, indicator, entry)
        year = (entry.fields.get("period") or entry.fields.get("as_of") or "")[:4]
        if claim.kind == "growth" and (base := _other_base(text, amount.end, year)):
            entry.todo(f"a growth {base!r}, not on the same period a year earlier", "value")
        if (growth := claim.phrases.get("growth")) and (base := _other_base(text, growth.end, year)):
            entry.todo(f"a growth {base!r}, not on the same period a year earlier", "growth_pct")
        if claim.respective:
            entry.todo(
                "a decline ('giảm' away from the number): the value is negative, the words by it carry no sign", "value"
            )
        if indicator == "trade_balance" and not _BALANCE_WORD.match(amount.written):
            entry.todo("a trade balance without 'xuất siêu'/'nhập siêu' before it: a surplus or a deficit?", "value")
        if indicator in CLUSTER_INDICATORS and not self._near_clusters(sentence):
            entry.todo("no 'cụm công nghiệp' in this or the previous sentence: check the indicator", "indicator")
        elif indicator in CLUSTER_INDICATORS and _nearest_estate(text[: amount.end]) == "industrial_park_occupancy":
            entry.todo("'khu công nghiệp' (parks) is named nearer than clusters: whose figure is it?", "indicator")
        entry.fields["id"] = self._id(entry.fields, sentence)
        self.figures.append(entry)

    def _window_start(self, sentence: Sentence, claim: Claim, claims: list[Claim]) -> int:
        """Where the words about this amount start: its segment, after the previous amount's phrases."""
        if claim.table_unit:
            return claim.table_start
        start, _ = segment_bounds(sentence.text, claim.amount.start)
        for other in claims:
            if other is claim:
                continue
            if other.end <= claim.amount.start:
                start = max(start, other.end)
            elif other.amount.start < claim.amount.start < other.end:
                start = max(start, other.amount.end)  # a growth inside another figure's threshold
        return start

    def _clause(self, text: str, claim: Claim, window_start: int) -> str:
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
        start = min([start, *(p.start for p in claim.phrases.values() if p.start < claim.amount.start)])
        begin, end = trim(text, start, claim.end)
        if text[begin:end].count(")") > text[begin:end].count("("):
            closing = text.find(")", begin, end)
            if closing < claim.amount.start:  # a list's number, "3) Kim ngạch …"
                begin, end = trim(text, closing + 1, end)
            else:
                end = text.rfind(")", begin, end)
                begin, end = trim(text, begin, end)
        return text[begin:end]

    def _quote(self, sentence: Sentence, claim: Claim, window_start: int, entry: Entry) -> str:
        if len(sentence.text) <= MAX_QUOTE:
            return sentence.text
        start, end = segment_bounds(sentence.text, claim.amount.start)
        begin, finish = trim(sentence.text, min(start, window_start), max(end, claim.end))
        entry.todo("the sentence is too long to quote whole: the quote is its part about this figure", "quote")
        return sentence.text[begin:finish][:MAX_QUOTE]

    # Indicator, scope, share, qualifier, period -------------------------------------------------------

    def _indicator(self, sentence: Sentence, claim: Claim, window_start: int, entry: Entry) -> tuple[str, str]:
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
            if not code or self.reference.indicator(code) is None:
                entry.todo(f"no indicator in the vocabulary counts {noun!r}", "indicator")
                return "", ""
            return code, noun

        number_start = claim.amount.start + re.search(r"\d", claim.amount.written).start()

        def fit(keyword: Keyword) -> str:
            """The keyword's indicator counted in the figure's unit, or ""."""
            if claim.is_province_count:
                return PROVINCE_COUNTS.get(keyword.indicator, "")
            for code in keyword.codes:
                if (claim.kind == "ratio") != (code in PERCENT_LEVELS):
                    continue
                indicator = self.reference.indicator(code)
                if indicator is not None and indicator["unit"] == quantity.unit:
                    return self._occupancy(text[:number_start], code, entry) if code in OCCUPANCIES else code
            return ""

        def fitting(part: str) -> list[tuple[Keyword, str]]:
            return [(k, code) for k in find_keywords(part) if (code := fit(k))]

        # (words, take the phrase nearest the amount from their end?, why a reviewer should check)
        before_start = claim.caption_end if claim.table_unit else window_start
        searches = (
            (text[window_start:number_start], True, ""),
            (text[claim.amount.end : claim.end], False, ""),
            (text[:before_start], True, "named earlier in the sentence"),
            (text[claim.end :], False, "named after the figure, in the same sentence"),
        )
        for number, (part, nearest_last, todo) in enumerate(searches):
            found = fitting(part)
            if found:
                keyword, code = found[-1] if nearest_last else found[0]
                if number == 0 and (others := [k.text for k in find_keywords(part) if k.start > keyword.start]):
                    entry.todo(
                        f"the clause names {others[-1]!r} after {keyword.text!r}: whose figure is it?", "indicator"
                    )
                rest = part[keyword.end :]
                if code in _TRADE_TOTALS and not (_TOTAL_CONTINUES.match(rest) or self.names.opening(rest)):
                    following = " ".join(rest.split()[:2])
                    entry.todo(
                        f"{keyword.text!r} is followed by {following!r}: a product's or a market's trade?",
                        "indicator",
                    )
                earlier_settles = number == 2 and (
                    bool(claim.province) or self._is_list_item(text[window_start : claim.amount.start], claim.kind)
                )
                if todo and not (earlier_settles and len({c for _, c in found}) == 1):
                    entry.todo(f"indicator {todo}: check", "indicator")
                return code, keyword.text
        if (code := UNIT_INDICATORS.get(quantity.unit)) and self.reference.indicator(code) is not None:
            return code, quantity.unit_as_written  # "11 triệu dân" says what it counts
        for previous in reversed(self.sentences[max(0, sentence.index - CONTEXT_SENTENCES) : sentence.index]):
            found = fitting(previous.text)
            if found:
                entry.todo(f"indicator taken from a previous sentence (line {previous.line}): check", "indicator")
                return found[-1][1], found[-1][0].text
        entry.todo("no indicator phrase found: choose one from fixtures/reference/indicators.csv", "indicator")
        return "", ""

    def _is_list_item(self, window: str, kind: str) -> bool:
        """Whether a clause only names another owner of the sentence's measure: a province in a list
        ("…, Nghệ An tăng 5,2%"), the country beside the region ("cao hơn bình quân cả nước (tăng …"), or
        for an occupancy rate the other kind of estate ("…, của cụm công nghiệp đạt 61,2%")."""
        places = self.names.find(window)
        if kind == "ratio":
            for pattern, _ in OCCUPANCY_OF:
                window = pattern.sub(" ", window)
        elif not places and not COUNTRY_WORDS.search(window) and not REGION_WORDS.search(window):
            return False
        rest = window
        for place in reversed(places):
            rest = rest[: place.start] + " " + rest[place.end :]
        rest = _LIST_WORDS.sub(" ", REGION_WORDS.sub(" ", COUNTRY_WORDS.sub(" ", rest)))
        return not re.search(r"\w", rest)

    def _scope(self, sentence: Sentence, claim: Claim, window_start: int, entry: Entry) -> tuple[str, str]:
        if claim.province:
            return "province", claim.province
        paragraph = " ".join(s.text for s in self.sentences[: sentence.index] if s.line == sentence.line)
        found = find_scope(
            self.names, sentence.text, window_start, claim.amount.start, paragraph, claim.is_province_count
        )
        for doubt in found.doubts:
            entry.todo(doubt, "scope")
        if found.scope == "province" and not found.province:
            entry.todo("which province? none is named", "province")
        return found.scope, found.province

    @staticmethod
    def _occupancy(before: str, code: str, entry: Entry) -> str:
        """Whose occupancy a rate is: that of the clusters or parks named nearest before it."""
        nearest = _nearest_estate(before)
        if not nearest:
            entry.todo("an occupancy rate of clusters or of parks? the sentence names neither", "indicator")
        return nearest or code

    @staticmethod
    def _share_of(text: str, claim: Claim, phrase, scope: str, entry: Entry) -> str:
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
    def _qualifier(quote: str, clause: str, value_as_written: str, entry: Entry) -> str:
        text = clause or quote
        position = text.find(value_as_written)
        detected = detect_qualifiers(text[:position]) if position >= 0 else frozenset({"actual"})
        chosen = next(code for code in QUALIFIER_PRIORITY if code in detected or code == "actual")
        if len(detected) > 1:
            others = ", ".join(sorted(detected - {chosen}))
            entry.todo(f"several qualifiers before the value ({others} too): {chosen} is the nearest", "qualifier")
        elif chosen == "actual" and (lead := _hedged_lead(quote, quote.find(clause) if clause else -1, text, position)):
            entry.todo(f"{lead!r} before this figure's clause: does it make it an estimate or a forecast?", "qualifier")
        return chosen

    def _period(self, sentence: Sentence, claim: Claim, indicator: str, entry: Entry):
        text = sentence.text
        labels = find_periods(sentence.text) + find_to_date(sentence.text)
        before = [label for label in labels if label.end <= claim.amount.start]
        # A label after the amount counts within its attached phrases, or in its own clause before any
        # comma: "đạt 10 tỷ USD trong 9 tháng năm 2024".
        own_clause = _CLAUSE_END.search(text, claim.amount.end)
        after_end = max(claim.end, own_clause.start() if own_clause else len(text))
        after = [label for label in labels if claim.amount.end <= label.start < after_end]
        label = max(before, key=lambda found: found.end) if before else after[0] if after else None
        clause_start = max([0, *(m.end() for m in _CLAUSE_END.finditer(text, 0, claim.amount.start))])
        if after and label is not after[0] and label.end <= clause_start:
            label = after[0]  # the amount's own clause names its period, an earlier clause another's
        wanted_stock = indicator in STOCK_INDICATORS if indicator else None
        if label is not None:
            entry.fields["period_label"] = label.label
            if label.period is None:  # "đến nay": a level at the session's day
                self._to_date(entry)
            else:
                entry.fields.update(period_fields(label.period))
            if wanted_stock is not None and label.is_stock != wanted_stock:
                entry.todo(_KIND_MISMATCH[wanted_stock], "period_label")
            if label.end <= claim.amount.start and (other := stray_period_words(text[label.end : claim.amount.start])):
                entry.todo(
                    f"{other[-1]!r} is named between the period and the figure: whose period is it?", "period_label"
                )
            return
        found = self._context_period(sentence, wanted_stock)
        if found is None:
            entry.fields["period_label"] = ""
            entry.fields["period"] = ""
            entry.todo("no period found in this or any earlier sentence", "period_label")
            return
        previous, label, same_kind = found
        entry.fields["period_label"] = label.label
        if label.period is None:
            self._to_date(entry)
        else:
            entry.fields.update(period_fields(label.period))
        entry.fields["period_quote"] = _period_quote(previous.text, label)
        if not (same_kind and self._context_settles(sentence, previous, label)):
            entry.todo("period taken from context", "period_label")
        if not same_kind:
            entry.todo("the nearest period is not of this indicator's kind (flow or level)", "period_label")

    def _to_date(self, entry: Entry):
        if self.session_date is None:
            entry.fields["as_of"] = ""
            entry.todo("'đến nay' is the reported session's day, which the text does not give", "as_of")
        else:
            entry.fields["as_of"] = self.session_date.isoformat()

    def _context_settles(self, sentence: Sentence, previous: Sentence, label: PeriodLabel) -> bool:
        """Whether a period from an earlier sentence is settled as this figure's: it is the last period
        named, in the same paragraph or in the lead-in line ("…, 9 tháng đầu năm 2019, … kết quả sau:")
        of a list this sentence belongs to, and nothing between names another time span."""
        between = self.sentences[previous.index + 1 : sentence.index + 1]
        if any(find_periods(s.text) or find_to_date(s.text) for s in between[:-1]):
            return False
        after_label = previous.text[label.end :]
        if any(stray_period_words(text) for text in [after_label, *(s.text for s in between)]):
            return False
        if previous.line == sentence.line:
            return True
        lines = {s.line for s in between}
        return previous.text.rstrip().endswith(":") and all(
            _LIST_ITEM.match(s.text) for s in self.sentences if s.line in lines and s.line != previous.line
        )

    def _context_period(self, sentence: Sentence, wanted_stock: bool | None):
        fallback = None
        for previous in reversed(self.sentences[: sentence.index]):
            labels = sorted(find_periods(previous.text) + find_to_date(previous.text), key=lambda found: found.end)
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


OCCUPANCIES = frozenset(code for _, code in OCCUPANCY_OF)
_KIND_MISMATCH = {
    True: "a level at a date, but the period is a span: at which date?",
    False: "a flow over a span, but the period is a date: from when?",
}


def _nearest_estate(before: str) -> str:
    """The occupancy indicator of the clusters or parks named last in ``before``, or ""."""
    named = [(m.end(), occupancy) for pattern, occupancy in OCCUPANCY_OF for m in pattern.finditer(before)]
    return max(named)[1] if named else ""


def _other_base(text: str, end: int, year: str) -> str:
    """The comparison right after a growth when it is not year on year ("so với tháng trước", "so với
    năm 2020" for 2024); ``year`` is the figure's."""
    found = _COMPARISON.match(text, end)
    if found is None or _SAME_PERIOD.match(found.group("base")):
        return ""
    named = re.match(r"năm\s+(\d{4})\s*$", found.group("base").strip(), re.IGNORECASE)
    if named and year.isdigit() and int(named.group(1)) == int(year) - 1:
        return ""
    return found.group().strip()


def _hedged_lead(quote: str, clause_at: int, text: str, position: int) -> str:
    """An "ước"/"dự kiến" in a lead-in clause before the figure's own ("Ước tính năm 2024, …"), which the
    build's qualifier check does not see. A marker in a clause with an amount of its own is that
    amount's ("ước đạt X, trong đó Hải Phòng đạt Y": Y is actual)."""
    if clause_at > 0:
        before = quote[:clause_at]
    elif position >= 0 and text is quote:
        breaks = [m.end() for m in _CLAUSE_COMMA.finditer(quote[:position])] + [0]
        before = quote[: max(breaks)]
    else:
        return ""
    for piece in re.split(r"[,;:(]", before):
        marker = _LEAD_MARKER.search(piece)
        if marker and not find_amounts(piece):
            return marker.group()
    return ""


def _is_negative(value_as_written: str) -> bool:
    return bool(re.match(r"(?:giảm|nhập\s+siêu)\s", value_as_written, re.IGNORECASE))


def _period_quote(text: str, label: PeriodLabel) -> str:
    """The sentence stating the period, or its part around the label when the sentence is too long."""
    if len(text) <= MAX_QUOTE:
        return text
    start, end = segment_bounds(text, label.start)
    begin, finish = trim(text, start, end)
    return text[begin:finish][:MAX_QUOTE]
