"""Days as pages write them: a session's day in the text, and a page's own date line."""

from datetime import date

import pytest

from curation.draft_dates import days_in, published_line


@pytest.mark.parametrize(
    ("text", "written", "year"),
    [
        ("24/8/2018, tại Quảng Ninh, hội nghị diễn ra.", "24/8/2018", 2018),
        ("Sáng 06/10/2023, tại TP Vinh, hội nghị diễn ra.", "Sáng 06/10/2023", 2023),
        ("Hội nghị diễn ra ngày 24/8 tại Hà Tĩnh.", "ngày 24/8", None),
        ("Chiều 13-5, Sở Công Thương đăng cai hội nghị.", "Chiều 13-5", None),
        ("Sáng ngày 17/5, hội nghị khai mạc.", "Sáng ngày 17/5", None),
        ("Ngày 6/9/2016 tại Ninh Bình.", "Ngày 6/9/2016", 2016),
    ],
)
def test_a_day_with_or_without_its_year_and_time_of_day(text, written, year):
    [found] = days_in(text)
    assert (found.written, found.year) == (written, year)
    assert text[found.start : found.start + len(found.written)] == found.written


@pytest.mark.parametrize(
    "text",
    [
        "6 tháng đầu năm 2024, tháng 9/2024 và quý 3/2024.",
        "Có 6/20 tỉnh, thành đạt tăng trưởng dương; 24/28 địa phương tăng.",
        "Theo Nghị quyết số 202/2025/QH15, từ năm 2025.",
    ],
)
def test_months_quarters_counts_and_numbers_are_not_days(text):
    assert days_in(text) == []


def test_a_day_resolves_with_its_own_year_or_the_sessions():
    [with_year] = days_in("Sáng 06/10/2023, hội nghị diễn ra.")
    assert with_year.on(2023) == date(2023, 10, 6)
    assert with_year.on(2024) is None  # the text's year and the session's disagree: not settled
    [without] = days_in("ngày 24/8, hội nghị diễn ra.")
    assert without.on(2018) == date(2018, 8, 24)
    assert without.on(None) is None


@pytest.mark.parametrize(
    ("line", "written", "on"),
    [
        ("24/8/2018 10:15", "24/8/2018 10:15", date(2018, 8, 24)),
        ("Thứ Năm, 24/08/2018", "Thứ Năm, 24/08/2018", date(2018, 8, 24)),
        ("Thứ Sáu, 06/10/2023 16:45", "Thứ Sáu, 06/10/2023 16:45", date(2023, 10, 6)),
        ("Cập nhật: 24/08/2018 10:15", "Cập nhật: 24/08/2018 10:15", date(2018, 8, 24)),
        ("Ngày đăng: 07/10/2022", "Ngày đăng: 07/10/2022", date(2022, 10, 7)),
        ("Ngày đăng: 07/10/2022 | Lượt xem: 1.204", "Ngày đăng: 07/10/2022", date(2022, 10, 7)),
        ("Cập nhật lúc 08:05 ngày 21/07/2023", "Cập nhật lúc 08:05 ngày 21/07/2023", date(2023, 7, 21)),
        ("Cập nhật lúc 09:30, 15/07/2023", "Cập nhật lúc 09:30, 15/07/2023", date(2023, 7, 15)),
        ("  • 07/10/2016 11:35", "07/10/2016 11:35", date(2016, 10, 7)),
        ("10:15 | 24/08/2018", "10:15 | 24/08/2018", date(2018, 8, 24)),
        ("Thứ hai, 24/8/2020 09:00 (GMT+07:00)", "Thứ hai, 24/8/2020 09:00 (GMT+07:00)", date(2020, 8, 24)),
    ],
)
def test_a_page_date_line(line, written, on):
    found = published_line(line)
    assert (found.written, found.on) == (written, on)


def test_an_update_date_is_told_apart():
    assert published_line("Cập nhật: 24/08/2018 10:15").updated
    assert not published_line("Thứ Năm, 24/08/2018").updated


@pytest.mark.parametrize(
    "line",
    [
        "Sáng 06/10/2023, tại TP Vinh, tỉnh Nghệ An, Sở Công Thương tổ chức hội nghị ngành Công Thương.",
        "Hội nghị ngành Công Thương khu vực phía Bắc lần thứ IV năm 2018",
        "24/8",
    ],
)
def test_a_sentence_is_not_a_date_line(line):
    assert published_line(line) is None


@pytest.mark.parametrize(
    ("text", "written", "year"),
    [
        ("Ngày 24-8-2018, tại Quảng Ninh.", "Ngày 24-8-2018", 2018),
        ("Sáng ngày 24 tháng 8 năm 2018, hội nghị khai mạc.", "Sáng ngày 24 tháng 8 năm 2018", 2018),
        ("Chiều ngày 13 tháng 5, hội nghị bế mạc.", "Chiều ngày 13 tháng 5", None),
        ("Sáng nay (15/10), hội nghị khai mạc.", "Sáng nay (15/10)", None),
    ],
)
def test_a_day_with_dashes_or_in_words(text, written, year):
    [found] = days_in(text)
    assert (found.written, found.year) == (written, year)


@pytest.mark.parametrize(
    "text",
    [
        "Trong hai ngày 23-24/8, hội nghị diễn ra.",
        "Tính đến ngày 30/6, toàn vùng có 215 cụm công nghiệp.",
        "Đến hết ngày 30/6/2024, vốn đăng ký đạt 2 tỷ USD.",
        "Trong 6 tháng 8 doanh nghiệp mới.",
    ],
)
def test_ranges_and_levels_at_a_date_are_not_a_sessions_day(text):
    assert days_in(text) == []


@pytest.mark.parametrize(
    ("text", "written", "year"),
    [
        ("Ngày 20.10, tại tỉnh Vĩnh Long, hội nghị khai mạc.", "Ngày 20.10", None),
        ("Sáng 9.11.2031, hội nghị khai mạc.", "Sáng 9.11.2031", 2031),
        ("Hội nghị họp hôm 20.10.2031 tại Cần Thơ.", "20.10.2031", 2031),
    ],
)
def test_a_day_with_dots_after_ngày_or_with_its_year(text, written, year):
    [day] = days_in(text)
    assert (day.written, day.year) == (written, year)


@pytest.mark.parametrize("text", ["Sản lượng đạt 20.10 triệu tấn.", "tăng 12.5 lần", "20.10,5 ha"])
def test_a_number_with_a_dot_is_not_a_day(text):
    assert days_in(text) == []


@pytest.mark.parametrize(
    ("line", "written", "on"),
    [
        ("Thứ bảy - 15/10/2031 12:00 324 0", "Thứ bảy - 15/10/2031 12:00", date(2031, 10, 15)),
        ("20.10.2031 08:15", "20.10.2031 08:15", date(2031, 10, 20)),
        ("2031-08-03 09:12", "2031-08-03 09:12", date(2031, 8, 3)),
    ],
)
def test_a_date_line_with_a_counter_after_its_time_or_with_dots(line, written, on):
    found = published_line(line)
    assert (found.written, found.on) == (written, on)


def test_bare_numbers_after_a_date_without_a_time_are_not_a_date_line():
    assert published_line("15/10/2031 324") is None


def test_a_day_written_with_a_fraction_slash():
    [day] = days_in("Ngày 02⁄8⁄2031, hội nghị khai mạc.")
    assert (day.written, day.day, day.month, day.year) == ("Ngày 02⁄8⁄2031", 2, 8, 2031)
