"""Rows of the list pages' tables, each written by one tag instead of a template per row (``detail_rows``
says why): the figure tables that the figures list and a source's page share
(``conferences/indicatorreport_filter.html``), the sessions of the conferences list
(``conferences/conference_filter.html``) and the sources of the sources list (``conferences/source_list.html``).
A list page writes 25 of them, and their templates were a third (figures) to half (sessions) of the
page's template time, and more than half of the sources list's."""

from django import template
from django.utils.text import capfirst
from django.utils.translation import gettext

from conferences.models import Conference, IndicatorReport
from conferences.templatetags.detail_rows import address, province_link
from conferences.templatetags.figures import figure_cells, growth_threshold, label, per_language, unknown
from conferences.templatetags.sessions import not_stated, session_date, session_host, session_label
from portal.html_format import format_html, format_html_join

register = template.Library()


@register.simple_tag
def figure_list_row(report):
    """``{% figure_list_row report %}``: one row of a table of comparable figures: who the figure is for
    (a province with its group, the group, or the scope), the indicator and period as written, the figure's
    cells, its session and the link to its quote."""
    conference = report.conference
    if report.scope == IndicatorReport.Scope.PROVINCE:
        who = format_html('{} <span class="basis">{}</span>', province_link(report.province), conference.region.name)
    elif report.scope == IndicatorReport.Scope.REGION:
        who = format_html(
            '<a href="{}">{}</a>',
            address("regions:region_detail", conference.region.slug),
            capfirst(conference.region.name),
        )
    else:
        who = capfirst(IndicatorReport.Scope(report.scope).label)
    return format_html(
        per_language("figure_list_row", _row),
        who,
        report.indicator_as_written,
        growth_threshold(report),
        report.period_label,
        figure_cells(report),
        address("conferences:detail", conference.slug),
        session_label(None, conference, after=", "),
        conference.year,
        address("conferences:figure_detail", report.slug),
    )


def _row() -> str:
    return (
        '<tr>\n          <th scope="row">{}</th>\n'
        f'          <td data-label="{label("Indicator as written")}"><span lang="vi">{{}}</span>{{}}</td>\n'
        f'          <td data-label="{label("Period as written")}" lang="vi">{{}}</td>\n          {{}}\n'
        f'          <td data-label="{label("Conference")}"><a href="{{}}">{{}}{{}}</a></td>\n'
        f'          <td data-label="{label("Source")}"><a href="{{}}">{label("quote and source")}</a></td>\n'
        "        </tr>"
    )


@register.simple_tag
def conference_list_row(conference):
    """``{% conference_list_row conference %}``: one session of the conferences list: its label, group, year
    and date, host, status, next host and the sources that name it (its ``mentions``, by source)."""
    next_host = province_link(conference.next_host) if conference.next_host else not_stated()
    sources, previous = [], object()
    for mention in conference.mentions.all():
        if mention.source_id != previous:
            sources.append((address("conferences:source_detail", mention.source.slug), mention.source))
            previous = mention.source_id
    return format_html(
        per_language("conference_list_row", _conference_row),
        address("conferences:detail", conference.slug),
        session_label(None, conference),
        address("regions:region_detail", conference.region.slug),
        capfirst(conference.region.name),
        conference.year,
        session_date(conference),
        session_host(conference),
        conference.status,
        Conference.Status(conference.status).label,
        next_host,
        format_html_join("", '<a class="source" href="{}" lang="vi">{}</a>', sources),
    )


def _conference_row() -> str:
    return (
        '<tr>\n          <th scope="row"><a href="{}">{}</a></th>\n'
        f'          <td data-label="{label("Conference group")}"><a href="{{}}">{{}}</a></td>\n'
        f'          <td data-label="{label("Year")}">{{}}</td>\n'
        f'          <td data-label="{label("Date")}">{{}}</td>\n'
        f'          <td data-label="{label("Host province")}">{{}}</td>\n'
        f'          <td data-label="{label("Status")}"><span class="status status-{{}}">{{}}</span></td>\n'
        f'          <td data-label="{label("Next host")}">{{}}</td>\n'
        f'          <td data-label="{label("Sources")}">{{}}</td>\n'
        "        </tr>"
    )


@register.simple_tag
def source_list_item(source):
    """``{% source_list_item source %}``: one source of the sources list (``source_rows``, with its
    ``conference_kinds``): what it states of itself, or that it does not, the sessions it names with the
    kinds of mention, how many figures were taken from it, and its reproduction notice."""
    if source.figure_count:
        figures = format_html(
            '<a href="{}?source={}">{}</a>', address("conferences:figure_list"), source.slug, source.figure_count
        )
    else:
        figures = "0"
    return format_html(
        per_language("source_list_item", _source_item),
        address("conferences:source_detail", source.slug),
        source,
        source_publication(source),
        source_title(source),
        source_author(source),
        _stated(source.published_as_written) if source.published_as_written else not_stated(),
        format_html_join(
            "",
            '\n        <li><a href="{}">{}</a> <span class="basis">({})</span></li>\n      ',
            (
                (address("conferences:detail", conference.slug), conference.title, ", ".join(map(str, kinds)))
                for conference, kinds in source.conference_kinds
            ),
        ),
        figures,
        _reproduction_notice() if source.reproduction_notice else "",
    )


def _stated(text: str) -> str:
    """What a source states of itself, in Vietnamese as printed."""
    return format_html('<span lang="vi">{}</span>', text)


@register.simple_tag
def source_publication(source):
    """``{% source_publication source %}``: the publication a source names, with the curators' note on it, or
    that the captured text names none (the sources list and a source's page)."""
    publication = (
        _stated(source.publication)
        if source.publication
        else unknown(gettext("publisher not named in the captured text"))
    )
    if source.publication_note:
        publication = format_html('{} <span class="basis" lang="en">{}</span>', publication, source.publication_note)
    return publication


@register.simple_tag
def source_title(source):
    """``{% source_title source %}``: the title as printed, or that the captured text has none."""
    return _stated(source.title) if source.title else unknown(gettext("the captured text has no title"))


@register.simple_tag
def source_author(source):
    """``{% source_author source %}``: the author as printed, or "not stated"."""
    return _stated(source.author) if source.author else not_stated()


def _source_item() -> str:
    return (
        '<li class="card source-card">\n    <h3><a href="{}" lang="vi">{}</a></h3>\n    <dl class="facts">\n'
        f"      <dt>{label('Publication')}</dt>\n      <dd>{{}}</dd>\n"
        f"      <dt>{label('Title as printed')}</dt>\n      <dd>{{}}</dd>\n"
        f"      <dt>{label('Author')}</dt>\n      <dd>{{}}</dd>\n"
        f"      <dt>{label('Publication date as written')}</dt>\n      <dd>{{}}</dd>\n"
        f'      <dt>{label("Conferences")}</dt>\n      <dd><ul class="plain">{{}}</ul></dd>\n'
        f"      <dt>{label('Figures taken from it')}</dt>\n      <dd>{{}}</dd>\n"
        "    </dl>\n    {}\n  </li>"
    )


def _reproduction_notice() -> str:
    return format_html(
        '\n    <p class="notice notice-reproduction">{}</p>\n    ',
        gettext(
            "The publisher does not allow this article to be reproduced without its written consent; only short "
            "quotes from it are shown here."
        ),
    )
