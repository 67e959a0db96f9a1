"""How the pages name a session within its group: "Session X" ("Lần thứ X"), or what stands in for an
unknown number. Every template that names a session by its number uses ``{% session_label %}``."""

from django import template
from django.template.base import render_value_in_context
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

register = template.Library()


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
    return format_html('<span class="unknown">{}</span>', gettext("number not stated"))
