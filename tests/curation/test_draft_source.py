"""The [source] table holds only what the page states, in a recognisable form."""

from curation.draft_source import draft_source, source_slug
from curation.draft_text import split_sentences


def source(text: str):
    return draft_source(text, split_sentences(text))


def test_a_dateline_names_the_publication():
    entry, published_on = source("(PLVN) - Ngày 11/10, tại TP Phú Quốc, hội nghị diễn ra.\n")
    assert entry.fields["publication"] == "PLVN"
    assert published_on is None
    assert entry.fields["published_on"] == "" and "not found" in entry.comments["published_on"]


def test_a_closing_notice_names_the_publication_and_is_kept_verbatim():
    notice = "(*) Không sao chép dưới mọi hình thức khi chưa có sự đồng ý bằng văn bản của Báo Hànộimới."
    entry, _ = source(f"Sáng 17-5, hội nghị diễn ra.\n{notice}")
    assert entry.fields["publication"] == "Báo Hànộimới"
    assert entry.fields["reproduction_notice"] == notice


def test_title_date_and_author_where_the_page_prints_them():
    text = (
        "Hội nghị ngành Công Thương 28 tỉnh, thành phố khu vực phía Bắc năm 2016\n\n"
        + "Ngày 6/9, tại Ninh Bình, hội nghị diễn ra với nhiều nội dung quan trọng. " * 4
        + "\n  • 07/10/2016 11:35\n  • Nguyễn Hương\n  • 8297"
    )
    entry, published_on = source(text)
    assert entry.fields["title"] == "Hội nghị ngành Công Thương 28 tỉnh, thành phố khu vực phía Bắc năm 2016"
    assert (entry.fields["published_as_written"], entry.fields["published_on"]) == ("07/10/2016 11:35", "2016-10-07")
    assert published_on.isoformat() == "2016-10-07"
    assert entry.fields["author"] == "Nguyễn Hương"
    assert entry.has_todo  # title and author are proposals


def test_nothing_is_invented_for_a_bare_text():
    entry, _ = source("Các đại biểu thảo luận về sản xuất công nghiệp.")
    for key in ("publication", "title", "author", "published_on", "published_as_written", "reproduction_notice"):
        assert entry.fields[key] == ""
        assert entry.comments[key].startswith("TODO: not found in the text as ")


def test_the_slug_is_publication_and_session_and_never_one_already_used():
    entry, _ = source("(Baothanhhoa.vn) - chiều 13-5, hội nghị diễn ra.")
    assert source_slug(entry, "north-central-6-x-2022", set()) == "baothanhhoa-north-central-6-x-2022"
    assert source_slug(entry, "north-central-6-x-2022", {"baothanhhoa-north-central-6-x-2022"}).endswith("-2")


def test_a_portal_date_line_with_weekday_is_the_publication_date():
    text = (
        "Hội nghị ngành Công Thương khu vực phía Bắc lần thứ IV năm 2018\nThứ Năm, 24/08/2018\nNgày 23/8, hội nghị.\n"
    )
    entry, published_on = source(text)
    assert (entry.fields["published_as_written"], entry.fields["published_on"]) == ("Thứ Năm, 24/08/2018", "2018-08-24")
    assert published_on.isoformat() == "2018-08-24"


def test_an_update_date_is_taken_with_a_todo():
    entry, _ = source("Hội nghị ngành Công Thương khu vực phía Nam\nCập nhật: 24/08/2018 10:15\nNgày 23/8, hội nghị.\n")
    assert entry.fields["published_as_written"] == "Cập nhật: 24/08/2018 10:15"
    assert "update" in entry.comments["published_on"]


def test_a_session_date_in_a_sentence_is_not_the_publication_date():
    entry, published_on = source("Sáng 06/10/2023, tại TP Vinh, tỉnh Nghệ An, hội nghị ngành Công Thương diễn ra.\n")
    assert published_on is None and entry.fields["published_on"] == ""


def test_a_title_that_does_not_start_with_hoi_nghi():
    text = "Khai mạc Hội nghị ngành Công Thương 6 tỉnh Bắc Trung Bộ lần thứ XII\n\nSáng 06/10/2023, hội nghị.\n"
    entry, _ = source(text)
    assert entry.fields["title"] == "Khai mạc Hội nghị ngành Công Thương 6 tỉnh Bắc Trung Bộ lần thứ XII"


def test_a_source_line_names_the_publication():
    entry, _ = source("Sáng 06/10/2023, hội nghị diễn ra.\nNguồn: Báo Nghệ An\n")
    assert entry.fields["publication"] == "Báo Nghệ An"


def test_a_portal_header_names_the_publication():
    text = "Cổng thông tin điện tử Sở Công Thương tỉnh Nghệ An\nHội nghị ngành Công Thương 6 tỉnh Bắc Trung Bộ\n"
    entry, _ = source(text)
    assert entry.fields["publication"] == "Cổng thông tin điện tử Sở Công Thương tỉnh Nghệ An"
    assert entry.comments["publication"].startswith("TODO")


def test_a_date_line_with_weekday_time_and_time_zone():
    entry, _ = source("Thứ năm, 24/8/2018 - 10:15 (GMT+7)\nNgày 23/8, hội nghị.\n")
    assert (entry.fields["published_as_written"], entry.fields["published_on"]) == (
        "Thứ năm, 24/8/2018 - 10:15 (GMT+7)",
        "2018-08-24",
    )


def test_a_byline_names_the_author():
    entry, _ = source("Sáng 06/10/2023, hội nghị diễn ra.\nTin, ảnh: Lê Văn Hợi\n")
    assert entry.fields["author"] == "Lê Văn Hợi"


def test_the_first_heading_before_the_lead_is_the_title_even_without_hoi_nghi():
    text = (
        "SỞ CÔNG THƯƠNG TỈNH HÀ TĨNH\n"
        "Trang chủ > Tin tức\n"
        "Ngày đăng: 07/10/2022 | Lượt xem: 88\n"
        "Liên kết vùng mở hướng cho công nghiệp chế biến\n\n"
        "Sáng 06/10/2022, tại TP Hà Tĩnh, hội nghị ngành Công Thương diễn ra với nhiều nội dung quan trọng về "
        "liên kết vùng, xúc tiến thương mại và phát triển công nghiệp hỗ trợ.\n"
    )
    entry, _ = source(text)
    assert entry.fields["title"] == "Liên kết vùng mở hướng cho công nghiệp chế biến"
    assert entry.fields["publication"] == "Sở Công Thương tỉnh Hà Tĩnh"
    assert "SỞ CÔNG THƯƠNG TỈNH HÀ TĨNH" in entry.fields["publication_note"]
    assert entry.fields["published_as_written"] == "Ngày đăng: 07/10/2022"


def test_a_department_header_with_a_section_names_the_department():
    entry, _ = source("Sở Công Thương Hà Tĩnh - Tin hoạt động\nHội nghị ngành Công Thương 6 tỉnh Bắc Trung Bộ\n")
    assert entry.fields["publication"] == "Sở Công Thương Hà Tĩnh"


def test_more_page_furniture_names_the_publication():
    assert source("Báo Quảng Trị\nHội nghị ngành Công Thương 6 tỉnh Bắc Trung Bộ\n")[0].fields["publication"] == (
        "Báo Quảng Trị"
    )
    assert source("Tạp chí Công Thương\nHội nghị ngành Công Thương\n")[0].fields["publication"] == "Tạp chí Công Thương"
    assert source("Báo cáo cho thấy sản xuất tăng\n")[0].fields["publication"] == ""
    assert source("Baoquangtri.vn - Sáng 14/7, hội nghị diễn ra.\n")[0].fields["publication"] == "Baoquangtri.vn"
    assert source("VOV - Sáng 14/7, hội nghị diễn ra.\n")[0].fields["publication"] == "VOV"


def test_a_breadcrumb_is_not_the_title():
    text = "Trang chủ / Tin tức / Hội nghị ngành Công Thương\nThứ Sáu, ngày 14/07/2023\nKết nối vùng để tăng tốc\n"
    entry, _ = source(text)
    assert entry.fields["title"] == "Kết nối vùng để tăng tốc"
    assert entry.fields["published_as_written"] == "Thứ Sáu, ngày 14/07/2023"


def test_a_photo_caption_is_never_the_title():
    entry, _ = source(
        "Ông Lê Văn Sáo phát biểu tại hội nghị. ẢNH: T.K\n"
        "Quang cảnh hội nghị ngành Công Thương khu vực phía Nam\n"
        "Thứ bảy - 15/10/2031 12:00 324 0\n"
        "Ngày 14.10, tại tỉnh Cà Mau, hội nghị được tổ chức.\n"
    )
    assert entry.fields["title"] == ""
    assert (entry.fields["published_on"], entry.fields["published_as_written"]) == (
        "2031-10-15",
        "Thứ bảy - 15/10/2031 12:00",
    )
