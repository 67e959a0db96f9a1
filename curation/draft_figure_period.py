"""A figure's period: the span it covers (``period``) or the date of a level (``as_of``), with its label.

The period is the nearest label before the amount in the sentence (or after it, in its clause);
"đến nay" is the reported session's date. Failing that, the nearest preceding sentence stating a period
of the indicator's kind (a flow over months, or a level at a date): that sentence is the period quote,
marked TODO unless it is in the same paragraph (or the lead-in of a list) and nothing between names
another span. A level with a flow's period, or a flow with a level's date, is a TODO.
"""

import re
from datetime import date

from curation.draft_claims import Claim
from curation.draft_entries import Entry
from curation.draft_indicators import STOCK_INDICATORS
from curation.draft_periods import PeriodLabel, find_periods, find_to_date, period_fields, stray_period_words
from curation.draft_text import MAX_QUOTE, Sentence, segment_bounds, trim

# Where a clause ends: a comma, ";", ":", "(" or a full stop, none of them inside a numeral.
_CLAUSE_END = re.compile(r"(?<![0-9]),|,(?![0-9])|[;:(]|(?<![0-9])\.|\.(?![0-9])")
# A line that is an item of a list: "(1) …", "1. …", "3) …", "- …", "• …", "a) …".
_LIST_ITEM = re.compile(r"^\s*(?:\(?\d{1,2}[.)]|\(\d{1,2}\)|[a-zđ]\)|[-–•+*])\s")
_KIND_MISMATCH = {
    True: "a level at a date, but the period is a span: at which date?",
    False: "a flow over a span, but the period is a date: from when?",
}


class PeriodFinder:
    def __init__(self, sentences: list[Sentence], session_date: date | None):
        self.sentences = sentences
        self.session_date = session_date  # the reported session's day, for "đến nay"

    def find(self, sentence: Sentence, claim: Claim, indicator: str, entry: Entry):
        """Set the figure's period fields (``period_label``, then ``period`` or ``as_of``)."""
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


def _period_quote(text: str, label: PeriodLabel) -> str:
    """The sentence stating the period, or its part around the label when the sentence is too long."""
    if len(text) <= MAX_QUOTE:
        return text
    start, end = segment_bounds(text, label.start)
    begin, finish = trim(text, start, end)
    return text[begin:finish][:MAX_QUOTE]
