"""The tallies of an accuracy report (``draft_accuracy``): each figure field's precision and recall,
the figures right and those wrong as certain (``draft_accuracy_figures``), the session fields right
(``draft_accuracy_sessions``) and what failed.
"""

from dataclasses import dataclass, field

FIELDS = ("value", "unit", "period", "scope", "province", "indicator", "qualifier", "growth", "sign", "plan share")
STRICT = ("value", "unit", "period", "scope", "province")  # a figure is right only with all of these


@dataclass
class Tally:
    right: int = 0
    total: int = 0

    def add(self, right: bool):
        self.right += bool(right)
        self.total += 1

    def __str__(self) -> str:
        share = f"{self.right / self.total:.0%}" if self.total else "-"
        return f"{self.right}/{self.total} ({share})"


@dataclass
class Score:
    """One set of articles, or one article."""

    name: str
    key_figures: int = 0
    drafted: int = 0
    matched: int = 0
    precision: dict[str, Tally] = field(default_factory=lambda: {name: Tally() for name in FIELDS})
    recall: dict[str, Tally] = field(default_factory=lambda: {name: Tally() for name in FIELDS})
    figures_right: Tally = field(default_factory=Tally)
    wrong_as_certain: int = 0
    sessions: Tally = field(default_factory=Tally)
    failures: list[str] = field(default_factory=list)

    def absorb(self, other: "Score"):
        for name in ("key_figures", "drafted", "matched", "wrong_as_certain"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for mine, theirs in ((self.precision, other.precision), (self.recall, other.recall)):
            for name in FIELDS:
                mine[name].right += theirs[name].right
                mine[name].total += theirs[name].total
        for mine, theirs in ((self.figures_right, other.figures_right), (self.sessions, other.sessions)):
            mine.right += theirs.right
            mine.total += theirs.total
        self.failures += [f"{other.name}: {failure}" for failure in other.failures]
