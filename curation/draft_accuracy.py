"""How good the drafts are: each article's draft against its reviewed annotation (its "key").

Three sets are measured separately: the five curated articles of ``fixtures/`` (the rules were written
against them), the tuning set of the test corpus (``tests/curation/corpus/tuning/``) and, once it is
added, its held-back set (``tests/curation/corpus/holdout/``). Every article is drafted as a new one
would be: against the real reference data and the sessions the built fixtures hold.

Each draft is scored against its key figure by figure (``draft_accuracy_figures``: how figures are
matched, and what precision, recall and "wrong as certain" count) and session by session
(``draft_accuracy_sessions``), into the tallies of ``draft_accuracy_score``.
"""

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from curation.annotations import read_annotation
from curation.corpus import answer_key, corpus_articles
from curation.draft import Draft, draft_text
from curation.draft_accuracy_figures import figure_of, score_figures
from curation.draft_accuracy_score import FIELDS, Score
from curation.draft_accuracy_sessions import score_sessions
from curation.draft_known import KnownData, read_known
from curation.reference import Reference, read_reference


@dataclass(frozen=True)
class KeyedArticle:
    text_path: Path
    key_path: Path


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
