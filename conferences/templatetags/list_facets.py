"""A list's facets (``listings.facets``): each facet's values as links with their counts, written by one tag
instead of a template looping over its values (``detail_rows`` says why): the figures list shows six facets
and up to a hundred values on every page."""

from django import template
from django.utils.formats import localize
from django.utils.safestring import mark_safe
from django.utils.text import capfirst

from portal.html_format import format_html, format_html_join

register = template.Library()

SELECTED = mark_safe(' aria-current="true" class="selected"')


@register.simple_tag
def facet(values, legend):
    """``{% facet facets.region legend %}``: one facet's ``FacetValue`` list as a fieldset of links, each
    with the count choosing it would give; nothing but the lines around it when it has no values."""
    if not values:
        return "\n\n"
    links = format_html_join(
        "",
        '\n    <li><a href="?{}"{}>{}</a> <span class="count">({})</span></li>\n    ',
        (
            (value.query, SELECTED if value.selected else "", capfirst(value.label), localize(value.count))
            for value in values
        ),
    )
    return format_html(
        '\n\n<fieldset class="facet">\n  <legend>{}</legend>\n  <ul>\n    {}\n  </ul>\n</fieldset>\n\n', legend, links
    )
