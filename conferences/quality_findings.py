"""What the data-quality checks report: a ``Finding`` with its status, and a ``Check`` gathering them.

Every check returns ``Finding``s, each with a status:

- ``inconsistent``: the data contradicts itself; this is what "a problem" means on the page;
- ``note``: worth knowing, but contradicting nothing (an announced session no source reports);
- ``not-checked``: the check applies but the data lacks what it needs (a share of the annual plan);
- ``consistent``: checked, and it fits.
"""

from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.utils.translation import gettext_lazy

from conferences.models import Conference, IndicatorReport

INCONSISTENT, NOTE, NOT_CHECKED, CONSISTENT = "inconsistent", "note", "not-checked", "consistent"
FIGURES_SHOWN = 6
STATUS_ORDER = (INCONSISTENT, NOTE, NOT_CHECKED, CONSISTENT)
STATUS_LABELS = {
    INCONSISTENT: gettext_lazy("inconsistent"),
    NOTE: gettext_lazy("note"),
    NOT_CHECKED: gettext_lazy("not checked"),
    CONSISTENT: gettext_lazy("consistent"),
}


@dataclass
class Finding:
    """One thing a check found, with the figures or sessions involved (each links to its page)."""

    status: str
    sentence: str
    figures: list[IndicatorReport] = field(default_factory=list)
    conferences: list[Conference] = field(default_factory=list)

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]

    @property
    def figures_shown(self) -> list[IndicatorReport]:
        """The figures a page links, at most ``FIGURES_SHOWN``: a provincial sum can name a hundred."""
        return self.figures[:FIGURES_SHOWN]

    @property
    def figures_not_shown(self) -> int:
        return max(0, len(self.figures) - FIGURES_SHOWN)

    @property
    def provincial_figures_query(self) -> str:
        """The figures list's filters for the session's provincial figures of the indicator in the year."""
        first = self.figures[0]  # linked, so a model (the others may be only what decides)
        return urlencode(
            {
                "conference": first.conference.slug,
                "indicator": first.indicator.code,
                "scope": IndicatorReport.Scope.PROVINCE,
                "year": first.period_end.year,
            }
        )


@dataclass
class Check:
    """A check's findings, inconsistencies first. ``counts`` are of all its findings, by status; given, when
    ``findings`` are only some of them (the first few, a page), else counted from them."""

    slug: str  # the section's anchor on the page
    title: str
    description: str
    empty: str  # what the page says when the data gives the check nothing to look at
    findings: list[Finding]
    counts: dict[str, int] | None = None

    def __post_init__(self):
        self.findings.sort(key=lambda finding: STATUS_ORDER.index(finding.status))
        if self.counts is None:
            self.counts = Counter(finding.status for finding in self.findings)

    def count(self, status: str) -> int:
        return self.counts.get(status, 0)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def more(self) -> int:
        """How many of its findings are not in ``findings``."""
        return self.total - len(self.findings)

    @property
    def inconsistent(self) -> int:
        return self.count(INCONSISTENT)

    @property
    def notes(self) -> int:
        return self.count(NOTE)

    @property
    def not_checked(self) -> int:
        return self.count(NOT_CHECKED)

    @property
    def compared(self) -> int:
        """How many things were actually compared, whatever the outcome."""
        return self.count(CONSISTENT) + self.inconsistent
