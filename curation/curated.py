"""What curating one source gives: its fixture records, and the values their closed fields may take.

An annotated article (``curation.curate``) and a facts-only record (``curation.record_curator``) are
checked differently but give the same shapes, so the build merges and cross-checks them alike.
"""

from dataclasses import dataclass, field
from decimal import Decimal

MENTION_KINDS = {"report", "mention", "announcement"}
STATUSES = {"held", "announced"}
HOST_BASES = {"stated", "venue"}
ROLES = {"chair", "speaker", "delegate"}
SCOPES = {"country", "region", "province"}
SHARE_BASES = {"region", "country"}
QUALIFIERS = {"actual", "estimate", "forecast", "lower_bound", "approximate"}


@dataclass
class FigureFacts:
    """A checked figure: its fixture fields, plus what cross-article checks need."""

    fields: dict
    conference: str
    line: int
    half_unit: Decimal  # half the last written digit, in base units: the rounding the text allows
    share_half_unit: Decimal | None = None
    signed: bool = False  # the value is written with a sign word: a change or a balance, never a part of a sum


@dataclass
class CuratedArticle:
    source: dict
    conferences: list[dict] = field(default_factory=list)
    mentions: list[dict] = field(default_factory=list)
    officials: list[dict] = field(default_factory=list)
    figures: list[FigureFacts] = field(default_factory=list)
    covered: list[tuple[str, str]] = field(default_factory=list)  # (container excerpt or "", phrase)
