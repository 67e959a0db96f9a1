"""How good the drafts are: each article's draft against its reviewed annotation (its "key").

Three sets are measured separately: the five curated articles of ``fixtures/`` (the rules were written
against them), the tuning set of the test corpus (``tests/curation/corpus/tuning/``) and, once it is
added, its held-back set (``tests/curation/corpus/holdout/``). Every article is drafted as a new one
would be: against the real reference data and the sessions the built fixtures hold.

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

Sessions. For each conference in a key (matched to the drafted one by slug, else by group, year and
kind), the date, session number, host, chairs and next host the key states are compared with the
draft's (places by their folded names, chairs with spaces, case and end punctuation normalised).
A field the draft states but the key leaves empty is an invention, listed with the failures.
"""

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from curation.annotations import read_annotation
from curation.corpus import answer_key, corpus_articles
from curation.draft import Draft, draft_text
from curation.draft_known import KnownData, read_known
from curation.reference import Reference, read_reference
from vietnamese.errors import ParseError
from vietnamese.folding import fold
from vietnamese.numbers import SIGN_WORDS
from vietnamese.roman import parse_session

FIELDS = ("value", "unit", "period", "scope", "province", "indicator", "qualifier", "growth", "sign", "plan share")
STRICT = ("value", "unit", "period", "scope", "province")  # a figure is right only with all of these
SESSION_FIELDS = ("date", "number", "host", "chairs", "next host")
_SIGN_WORD = re.compile("|".join(word.replace(" ", r"\s+") for word in SIGN_WORDS) + r"\s", re.IGNORECASE)


@dataclass(frozen=True)
class KeyedArticle:
    text_path: Path
    key_path: Path


@dataclass
class Tally:
    right: int = 0
    total: int = 0

    def add(self, right: bool):
        self.right += bool(right)
        self.total += 1

    def __str__(self) -> str:
        share = f"{self.right / self.total:.0%}" if self.total else "-"
        return f"{self.right}/{self.total} ({share})"


@dataclass
class Score:
    """One set of articles, or one article."""

    name: str
    key_figures: int = 0
    drafted: int = 0
    matched: int = 0
    precision: dict[str, Tally] = field(default_factory=lambda: {name: Tally() for name in FIELDS})
    recall: dict[str, Tally] = field(default_factory=lambda: {name: Tally() for name in FIELDS})
    figures_right: Tally = field(default_factory=Tally)
    wrong_as_certain: int = 0
    sessions: Tally = field(default_factory=Tally)
    failures: list[str] = field(default_factory=list)

    def absorb(self, other: "Score"):
        for name in ("key_figures", "drafted", "matched", "wrong_as_certain"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for mine, theirs in ((self.precision, other.precision), (self.recall, other.recall)):
            for name in FIELDS:
                mine[name].right += theirs[name].right
                mine[name].total += theirs[name].total
        for mine, theirs in ((self.figures_right, other.figures_right), (self.sessions, other.sessions)):
            mine.right += theirs.right
            mine.total += theirs.total
        self.failures += [f"{other.name}: {failure}" for failure in other.failures]


# Figures ------------------------------------------------------------------------------------------


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


# Sessions -----------------------------------------------------------------------------------------


def score_sessions(drafted: list[dict], keyed: list[dict], score: Score):
    for key in keyed:
        draft = next((d for d in drafted if d.get("slug") == key["slug"]), None) or next(
            (d for d in drafted if _same_session(d, key)), {}
        )
        for name in SESSION_FIELDS:
            ours, theirs = _session_field(draft, name), _session_field(key, name)
            if theirs:
                score.sessions.add(ours == theirs)
                if ours != theirs:
                    score.failures.append(f"session {key['slug']}: {name} {ours or '(none)'!r} ≠ {theirs!r}")
            elif ours:
                score.failures.append(f"session {key['slug']}: {name} {ours!r} drafted, the text states none")


def _same_session(draft: dict, key: dict) -> bool:
    return all(draft.get(name) == key[name] for name in ("region", "year", "kind"))


def _session_field(conference: dict, name: str) -> str:
    if name == "date":
        return str(conference.get("date") or "")
    if name == "number":
        try:
            return str(parse_session(conference.get("session") or ""))
        except ParseError:
            return ""
    if name in ("host", "next host"):
        place = conference.get(name.replace(" ", "_")) or ""
        return fold(place) if place else ""
    chairs = " ".join(unicodedata.normalize("NFC", str(conference.get("chairs") or "")).split())
    return chairs.strip(" .;,:").lower()


# Articles and sets --------------------------------------------------------------------------------


def score_article(article: KeyedArticle, reference: Reference, known: KnownData) -> tuple[Score, Draft]:
    raw = article.text_path.read_text(encoding="utf-8")
    draft = draft_text(raw, name=article.text_path.name, reference=reference, known=known)
    key = read_annotation(article.key_path)
    score = Score(article.text_path.stem)
    keyed = [figure_of(vars(entry), draft.text) for entry in key.figures]
    drafted = [figure_of(entry.fields, draft.text, certain=not entry.has_todo) for entry in draft.figures]
    score_figures(drafted, keyed, score)
    score_sessions([entry.fields for entry in draft.conferences], [vars(entry) for entry in key.conferences], score)
    return score, draft


def score_set(name: str, articles: list[KeyedArticle], reference: Reference, known: KnownData) -> tuple[Score, Counter]:
    total, todos = Score(name), Counter()
    for article in articles:
        score, draft = score_article(article, reference, known)
        total.absorb(score)
        for entry in draft.entries:
            todos[(entry.table, entry.has_todo)] += 1
    return total, todos


def article_sets(fixtures_dir: Path, corpus_dir: Path) -> list[tuple[str, list[KeyedArticle]]]:
    """The five curated articles, the corpus tuning set, and the held-back set where it exists."""
    curated = [
        KeyedArticle(path, fixtures_dir / "annotations" / f"{path.stem}.toml")
        for path in sorted((fixtures_dir / "sources").glob("*.txt"))
    ]
    sets = [(f"curated articles ({fixtures_dir.name}/)", curated)]
    for folder, label in (("tuning", "corpus tuning set"), ("holdout", "corpus held-back set")):
        if (corpus_dir / folder).is_dir():
            articles = [KeyedArticle(path, answer_key(path)) for path in corpus_articles(corpus_dir / folder)]
            sets.append((f"{label} ({folder}/)", articles))
    return sets


def report(fixtures_dir: Path, corpus_dir: Path) -> str:
    reference, known = read_reference(fixtures_dir / "reference"), read_known(fixtures_dir)
    sections = []
    for name, articles in article_sets(fixtures_dir, corpus_dir):
        score, todos = score_set(name, articles, reference, known)
        sections.append(render(score, todos, len(articles)))
    return "\n\n".join(sections)


def render(score: Score, todos: Counter, articles: int) -> str:
    lines = [
        f"== {score.name}: {articles} articles ==",
        f"Figures: {score.key_figures} in the keys, {score.drafted} drafted, {score.matched} matched",
        f"Figure recall (value, unit, period, scope and province all right): {score.figures_right}",
        f"Figures wrong as certain: {score.wrong_as_certain}",
        f"Session fields right: {score.sessions}",
        "",
        table(score),
        "",
        "Drafted entries with a TODO: "
        + ", ".join(
            f"{todos[(kind, True)]}/{todos[(kind, True)] + todos[(kind, False)]} {kind}"
            for kind in ("source", "conference", "figure", "not_a_figure")
        ),
        f"What failed ({len(score.failures)}):",
        *(f"  {failure}" for failure in score.failures),
    ]
    return "\n".join(lines)


def table(score: Score) -> str:
    rows = [("field", "precision", "recall")]
    rows += [(name, str(score.precision[name]), str(score.recall[name])) for name in FIELDS]
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    lines = [
        "| " + " | ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)) + " |" for row in rows
    ]
    lines.insert(1, "| " + " | ".join("-" * width for width in widths) + " |")
    return "\n".join(lines)


def _decimal(value) -> Decimal | None:
    if value in (None, ""):
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None
