"""The drafts of the five articles: valid annotations, accepted by the build's reader, recall ≥ 90%,
and no wrong value presented as certain; a build with the drafts in place of the curated files has
few problems."""

from pathlib import Path

import pytest
from django.conf import settings

from curation.annotations import read_annotation
from curation.draft_accuracy import build_problems, draft_all, scores

FIXTURES = Path(settings.FIXTURE_DIRS[0])
RECALL_TARGET = 0.9


@pytest.fixture(scope="module")
def drafts():
    return draft_all(FIXTURES)


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


def test_recall_reaches_the_target_with_no_wrong_value_presented_as_certain(drafts):
    results = scores(FIXTURES, drafts)
    curated = sum(r.curated for r in results)
    correct = sum(r.correct for r in results)
    assert correct / curated >= RECALL_TARGET, [(r.name, r.missed) for r in results]
    assert all(r.recall >= RECALL_TARGET for r in results), [(r.name, r.missed) for r in results]
    assert sum(r.wrong_as_certain for r in results) == 0, [(r.name, r.unmatched) for r in results]


def test_a_build_on_the_drafts_has_few_problems(drafts):
    problems = build_problems(FIXTURES, drafts)
    assert len(problems) <= 3, problems


def test_the_drafts_are_deterministic(drafts):
    assert [d.toml() for d in draft_all(FIXTURES)] == [d.toml() for d in drafts]
