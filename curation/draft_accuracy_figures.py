"""How a drafted figure is scored against its key figure.

Matching. A drafted figure and a key figure are the same figure when their numbers sit at the same
place in the article: the first occurrence of the figure's quote, then its clause, then its
``value_as_written``, then that text's first digit. So a figure drafted with a wrong value, unit or
sign still meets its key figure and is scored field by field. Figures left unmatched that way are then
paired on the same absolute value and unit (ties go to the candidate agreeing on most other fields).
Each key figure is matched at most once.

Fields. For each of value (exact, with its sign), unit, period (start/end, or the date of a level),
scope, province, indicator, qualifier, growth (growth_pct), sign (for figures whose value is signed
by the text: negative, or written after a sign word; only the value's sign is compared) and plan share
(plan_share_pct):
- precision: of the drafted figures that give the field, how many give the key's value for it (a
  drafted figure that matches no key figure gives every field it has wrongly);
- recall: of the key figures that have the field, how many a matched draft gives right.
Figure recall counts key figures whose matched draft has value, unit, period, scope and province all
right. A figure is wrong as certain when the draft gives it without any TODO and it matches no key
figure, or has any of those five fields wrong: the one thing drafting must never do.
"""

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from curation.draft_accuracy_score import FIELDS, STRICT, Score
from vietnamese.folding import fold
from vietnamese.numbers import SIGN_WORDS

_SIGN_WORD = re.compile("|".join(word.replace(" ", r"\s+") for word in SIGN_WORDS) + r"\s", re.IGNORECASE)


@dataclass
class Figure:
    """The fields of a figure that are scored, read alike from a key and from a draft."""

    id: str
    position: int | None
    values: dict  # field name -> comparable value, None when the figure does not give it
    certain: bool = True
    written: str = ""


def figure_of(fields: dict, text: str, *, certain: bool = True) -> Figure:
    value = _decimal(fields.get("value"))
    written = str(fields.get("value_as_written") or "")
    signed = value is not None and (value < 0 or bool(_SIGN_WORD.match(written)))
    province = fields.get("province") or ""
    values = {
        "value": value,
        "unit": fields.get("unit") or None,
        "period": (fields.get("period") or "", fields.get("as_of") or "")
        if (fields.get("period") or fields.get("as_of"))
        else None,
        "scope": fields.get("scope") or None,
        "province": fold(province) if province else None,
        "indicator": fields.get("indicator") or None,
        "qualifier": fields.get("qualifier") or None,
        "growth": _decimal(fields.get("growth_pct")),
        "sign": (-1 if value < 0 else 1) if signed else None,
        "plan share": _decimal(fields.get("plan_share_pct")),
    }
    unit = f" {fields.get('unit')}" if fields.get("unit") else ""
    return Figure(
        id=str(fields.get("id", "")),
        position=number_position(fields, text),
        values=values,
        certain=certain,
        written=f"{written or fields.get('value')}{unit}",
    )


def number_position(fields: dict, text: str) -> int | None:
    """Where in ``text`` the figure's number starts: quote, then clause, then value as written."""
    quote, written = str(fields.get("quote") or ""), str(fields.get("value_as_written") or "")
    clause = str(fields.get("clause") or "") or quote
    start = text.find(quote) if quote else -1
    inside = quote.find(clause)
    if start == -1 or inside == -1 or not written:
        return None
    offset = clause.find(written)
    digit = re.search(r"\d", written)
    if offset == -1 or digit is None:
        return None
    return start + inside + offset + digit.start()


def match(drafted: list[Figure], keyed: list[Figure]) -> list[tuple[Figure, Figure | None]]:
    """Each drafted figure with its key figure, or None (see the module docstring)."""
    free = list(keyed)
    pairs: dict[int, Figure] = {}
    for index, figure in enumerate(drafted):
        same_place = next((k for k in free if figure.position is not None and k.position == figure.position), None)
        if same_place is not None:
            pairs[index] = same_place
            free.remove(same_place)
    for index, figure in enumerate(drafted):
        if index in pairs:
            continue
        candidates = [k for k in free if _same_amount(figure, k)]
        if candidates:
            best = max(candidates, key=lambda k: sum(_agrees(figure, k, name) for name in FIELDS))
            pairs[index] = best
            free.remove(best)
    return [(figure, pairs.get(index)) for index, figure in enumerate(drafted)]


def score_figures(drafted: list[Figure], keyed: list[Figure], score: Score):
    score.key_figures += len(keyed)
    score.drafted += len(drafted)
    pairs = match(drafted, keyed)
    matched = {id(key): figure for figure, key in pairs if key is not None}
    for figure, key in pairs:
        for name in FIELDS:
            if figure.values[name] is not None:
                score.precision[name].add(key is not None and _agrees(figure, key, name))
        wrong = [name for name in STRICT if key is None or not _agrees(figure, key, name)]
        if key is None:
            score.failures.append(f"drafted {figure.id} ({figure.written}) is no key figure" + _certainty(figure))
        else:
            score.matched += 1
            if differing := [name for name in FIELDS if not _agrees(figure, key, name)]:
                details = "; ".join(f"{name} {_show(figure, name)} ≠ {_show(key, name)}" for name in differing)
                score.failures.append(f"{key.id}: {details}" + (_certainty(figure) if wrong else ""))
        if wrong and figure.certain:
            score.wrong_as_certain += 1
    for key in keyed:
        figure = matched.get(id(key))
        for name in FIELDS:
            if key.values[name] is not None:
                score.recall[name].add(figure is not None and _agrees(figure, key, name))
        score.figures_right.add(figure is not None and all(_agrees(figure, key, name) for name in STRICT))
        if figure is None:
            score.failures.append(f"{key.id} ({key.written}) was not drafted")


def _agrees(figure: Figure, key: Figure, name: str) -> bool:
    if name == "sign":  # "9,6%" and "tăng 9,6%" are both positive: only the sign of the value counts
        return _signum(figure) == _signum(key)
    return figure.values[name] == key.values[name]


def _signum(figure: Figure) -> int | None:
    value = figure.values["value"]
    return None if value is None else -1 if value < 0 else 1


def _same_amount(figure: Figure, key: Figure) -> bool:
    ours, theirs = figure.values["value"], key.values["value"]
    return ours is not None and theirs is not None and abs(ours) == abs(theirs) and _agrees(figure, key, "unit")


def _show(figure: Figure, name: str) -> str:
    value = figure.values[name]
    if name == "sign" and _signum(figure) is not None:
        return "−" if _signum(figure) == -1 else "+"
    if value is None:
        return "(none)"
    if name == "period":
        return value[0] or f"as of {value[1]}"
    return format(value, "f") if isinstance(value, Decimal) else str(value)


def _certainty(figure: Figure) -> str:
    return " [WRONG AS CERTAIN]" if figure.certain else " [flagged with a TODO]"


def _decimal(value) -> Decimal | None:
    if value in (None, ""):
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None
