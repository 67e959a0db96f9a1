"""Which indicator a figure reports, and the words that name it (``indicator_as_written``).

The indicator is the nearest phrase of ``draft_indicators.KEYWORDS`` counted in the figure's unit:
before the amount in its clause, then in the words attached to it; failing that, earlier in the
sentence (settled for the items of a list, "A tăng x%, B tăng y%", when the sentence names one
indicator), later in it, then in the three sentences before, each of which is marked TODO. A count
takes the indicator of its noun ("cụm công nghiệp"), a count of provinces the ``provinces_*`` one of
the measure it counts them by. An occupancy rate is that of the clusters or parks named nearest; an
industrial clusters' figure whose sentence names parks nearer, or no clusters nearby, is a TODO.
"""

import re

from curation.draft_claims import Claim
from curation.draft_entries import Entry
from curation.draft_indicators import (
    CLUSTER_INDICATORS,
    COUNT_NOUN_INDICATORS,
    GENERIC_GROWTH,
    OCCUPANCY_OF,
    PERCENT_LEVELS,
    PROVINCE_COUNTS,
    UNIT_INDICATORS,
    Keyword,
    find_keywords,
)
from curation.draft_places import ProvinceNames
from curation.draft_scope import COUNTRY_WORDS, REGION_WORDS
from curation.draft_text import Sentence
from curation.reference import Reference

CONTEXT_SENTENCES = 3  # how many sentences back an indicator may still be taken from, with a TODO
# Words an item of a list may have besides its province: "…, trong đó Thanh Hóa tăng 12%, Nghệ An
# ước đạt 2 tỷ USD và Hà Tĩnh giảm 3,7%". A clause of only these continues the sentence's indicator.
_LIST_WORDS = re.compile(
    r"(?<!\w)(?:và|còn|riêng|trong\s+(?:số\s+)?đó|của|tại|tỉnh|thành\s+phố|TP\.?|đạt|ước|tính|đạt|tăng|"
    r"giảm|với|là|có|khoảng|gần|hơn|trên|lần\s+lượt|cao\s+nhất|thấp\s+nhất|đứng\s+đầu|dẫn\s+đầu|"
    r"tiếp\s+(?:đến|theo)|sau\s+đó|đều|mức|cao\s+hơn|thấp\s+hơn|bình\s+quân|so\s+với|chỉ|cũng|vẫn|"
    r"trong\s+khi(?:\s+đó)?|nhưng|chung|trung\s+bình|cao|thấp|như|gồm|bao\s+gồm|cùng\s+kỳ(?:\s+năm\s+(?:trước|\d{4}))?)(?!\w)",
    re.IGNORECASE,
)
# What may follow "xuất khẩu" when it is all exports: "xuất khẩu hàng hóa của Nghệ An ước đạt …". Other
# words name a part: a product ("xuất khẩu gạo"), a market ("sang Hoa Kỳ").
_TRADE_TOTALS = frozenset({"export_turnover", "import_turnover", "trade_balance"})
_TOTAL_CONTINUES = re.compile(
    r"\s*(?:$|[\d(,;:.]|(?:hàng\s+h(?:óa|oá)|của|toàn|khu\s+vực|vùng|cả|đạt|ước|tăng|giảm|trong|năm|tháng|quý|"
    r"các|địa\s+phương|tỉnh|thành\s+phố|TP|trên|hơn|khoảng|gần|đều|là|với|tiếp|vẫn|cũng|mới|chỉ|bình\s+quân|"
    r"thực\s+hiện|lũy\s+kế|tính|dự\s+kiến|riêng|chung|tại|ở)(?!\w))",
    re.IGNORECASE,
)
OCCUPANCIES = frozenset(code for _, code in OCCUPANCY_OF)


class IndicatorFinder:
    def __init__(self, sentences: list[Sentence], reference: Reference, names: ProvinceNames):
        self.sentences = sentences
        self.reference = reference
        self.names = names

    def find(self, sentence: Sentence, claim: Claim, window_start: int, entry: Entry) -> tuple[str, str]:
        """The figure's indicator and the words that name it; "" for both when none is found."""
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

    @staticmethod
    def _occupancy(before: str, code: str, entry: Entry) -> str:
        """Whose occupancy a rate is: that of the clusters or parks named nearest before it."""
        nearest = _nearest_estate(before)
        if not nearest:
            entry.todo("an occupancy rate of clusters or of parks? the sentence names neither", "indicator")
        return nearest or code

    def check_estate(self, sentence: Sentence, claim: Claim, indicator: str, entry: Entry):
        """A TODO on an industrial clusters' figure whose sentence speaks of parks, or of neither."""
        if indicator in CLUSTER_INDICATORS and not self._near_clusters(sentence):
            entry.todo("no 'cụm công nghiệp' in this or the previous sentence: check the indicator", "indicator")
        elif (
            indicator in CLUSTER_INDICATORS
            and _nearest_estate(sentence.text[: claim.amount.end]) == "industrial_park_occupancy"
        ):
            entry.todo("'khu công nghiệp' (parks) is named nearer than clusters: whose figure is it?", "indicator")

    def _near_clusters(self, sentence: Sentence) -> bool:
        nearby = self.sentences[max(0, sentence.index - 1) : sentence.index + 1]
        return any("cụm công nghiệp" in s.text.lower() for s in nearby)


def _nearest_estate(before: str) -> str:
    """The occupancy indicator of the clusters or parks named last in ``before``, or ""."""
    named = [(m.end(), occupancy) for pattern, occupancy in OCCUPANCY_OF for m in pattern.finditer(before)]
    return max(named)[1] if named else ""


def growth_words(text: str, claim: Claim, window_start: int, quote: str, entry: Entry) -> str:
    """Growth words as written, for a figure whose quote does not name its indicator: for a count,
    those of its threshold; else the nearest before it."""
    window = text[window_start : claim.amount.start]
    attached = text[claim.amount.end : claim.end]
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
        entry.todo(f"{written!r} speaks of growth; the quote does not name the indicator", "indicator_as_written")
    return written
