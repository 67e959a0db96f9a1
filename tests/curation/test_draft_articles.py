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
        build(tmp_path, every_source=False)
        problems = []
    except CurationError as exc:
        problems = exc.problems
    assert len(problems) <= 3, problems


def test_the_drafts_are_deterministic(drafts):
    assert [d.toml() for d in draft_all()] == [d.toml() for d in drafts]


# Fictional, in the styles of the real pages the research helpers drafted (a daily's and a portal's):
# a dotted date line, a caption, a dotted day, an Arabic session number, an IIP list with "của" and
# "đạt", bound shares, levels "hiện có", a month count in words.
REAL_PAGE_STYLES = """[Bài viết hư cấu dùng để kiểm thử — fictional test article]
Hợp tác để ngành Công Thương khu vực phía Nam bứt phá
20.10.2031 08:15
Toàn cảnh hội nghị
Sáng 19.10.2031, tại TP Cần Thơ, Bộ Công Thương phối hợp với UBND thành phố Cần Thơ tổ chức Hội nghị ngành \
Công Thương các tỉnh, thành phố khu vực phía Nam lần thứ 17.
Các đồng chí chủ trì hội nghị
Theo báo cáo, khu vực có diện tích khoảng 64.000 km2, dân số khoảng 36 triệu người, chiếm hơn 35% dân số cả nước.
Chín tháng năm 2031, chỉ số sản xuất công nghiệp toàn vùng đạt 9,3%, cả nước đạt 8,1%. IIP của Cần Thơ đạt \
12,4%, Cà Mau 11,9% và An Giang 10,2%.
Tổng mức bán lẻ hàng hóa 9 tháng năm 2031 đạt 1.950 nghìn tỷ đồng, gần 48% tổng mức bán lẻ cả nước.
Toàn vùng hiện có 160 cụm công nghiệp và 2.100 chợ.
"""


def test_a_page_in_the_styles_of_real_pages(tmp_path):
    path = tmp_path / "real_styles.txt"
    path.write_text(REAL_PAGE_STYLES, encoding="utf-8")
    draft = draft_article(path, FIXTURES)
    assert draft.source.fields["published_on"] == "2031-10-20"
    assert draft.source.fields["title"] == "Hợp tác để ngành Công Thương khu vực phía Nam bứt phá"
    [report] = draft.conferences
    assert (report.fields["slug"], report.fields["date"], report.fields["host"], report.fields["chairs"]) == (
        "south-20-xvii-2031",
        "2031-10-19",
        "Cần Thơ",
        "",
    )
    found = {figure.fields["id"]: figure.fields for figure in draft.figures}
    assert all(fields["conference"] == "south-20-xvii-2031" for fields in found.values())
    growth = {key: (fields["value"], fields["period"]) for key, fields in found.items() if "iip" in key}
    nine_months = "2031-01-01/2031-09-30"
    assert growth == {
        "iip-growth": ("9.3", nine_months),
        "iip-growth-country": ("8.1", nine_months),
        "iip-growth-can-tho": ("12.4", nine_months),
        "iip-growth-ca-mau": ("11.9", nine_months),
        "iip-growth-an-giang": ("10.2", nine_months),
    }
    assert (found["retail-sales"]["share_as_written"], found["retail-sales"]["share_of"]) == ("gần 48%", "country")
    assert found["population"]["share_as_written"] == "chiếm hơn 35%"
    assert found["markets"]["as_of"] == found["industrial-clusters"]["as_of"] == "2031-10-19"
