"""Every number the draft does not interpret is listed under [[not_a_figure]] with its words and a TODO
reason, so that the build's completeness check passes once the draft is reviewed."""

from pathlib import Path

import pytest
from django.conf import settings

from curation.articles import Article
from curation.coverage import uncovered_numbers
from curation.draft import draft_text
from curation.draft_leftovers import covered_mask, uncovered
from curation.reference import read_reference

TEXT = (
    "Hội nghị ngành Công Thương 28 tỉnh, thành phố khu vực phía Bắc năm 2025\n"
    "0:00 / 0:00\n"
    "Ngày 9/10, tại Ninh Bình, Bộ Công Thương phối hợp với UBND tỉnh Ninh Bình tổ chức Hội nghị ngành Công "
    "Thương 28 tỉnh, thành phố khu vực phía Bắc lần thứ XI năm 2025.\n"
    "Hội nghị đánh giá kết quả năm 2024 và 9 tháng năm 2025 của 28 tỉnh, thành phố khu vực phía Bắc.\n"
    "Theo báo cáo, 9 tháng đầu năm 2025, giá trị sản xuất công nghiệp ước đạt 2.100 nghìn tỷ đồng, tăng 12% "
    "so với cùng kỳ năm 2024.\n"
    "Các địa phương triển khai Nghị quyết số 68/NQ-TW ngày 04/5/2025 của Bộ Chính trị; một số tỉnh tăng trên 20%.\n"
    "Lượt xem: 1234\n"
)


@pytest.fixture(scope="module")
def draft():
    reference = read_reference(Path(settings.FIXTURE_DIRS[0]) / "reference")
    return draft_text(TEXT, name="x.txt", reference=reference)


def reasons(draft) -> dict[str, str]:
    return {entry.fields["text"]: entry.fields["reason"] for entry in draft.not_figures}


def test_every_number_not_interpreted_is_set_aside_with_a_todo_reason(draft):
    found = reasons(draft)
    assert all(reason.startswith("TODO: ") for reason in found.values())
    texts = " | ".join(found)
    for number in ("0:00", "28", "2024", "68/NQ-TW", "04/5/2025", "20%", "1234"):
        assert number in texts, number
    assert found["0:00 / 0:00"].startswith("TODO: page clutter")
    assert any("document" in reason for text, reason in found.items() if "68/NQ-TW" in text)
    assert any("group" in reason for text, reason in found.items() if text.startswith("28 tỉnh"))
    assert any("base year" in reason for text, reason in found.items() if "cùng kỳ năm 2024" in text)


def test_each_excerpt_is_verbatim_and_the_draft_leaves_no_number_unaccounted_for(draft):
    article = Article(path=Path("x.txt"), raw=draft.text)
    assert all(entry.fields["text"] in draft.text for entry in draft.not_figures)
    covered = [("", entry.fields["text"]) for entry in draft.not_figures]
    for figure in draft.figures:
        fields = figure.fields
        for key in (
            "value_as_written",
            "growth_as_written",
            "share_as_written",
            "plan_share_as_written",
            "threshold_as_written",
        ):
            covered.append((fields["quote"], fields.get(key, "")))
        covered.append((fields.get("period_quote") or fields["quote"], fields["period_label"]))
    for conference in draft.conferences:
        fields = conference.fields
        for quote in fields["quotes"]:
            covered += [(quote, fields["session"]), (quote, str(fields["year"])), (quote, fields["date_as_written"])]
    source = draft.source.fields
    covered += [("", source[key]) for key in ("title", "published_as_written", "reproduction_notice", "author")]
    assert uncovered_numbers(article, covered) == []


@pytest.mark.parametrize(
    ("line", "number", "reason"),
    [
        ("Ngày đăng: 13/07/2023 | Cập nhật lúc 11:20, 14/07/2023", "14/07/2023", "publication"),
        ("Ngày đăng: 12/06/2026 | Lượt xem: 356", "356", "view counter"),
        ("1. Kim ngạch xuất khẩu tăng mạnh.", "1", "list"),
        ("Các tỉnh phấn đấu hoàn thành kế hoạch năm 2025.", "2025", "plan"),
        ("Bán lẻ tăng 5% so với cuối năm 2021, khá cao.", "2021", "comparison"),
        ("Hội nghị năm 2016 sẽ do tỉnh Ninh Bình đăng cai.", "2016", "session"),
        ("Sáng 24/8/2018", "24/8/2018", "date"),
    ],
)
def test_a_number_set_aside_gets_the_reason_its_words_give(line, number, reason):
    reference = read_reference(Path(settings.FIXTURE_DIRS[0]) / "reference")
    text = f"Ngành Công Thương phát triển\nSản xuất kinh doanh tiếp tục phục hồi.\n{line}\n"
    draft = draft_text(text, name="x.txt", reference=reference)
    [entry] = [e for e in draft.not_figures if number in e.fields["text"]]
    assert reason in entry.fields["reason"], entry.fields["reason"]


def test_the_coverage_mask_agrees_with_the_builds_completeness_check():
    article = Article(path=Path("x.txt"), raw=TEXT)
    covered = [("", "28 tỉnh, thành phố khu vực phía Bắc"), (TEXT.splitlines()[4], "2.100 nghìn tỷ đồng")]
    mine = [
        (article.text.count("\n", 0, m.start()) + 1, m.group())
        for m in uncovered(article, covered_mask(article, covered))
    ]
    builds = [(line, number) for line, number, _ in uncovered_numbers(article, covered)]
    assert mine == builds


def test_counters_after_a_date_line_are_said_to_be_page_clutter():
    reference = read_reference(Path(settings.FIXTURE_DIRS[0]) / "reference")
    text = (
        "Thứ năm - 23/10/2031 09:30 512 3\n"
        "Ngày 22/10/2031, tại tỉnh Cà Mau, Bộ Công Thương phối hợp với UBND tỉnh Cà Mau tổ chức Hội nghị ngành "
        "Công Thương khu vực phía Nam lần thứ XVII năm 2031.\n"
    )
    draft = draft_text(text, name="x.txt", reference=reference)
    [entry] = draft.not_figures
    assert entry.fields["reason"] == "TODO: page clutter (a view or comment counter after the page's date line)?"
