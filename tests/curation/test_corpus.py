"""The test corpus: every article is marked fictional, and its answer key passes the build alone.

The keys are the reference the drafting rules are measured against (``scripts/draft_accuracy.py``),
so each must be an annotation the build accepts: quotes verbatim, values read from their words, every
number of the article accounted for. Each article is built with only its own key, against the real
reference data (``curation.corpus.staged``).
"""

from pathlib import Path

import pytest
from django.conf import settings

from curation.corpus import answer_key, corpus_articles, key_problems

CORPUS = Path(__file__).parent / "corpus"
REFERENCE = Path(settings.FIXTURE_DIRS[0]) / "reference"
FICTIONAL = "[Bài viết hư cấu dùng để kiểm thử — fictional test article]"
ARTICLES = [article for folder in sorted(CORPUS.iterdir()) if folder.is_dir() for article in corpus_articles(folder)]


def test_the_tuning_set_is_there():
    assert len(corpus_articles(CORPUS / "tuning")) >= 10


@pytest.mark.parametrize("article", ARTICLES, ids=lambda article: f"{article.parent.name}/{article.stem}")
def test_the_article_is_marked_fictional_and_has_its_key(article):
    assert article.read_text(encoding="utf-8").splitlines()[0] == FICTIONAL
    assert answer_key(article).exists()


@pytest.mark.parametrize("article", ARTICLES, ids=lambda article: f"{article.parent.name}/{article.stem}")
def test_the_answer_key_passes_the_build(article):
    assert key_problems(article, REFERENCE) == []


def test_a_wrong_key_is_refused(tmp_path):
    """The check above can fail: a key whose value disagrees with its words is a problem."""
    article = corpus_articles(CORPUS / "tuning")[0]
    copy = tmp_path / article.name
    copy.write_text(article.read_text(encoding="utf-8"), encoding="utf-8")
    key = answer_key(article).read_text(encoding="utf-8")
    answer_key(copy).write_text(key.replace('value = "1472e12"', 'value = "1473e12"'), encoding="utf-8")
    assert any("the annotation says 1473000000000000" in problem for problem in key_problems(copy, REFERENCE))
