"""How good the drafts are: each article's drafted figures against its curated annotation, and the
problems the build finds when the drafts stand in for the curated files.

A drafted figure is correct when its value, unit and period (start/end, or the date of a level) match
a curated figure's; each curated figure is matched at most once. A drafted figure without any TODO
that matches none is a wrong value presented as certain, which the drafting rules must never produce.
"""

import re
import shutil
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from curation.annotations import read_annotation
from curation.build import build
from curation.draft import Draft, draft_text
from curation.draft_known import read_known
from curation.draft_session_accuracy import session_scores, session_table
from curation.problems import CurationError
from curation.reference import read_reference


@dataclass
class Score:
    name: str
    curated: int = 0
    drafted: int = 0
    correct: int = 0
    wrong_as_certain: int = 0
    missed: list[str] = field(default_factory=list)  # curated figure ids no draft matched
    unmatched: list[str] = field(default_factory=list)  # drafted figure ids matching no curated one

    @property
    def precision(self) -> float:
        return self.correct / self.drafted if self.drafted else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.curated if self.curated else 1.0


def figure_key(values: dict) -> tuple:
    """(value, unit, period) of a figure, whether from a curated file or a draft."""
    try:
        value = Decimal(values.get("value", ""))
    except ArithmeticError:
        value = None
    period = values.get("period") or ""
    return value, values.get("unit", ""), period or ("as_of", values.get("as_of") or "")


def score(draft: Draft, annotation_path: Path) -> Score:
    curated = read_annotation(annotation_path).figures
    result = Score(draft.name, curated=len(curated), drafted=len(draft.figures))
    remaining = {index: figure_key(vars(figure)) for index, figure in enumerate(curated)}
    for entry in draft.figures:
        key = figure_key(entry.fields)
        match = next((index for index, curated_key in remaining.items() if curated_key == key), None)
        if match is not None:
            del remaining[match]
            result.correct += 1
            continue
        result.unmatched.append(entry.fields["id"])
        if not entry.has_todo:
            result.wrong_as_certain += 1
    result.missed = [curated[index].id for index in remaining]
    return result


def draft_all(fixtures_dir: Path) -> list[Draft]:
    reference = read_reference(fixtures_dir / "reference")
    known = read_known(fixtures_dir)
    return [
        draft_text(path.read_text(encoding="utf-8"), name=path.name, reference=reference, known=known)
        for path in sorted((fixtures_dir / "sources").glob("*.txt"))
    ]


def scores(fixtures_dir: Path, drafts: list[Draft]) -> list[Score]:
    return [score(d, fixtures_dir / "annotations" / (Path(d.name).stem + ".toml")) for d in drafts]


def build_problems(fixtures_dir: Path, drafts: list[Draft]) -> list[str]:
    """Every problem of a build on a copy of the fixtures with the drafts in place of the annotations."""
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder)
        for name in ("sources", "reference"):
            shutil.copytree(fixtures_dir / name, copy / name)
        (copy / "annotations").mkdir()
        for draft in drafts:
            (copy / "annotations" / (Path(draft.name).stem + ".toml")).write_text(draft.toml(), encoding="utf-8")
        try:
            build(copy)
        except CurationError as exc:
            return [problem.message for problem in exc.problems]
    return []


def problem_kind(message: str) -> str:
    """A problem's message without its particulars, to count problems by kind."""
    kind = re.sub(r"^figure '[^']*': ", "", message)
    kind = re.sub(r"^[a-z0-9-]+: ", "", kind)
    kind = re.sub(r"'[^']*'|\"[^\"]*\"", "…", kind)
    return re.sub(r"\d+(?:[.,/]\d+)*", "N", kind)


def table(results: list[Score]) -> str:
    header = ("article", "curated", "drafted", "correct", "precision", "recall", "wrong as certain")
    rows = [header]
    total = Score("total")
    for result in results:
        rows.append(_row(result))
        for name in ("curated", "drafted", "correct", "wrong_as_certain"):
            setattr(total, name, getattr(total, name) + getattr(result, name))
    rows.append(_row(total))
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    lines = [
        "| " + " | ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)) + " |" for row in rows
    ]
    lines.insert(1, "| " + " | ".join("-" * width for width in widths) + " |")
    return "\n".join(lines)


def _row(result: Score) -> tuple[str, ...]:
    return (
        result.name.removesuffix(".txt"),
        str(result.curated),
        str(result.drafted),
        str(result.correct),
        f"{result.precision:.0%}",
        f"{result.recall:.0%}",
        str(result.wrong_as_certain),
    )


def report(fixtures_dir: Path) -> str:
    drafts = draft_all(fixtures_dir)
    results = scores(fixtures_dir, drafts)
    lines = ["Drafted figures against the curated annotations", "", table(results), ""]
    for result in results:
        if result.missed or result.unmatched:
            lines.append(f"{result.name}: missed {result.missed or '-'}; not curated {result.unmatched or '-'}")
    problems = build_problems(fixtures_dir, drafts)
    lines += ["", f"Build on the drafts in place of the curated annotations: {len(problems)} problem(s)"]
    for kind, count in Counter(problem_kind(message) for message in problems).most_common():
        lines.append(f"  {count} × {kind}")
    pairs = [(d, fixtures_dir / "annotations" / (Path(d.name).stem + ".toml")) for d in drafts]
    lines += ["", "Session fields of the reported session and the source, where the curated file states them", ""]
    lines.append(session_table(session_scores(pairs)))
    todos = Counter(entry.table for draft in drafts for entry in draft.entries if entry.has_todo)
    entries = Counter(entry.table for draft in drafts for entry in draft.entries)
    lines += ["", "Entries with a TODO: " + ", ".join(f"{todos[t]}/{entries[t]} {t}" for t in entries)]
    return "\n".join(lines)
