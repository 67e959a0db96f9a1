"""Widgets written in Python (listings/widgets.py) write what Django's templates for them write."""

import pytest
from django import forms

from listings.fields import SessionField, YearRangeField
from listings.search_filter import SearchFilter
from listings.widgets import FastTextInput


@pytest.mark.parametrize("value", [None, "", "2022-2024", '"Hà" & <Nội>', 2024])
@pytest.mark.parametrize("attrs", [None, {"maxlength": "20"}, {"id": 'id_"q"', "required": True, "disabled": False}])
def test_a_text_input_is_djangos(value, attrs):
    assert FastTextInput(attrs=attrs).render("q", value) == forms.TextInput(attrs=attrs).render("q", value)


def test_the_lists_text_fields_are_written_fast():
    for field in (YearRangeField(), SessionField(), SearchFilter().field):
        assert isinstance(field.widget, FastTextInput)
        html = field.widget.render("name", "a&b", attrs=field.widget_attrs(field.widget))
        assert html == forms.TextInput(attrs=field.widget_attrs(field.widget)).render("name", "a&b")
        assert 'maxlength="' in html
