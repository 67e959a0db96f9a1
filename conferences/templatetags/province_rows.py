"""Rows of the provinces list (``regions/province_filter.html``), each written by one tag instead of a
template per row (``detail_rows`` says why): a unit's cells as it was then (``province_list_cells``), and
the map and hosting cells both of the list's modes write (``map_name``, ``rotation_list_cells``). The
rows were half of the list's template time."""

from django import template
from django.utils.html import conditional_escape
from django.utils.text import capfirst
from django.utils.translation import gettext, ngettext

from conferences.templatetags.detail_rows import address
from conferences.templatetags.figures import label, per_language, unknown
from conferences.templatetags.sessions import not_stated
from portal.html_format import format_html, format_html_join
from regions.models import Basis, Province

register = template.Library()


@register.simple_tag
def province_list_cells(province):
    """``{% province_list_cells province %}``: a unit's cells in the provinces list as it was then: its name
    and map, kind, groups, the sessions it hosted, when it last hosted and is to host (its ``hosting``),
    and what it became or was formed from."""
    on_2025_map = province.administrative_map == Province.Map.FROM_2025
    return format_html(
        per_language("province_list_cells", _province_cells),
        address("regions:province_detail", province.slug),
        province.name,
        format_html(' <span class="map-tag">{}</span>', "(2025)") if on_2025_map else "",
        capfirst(Province.Kind(province.kind).label),
        map_name(province),
        _groups(province.memberships.all()),
        _sessions_hosted(province),
        rotation_list_cells(province.hosting),
        _before_and_after(province),
    )


@register.simple_tag
def map_name(province) -> str:
    """``{% map_name province %}``: the map a unit is on."""
    return conditional_escape(
        gettext("2025 map") if province.administrative_map == Province.Map.FROM_2025 else gettext("before 2025")
    )


def _province_cells() -> str:
    return (
        '<th scope="row"><a href="{}">{}{}</a></th>\n'
        f'          <td data-label="{label("Kind")}">{{}}</td>\n'
        f'          <td data-label="{label("Map")}">{{}}</td>\n'
        f'          <td data-label="{label("Conference groups")}">{{}}</td>\n'
        f'          <td data-label="{label("Sessions hosted")}" class="num">{{}}</td>\n'
        "          {}\n"
        f'          <td data-label="{label("Before and after 2025")}">{{}}</td>'
    )


def _groups(memberships) -> str:
    if not memberships:
        return unknown(gettext("none recorded"))
    items = format_html_join(
        "",
        '<li><a href="{}">{}</a>{}</li>',
        (
            (
                address("regions:region_detail", membership.region.slug),
                capfirst(membership.region.name),
                format_html(' <span class="basis-tag basis-inferred">{}</span>', Basis(membership.basis).label)
                if membership.basis == Basis.INFERRED
                else "",
            )
            for membership in memberships
        ),
    )
    return format_html('<ul class="groups">{}</ul>', items)


def _sessions_hosted(province) -> str:
    if not province.sessions_hosted:
        return "0"
    return format_html(
        '<a href="{}?host={}&amp;status=held">{}</a>',
        address("conferences:list"),
        province.slug,
        province.sessions_hosted,
    )


def _before_and_after(province) -> str:
    if province.successor:
        return format_html(
            '{} <a href="{}">{} (2025)</a>',
            gettext("became"),
            address("regions:province_detail", province.successor.slug),
            province.successor.name,
        )
    if province.predecessor_count:
        count = province.predecessor_count
        # As {% blocktranslate count %} writes it: the translation as is, the number escaped.
        words = ngettext("formed from %(counter)s pre-2025 unit", "formed from %(counter)s pre-2025 units", count)
        return words % {"counter": conditional_escape(count)}
    return not_stated()


@register.simple_tag
def rotation_list_cells(hosting):
    """``{% rotation_list_cells province.hosting %}``: when a unit last hosted, and what it is designated to
    host (``conferences.rotation.HostingSummary``)."""
    last = hosting.last
    return format_html(
        per_language("rotation_list_cells", _rotation_cells),
        format_html('<a href="{}">{}</a>', address("conferences:detail", last.slug), last.year) if last else "—",
        format_html(
            '<ul class="groups">{}</ul>',
            format_html_join("", "<li>{}</li>", ((_turn(turn),) for turn in hosting.designations)),
        )
        if hosting.designations
        else "—",
    )


def _rotation_cells() -> str:
    return (
        f'<td data-label="{label("Last hosted")}">{{}}</td>\n'
        f'          <td data-label="{label("Designated next host")}">{{}}</td>'
    )


def _turn(turn) -> str:
    """A designation: the session, marked when its time has passed with no report; or the group's next one."""
    session, group = turn.session, capfirst(turn.region.name)
    if session is None:
        return format_html(
            '<a href="{}">{}</a>, {}',
            address("regions:region_detail", turn.region.slug),
            group,
            gettext("the next session"),
        )
    return format_html(
        '<a href="{}">{}{} ({})</a>{}',
        address("conferences:detail", session.slug),
        group,
        f", {session.session_roman}" if session.session_number else "",
        session.year,
        format_html(' <span class="overdue">{}</span>', gettext("Announced, no report on record"))
        if session.overdue_today
        else "",
    )
