from django import template
from django.urls import translate_url

register = template.Library()


@register.simple_tag(takes_context=True)
def same_page_in(context, language_code):
    """This page's URL, query string included, in another language: the switch keeps the reader's place."""
    return translate_url(context["request"].get_full_path(), language_code)
