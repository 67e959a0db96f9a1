"""Ready-to-copy citations for a figure or a conference, in Vietnamese and in English.

A journalist writing in either language cites the same facts: which session, where, when, which
source. Both versions are built from stored data only (see ``figure_display``), each with the
permalink of the page in its language.
"""

from dataclasses import dataclass

from django.utils.text import capfirst
from django.utils.translation import gettext, override

from conferences import figure_display

LANGUAGES = (("vi", "Tiếng Việt"), ("en", "English"))


@dataclass(frozen=True)
class Citation:
    language: str
    language_name: str
    text: str
    permalink: str


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
    for code, name in LANGUAGES:
        with override(code):
            citations.append(Citation(code, name, text(), request.build_absolute_uri(url())))
    return citations
