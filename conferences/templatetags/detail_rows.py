"""Rows of the detail pages' tables, each written by one tag instead of a template per row.

A template pays for every variable it resolves, every ``{% translate %}`` and every ``{% include %}``
on every row; a group's page has about eighty rows (members, figures, sessions), and their templates were
most of its cost. These tags write the same HTML, byte for byte, as the templates they replaced
(``tests/conferences/test_detail_rows.py``), and an address of one kind is reversed once per process and
language (``address``), then only its slug changes.
"""

from django import template
from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.formats import date_format
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext, ngettext

from conferences.models import Conference, IndicatorReport
from conferences.templatetags.figures import figure_cells, growth_threshold, label, per_language, unknown
from conferences.templatetags.terms import period
from portal.html_format import format_html, format_html_join
from regions.models import Basis

register = template.Library()

PLACEHOLDER = "0slug0"  # a valid slug no object has, replaced by the real one


def address(name: str, slug: str | None = None) -> str:
    """``reverse(name, args=[slug])`` (``reverse(name)`` without a slug), reversed once per name, language,
    prefix and URLconf: the rest of the address is fixed."""
    key = ("address", name, slug is None, get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF)
    if slug is None:
        return per_language(key, lambda: reverse(name))
    return per_language(key, lambda: reverse(name, args=[PLACEHOLDER])).replace(PLACEHOLDER, slug)


def province_link(province) -> str:
    """A province's name, linked to its page."""
    return format_html('<a href="{}">{}</a>', address("regions:province_detail", province.slug), province.name)


@register.simple_tag
def validity(start, end):
    """``{% validity start end %}``: the dates something holds for, either perhaps unknown."""
    if start and end:
        text = gettext("from %(start)s until %(end)s") % {"start": _short_date(start), "end": _short_date(end)}
    elif end:
        text = gettext("until %(end)s") % {"end": _short_date(end)}
    elif start:
        text = gettext("from %(start)s") % {"start": _short_date(start)}
    else:
        return unknown(gettext("dates not stated"))
    return mark_safe(text)  # as {% blocktranslate %} writes it: the translation as is, the values escaped


def _short_date(value) -> str:
    return conditional_escape(date_format(value, "SHORT_DATE_FORMAT"))


@register.simple_tag
def member_row(membership):
    """``{% member_row membership %}``: one row of a group's member table (``regions/includes/member_table.html``),
    its sources from ``membership.stated_by`` (``conferences.group_selectors.region_detail``)."""
    province = membership.province
    note = ""
    if membership.note and not membership.note_is_shared:
        note = format_html(' <span class="basis-note">{}</span>', membership.note)
    stated = format_html_join(
        "; ",
        '<span lang="vi"><a href="{}">{}</a> <span class="locator">({})</span></span>',
        (
            (
                address("conferences:source_detail", statement.source.slug),
                statement.source.publication or statement.source.title,
                statement.locator,
            )
            for statement in membership.stated_by
        ),
    )
    return format_html(
        per_language("member_row", _member_row),
        mark_safe(' class="inferred-row"') if membership.basis == Basis.INFERRED else "",
        address("regions:province_detail", province.slug),
        province.name,
        membership.basis,
        Basis(membership.basis).label,
        note,
        stated or "—",
        validity(membership.valid_from, membership.valid_until),
    )


def _member_row() -> str:
    return (
        '<tr{}>\n      <th scope="row"><a href="{}">{}</a></th>\n'
        f'      <td data-label="{label("Basis")}"><span class="basis-tag basis-{{}}">{{}}</span>{{}}</td>\n'
        f'      <td data-label="{label("Stated by")}">{{}}</td>\n'
        f'      <td data-label="{label("Membership")}">{{}}</td>\n    </tr>'
    )


@register.simple_tag
def province_figure_row(report):
    """``{% province_figure_row report %}``: one row of a province's figures (``regions/province_detail.html``):
    the indicator, the period, the figure's cells, its session (group, number, year) and the link to its quote."""
    conference = report.conference
    number = f", {conference.session_roman}" if conference.session_number else ""
    return format_html(
        per_language("province_figure_row", _province_figure_row),
        report.indicator.name,
        period(report),
        figure_cells(report),
        address("conferences:detail", conference.slug),
        capfirst(conference.region.name),
        number,
        conference.year,
        address("conferences:figure_detail", report.slug),
    )


def _province_figure_row() -> str:
    return (
        f'<tr>\n      <th scope="row">{{}}</th>\n      <td data-label="{label("Period")}">{{}}</td>\n      {{}}\n\n'
        f'      <td data-label="{label("Session")}"><a href="{{}}">{{}}{{}} ({{}})</a></td>\n'
        f'      <td data-label="{label("Source")}"><a href="{{}}">{label("quote and source")}</a></td>\n    </tr>'
    )


@register.simple_tag
def session_figure_row(report):
    """``{% session_figure_row report %}``: one row of a session's figures (``conferences/conference_detail.html``,
    one table per scope): the indicator, the province for a province's figure, the period, the figure's
    cells and the link to its quote."""
    province = ""
    if report.scope == IndicatorReport.Scope.PROVINCE:
        province = format_html(
            per_language("session_figure_province", _session_figure_province), province_link(report.province)
        )
    return format_html(
        per_language("session_figure_row", _session_figure_row),
        report.indicator.name,
        growth_threshold(report),
        province,
        period(report),
        figure_cells(report),
        address("conferences:figure_detail", report.slug),
    )


def _session_figure_province() -> str:
    return f'<td data-label="{label("Province")}">{{}}</td>'


def _session_figure_row() -> str:
    return (
        '<tr>\n      <th scope="row">{}{}</th>\n      {}\n'
        f'      <td data-label="{label("Period")}">{{}}</td>\n      {{}}\n'
        f'      <td data-label="{label("Source")}"><a href="{{}}">{label("quote and source")}</a></td>\n    </tr>'
    )


@register.simple_tag
def quality_finding_row(finding):
    """``{% quality_finding_row finding %}``: one row of a data-quality table (``includes/quality_findings.html``):
    the finding's sentence and result, and the figures and sessions it involves, each a link."""
    items = [""]
    for report in finding.figures_shown:
        items.append(
            format_html(
                '<li><a href="{}">{}</a> <span class="basis">(<span lang="vi">{}</span>)</span></li>',
                address("conferences:figure_detail", report.slug),
                report.quality_label,
                report.source,
            )
        )
    items.append("")
    if finding.figures_not_shown:
        count = finding.figures_not_shown
        more = ngettext(
            "and %(counter)s more: the session's provincial figures of this indicator and year",
            "and %(counter)s more: the session's provincial figures of this indicator and year",
            count,
        ) % {"counter": count}
        items.append(
            format_html(
                '<li><a href="{}?{}">{}</a></li>',
                reverse("conferences:figure_list"),
                finding.provincial_figures_query,
                mark_safe(more),  # as {% blocktranslate %} writes it: the translation as is, the number
            )
        )
    items.append("")
    for conference in finding.conferences:
        items.append(
            format_html(
                '<li><a href="{}">{}</a> <span class="basis">({})</span></li>',
                address("conferences:detail", conference.slug),
                conference.title,
                Conference.Status(conference.status).label,
            )
        )
    # The template's layout: a line for each item, and the blank lines its three loops left between them.
    links = mark_safe("".join(f"\n          {item}\n        " if item else "\n        " for item in items))
    return format_html(
        '<tr class="quality-row-{}">\n      <th scope="row">{}</th>\n'
        '      <td data-label="{}"><span class="quality-status quality-{}">{}</span></td>\n'
        '      <td data-label="{}">\n        <ul class="plain quality-links">{}\n        </ul>\n      </td>\n    </tr>',
        finding.status,
        finding.sentence,
        gettext("Result"),
        finding.status,
        finding.status_label,
        gettext("Figures and sessions involved"),
        links,
    )
