"""``{% session_label %}``: how every page names a session within its group, in both languages."""

import pytest
from django.template import Context, Template
from django.utils import translation

from conferences.models import Conference

NUMBERED = Conference(year=2024, session_number=10)
UNNUMBERED = Conference(year=2016, session_number=None)


def render(arguments: str, conference: Conference, language: str = "en") -> str:
    template = Template("{% load sessions %}{% session_label conference " + arguments + " %}")
    with translation.override(language):
        return template.render(Context({"conference": conference}))


@pytest.mark.parametrize(
    ("arguments", "numbered", "unnumbered"),
    [
        ("", "Session X", '<span class="unknown">number not stated</span>'),
        ("marked=False", "Session X", "number not stated"),
        ('after=", "', "Session X, ", ""),
        ('after=" "', "Session X ", ""),
        ("otherwise=conference.year", "Session X", "2016"),
    ],
)
def test_a_numbered_session_and_one_without_a_number(arguments, numbered, unnumbered):
    assert render(arguments, NUMBERED) == numbered
    assert render(arguments, UNNUMBERED) == unnumbered


def test_in_vietnamese():
    assert render("", NUMBERED, "vi") == "Lần thứ X"
    assert render("", UNNUMBERED, "vi") == '<span class="unknown">nguồn không nêu lần thứ</span>'
    assert render('after=", "', NUMBERED, "vi") == "Lần thứ X, "


def test_it_writes_what_the_blocktranslate_it_replaces_wrote():
    old = Template(
        "{% load i18n %}{% if conference.session_number %}{% blocktranslate with session=conference.session_roman %}"
        'Session {{ session }}{% endblocktranslate %}{% else %}<span class="unknown">'
        '{% translate "number not stated" %}</span>{% endif %}'
    )
    for language in ("vi", "en"):
        for conference in (NUMBERED, UNNUMBERED, Conference(year=2030, session_number=1)):
            with translation.override(language):
                expected = old.render(Context({"conference": conference}))
            assert render("", conference, language) == expected
