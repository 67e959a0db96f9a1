"""Photo captions are told from headings and sentences (fictional lines)."""

import pytest

from curation.draft_captions import is_caption


@pytest.mark.parametrize(
    "line",
    [
        "Bà Trần Thị Mơ phát biểu tại hội nghị. ẢNH: B.B",
        "Đại diện các tỉnh ký kết chương trình hợp tác (Ảnh: Minh Khôi)",
        "Các đồng chí chủ trì hội nghị",
        "Quang cảnh hội nghị",
        "Toàn cảnh phiên khai mạc",
        "Bà Trần Thị Mơ cùng các đại biểu tại hội nghị",
        "Thứ trưởng Bộ Công Thương Lê Văn Sáo phát biểu chỉ đạo tại hội nghị",
    ],
)
def test_captions(line):
    assert is_caption(line)


@pytest.mark.parametrize(
    "line",
    [
        "Khu vực phía Nam bàn giải pháp tăng tốc công nghiệp",
        "Các đồng chí lãnh đạo Bộ Công Thương và tỉnh Cà Mau chủ trì hội nghị.",
        "Hình ảnh của ngành Công Thương được nâng lên.",
        "Hội nghị ngành Công Thương khu vực phía Nam: Thứ trưởng phát biểu về xuất khẩu",
        "Ông bà ta có câu",
    ],
)
def test_not_captions(line):
    assert not is_caption(line)
