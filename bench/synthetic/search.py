"""The synthetic figures' search columns, equal to ``SearchableModel.search_columns()``, made fast.

Normalising text made of pieces joined at a non-letter gives the pieces' normal forms joined by a
space, so a quote is built from pieces (``Text``) and each distinct piece is normalised once.
"""

from collections.abc import Callable
from functools import lru_cache
from types import SimpleNamespace

from listings.search import normalise


@lru_cache(maxsize=200_000)
def normal(text: str) -> str:
    return normalise(text)


class Text:
    """A sentence built from pieces, with its normal form built from the pieces' (see the module doc)."""

    __slots__ = ("parts",)

    def __init__(self):
        self.parts: list[str] = []

    def add(self, *parts: str) -> "Text":
        self.parts.extend(parts)
        return self

    def __str__(self):
        return "".join(self.parts)

    def normalised(self) -> str:
        return " ".join(text for text in map(normal, self.parts) if text)


def _fields(texts) -> str:
    return "|" + "|".join(text for text in texts if text) + "|"


class SearchColumns:
    """The search columns of a figure not yet saved, exactly as ``SearchableModel.search_columns`` makes them.

    The model's own ``search_names`` and ``search_extra`` say which texts go in (called on a stand-in with
    the row's values and its related objects), so a change to them is followed here. Each text is
    normalised once and remembered; the quote, which differs for every figure, is normalised from the
    pieces it was built from (``Text``).
    """

    def __init__(self, model, related: dict[str, Callable[[dict], object]]):
        self.model = model
        self.related = related  # attribute → the related object for a row's values

    def __call__(self, values: dict, quote: Text) -> tuple[str, str]:
        row = SimpleNamespace(**values, **{name: find(values) for name, find in self.related.items()})
        names = [normal(name) for name in self.model.search_names(row) if name]
        extra = [
            quote.normalised() if text is values["quote"] else normal(text)
            for text in self.model.search_extra(row)
            if text
        ]
        return _fields(names), _fields([*names, *extra])
