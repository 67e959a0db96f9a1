"""How the pages name a session within its group: "Session X" ("Lần thứ X"), or what stands in for an
unknown number. Every template that names a session by its number uses ``{% session_label %}``. Also
what the row tags write of a session's date and host (``session_date``, ``session_host``), and "not
stated" where a fact is missing."""

from django import template
from django.template.base import render_value_in_context
from django.utils.formats import date_format
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from conferences.models import Conference
from conferences.templatetags.detail_rows import address, province_link
from conferences.templatetags.figures import unknown
from portal.html_format import format_html

register = template.Library()


def not_stated() -> str:
    """What a row writes where its source states nothing."""
    return unknown(gettext("not stated"))


def session_date(conference) -> str:
    """A session's date as a ``<time>``, or "not stated"."""
    if not conference.date:
        return not_stated()
    return format_html(
        '<time datetime="{}">{}</time>',
        date_format(conference.date, "Y-m-d"),
        date_format(conference.date, "SHORT_DATE_FORMAT"),
    )


def session_host(conference) -> str:
    """A session's host as a link, marked when the sources name only where it was held; or "not stated"."""
    if not conference.host:
        return not_stated()
    host = province_link(conference.host)
    if conference.host_basis == Conference.HostBasis.VENUE:
        host += format_html(' <span class="basis">({})</span>', gettext("where it was held"))
    return host


@register.simple_tag
def session_link(conference):
    """``{% session_link conference %}``: the session's label (``session_label``), linked to its page."""
    return format_html(
        '<a href="{}">{}</a>', address("conferences:detail", conference.slug), session_label(None, conference)
    )


@register.simple_tag(takes_context=True)
def session_label(context, conference, after="", otherwise=None, marked=True):
    """``{% session_label conference %}``: "Session X" when the session's number is known, else "number
    not stated", marked unknown (``marked=False``: the words alone).

    - ``after=", "``: the label followed by ``after`` when the number is known, and nothing when not
      (the year or the group follows);
    - ``otherwise=conference.year``: that value when the number is not known.
    """
    if conference.session_number:
        # As {% blocktranslate %} writes it: the translation as is, the value escaped.
        label = gettext("Session %(session)s") % {"session": conditional_escape(conference.session_roman)}
        return mark_safe(label + conditional_escape(after))
    if after:
        return ""
    if otherwise is not None:
        return render_value_in_context(otherwise, context)
    if not marked:
        return conditional_escape(gettext("number not stated"))
    return unknown(gettext("number not stated"))
