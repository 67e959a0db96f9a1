"""Rows of the figure tables that the figures list and a source's page share
(``conferences/indicatorreport_filter.html``), each written by one tag instead of a template per row
(``detail_rows`` says why): a list page writes 25 of them, and their template was half of its cost."""

from django import template
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext

from conferences.models import IndicatorReport
from conferences.templatetags.detail_rows import address
from conferences.templatetags.figures import figure_cells, growth_threshold
from conferences.templatetags.sessions import session_label

register = template.Library()


@register.simple_tag
def figure_list_row(report):
    """``{% figure_list_row report %}``: one row of a table of comparable figures: who the figure is for
    (a province with its group, the group, or the scope), the indicator and period as written, the figure's
    cells, its session and the link to its quote."""
    conference = report.conference
    if report.scope == IndicatorReport.Scope.PROVINCE:
        who = format_html(
            '<a href="{}">{}</a> <span class="basis">{}</span>',
            address("regions:province_detail", report.province.slug),
            report.province.name,
            conference.region.name,
        )
    elif report.scope == IndicatorReport.Scope.REGION:
        who = format_html(
            '<a href="{}">{}</a>',
            address("regions:region_detail", conference.region.slug),
            capfirst(conference.region.name),
        )
    else:
        who = capfirst(IndicatorReport.Scope(report.scope).label)
    return format_html(
        '<tr>\n          <th scope="row">{}</th>\n'
        '          <td data-label="{}"><span lang="vi">{}</span>{}</td>\n'
        '          <td data-label="{}" lang="vi">{}</td>\n          {}\n'
        '          <td data-label="{}"><a href="{}">{}{}</a></td>\n'
        '          <td data-label="{}"><a href="{}">{}</a></td>\n        </tr>',
        who,
        gettext("Indicator as written"),
        report.indicator_as_written,
        growth_threshold(report),
        gettext("Period as written"),
        report.period_label,
        figure_cells(report),
        gettext("Conference"),
        address("conferences:detail", conference.slug),
        session_label(None, conference, after=", "),
        conference.year,
        gettext("Source"),
        address("conferences:figure_detail", report.slug),
        gettext("quote and source"),
    )
