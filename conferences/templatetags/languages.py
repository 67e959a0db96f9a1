from django import template
from django.urls import reverse, translate_url
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme

register = template.Library()


@register.simple_tag(takes_context=True)
def same_page_in(context, language_code, absolute=False):
    """This page's URL, query string included, in another language: the switch keeps the reader's place.

    Only a page this site serves has a counterpart. On an error page the path is whatever the client
    sent ("/%2Fevil.com/" reads as "//evil.com/", which a browser takes for another site), so the link
    goes to the other language's home page instead; and any link built from the path must stay on
    this site. ``absolute`` gives the full address, as hreflang links want it: the checked path on
    this request's own (allowed) host.
    """
    request = context["request"]
    url = None
    if request.resolver_match is not None:
        translated = translate_url(request.get_full_path(), language_code)
        if translated.startswith("/") and url_has_allowed_host_and_scheme(translated, allowed_hosts=None):
            url = translated
    if url is None:
        with translation.override(language_code):
            url = reverse("conferences:home")
    return request.build_absolute_uri(url) if absolute else url
