"""Vietnamese words on a page in the page's language: titles and organisers through the glossary,
periods from their dates, and whatever stays Vietnamese marked ``lang="vi"`` for screen readers."""

from functools import lru_cache

from django import template
from django.conf import settings

from conferences import figure_display
from conferences.presentation import is_english
from portal.html_format import format_html
from vietnamese.glossary import Glossary

register = template.Library()
GLOSSARY = "glossary-vi-en.csv"


@lru_cache(maxsize=1)
def glossary() -> Glossary:
    return Glossary.read(settings.FIXTURE_DIRS[0] / "reference" / GLOSSARY)


def _beside_the_original(english: str, vietnamese: str):
    return format_html('{} <span class="as-written" lang="vi">({})</span>', english, vietnamese)


@register.filter
def term(text):
    """``{{ official.title|term }}``: on English pages the glossary's rendering with the original beside
    it, or the original alone, marked Vietnamese, when the glossary does not hold it."""
    if not text or not is_english():
        return text
    english = glossary().english(text)
    if english is None:
        return format_html('<span lang="vi">{}</span>', text)
    return _beside_the_original(english, text)


@register.filter
def period(report):
    """``{{ report|period }}``: the period as written on Vietnamese pages; on English pages in words from
    its dates ("first 6 months of 2024"), with the words as written beside them."""
    if not is_english():
        return report.period_label
    return _beside_the_original(figure_display.period_description(report), report.period_label)
