"""Rows of a group's page (``regions/region_detail.html``): its sessions, its rotation and its tables of
figures over time, each written by one tag instead of a template per row (``detail_rows`` says why)."""

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext

from conferences.models import Conference
from conferences.templatetags.detail_rows import address, province_link
from conferences.templatetags.figures import figure_cells, figure_headers, growth_threshold, label, per_language
from conferences.templatetags.sessions import not_stated, session_date, session_host, session_label
from conferences.templatetags.terms import period
from portal.html_format import format_html, format_html_join

register = template.Library()


@register.simple_tag
def group_figure_table(indicator, group):
    """``{% group_figure_table indicator group %}``: one table of a group's figures over time
    (``regions/region_detail.html``), the figures of one ``ComparableGroup`` of the indicator."""
    rows = format_html_join("", "\n    {}\n  ", ((group_figure_row(report),) for report in group.reports))
    return format_html(
        '<div class="table-scroll">\n<table class="stack figures">\n'
        '  <caption><span class="visually-hidden">{} — </span>{}</caption>\n'
        "  <thead>\n    <tr>\n"
        '      <th scope="col">{}</th>\n      {}\n\n'
        '      <th scope="col">{}</th>\n      <th scope="col">{}</th>\n'
        "    </tr>\n  </thead>\n  <tbody>\n  {}\n  </tbody>\n</table>\n</div>",
        indicator.name,
        capfirst(group.kind.label),
        gettext("Period"),
        figure_headers(),
        gettext("Session"),
        gettext("Source"),
        rows,
    )


def group_figure_row(report):
    """One row of a group's figures over time: the period, the figure's cells (``figure_cells``), its
    session and the link to its quote."""
    conference = report.conference
    session = f"{conference.session_roman}, {conference.year}" if conference.session_number else str(conference.year)
    return format_html(
        per_language("group_figure_row", _group_figure_row),
        period(report),
        growth_threshold(report),
        figure_cells(report),
        address("conferences:detail", conference.slug),
        session,
        address("conferences:figure_detail", report.slug),
    )


def _group_figure_row() -> str:
    return (
        '<tr>\n      <th scope="row">{}{}</th>\n      {}\n\n'
        f'      <td data-label="{label("Session")}"><a href="{{}}">{{}}</a></td>\n'
        f'      <td data-label="{label("Source")}"><a href="{{}}">{label("quote and source")}</a></td>\n    </tr>'
    )


@register.simple_tag
def session_item(conference):
    """``{% session_item conference %}``: one session of a group's timeline (``regions/region_detail.html``):
    its label and year, status, date, host and, once held, the host named at its flag handover."""
    date = session_date(conference)
    host = session_host(conference)
    handover = ""
    if conference.status == Conference.Status.HELD:
        named = not_stated()
        if conference.next_host:
            named = format_html(
                '{} <span class="basis">({})</span>',
                province_link(conference.next_host),
                gettext("named at the flag handover"),
            )
        handover = format_html("<dt>{}</dt><dd>{}</dd>", gettext("Next host"), named)
    return format_html(
        '<li class="timeline-item status-line-{}">\n'
        '    <h3><a href="{}">{} · {}</a></h3>\n'
        '    <dl class="facts">\n'
        '      <dt>{}</dt><dd><span class="status status-{}">{}</span></dd>\n'
        "      <dt>{}</dt><dd>{}</dd>\n"
        "      <dt>{}</dt><dd>{}</dd>\n"
        "      {}\n"
        "    </dl>\n  </li>",
        conference.status,
        address("conferences:detail", conference.slug),
        session_label(None, conference),
        conference.year,
        gettext("Status"),
        conference.status,
        Conference.Status(conference.status).label,
        gettext("Date"),
        date,
        gettext("Host province"),
        host,
        handover,
    )


@register.simple_tag(takes_context=True)
def rotation_entry(context, entry):
    """``{% rotation_entry entry %}``: one line of a group's hosting rotation
    (``regions/includes/rotation_timeline.html``): a run of numbers no source mentions, or a session with its
    host, the host named at its handover and what does not fit. With ``units_now`` in the context, a unit
    that became a 2025 unit says which."""
    if entry.is_gap:
        if entry.gap_size == 1:
            text = gettext("Session %(session)s: not in the sources") % {"session": conditional_escape(entry.gap_roman)}
        else:
            text = gettext("Sessions %(sessions)s: not in the sources") % {
                "sessions": conditional_escape(entry.gap_roman)
            }
        return format_html(
            '\n  <li class="rotation-entry rotation-gap">\n'
            '    <span class="rotation-number" aria-hidden="true">{}</span>\n'
            '    <span class="unknown">{}</span>\n  </li>\n',
            entry.gap_roman,
            mark_safe(text),  # as {% blocktranslate %} writes it: the translation as is, the value escaped
        )
    conference = entry.conference
    units_now = context.get("units_now")
    status = ""
    if conference.status == Conference.Status.ANNOUNCED:
        status = format_html('<span class="status status-announced">{}</span>', Conference.Status.ANNOUNCED.label)
    if conference.host:
        host = _rotation_unit(conference.host, conference.year, units_now)
        if conference.host_basis == "venue":
            host += format_html(' <span class="basis">({})</span>', gettext("where it was held"))
        if entry.handover_fits:
            host += format_html(' <span class="basis">({})</span>', gettext("as named at the previous flag handover"))
    else:
        host = not_stated()
    note = ""
    if not conference.session_number:
        note = format_html(
            '<span class="rotation-note">{}</span>',
            gettext("The sources give this session no number: it is placed by its year."),
        )
    handover = ""
    if conference.next_host:
        handover = format_html(
            '<span class="rotation-handover">{}: {} <span class="basis">({})</span></span>',
            gettext("Next host"),
            _rotation_unit(conference.next_host, conference.year, units_now),
            gettext("named at the flag handover"),
        )
    flags = format_html_join(
        "",
        '<span class="rotation-flag"><strong class="does-not-fit">{}</strong> {}</span>',
        ((gettext("does not fit"), flag) for flag in entry.flags),
    )
    return format_html(
        '\n  <li class="rotation-entry rotation-{}{}">\n'
        '    <span class="rotation-number" aria-hidden="true">{}</span>\n'
        '    <span class="rotation-body">\n'
        '      <a class="rotation-session" href="{}">{} · {}</a>\n'
        "      {}\n"
        '      <span class="rotation-host">{}: {}</span>\n'
        "      {}\n"
        "      {}\n"
        "      {}\n"
        "    </span>\n  </li>\n",
        conference.status,
        mark_safe(" rotation-flagged") if entry.flags else "",
        conference.session_roman if conference.session_number else "?",
        address("conferences:detail", conference.slug),
        session_label(None, conference, marked=False),
        conference.year,
        status,
        gettext("Host province"),
        host,
        note,
        handover,
        flags,
    )


def _rotation_unit(unit, year, units_now):
    """A province where the map switch applies; "as it is now" adds the 2025 unit it became."""
    tag = mark_safe(' <span class="map-tag">(2025)</span>') if unit.administrative_map == "2025" else ""
    text = format_html('<a href="{}">{}{}</a>', address("regions:province_detail", unit.slug), unit.name, tag)
    if units_now and unit.successor:
        text += format_html(
            ' <span class="then-now">({}) → {} <a href="{}">{} <span class="map-tag">(2025)</span></a></span>',
            year,
            gettext("now"),
            address("regions:province_detail", unit.successor.slug),
            unit.successor.name,
        )
    return text
