"""The drafts of the keyed articles: valid annotations, accepted by the build's reader, figure recall
≥ 90% on the five articles, and no wrong figure presented as certain there or in the corpus's tuning
set; a build with the five drafts in place of the curated files has few problems."""

import shutil
from pathlib import Path

import pytest
from django.conf import settings

from curation.annotations import read_annotation
from curation.build import build
from curation.draft import draft_article
from curation.draft_accuracy import article_sets, score_set
from curation.draft_known import read_known
from curation.problems import CurationError
from curation.reference import read_reference

FIXTURES = Path(settings.FIXTURE_DIRS[0])
CORPUS = Path(__file__).parent / "corpus"
RECALL_TARGET = 0.9


def draft_all():
    return [draft_article(path, FIXTURES) for path in sorted((FIXTURES / "sources").glob("*.txt"))]


@pytest.fixture(scope="module")
def drafts():
    return draft_all()


@pytest.fixture(scope="module")
def scores():
    reference, known = read_reference(FIXTURES / "reference"), read_known(FIXTURES)
    return [score_set(name, articles, reference, known)[0] for name, articles in article_sets(FIXTURES, CORPUS)]


def test_there_is_a_draft_per_article(drafts):
    assert sorted(d.name for d in drafts) == sorted(p.name for p in (FIXTURES / "sources").glob("*.txt"))


def test_each_draft_is_read_by_read_annotation(drafts, tmp_path):
    for draft in drafts:
        path = tmp_path / (Path(draft.name).stem + ".toml")
        path.write_text(draft.toml(), encoding="utf-8")
        annotation = read_annotation(path)
        assert len(annotation.figures) == len(draft.figures)
        assert len(annotation.not_figures) == len(draft.not_figures)
        assert annotation.conferences[0].kind == "report"


def test_figure_recall_on_the_five_articles_reaches_the_target(scores):
    curated = scores[0]
    assert curated.figures_right.right / curated.figures_right.total >= RECALL_TARGET, curated.failures


def test_no_figure_is_wrong_as_certain_in_the_five_articles_nor_the_tuning_set(scores):
    assert [(score.name, score.wrong_as_certain) for score in scores[:2]] == [
        (scores[0].name, 0),
        (scores[1].name, 0),
    ], [failure for score in scores for failure in score.failures if "WRONG AS CERTAIN" in failure]


def test_a_build_on_the_drafts_has_few_problems(drafts, tmp_path):
    for name in ("sources", "reference"):
        shutil.copytree(FIXTURES / name, tmp_path / name)
    (tmp_path / "annotations").mkdir()
    for draft in drafts:
        (tmp_path / "annotations" / (Path(draft.name).stem + ".toml")).write_text(draft.toml(), encoding="utf-8")
    try:
        build(tmp_path)
        problems = []
    except CurationError as exc:
        problems = exc.problems
    assert len(problems) <= 3, problems


def test_the_drafts_are_deterministic(drafts):
    assert [d.toml() for d in draft_all()] == [d.toml() for d in drafts]
