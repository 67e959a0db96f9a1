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
- The indicator (``draft_figure_indicator``), the period (``draft_figure_period``) and the qualifier
  (``draft_qualifiers``) each follow their own rules.
- The scope and province are those of ``draft_scope``: a province named anywhere in the figure's own
  words is its owner; two, or a province beside the region's words, are a TODO.
- A share is of the country or the region named right after it; named earlier in the sentence, or not
  at all, it is a TODO.
"""

import re
from dataclasses import dataclass
from datetime import date

from curation.draft_claims import Claim, ClaimFinder
from curation.draft_entries import Entry
from curation.draft_figure_indicator import IndicatorFinder, growth_words
from curation.draft_figure_period import PeriodFinder
from curation.draft_places import ProvinceNames
from curation.draft_qualifiers import qualifier
from curation.draft_quantities import SHARE_BOUND, compact_value
from curation.draft_scope import find_scope
from curation.draft_tables import join_table_lines
from curation.draft_text import CLAUSE_COMMA, MAX_QUOTE, Sentence, segment_bounds, trim
from curation.reference import Reference
from vietnamese.folding import slugify_vi

_COUNTRY = re.compile(r"(?<!\w)cả\s+nước(?!\w)", re.IGNORECASE)
_SHARE_BASES = (
    (_COUNTRY, "country"),
    (re.compile(r"(?<!\w)(?:khu\s+vực|toàn\s+vùng|vùng)(?!\w)", re.IGNORECASE), "region"),
)
_BALANCE_WORD = re.compile(r"(?:xuất|nhập)\s+siêu\s", re.IGNORECASE)
# "so với cùng kỳ (năm trước)" is the base of a year-on-year growth; any other "so với …" is not.
_COMPARISON = re.compile(r"\s*(?:\(\s*)?so\s+(?:với\s+)?(?P<base>[^,;.()]{1,40})", re.IGNORECASE)
_SAME_PERIOD = re.compile(r"cùng\s+(?:kỳ|thời\s+điểm)|năm\s+trước", re.IGNORECASE)


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
        self.names = names
        self.region = region
        self.indicators = IndicatorFinder(self.sentences, reference, names)
        self.periods = PeriodFinder(self.sentences, session_date)
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
        several = len(claims) > 1

        indicator, written = self.indicators.find(sentence, claim, window_start, entry)
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
            written = growth_words(text, claim, window_start, quote, entry)

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
        fields["qualifier"] = qualifier(quote, clause, amount.written, entry)
        entry.fields = fields
        self.periods.find(sentence, claim, indicator, entry)
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
        self.indicators.check_estate(sentence, claim, indicator, entry)
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
        breaks = [m.end() for m in CLAUSE_COMMA.finditer(before)]
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

    # Scope and share --------------------------------------------------------------------------------

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


def _is_negative(value_as_written: str) -> bool:
    return bool(re.match(r"(?:giảm|nhập\s+siêu)\s", value_as_written, re.IGNORECASE))
