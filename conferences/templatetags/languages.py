from django import template
from django.urls import NoReverseMatch, reverse
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
    found = request.__dict__.setdefault("_same_page_in", {})  # a page links each language two or three times
    if language_code not in found:
        found[language_code] = _counterpart(request, language_code)
    url = found[language_code]
    return request.build_absolute_uri(url) if absolute else url


def _counterpart(request, language_code: str) -> str:
    """What Django's ``translate_url`` gives for this request's address, from the view the request was
    resolved to rather than by resolving its path again (a quarter of a millisecond a link); the
    other language's home page when there is none, or when it would leave this site."""
    match = request.resolver_match
    if match is not None:
        full_path = request.get_full_path()
        name = f"{match.namespace}:{match.url_name}" if match.namespace else match.url_name
        with translation.override(language_code):
            try:
                path = reverse(name, args=match.args, kwargs=match.kwargs)
            except NoReverseMatch:
                translated = full_path
            else:
                query = full_path.partition("?")[2]
                translated = f"{path}?{query}" if query else path
        if translated.startswith("/") and url_has_allowed_host_and_scheme(translated, allowed_hosts=None):
            return translated
    with translation.override(language_code):
        return reverse("conferences:home")
