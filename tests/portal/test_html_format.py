"""portal.html_format writes what Django's format_html and format_html_join write."""

from decimal import Decimal

import pytest
from django.utils import html as django_html
from django.utils.safestring import SafeData, mark_safe
from django.utils.translation import gettext_lazy, override

from portal.html_format import escaped, format_html, format_html_join


class Marked:
    """An object that writes its own HTML."""

    def __html__(self):
        return "<b>own</b>"


VALUES = [
    "plain",
    "<script>alert('x')</script> & \"quotes\"",
    mark_safe("<em>safe</em>"),
    gettext_lazy("Figures"),
    mark_safe(gettext_lazy("Figures")),
    42,
    Decimal("-1.50"),
    None,
    Marked(),
    "",
    "{braces}",
]


@pytest.mark.parametrize("value", VALUES, ids=repr)
def test_a_value_is_written_as_django_writes_it(value):
    with override("vi"):
        ours = format_html('<a title="{}">{}</a>', value, value)
        django = django_html.format_html('<a title="{}">{}</a>', value, value)
    assert ours == django
    assert isinstance(ours, SafeData)
    assert escaped(value) == django_html.conditional_escape(value)


def test_escaping_changes_what_needs_it():
    assert format_html("<p>{}</p>", "a < b & c") == "<p>a &lt; b &amp; c</p>"
    assert format_html("<p>{}</p>", mark_safe("<br>")) == "<p><br></p>"


def test_a_join_is_written_as_django_writes_it():
    rows = [("a<", 1), (mark_safe("<i>b</i>"), None), (gettext_lazy("Figures"), Marked())]
    for separator in (", ", mark_safe("<br>"), "<&>"):
        ours = format_html_join(separator, "<li>{}: {}</li>", rows)
        assert ours == django_html.format_html_join(separator, "<li>{}: {}</li>", rows)
        assert isinstance(ours, SafeData)
    assert format_html_join(", ", "{}", iter([])) == ""
