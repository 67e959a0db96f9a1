"""A draft annotation of a new article, for a person to review: what ``draft_annotation`` writes.

The draft is built from the article's own words with general rules (sentences, a keyword table, the
parsers in ``vietnamese``), never from knowledge of a particular article:

1. ``draft_source``: the page's publication, title, author, date and notice, where stated;
2. ``draft_conference``: the session reported, past sessions mentioned and the next one announced,
   updating a session the data holds as announced (``draft_announced``);
3. ``draft_figures``: every amount with a unit, with its indicator, scope, phrases and period;
   ``draft_rivals`` marks figures of one measure, scope and period whose values differ;
4. a self-check: the draft goes through the build's own checks (``ArticleCurator``); each problem
   found is written as a TODO on its entry, so nothing the build would refuse looks certain;
5. ``draft_leftovers``: every number still unaccounted for, as ``[[not_a_figure]]`` with a TODO reason.

Everything uncertain carries a ``# TODO`` comment. The result is valid TOML that ``read_annotation``
reads; it is written in ``draft_toml``.
"""

import tempfile
import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from curation.annotations import read_annotation
from curation.articles import Article
from curation.curate import ArticleCurator
from curation.draft_conference import draft_conferences
from curation.draft_entries import Entry
from curation.draft_figures import FigureDrafter
from curation.draft_known import EMPTY, KnownData, read_known
from curation.draft_leftovers import draft_not_figures
from curation.draft_places import ProvinceNames
from curation.draft_rivals import flag_rivals
from curation.draft_source import draft_source, source_slug
from curation.draft_text import normalise, split_sentences
from curation.draft_toml import render
from curation.problems import CurationError, Problem
from curation.reference import Reference, read_reference

HEADER = [
    "DRAFT annotation of {name}, written by `python manage.py draft_annotation`.",
    "Review every entry against the article before building. Each `# TODO` marks something the drafting",
    "rules could not settle; decide it, then delete the comment. Empty strings are facts the text did not",
    "give. Officials are not drafted: add an [[official]] for each named person (see docs/data.md).",
    "",
]


@dataclass
class Draft:
    name: str
    text: str  # the article as the draft quotes it: NFC, every Unicode space as a space
    source: Entry
    conferences: list[Entry]
    figures: list[Entry]
    not_figures: list[Entry]
    was_nfc: bool = True

    @property
    def entries(self) -> list[Entry]:
        return [self.source, *self.conferences, *self.figures, *self.not_figures]

    def toml(self) -> str:
        header = [line.format(name=self.name) for line in HEADER]
        if not self.was_nfc:
            header.insert(1, "TODO: the article file is not NFC: save it NFC-normalised, or the quotes will not match.")
        return render(header, self.entries)[0]


def draft_article(path: Path, fixtures_dir: Path) -> Draft:
    """The draft of the article at ``path``, against the reference and built fixtures in ``fixtures_dir``."""
    reference = read_reference(fixtures_dir / "reference")
    return draft_text(
        path.read_text(encoding="utf-8"), name=path.name, reference=reference, known=read_known(fixtures_dir)
    )


def draft_text(raw: str, *, name: str, reference: Reference, known: KnownData = EMPTY) -> Draft:
    text = normalise(raw)
    sentences = split_sentences(text)
    names = ProvinceNames(reference)
    source, published_on = draft_source(text, sentences)
    found = draft_conferences(sentences, reference, names, known, published_on)
    report = found.entries[0] if found.entries else None
    report_slug = report.fields["slug"] if report else ""
    taken = {slug for slug, file_name in known.sources.items() if file_name != name}
    source.fields["slug"] = source_slug(source, report_slug, taken)
    source.todo("a proposal: <publication>-<session>", "slug")
    session_date = date.fromisoformat(report.fields["date"]) if report and report.fields["date"] else None
    region = report.fields["region"] if report else ""
    drafter = FigureDrafter(sentences, reference, names, region, session_date, text=text)
    figures, asides = drafter.draft(report_slug)
    flag_rivals(figures)
    if report is None:
        source.todo("no session of a conference group found: every figure needs its conference")
    draft = Draft(
        name=name,
        text=text,
        source=source,
        conferences=found.entries,
        figures=figures,
        not_figures=[],
        was_nfc=unicodedata.is_normalized("NFC", raw),
    )
    article = Article(path=Path(name), raw=text)
    covered = _self_check(draft, article, reference)
    hints = {aside.offset: aside.reason for aside in asides}
    draft.not_figures = draft_not_figures(article, sentences, covered, hints)
    return draft


def _self_check(draft: Draft, article: Article, reference: Reference) -> list[tuple[str, str]]:
    """Run the build's checks of one article on the draft; write each problem as a TODO on its entry.

    Returns what the draft accounts for (the build's ``covered`` phrases), for the completeness step.
    """
    text, headers = render([], draft.entries)
    by_line = {line: entry for entry in draft.entries if (line := headers.get(id(entry)))}
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / (Path(draft.name).stem + ".toml")
        path.write_text(text, encoding="utf-8")
        try:
            annotation = read_annotation(path)
        except CurationError as exc:  # a drafting bug, not the reviewer's: say so loudly in the file
            for problem in exc.problems:
                by_line.get(problem.line, draft.source).todo(f"not a valid annotation: {problem.message}")
            return []
        problems: list[Problem] = []
        result = ArticleCurator(article, annotation, reference, problems).curate()
    for problem in problems:
        by_line.get(problem.line, draft.source).todo(f"the build will say: {problem.message}")
    return result.covered
