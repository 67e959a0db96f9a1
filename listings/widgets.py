"""Form widgets written out in Python: the same HTML as Django's templates for them, without a template
render per widget (a list page's filter form has a few on every page)."""

from django import forms
from django.utils.html import escape
from django.utils.safestring import mark_safe


def written_attributes(attrs: dict) -> str:
    """A widget's attributes as ``django/forms/widgets/attrs.html`` writes them."""
    return "".join(
        f" {name}" if value is True else f' {name}="{escape(value)}"'
        for name, value in attrs.items()
        if value is not False
    )


class FastTextInput(forms.TextInput):
    """Django's ``TextInput``, written as ``django/forms/widgets/input.html`` writes it."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        written = "" if widget["value"] is None else f' value="{escape(widget["value"])}"'
        return mark_safe(
            f'<input type="{escape(widget["type"])}" name="{escape(widget["name"])}"{written}'
            f"{written_attributes(widget['attrs'])}>"
        )
