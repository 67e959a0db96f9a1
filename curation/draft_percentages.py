"""A percentage that no value claims as its growth, share, plan share or threshold: a growth rate of its
own, a ratio, or a number set aside with its reason (see ``draft_claims``).

- A growth ("tăng 5,2%", "giảm 3,7%") is a growth rate, with its sign word when a decline.
- So is a bare percentage after a province's name when the words before speak of growth ("mức tăng cao
  là Thanh Hóa 12%, Nghệ An 10,5%"), or after a growth rate's name and whose it is or "đạt" ("IIP của An
  Giang 14,3%, Cần Thơ 12,1%", "IIP 9 tháng của khu vực đạt 10,2%"); "đạt 103,6% so với cùng kỳ" is an
  index against a base, set aside.
- A percentage whose words name a ratio (an occupancy rate, a recovery ratio) is a ratio; any other is
  set aside.
"""

import re
from dataclasses import dataclass

from curation.draft_indicators import OCCUPANCY_OF, PERCENT_LEVELS, find_keywords
from curation.draft_periods import find_periods
from curation.draft_places import ProvinceNames
from curation.draft_quantities import GROWTH, HEDGED_GROWTH, Amount
from curation.draft_text import segment_bounds

GROWTH_VERB = re.compile(r"(?<!\w)(?:tăng|giảm)(?!\w)", re.IGNORECASE)
# "giảm" right before a growth rate: a decline, written with its sign word.
_DECLINE_BEFORE = re.compile(r"(?<!\w)giảm\s+$", re.IGNORECASE)
# Growth-rate indicators: a bare percentage after them is the rate ("IIP của khu vực đạt 10,2%").
GROWTH_RATES = frozenset({"iip_growth", "industrial_production_growth"})
_RATE_VERB = re.compile(
    r"\s*(?<!\w)(?:(?:ước\s+)?(?:đạt|tăng\s+bình\s+quân)|là|ở\s+mức)\s*(?:(?:khoảng|gần|hơn|trên)\s+)?$", re.I
)
_RATE_OWNER = re.compile(r"(?<!\w)(?:khu\s+vực|toàn\s+vùng|vùng|cả\s+nước|toàn\s+quốc)\s*[:,(]?\s*$", re.IGNORECASE)
_PERIOD_FILLER = re.compile(r"(?<!\w)(?:của|chung|trong|\(?IIP\)?)(?!\w)|[\s,:()]", re.IGNORECASE)
# "đạt 110,2% so với cùng kỳ": an index against a base, not a growth rate.
_BASE_AFTER = re.compile(r"\s*\(?\s*so\s+(?:với\s+)?", re.IGNORECASE)
# A share's words: a percentage after them is no province's growth.
_SHARE_WORDS = re.compile(r"(?<!\w)(?:chiếm|tỷ\s+trọng|tỷ\s+lệ|kế\s+hoạch)(?!\w)", re.IGNORECASE)


@dataclass(frozen=True)
class Percentage:
    """What a percentage no value claims is."""

    kind: str  # "growth" (a growth rate) or "ratio" (a percentage level); "" when set aside
    amount: Amount  # as the figure writes it: "giảm 3,7%" with its sign word
    decline: bool = False  # a decline whose sign word is not beside the number ("giảm lần lượt 2%, 3%")
    aside: str = ""  # why it is set aside


def read_percentage(
    names: ProvinceNames, text: str, amount: Amount, claim_ends: list[int], after_a_ratio: bool
) -> Percentage:
    """What the percentage ``amount`` of the sentence ``text`` is. ``claim_ends`` are where the claims
    found so far end; ``after_a_ratio`` says whether one of them is a ratio."""
    growth = next((m for m in GROWTH.finditer(text) if m.start() < amount.start < m.end()), None)
    if growth is not None:
        return Percentage("growth", _signed(text, amount))
    hedged = next((m for m in HEDGED_GROWTH.finditer(text) if m.start() < amount.start < m.end()), None)
    if hedged is not None:
        return Percentage("growth", amount, decline=hedged.group().lower().startswith("giảm"))
    start, _ = segment_bounds(text, amount.start)
    window = text[max([start, *(end for end in claim_ends if end <= amount.start)]) : amount.start]
    if any(set(k.codes) & PERCENT_LEVELS for k in find_keywords(window)) or (
        after_a_ratio and any(p.search(window) for p, _ in OCCUPANCY_OF)
    ):
        return Percentage("ratio", amount)
    if decline := _province_growth(names, text, amount, start):
        return Percentage("growth", amount, decline=decline == "giảm")
    if named := _named_growth_rate(names, text, amount, start):
        return Percentage("growth", amount) if named == "rate" else Percentage("", amount, aside=named)
    return Percentage("", amount, aside="TODO: a percentage that is no growth, share or threshold drafted")


def _province_growth(names: ProvinceNames, text: str, amount: Amount, segment_start: int) -> str:
    """ "các tỉnh có mức tăng cao là Thanh Hóa 12%, Nghệ An 10,5%": a bare percentage right after a
    province's name, in a segment that speaks of growth before it and of no share, is that
    province's growth. Returns the growth's verb ("tăng", or "giảm" for a decline), or ""."""
    before = text[segment_start : amount.start]
    places = names.find(before)
    if not places or before[places[-1].end :].strip(" :") or _SHARE_WORDS.search(before):
        return ""
    verbs = [m.group().lower() for m in GROWTH_VERB.finditer(before[: places[0].start])]
    return verbs[-1] if verbs and len(set(verbs)) == 1 else ""


def _named_growth_rate(names: ProvinceNames, text: str, amount: Amount, segment_start: int) -> str:
    """ "IIP 9 tháng của khu vực đạt 10,2%", "IIP của An Giang 14,3%, Cần Thơ 12,1%", "… cao hơn bình
    quân cả nước 9,0%": a bare percentage whose sentence last named a growth rate (the IIP), right
    after whose it is (a province, the region, the country) or after "đạt" with nothing but a period
    between. Returns "rate" for such a growth rate; a reason to set it aside when it reads as an
    index against a base ("đạt 110,2% so với cùng kỳ" is +10,2%); "" otherwise."""
    keywords = find_keywords(text[: amount.start])
    if not keywords or not set(keywords[-1].codes) & GROWTH_RATES:
        return ""
    before = text[max(segment_start, keywords[-1].end) : amount.start]
    verb = _RATE_VERB.search(before)
    owner = before[: verb.start()] if verb else before
    places = names.find(owner)
    owned = bool(places and not owner[places[-1].end :].strip(" :,")) or bool(_RATE_OWNER.search(owner))
    if not owned and not (verb and _only_a_period(owner)):
        return ""
    if _BASE_AFTER.match(text, amount.end) or amount.quantity.value >= 100:
        return f"TODO: an index against a base ({amount.written!r} …), not a growth rate: growth = index − 100?"
    return "rate"


def _signed(text: str, amount: Amount) -> Amount:
    """A growth rate's amount with its sign word when it is a decline: "giảm 3,7%" is -3.7."""
    decline = _DECLINE_BEFORE.search(text[: amount.start])
    if decline is None:
        return amount
    return Amount(decline.start(), amount.end, text[decline.start() : amount.end], amount.quantity)


def _only_a_period(words: str) -> bool:
    """Whether ``words`` say nothing but a period ("9 tháng năm 2025", "của năm 2024")."""
    for label in reversed(find_periods(words)):
        words = words[: label.start] + words[label.end :]
    return not _PERIOD_FILLER.sub("", words)
