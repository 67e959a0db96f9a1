"""Conferences, the pages that report them, and the figures they reported.

Every stored fact points back to one ``Source``: to the verbatim sentence it came from (``quote``) when
the source's text is kept (the five captured articles), or, for a page whose text we do not keep (a
record), to where on the page it stands (``locator``) with the words printed for it (``*_as_written``).
Nothing is filled in that no source states: an unknown date, session number or host stays NULL.

The models are split by what they hold: ``sources`` (the pages, and their statements of a group's
members), ``sessions`` (the sessions and what sources state about them), ``figures`` (the indicators
and the reported figures) ``loads`` (what a load records: the data version and the figure counts) and ``quality`` (the
data-quality report a load leaves).
"""

from conferences.models.figures import (
    OTHER_SCOPES_RANK,
    SCOPE_ORDER,
    STATED_REGION_SHARE,
    Indicator,
    IndicatorReport,
    scope_rank,
)
from conferences.models.loads import PUBLISHED_MODELS, Dataset, FigureCount
from conferences.models.quality import QualityCount, QualityRun
from conferences.models.sessions import (
    Conference,
    ConferenceMention,
    ConferenceOfficial,
    session_key,
    session_title,
)
from conferences.models.sources import MembershipStatement, Source

__all__ = [
    "OTHER_SCOPES_RANK",
    "PUBLISHED_MODELS",
    "SCOPE_ORDER",
    "STATED_REGION_SHARE",
    "Conference",
    "ConferenceMention",
    "ConferenceOfficial",
    "Dataset",
    "FigureCount",
    "Indicator",
    "IndicatorReport",
    "MembershipStatement",
    "QualityCount",
    "QualityRun",
    "Source",
    "scope_rank",
    "session_key",
    "session_title",
]
