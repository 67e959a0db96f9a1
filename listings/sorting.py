"""The lists' ``sort`` parameter: a comma list of keys, each optionally prefixed with "-".

django-filter's ``OrderingFilter`` passes every item of the list to ``order_by``, so an empty item
(``sort=,`` or ``sort=name,``, as a hand-edited address easily has) became ``order_by("")`` and a
server error. ``SortFilter`` reads the list the way a person means it: empty items are ignored, a key
given twice counts once (its first direction wins), and nothing left means the list's default order.
Subclasses say how a key orders the rows in ``order``.
"""

import django_filters


def clean_sort_keys(value) -> list[str]:
    """The keys of a cleaned ``sort`` value, without empty items or repeats: ``["-year", "region"]``."""
    keys, seen = [], set()
    for param in value or []:
        name = param.lstrip("-")
        if name and name not in seen:
            seen.add(name)
            keys.append(param)
    return keys


class SortFilter(django_filters.OrderingFilter):
    def filter(self, qs, value):
        keys = clean_sort_keys(value)
        return self.order(qs, keys) if keys else qs

    def order(self, qs, keys: list[str]):
        """Order by the fields behind ``keys``; the model's default order, then the key, breaks ties."""
        fields = [self.get_ordering_value(key) for key in keys]
        chosen = {field.lstrip("-") for field in fields}
        tie_break = [field for field in (*qs.model._meta.ordering, "pk") if field.lstrip("-") not in chosen]
        return qs.order_by(*fields, *tie_break)
