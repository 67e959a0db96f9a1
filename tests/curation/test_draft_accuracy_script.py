"""`python scripts/draft_accuracy.py` reports on each set of keyed articles; the scoring is checked on
small figures built here, where a wrong field must show."""

import subprocess
import sys
from pathlib import Path

from django.conf import settings

from curation.draft_accuracy_figures import figure_of, match, score_figures
from curation.draft_accuracy_score import Score
from curation.draft_accuracy_sessions import score_sessions

ROOT = Path(settings.BASE_DIR)

TEXT = "Chỉ số IIP toàn vùng tăng 9,6%; Hà Tĩnh giảm 3,7%. Xuất khẩu đạt 6,9 tỷ USD."
IIP = "Chỉ số IIP toàn vùng tăng 9,6%; Hà Tĩnh giảm 3,7%."
KEY = [
    {
        "id": "iip",
        "quote": IIP,
        "clause": "Chỉ số IIP toàn vùng tăng 9,6%",
        "value_as_written": "tăng 9,6%",
        "value": "9.6",
        "unit": "percent",
        "scope": "region",
        "indicator": "iip_growth",
        "qualifier": "actual",
        "period": "2023-01-01/2023-06-30",
    },
    {
        "id": "iip-ha-tinh",
        "quote": IIP,
        "clause": "Hà Tĩnh giảm 3,7%",
        "value_as_written": "giảm 3,7%",
        "value": "-3.7",
        "unit": "percent",
        "scope": "province",
        "province": "Hà Tĩnh",
        "indicator": "iip_growth",
        "qualifier": "actual",
        "period": "2023-01-01/2023-06-30",
    },
]


def keyed():
    return [figure_of(fields, TEXT) for fields in KEY]


def drafted(*changes: dict, certain: bool = True):
    return [figure_of({**fields, **change}, TEXT, certain=certain) for fields, change in zip(KEY, changes, strict=True)]


def test_the_script_reports_each_set_with_its_fields_and_failures():
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "draft_accuracy.py")], capture_output=True, text=True, check=True
    )
    out = result.stdout
    assert "== curated articles (fixtures/): 5 articles ==" in out
    assert "== corpus tuning set (tuning/):" in out
    for line in ("Figure recall (value, unit, period, scope and province all right):", "Figures wrong as certain:"):
        assert out.count(line) == out.count("== ")
    assert "| field " in out and "| plan share " in out and "Session fields right:" in out


def test_a_figure_drafted_right_scores_every_field():
    score = Score("t")
    score_figures(drafted({}, {}), keyed(), score)
    assert (score.matched, score.figures_right.right, score.wrong_as_certain, score.failures) == (2, 2, 0, [])
    assert (score.recall["province"].right, score.recall["sign"].total) == (1, 2)


def test_a_wrong_sign_still_meets_its_key_figure_by_place_and_is_wrong_as_certain():
    pairs = match(drafted({}, {"value_as_written": "3,7%", "value": "3.7"}), keyed())
    assert [key.id for _, key in pairs] == ["iip", "iip-ha-tinh"]
    score = Score("t")
    score_figures(drafted({}, {"value_as_written": "3,7%", "value": "3.7"}), keyed(), score)
    assert (score.recall["sign"].right, score.recall["value"].right, score.wrong_as_certain) == (1, 1, 1)
    assert score.failures == ["iip-ha-tinh: value 3.7 ≠ -3.7; sign + ≠ − [WRONG AS CERTAIN]"]


def test_a_wrong_scope_flagged_with_a_todo_is_not_wrong_as_certain():
    score = Score("t")
    score_figures(drafted({}, {"scope": "region", "province": ""}, certain=False), keyed(), score)
    assert (score.wrong_as_certain, score.figures_right.right, score.precision["scope"].right) == (0, 1, 1)


def test_a_number_that_is_no_figure_is_wrong_as_certain_unless_flagged():
    exports = {"id": "x", "quote": "Xuất khẩu đạt 6,9 tỷ USD.", "value_as_written": "6,9 tỷ USD", "value": "6.9e9"}
    for certain, wrong in ((True, 1), (False, 0)):
        score = Score("t")
        score_figures([*drafted({}, {}), figure_of({**exports, "unit": "USD"}, TEXT, certain=certain)], keyed(), score)
        assert (score.drafted, score.matched, score.wrong_as_certain) == (3, 2, wrong)
        assert score.precision["value"].right == 2 and score.precision["value"].total == 3


def test_sessions_compare_the_stated_fields_and_list_inventions():
    key = {"slug": "s", "region": "r", "year": 2023, "kind": "report", "date": "2023-07-14", "session": "lần thứ XI"}
    key |= {"host": "Thừa Thiên Huế", "chairs": "ông A, Thứ trưởng; ông B", "next_host": ""}
    draft = {**key, "slug": "other", "session": "11", "host": "Thua Thien Hue", "chairs": "Ông A, Thứ trưởng; ông B."}
    score = Score("t")
    score_sessions([{**draft, "next_host": "Quảng Trị"}], [key], score)
    assert (score.sessions.right, score.sessions.total) == (4, 4)
    assert score.failures == ["session s: next host 'quang tri' drafted, the text states none"]
