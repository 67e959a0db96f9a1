"""Made-up names and texts: people, places, publications, and what a session's sources say of it."""

import hashlib
import random
from datetime import timedelta

from bench.synthetic.sessions import PlannedConference, PlannedSource, RefProvince

FAMILY_NAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương")
MIDDLE_NAMES = ("Văn", "Thị", "Hữu", "Đức", "Minh", "Quốc", "Thanh", "Ngọc", "Xuân", "Hồng")
GIVEN_NAMES = ("An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Hùng", "Lan", "Long", "Mai", "Nam", "Phong", "Sơn", "Tâm")
PUBLICATIONS = ("Bản tin mô phỏng A", "Bản tin mô phỏng B", "Bản tin mô phỏng C", "Bản tin mô phỏng D")
SYNTHETIC_NOTE = "Dữ liệu mô phỏng để đo hiệu năng, không phải bài báo thật (synthetic benchmark data)."


def vn_number(integer: int, decimals: str = "") -> str:
    """A numeral as Vietnamese writes it: "." between thousands, "," before decimals."""
    digits = f"{integer:,}".replace(",", ".")
    return f"{digits},{decimals}" if decimals else digits


def place_of(province: RefProvince) -> str:
    return f"{'thành phố' if province.kind == 'city' else 'tỉnh'} {province.name}"


def person(rng: random.Random) -> str:
    return f"{rng.choice(FAMILY_NAMES)} {rng.choice(MIDDLE_NAMES)} {rng.choice(GIVEN_NAMES)}"


def conference_text(conference: PlannedConference) -> dict:
    """A session's facts as a source would write them."""
    host = place_of(conference.host)
    group = conference.region.name_vi
    title = f"Hội nghị ngành Công Thương {group} lần thứ {conference.roman} năm {conference.year}"
    if conference.date:
        when = f"Ngày {conference.date.day}/{conference.date.month}"
        report = f"{when}, tại {host}, Bộ Công Thương phối hợp với UBND {host} tổ chức {title[0].lower()}{title[1:]}."
    else:
        when = ""
        report = ""
    return {
        "title": title,
        "date_as_written": when,
        "venue": f"Trung tâm Hội nghị {host}",
        "organisers": f"Bộ Công Thương, UBND {host}",
        "theme": f"Liên kết vùng, phát triển bền vững ngành Công Thương {group}",
        "report": report,
    }


def source_fields(source: PlannedSource, conference: PlannedConference) -> dict:
    published = conference.date + timedelta(days=1)
    text = conference_text(conference)
    return {
        "slug": source.slug,
        "file_name": f"synthetic/{source.slug}.txt",
        "text_sha256": hashlib.sha256(source.slug.encode()).hexdigest(),
        "publication": PUBLICATIONS[source.key % len(PUBLICATIONS)],
        "publication_note": SYNTHETIC_NOTE,
        "title": text["title"],
        "author": "",
        "published_on": published,
        "published_as_written": f"{published.day:02d}/{published.month:02d}/{published.year}",
        "reproduction_notice": "",
    }
