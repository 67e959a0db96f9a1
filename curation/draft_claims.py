"""Which numbers of a sentence are figures, and which phrases belong to each: the claims a figure is
drafted from (see ``draft_figures`` for the fields each gets).

- An amount with a unit is a value; one right after "tăng"/"giảm" is a change, and one after a goal's
  words ("phấn đấu", "mục tiêu", "kế hoạch") a target: both are set aside. One after "xuất siêu"/"nhập
  siêu" is a trade balance, written with its sign word.
- A count of provinces is a figure only with a growth threshold; else it is the group's name or size,
  or the number of the members listed after it ("6 tỉnh là A, B, … và F"), whose amounts follow
  (``draft_province_counts``).
- A growth, share, plan share or threshold right after a value, before the next value, ";" or another
  measure or province named, is the value's; so is a growth right before "đạt" and the value
  ("tăng 15,2%, đạt 131,4 tỷ USD").
- A percentage that belongs to no value is a growth rate of its own, a ratio, or set aside
  (``draft_percentages``).
- A table-like line gives one value per item (``draft_tables``), and "A, B và C tăng lần lượt x%, y% và
  z%" pairs provinces and values in order when they are as many.
"""

import re
from dataclasses import dataclass, field

from curation.draft_indicators import find_keywords
from curation.draft_percentages import GROWTH_VERB, read_percentage
from curation.draft_places import ProvinceNames
from curation.draft_province_counts import ProvinceCounts, counts_provinces
from curation.draft_quantities import (
    REFERENCE_THRESHOLD,
    Amount,
    find_amounts,
    growth_in,
    own_phrase,
    plan_share_in,
    share_in,
)
from curation.draft_tables import find_table
from curation.draft_text import segment_bounds

# An amount right after these words is a change ("giảm 1,2 tỷ USD so với cùng kỳ"), not a level.
_CHANGE_BEFORE = re.compile(r"(?<!\w)(?:tăng|giảm)(?:\s+thêm)?(?:\s+(?:khoảng|gần|hơn|trên))?\s*$", re.IGNORECASE)
# A trade balance's sign word, written with its value: "xuất siêu 2,5 tỷ USD" (+), "nhập siêu …" (−).
_BALANCE_SIGN = re.compile(r"(?<!\w)(?P<word>xuất\s+siêu|nhập\s+siêu)\s+$", re.IGNORECASE)

# Words that make the amount after them a goal, not a result: "phấn đấu đạt 20 tỷ USD".
_TARGET = re.compile(
    r"(?<!\w)(?:phấn\s+đấu|mục\s+tiêu|chỉ\s+tiêu|kế\s+hoạch|định\s+hướng|tầm\s+nhìn|kỳ\s+vọng|đặt\s+ra)(?!\w)",
    re.IGNORECASE,
)
# "từ 5 đến 7 tỷ USD", "5 - 7 tỷ USD": a range, whose ends are no figures.
_RANGE_BEFORE = re.compile(r"\d\s*(?:đến|tới|[-–])\s*$", re.IGNORECASE)
_RANGE_AFTER = re.compile(r"\s*(?:đến|tới|[-–])\s*\d", re.IGNORECASE)
_RANGE_WORD = re.compile(r"\s*(?:đến|tới|[-–])\s*", re.IGNORECASE)

# A growth followed by the value it is the growth of: "tăng 15,2% so với cùng kỳ, đạt ".
_GROWTH_THEN_VALUE = re.compile(
    r"(?P<growth>(?<!\w)(?:tăng|giảm)\s+\d[\d.,]*\s*%)(?:\s+so\s+(?:với\s+)?cùng\s+kỳ(?:\s+năm\s+(?:trước|\d{4}))?)?"
    r"\s*,?\s*(?:ước\s+)?(?:đạt|lên|là)\s+(?:(?:khoảng|hơn|gần|trên)\s+)?$",
    re.IGNORECASE,
)

# The total a share is of, right after it: "số chợ cả nước", "tổng kim ngạch xuất khẩu của khu vực". When
# the total's own amount follows ("… cả nước (1,318 triệu tỷ đồng)"), its words are that amount's.
_SHARE_TOTAL = re.compile(
    r"(?:\s+[^\W\d]+){0,7}?\s+(?:của\s+)?(?:cả\s+nước|toàn\s+quốc|khu\s+vực|toàn\s+vùng|vùng)(?!\w)"
    r"(?!\s*\(\s*(?:khoảng\s+|hơn\s+|gần\s+)?\d)(?:\s*\))?",
    re.IGNORECASE,
)

_RESPECTIVELY = re.compile(r"(?<!\w)lần\s+lượt(?!\w)", re.IGNORECASE)


@dataclass
class Claim:
    """An amount the rules take for a figure, with the phrases that belong to it."""

    amount: Amount
    end: int  # end of the amount and its attached phrases, in the sentence
    phrases: dict = field(default_factory=dict)  # "growth"/"share"/"plan_share"/"threshold" -> Phrase
    is_province_count: bool = False
    kind: str = "value"  # "value", "growth" (a growth rate alone) or "ratio" (a percentage level)
    table_unit: str = ""  # the unit words of a table-like line's header
    table_start: int = 0  # where the item starts, for a table-like line
    province: str = ""  # the item's province, for a table-like line or a "lần lượt" list
    respective: bool = False  # a decline whose sign word is not beside the value ("giảm lần lượt 2%, 3%")
    caption_end: int = 0  # end of the words before a table-like line's header


class ClaimFinder:
    def __init__(self, names: ProvinceNames, declared_sizes: set[int], own_size: int | None = None):
        self.names = names
        self.counts = ProvinceCounts(names, declared_sizes, own_size)
        self._asides: list[tuple[int, str]] = []

    def find(self, text: str) -> tuple[list[Claim], list[tuple[int, str]]]:
        """The claims of one sentence, by position, and the numbers set aside as (offset, reason)."""
        self._asides: list[tuple[int, str]] = []
        claims = self._table_claims(text)
        in_table = [(claim.table_start, claim.end) for claim in claims]
        amounts = [a for a in find_amounts(text) if not any(start <= a.start < end for start, end in in_table)]
        for amount in amounts:
            if amount.quantity is None:
                self._aside(amount.start, f"TODO: the parsers refuse {amount.written!r}: {amount.error}")
        respective = self._respective_claims(text, amounts)
        claims += respective
        amounts = [a for a in amounts if not any(c.amount.end == a.end for c in respective)]
        values = [a for a in amounts if a.quantity is not None and not a.is_percent]
        percents = [a for a in amounts if a.is_percent]
        for position, amount in enumerate(values):
            if _CHANGE_BEFORE.search(text[: amount.start]) and not _BALANCE_SIGN.search(text[: amount.start]):
                self._aside(amount.start, "TODO: a change (tăng/giảm …), not a level: no figure drafted")
                continue
            segment_start, _ = segment_bounds(text, amount.start)
            previous_end = max([segment_start, *(v.end for v in values[:position] if v.end >= segment_start)])
            if target := _TARGET.search(text[previous_end : amount.start]):
                reason = f"TODO: a target ({target.group()!r}), not a result? The model holds results only"
                self._aside(amount.start, reason)
                continue
            after_previous = text[values[position - 1].end : amount.start] if position else ""
            if (
                _RANGE_BEFORE.search(text[: amount.start])
                or _RANGE_AFTER.match(text, amount.end)
                or _RANGE_WORD.fullmatch(after_previous)
            ):
                self._aside(amount.start, "TODO: an end of a range ('từ … đến …'), not one value: no figure drafted")
                continue
            counted = values[position - 1] if position else None
            if counted and counted.start >= segment_start and self.counts.is_threshold(text, counted, amount):
                reason = f"TODO: the threshold of a count of provinces ({counted.written!r} …), not a figure?"
                self._aside(amount.start, reason)
                continue
            if text[amount.end : amount.end + 1] == "/":
                self._aside(amount.start, "TODO: a rate ('…/năm'), not a level: no figure drafted")
                continue
            following = values[position + 1].start if position + 1 < len(values) else len(text)
            stop = min(
                following, *(m.start() for m in re.finditer(r"[;:]", text) if m.start() >= amount.end), len(text)
            )
            claim = self._claim(text, amount, stop)
            if claim:
                claims.append(claim)
        self._growths_before_values(text, claims)
        used = set()
        for claim in claims:
            for name, phrase in claim.phrases.items():
                if name == "threshold" and REFERENCE_THRESHOLD.fullmatch(phrase.written):
                    continue  # "cao hơn mức tăng bình quân (tăng 10,73%)": the reference is a figure too
                used.update(p.start for p in percents if phrase.start <= p.start < phrase.end)
        for amount in percents:
            if amount.start in used:
                continue
            claim_ends = [c.end for c in claims]
            found = read_percentage(self.names, text, amount, claim_ends, any(c.kind == "ratio" for c in claims))
            if found.aside:
                self._aside(amount.start, found.aside)
            else:
                claims.append(Claim(found.amount, amount.end, kind=found.kind, respective=found.decline))
        claims.sort(key=lambda claim: claim.amount.start)
        return claims, self._asides

    @staticmethod
    def _growths_before_values(text: str, claims: list[Claim]):
        """ "Kim ngạch xuất khẩu tăng 15,2%, đạt 131,4 tỷ USD": a growth right before "đạt" and a value
        without a growth of its own is that value's."""
        for claim in claims:
            if claim.kind != "value" or claim.is_province_count or "growth" in claim.phrases or claim.table_unit:
                continue
            start, _ = segment_bounds(text, claim.amount.start)
            before = text[start : claim.amount.start]
            joined = _GROWTH_THEN_VALUE.search(before)
            if joined is None or any(start <= c.end <= claim.amount.start and c is not claim for c in claims):
                continue
            growth = growth_in(joined.group("growth"), start + joined.start("growth"))
            if growth is not None:
                claim.phrases["growth"] = growth

    def _table_claims(self, text: str) -> list[Claim]:
        table = find_table(text, self.names)
        if table is None:
            return []
        claims = []
        for item in table.items:
            amount = Amount(item.start, item.end, item.number, item.quantity)
            phrases = {"growth": item.growth} if item.growth else {}
            claims.append(
                Claim(
                    amount,
                    max([amount.end, *(p.end for p in phrases.values())]),
                    phrases,
                    table_unit=table.unit,
                    table_start=item.place.start,
                    province=item.place.written,
                    caption_end=table.caption_end,
                )
            )
        return claims

    def _respective_claims(self, text: str, amounts: list[Amount]) -> list[Claim]:
        """ "Thanh Hóa, Nghệ An và Hà Tĩnh tăng lần lượt 12%, 5,2% và 3%": the provinces before "lần lượt"
        and the amounts after it, paired in order when they are as many, all of one unit."""
        claims = []
        for match in _RESPECTIVELY.finditer(text):
            start, end = segment_bounds(text, match.start())
            earlier = [a.end for a in amounts if start <= a.end <= match.start()]
            before = text[max([start, *earlier]) : match.start()]
            provinces = list(dict.fromkeys(place.written for place in self.names.find(before)))
            following = [a for a in amounts if match.end() <= a.start < end and a.quantity is not None]
            run = []
            for amount in following:
                gap = text[run[-1].end if run else match.end() : amount.start]
                if not re.fullmatch(r"\s*(?:,|và|,\s*và)?\s*(?:(?:tăng|giảm|đạt|ước\s+đạt|là)\s+)?", gap, re.I):
                    break
                run.append(amount)
            units = {amount.quantity.unit_as_written.lower() for amount in run}
            if len(provinces) < 2 or len(run) != len(provinces) or len(units) != 1:
                continue
            decline = re.search(r"(?<!\w)giảm(?!\w)", text[max([start, *earlier]) : run[0].start], re.I)
            kind = "growth" if run[0].is_percent else "value"
            if run[0].is_percent and not GROWTH_VERB.search(text[max([start, *earlier]) : run[0].start]):
                continue
            for province, amount in zip(provinces, run, strict=True):
                claims.append(Claim(amount, amount.end, kind=kind, province=province, respective=bool(decline)))
        return claims

    def _claim(self, text: str, amount: Amount, stop: int) -> Claim | None:
        quantity = amount.quantity
        span = text[amount.end : stop]
        if counts_provinces(amount):
            threshold = self.counts.threshold(text, amount, span)
            if isinstance(threshold, str):
                self._aside(amount.start, threshold)
                return None
            return Claim(amount, threshold.end, {"threshold": threshold}, is_province_count=True)
        phrases = {}

        def named(words: str) -> bool:
            """Whether ``words`` name another measure or owner; the amount's own noun right after it
            ("19,6 triệu tấn than sạch, bằng 50,3% kế hoạch năm") does not count."""
            keywords = find_keywords(words)
            if keywords and not words[: keywords[0].start].strip():
                keywords = keywords[1:]
            return bool(keywords or self.names.find(words))

        if growth := own_phrase(growth_in(span, amount.end), span, amount.end, named):
            phrases["growth"] = growth
        if share := own_phrase(share_in(span, amount.end), span, amount.end, named):
            phrases["share"] = share
        if plan_share := own_phrase(plan_share_in(span, amount.end), span, amount.end, named):
            phrases["plan_share"] = plan_share
        end = max([amount.end, *(phrase.end for phrase in phrases.values())])
        if share and (total := _SHARE_TOTAL.match(text, share.end)):
            end = max(end, total.end())  # "chiếm hơn 25% số chợ cả nước": the total's words are the share's
        balance = _BALANCE_SIGN.search(text[: amount.start])
        if balance:
            amount = Amount(balance.start(), amount.end, text[balance.start() : amount.end], quantity)
        return Claim(amount, end, phrases)

    def _aside(self, offset: int, reason: str):
        self._asides.append((offset, reason))
