"""Articles with answer keys kept outside ``fixtures/``, and a fixtures folder to build them in.

The test corpus (``tests/curation/corpus/``) holds fictional articles, each ``NNN_name.txt`` beside its
answer key ``NNN_name.toml``, an annotation in the format of ``fixtures/annotations/``. To check a key
with the build's own checks, or to draft an article against the reference data, the article is staged
in a temporary folder laid out like ``fixtures/``: the real reference data, the article as the only
source and its key as the only annotation, so that no other article's facts take part.
"""

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from curation.build import build
from curation.problems import CurationError


def corpus_articles(folder: Path) -> list[Path]:
    """The articles (``NNN_*.txt``) of one corpus folder, in order."""
    return sorted(folder.glob("[0-9][0-9][0-9]_*.txt"))


def answer_key(article: Path) -> Path:
    return article.with_suffix(".toml")


@contextmanager
def staged(articles: list[Path], reference: Path) -> Iterator[Path]:
    """A temporary fixtures folder with ``reference`` and the given articles and their keys."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        shutil.copytree(reference, root / "reference")
        (root / "sources").mkdir()
        (root / "annotations").mkdir()
        for article in articles:
            shutil.copy(article, root / "sources" / article.name)
            key = answer_key(article)
            if key.exists():
                shutil.copy(key, root / "annotations" / key.name)
        yield root


def key_problems(article: Path, reference: Path) -> list[str]:
    """Every problem the build finds in the article with its answer key alone, as "file:line: message"."""
    with staged([article], reference) as root:
        try:
            build(root, every_source=False)
        except CurationError as exc:
            return [_located(problem) for problem in exc.problems]
    return []


def _located(problem) -> str:
    """A problem named by the staged file's name, not its temporary path."""
    where = Path(problem.path).name + (f":{problem.line}" if problem.line else "")
    return f"{where}: {problem.message}"
