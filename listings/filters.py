"""The filters every list shares: a select written out fast, a choice by slug, a year or a range.

One FilterSet per list lives in its app's ``filters.py``; what they have in common is here.
"""

from collections.abc import Callable
from functools import partial

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.forms.models import ModelChoiceIterator
from django.utils.choices import BaseChoiceIterator
from django.utils.html import conditional_escape, escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_filters.fields import ModelChoiceField

from listings.fields import YearRangeField
from listings.widgets import written_attributes
from portal.per_load import for_this_load


class FastSelect(forms.Select):
    """Django's ``Select``, written out in Python: the same HTML, without a template render per option.

    The figures list's form offers every source and every session; rendering hundreds of options
    through ``select_option.html`` one by one cost more than all of the page's queries. Options are
    written straight from ``choices`` (as ``ChoiceWidget.optgroups`` selects them), and choices kept
    per load (``LoadedChoices``) keep their options written too: a page then only marks its chosen one.
    Choices with groups go through Django's own ``optgroups``.
    """

    def __init__(self, *args, option_lang: str = "", **kwargs):
        """``option_lang``: the language of the options' labels where it is not the page's (the
        sources' titles are Vietnamese on English pages too); the empty choice is the page's own."""
        super().__init__(*args, **kwargs)
        self.option_lang = option_lang

    def render(self, name, value, attrs=None, renderer=None):
        attributes = self.build_attrs(self.attrs, attrs)
        written = getattr(self.choices, "written", None)
        options = written(self._options) if written else self._options(self.choices)
        if options is None:
            return self._render_groups(name, value, attrs)
        selected = self._selected(options, self.format_value(value))
        return mark_safe(f'<select name="{escape(name)}"{written_attributes(attributes)}>{selected}\n</select>')

    def _options(self, choices) -> str | None:
        """Every option, none selected; None when the choices have groups."""
        html = []
        for option_value, option_label in choices:
            if isinstance(option_label, list | tuple):
                return None
            option_value = "" if option_value is None else str(option_value)
            lang = f' lang="{self.option_lang}"' if self.option_lang and option_value else ""
            html.append(
                f'\n  <option value="{escape(option_value)}"{lang}>{conditional_escape(option_label)}</option>\n'
            )
        return "".join(html)

    @staticmethod
    def _selected(options: str, values: list[str]) -> str:
        """``options`` with the first of them whose value is one of ``values`` selected (a single select:
        as ``ChoiceWidget.optgroups`` selects)."""
        found = [position for value in values if (position := options.find(f'<option value="{escape(value)}"')) != -1]
        if not found:
            return options
        end = options.index('"', options.index('value="', min(found)) + len('value="')) + 1
        return f"{options[:end]} selected{options[end:]}"

    def _render_groups(self, name, value, attrs):
        widget = self.get_context(name, value, attrs)["widget"]
        html = [f'<select name="{escape(widget["name"])}"{written_attributes(widget["attrs"])}>']
        for group_name, options, _index in widget["optgroups"]:
            if group_name:
                html.append(f'\n  <optgroup label="{conditional_escape(group_name)}">')
            for option in options:
                html.append(
                    f'\n  <option value="{escape(option["value"])}"{written_attributes(option["attrs"])}>'
                    f"{conditional_escape(option['label'])}</option>\n"
                )
            if group_name:
                html.append("\n  </optgroup>")
        html.append("\n</select>")
        return mark_safe("".join(html))


class _ChosenOnlyIterator(ModelChoiceIterator):
    """The empty choice ("All"), then the row the field's value found, if any: no query, however many rows."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        if self.field.chosen is not None:
            yield self.choice(self.field.chosen)

    def __len__(self):
        return (self.field.empty_label is not None) + (self.field.chosen is not None)

    def __bool__(self):
        return self.__len__() > 0


class ChosenOnlyField(ModelChoiceField):
    """A choice of one row among many, offering only the row chosen: for a filter that a page links to
    (the figures of one session, of one source) rather than one a reader picks from hundreds of options.

    The value is validated against the whole queryset (one query, only when a value is given); the
    select then offers "All" and that row, so the reader can see and remove the filter. The filter form
    leaves the field out when it has no value (``offers_chosen_only``).
    """

    iterator = _ChosenOnlyIterator
    offers_chosen_only = True
    chosen = None  # the row the value found: set on this form's copy of the field by to_python

    def to_python(self, value):
        self.chosen = super().to_python(value)
        return self.chosen


class ChosenOnlyFilter(django_filters.ModelChoiceFilter):
    field_class = ChosenOnlyField


class KeptRowsField(ModelChoiceField):
    """A choice of a row by its slug, found among the rows kept for this load (``kept_rows``, set by
    ``ChoicesPerLoad``) rather than by a query on every page; without them, by its queryset."""

    kept_rows: Callable[[], dict] | None = None  # {slug: row}

    def to_python(self, value):
        if self.kept_rows is None or not isinstance(value, str) or value in self.empty_values:
            return super().to_python(value)
        self.validate_no_null_characters(value)
        row = self.kept_rows().get(value)
        if row is None:
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice", params={"value": value})
        return row


class KeptRowsFilter(django_filters.ModelChoiceFilter):
    field_class = KeptRowsField


def slug_choice_filter(
    label,
    field_name: str,
    *,
    queryset=None,
    choices=None,
    to_field_name: str = "slug",
    option_lang: str = "",
    chosen_only: bool = False,
    **kwargs,
) -> django_filters.Filter:
    """A filter choosing one value from a list, in the query string by its slug: a row of ``queryset`` by
    ``to_field_name`` (an indicator by its ``code``), "All" first; else one of ``choices`` (a model's
    ``TextChoices``). Rendered by ``FastSelect`` (``option_lang``: as there); ``chosen_only``: the select
    offers only the row chosen (``ChosenOnlyField``). Every list's select filter is one of these; other
    keywords (``method``) go to the filter."""
    widget = FastSelect(option_lang=option_lang) if option_lang else FastSelect
    if queryset is not None:
        return (ChosenOnlyFilter if chosen_only else KeptRowsFilter)(
            widget=widget,
            label=label,
            field_name=field_name,
            to_field_name=to_field_name,
            queryset=queryset,
            empty_label=_("All"),
            **kwargs,
        )
    return django_filters.ChoiceFilter(
        widget=widget, label=label, field_name=field_name, lookup_expr="exact", choices=choices, **kwargs
    )


class FormClassPerFilterSet:
    """A FilterSet mixin: the form's class is made once per FilterSet class, not once per request.

    django-filter makes it for each FilterSet it binds: a form field from every filter, then a new class
    through the form's metaclass, about 0.7 ms of a list page's 20 ms. Those fields depend only on the
    FilterSet's declaration (their labels and choices are lazy, translated when written), and every form
    works on its own copies of them (``BaseForm.__init__``), so one class serves every request. A FilterSet
    with a filter whose queryset is made from the request (django-filter's callable ``queryset``) keeps
    making a class per request. A filter still makes its own field if anything asks it for one.
    """

    def get_form_class(self):
        form_class = type(self).__dict__.get("_form_class")
        if form_class is None:  # two threads may both make it: either class is the same
            form_class = super().get_form_class()
            if not any(callable(getattr(a_filter, "queryset", None)) for a_filter in self.filters.values()):
                type(self)._form_class = form_class
        return form_class


class ChoicesPerLoad:
    """A FilterSet mixin: its selects of rows (a group, a province, an indicator) are read once per load
    (``portal.per_load``), not on every page: their options, labelled in each language, only when a page
    writes them out (an export or the API validates its filters without them), and the rows a chosen
    value is looked up in (``KeptRowsField``), only when a value is given.

    A select offering only its chosen row (``ChosenOnlyField``) keeps nothing: it looks its one row up
    in its queryset, and has nothing else to write out."""

    @property
    def form(self):
        if not hasattr(self, "_form"):
            form = super().form
            for name, field in form.fields.items():
                if isinstance(field, forms.ModelChoiceField) and not getattr(field, "offers_chosen_only", False):
                    key = ("choices", type(self).__qualname__, name, get_language())
                    # Set as ``ModelChoiceField`` keeps choices set by hand: django-filters' setter would
                    # wrap them in its iterator over the queryset again.
                    field._choices = field.widget.choices = LoadedChoices(self.request, key, field)
                if isinstance(field, KeptRowsField):
                    key = ("rows", type(self).__qualname__, name)
                    field.kept_rows = partial(for_this_load, self.request, key, partial(rows_by_slug, field))
        return self._form


def rows_by_slug(field: forms.ModelChoiceField) -> dict:
    """The rows ``field`` chooses from, by the value that names them in the query string."""
    return {str(getattr(row, field.to_field_name or "pk")): row for row in field.queryset}


class LoadedChoices(BaseChoiceIterator):
    """A field's choices as plain (value, label) strings, read from its queryset once per load: lazily,
    as Django's own iterator of a queryset's choices (a ``BaseChoiceIterator``, which is not read when set)."""

    def __init__(self, request, key: tuple, field: forms.ModelChoiceField):
        self.request = request
        self.key = key
        self.field = field
        self.choices = None  # read at most once per request, even without a load to keep them for

    def __iter__(self):
        if self.choices is None:
            self.choices = for_this_load(self.request, self.key, self._read)
        return iter(self.choices)

    def written(self, write):
        """``write(self)``, the options as the widget writes them (``FastSelect``), kept for this load too."""
        return for_this_load(self.request, (*self.key, "written"), lambda: write(self))

    def _read(self) -> list[tuple[str, str]]:
        return [(str(value), str(label)) for value, label in self.field.iterator(self.field)]


class YearRangeFilter(django_filters.Filter):
    field_class = YearRangeField

    def filter(self, qs, value):
        if not value:
            return qs
        first, last = value
        return qs.filter(**{f"{self.field_name}__gte": first, f"{self.field_name}__lte": last})
