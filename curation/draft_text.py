"""An article's text for drafting: normalised, split into sentences and clauses, folded for matching.

The draft quotes the article verbatim, so every excerpt here is a slice of the normalised text: NFC,
with every Unicode space as an ordinary space (as ``curation.articles`` compares quotes).
"""

import re
import unicodedata
from dataclasses import dataclass

from curation.articles import plain_spaces

_D_STROKE = str.maketrans({"đ": "d", "Đ": "D"})

# A sentence ends at . ! ? or … (possibly repeated) followed by a space and something that starts a
# sentence: an upper-case letter, a digit ("24/28 địa phương…"), an opening bracket or a quote mark.
_SENTENCE_END = re.compile(r"(?:[.!?]+|…+)(?=\s+[\"“(\d\w])")
# "TP. Hồ Chí Minh": a period after these abbreviations does not end a sentence.
_ABBREVIATIONS = frozenset({"TP", "Tp", "TX", "TT", "GS", "PGS", "TS", "ThS", "Th.S", "ông", "bà"})


def normalise(raw: str) -> str:
    """NFC, and every Unicode space as an ordinary space (one for one)."""
    return plain_spaces(unicodedata.normalize("NFC", raw))


def fold_in_place(text: str) -> str:
    """Lower case without tone marks, one character for one, so that offsets stay valid."""
    folded = []
    for ch in text.translate(_D_STROKE):
        base = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c)).lower()
        folded.append(base if len(base) == 1 else ch.lower()[:1] or ch)
    return "".join(folded)


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int  # offset in the article's normalised text
    line: int  # 1-based line of the article
    index: int  # position among all sentences

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def split_sentences(text: str) -> list[Sentence]:
    """Each line's sentences, stripped, with their offsets; blank lines give none."""
    sentences: list[Sentence] = []
    offset = 0
    for number, line in enumerate(text.split("\n"), start=1):
        start = 0
        for match in _SENTENCE_END.finditer(line):
            words = line[start : match.start()].split()
            following = line[match.end() :].lstrip()[:1]
            if following.isalpha() and not following.isupper():
                continue
            if match.group() == "." and words and words[-1] in _ABBREVIATIONS:
                continue
            _add(sentences, line, start, match.end(), offset, number)
            start = match.end()
        _add(sentences, line, start, len(line), offset, number)
        offset += len(line) + 1
    return sentences


def _add(sentences: list[Sentence], line: str, start: int, end: int, offset: int, number: int):
    piece = line[start:end]
    stripped = piece.strip()
    if not stripped:
        return
    lead = len(piece) - len(piece.lstrip())
    sentences.append(Sentence(stripped, offset + start + lead, number, len(sentences)))


# Clauses -------------------------------------------------------------------------------------------

# Where a figure's clause may start or end: ";" and ":" always; "," and "(" only where the drafting
# rules say so (see draft_figures). A "." or "," between digits belongs to a numeral.
SEGMENT_BREAK = re.compile(r"[;:]")
# A comma between clauses, not one inside a numeral ("1,2 tỷ").
CLAUSE_COMMA = re.compile(r"(?<![0-9]),|,(?![0-9])")
# The longest quote a draft writes: quotes stay under the build's limit (``curate.MAX_QUOTE_LENGTH``).
MAX_QUOTE = 399


def segment_bounds(sentence: str, position: int) -> tuple[int, int]:
    """The (start, end) of the ";"/":"-separated segment of ``sentence`` holding ``position``."""
    start, end = 0, len(sentence)
    for match in SEGMENT_BREAK.finditer(sentence):
        if match.end() <= position:
            start = match.end()
        elif match.start() >= position:
            end = match.start()
            break
    return start, end


def trim(sentence: str, start: int, end: int) -> tuple[int, int]:
    """Shrink (start, end) past surrounding spaces and separators, keeping brackets balanced."""
    while start < end and sentence[start] in " ,;:-–—":
        start += 1
    while end > start and sentence[end - 1] in " ,;:.…":
        end -= 1
    piece = sentence[start:end]
    if piece.count("(") > piece.count(")") and sentence[end : end + 1] == ")":
        end += 1
    return start, end
