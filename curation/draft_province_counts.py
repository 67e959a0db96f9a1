"""Counts of provinces ("5 tỉnh", "24/28 địa phương"): a figure only with a growth threshold.

"5 tỉnh có mức tăng trưởng từ 10% trở lên" is a figure, the count of the provinces above the
threshold; the amount after the count and "có"/"đạt"/"đều" is that threshold, no figure of its own. A
count without a threshold is the group's name or size ("28 tỉnh, thành khu vực phía Bắc"), the number
of the members listed after it ("6 tỉnh là A, B, … và F"), or a threshold written without its number
("cao hơn cả nước", "2 con số"): each is set aside with that reason.
"""

import re

from curation.draft_indicators import PROVINCE_NOUNS
from curation.draft_members import listed_after
from curation.draft_places import ProvinceNames
from curation.draft_quantities import Amount, Phrase, threshold_in

_GROUP_WORDS = re.compile(r"^\s*(?:khu\s+vực|Bắc\s+Trung\s+Bộ|phía\s+(?:Bắc|Nam))", re.IGNORECASE)
# "5 tỉnh có kim ngạch xuất khẩu trên 1 tỷ USD": the amount after a count of provinces and these words is
# the count's threshold.
_HAVING = re.compile(r"(?<!\w)(?:có|đạt|đều)(?!\w)", re.IGNORECASE)
# A threshold named without its percentage: "cao hơn cả nước", "cao hơn mức bình quân chung", "2 con số".
_UNNUMBERED_THRESHOLD = re.compile(
    r"(?<!\w)(?:(?:cao|thấp)\s+hơn\s+(?:mức\s+)?(?:tăng\s+)?(?:trưởng\s+)?(?:bình\s+quân\s+|chung\s+)*"
    r"(?:(?:của\s+)?(?:cả\s+nước|khu\s+vực|toàn\s+vùng|vùng)|chung)|(?:trên\s+|từ\s+)?(?:2|hai)\s+con\s+số)(?!\w)",
    re.IGNORECASE,
)


def counts_provinces(amount: Amount) -> bool:
    quantity = amount.quantity
    return quantity is not None and quantity.unit == "count" and _noun(quantity) in PROVINCE_NOUNS


def _noun(quantity) -> str:
    return " ".join(quantity.unit_as_written.lower().split())


class ProvinceCounts:
    def __init__(self, names: ProvinceNames, declared_sizes: set[int], own_size: int | None = None):
        self.names = names
        self.declared_sizes = declared_sizes  # the groups' sizes: "28 tỉnh" names a group, it counts none
        self.own_size = own_size  # the reported group's declared size, when known

    def is_threshold(self, text: str, counted: Amount, amount: Amount) -> bool:
        """Whether ``amount`` is the threshold of the count of provinces ``counted`` before it."""
        return (
            counts_provinces(counted)
            and not counts_provinces(amount)
            and not self._names_the_group(text, counted)
            and not listed_after(self.names, text[counted.end :])  # "6 tỉnh là A, … và F có diện tích …"
            and bool(_HAVING.search(text[counted.end : amount.start]))
        )

    def threshold(self, text: str, amount: Amount, span: str) -> Phrase | str:
        """The growth threshold of the count of provinces ``amount`` (``span`` is the text after it, up
        to the next value), or the reason it is no figure."""
        quantity = amount.quantity
        threshold = threshold_in(span, amount.end)
        whole_group = quantity.denominator is None and int(quantity.value) in self.declared_sizes
        if whole_group and _GROUP_WORDS.match(span):
            return "TODO: the group's name or size, not a figure?"
        if members := listed_after(self.names, text[amount.end :]):
            named = len({place.written for place in members})
            exact = quantity.denominator is None and quantity.value == named
            reason = f"the number of the provinces listed after it ({named} named), not a figure"
            return f"TODO: {reason}" if exact else f"TODO: {reason}? It says {amount.written!r}"
        if threshold is not None:
            return threshold
        own = quantity.denominator is None and quantity.value == self.own_size
        if own:
            return f"TODO: the reported group's declared size ({self.own_size} members), not a figure"
        if unnumbered := _UNNUMBERED_THRESHOLD.search(span):
            return (
                f"TODO: a count of provinces above a threshold written without its number "
                f"({unnumbered.group()!r}): a figure once the threshold's percentage is known"
            )
        if int(quantity.value) in self.declared_sizes and quantity.denominator is None:
            return "TODO: the size of a conference group, not a figure?"
        return "TODO: a count of provinces with no growth threshold: a figure?"

    def _names_the_group(self, text: str, amount: Amount) -> bool:
        """ "28 tỉnh, thành khu vực phía Bắc": the group's size followed by its name."""
        quantity = amount.quantity
        whole = quantity.denominator is None and int(quantity.value) in self.declared_sizes
        return whole and bool(_GROUP_WORDS.match(text[amount.end :]))
