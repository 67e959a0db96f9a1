"""Form fields for what people type in a list's query string: a year or a range, a session number."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from listings.widgets import FastTextInput
from vietnamese.errors import ParseError
from vietnamese.roman import parse_session

# ASCII digits only, the whole value: the API schema publishes this very pattern (``api.schema``).
YEAR_RANGE_BODY = r"\s*([0-9]{4})\s*(?:[-–—]\s*([0-9]{4})\s*)?"
YEAR_RANGE = re.compile(YEAR_RANGE_BODY)
FIRST_YEAR, LAST_YEAR = 1990, 2100


class YearRangeField(forms.CharField):
    """ "2024" or "2022-2024" → (first, last)."""

    widget = FastTextInput

    default_error_messages = {
        "invalid": _("Enter a year (2024) or a range of years (2022-2024)."),
        "order": _("The range must run from the earlier year to the later one."),
    }

    def __init__(self, **kwargs):
        super().__init__(max_length=20, **kwargs)

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        match = YEAR_RANGE.fullmatch(value)
        if not match:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        first = int(match.group(1))
        last = int(match.group(2) or first)
        if not (FIRST_YEAR <= first <= LAST_YEAR and FIRST_YEAR <= last <= LAST_YEAR):
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        if first > last:
            raise forms.ValidationError(self.error_messages["order"], code="order")
        return first, last


class SessionField(forms.CharField):
    """ "10", "X" or "lần thứ X" → 10."""

    widget = FastTextInput

    default_error_messages = {
        "invalid": _("Enter a session number: 10, X or “lần thứ X”."),
    }

    def __init__(self, **kwargs):
        super().__init__(max_length=30, **kwargs)

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        try:
            return parse_session(value)
        except ParseError:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None
