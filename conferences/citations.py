"""Ready-to-copy citations for a figure or a conference, in Vietnamese and in English.

A journalist writing in either language cites the same facts: which session, where, when, which
source (with the page's address, publication date and the day it was read, where on record). Both
versions are built from stored data only (see ``figure_display``), each ending with the day the
portal's page is viewed and its permalink in that language. The citation never says where in our
captured copy a quote stands: that is our provenance, not the reader's reference.

The day viewed is today's on the server; ``static/js/citations.js`` sets it to the reader's day (a
page may come from a cache) and adds the copy buttons.
"""

from dataclasses import dataclass
from datetime import date

from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext, override

from conferences import figure_display
from portal.html_format import format_html

LANGUAGES = (("vi", "Tiếng Việt"), ("en", "English"))


@dataclass(frozen=True)
class Citation:
    language: str
    language_name: str
    text: str
    permalink: str
    viewed: SafeString  # "Viewed on <time>6/12/2026</time>: <a>permalink</a>."

    @property
    def element_id(self) -> str:
        return f"citation-{self.language}"


def figure_citations(report, *, request) -> list[Citation]:
    return _in_every_language(lambda: figure_display.citation(report), report.get_absolute_url, request)


def conference_citations(conference, *, request) -> list[Citation]:
    return _in_every_language(lambda: conference_citation(conference), conference.get_absolute_url, request)


def conference_citation(conference) -> str:
    """ "Hội nghị … lần thứ X (17/5/2024), do Hà Nội đăng cai, tại Hà Nội. Nguồn: Báo Hànộimới." """
    parts = [capfirst(figure_display.conference_name(conference))]
    if conference.status == conference.Status.ANNOUNCED:
        parts.append(gettext("announced"))
    if conference.host:
        parts.append(gettext("hosted by %(host)s") % {"host": conference.host.name})
    if conference.venue:
        parts.append(gettext("at %(venue)s") % {"venue": conference.venue})
    sources = "; ".join(
        ", ".join(figure_display.source_parts(source)) or str(source) for source in _sources(conference)
    )
    return f"{', '.join(parts)}. " + gettext("Source: %(source)s.") % {"source": sources}


def _sources(conference):
    seen = {}
    for mention in conference.mentions.all():
        seen.setdefault(mention.source_id, mention.source)
    return list(seen.values())


def _in_every_language(text, url, request) -> list[Citation]:
    citations = []
    today = timezone.localdate(timezone.now())
    for code, name in LANGUAGES:
        with override(code):
            permalink = request.build_absolute_uri(url())
            citations.append(Citation(code, name, text(), permalink, _viewed(today, permalink)))
    return citations


def _viewed(today: date, permalink: str) -> SafeString:
    day = format_html(
        '<time class="today" datetime="{}">{}</time>', today.isoformat(), figure_display.citation_date(today)
    )
    link = format_html('<a href="{}">{}</a>', permalink, permalink)
    return mark_safe(escape(gettext("Viewed on %(date)s: %(permalink)s.")) % {"date": day, "permalink": link})
