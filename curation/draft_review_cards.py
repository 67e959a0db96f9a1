"""The review page's card of one drafted entry: what it says in brief, its TODOs, and every field.

Each field is shown under its Vietnamese label with its TOML key beside it, so that a reviewer finds it
in the TOML file; the page (``curation.draft_review``) lists the cards beside the article.
"""

from html import escape

from curation.draft_entries import Entry
from curation.draft_fates import FATES, Number, fate_of

LABELS = {  # TOML key -> Vietnamese label; the key itself is shown beside it
    "id": "Mã",
    "slug": "Mã định danh",
    "conference": "Phiên họp",
    "indicator": "Chỉ tiêu",
    "indicator_as_written": "Chỉ tiêu, như bài viết",
    "scope": "Phạm vi",
    "province": "Tỉnh, thành phố",
    "quote": "Trích dẫn",
    "clause": "Vế câu",
    "value_as_written": "Giá trị, như bài viết",
    "value": "Giá trị",
    "unit": "Đơn vị",
    "denominator": "Mẫu số",
    "growth_as_written": "Tăng trưởng, như bài viết",
    "growth_pct": "Tăng trưởng (%)",
    "share_as_written": "Tỷ trọng, như bài viết",
    "share_pct": "Tỷ trọng (%)",
    "share_of": "Tỷ trọng so với",
    "plan_share_as_written": "So với kế hoạch, như bài viết",
    "plan_share_pct": "So với kế hoạch (%)",
    "threshold_as_written": "Ngưỡng, như bài viết",
    "threshold_comparator": "Phép so sánh ngưỡng",
    "threshold_pct": "Ngưỡng (%)",
    "qualifier": "Tính chất (thực hiện, ước, hơn…)",
    "period_label": "Kỳ, như bài viết",
    "period": "Kỳ",
    "as_of": "Tính đến ngày",
    "period_quote": "Câu nêu kỳ",
    "region": "Cụm vùng",
    "kind": "Loại",
    "session": "Lần thứ",
    "year": "Năm",
    "status": "Tình trạng",
    "date": "Ngày",
    "date_as_written": "Ngày, như bài viết",
    "host": "Tỉnh đăng cai",
    "host_basis": "Căn cứ đăng cai",
    "venue": "Địa điểm",
    "organisers": "Đơn vị tổ chức",
    "chairs": "Chủ trì",
    "theme": "Chủ đề",
    "next_host": "Tỉnh đăng cai lần sau",
    "quotes": "Trích dẫn",
    "publication": "Cơ quan báo chí",
    "publication_note": "Ghi chú về nguồn",
    "title": "Tiêu đề",
    "author": "Tác giả",
    "published_on": "Ngày đăng",
    "published_as_written": "Ngày đăng, như bài viết",
    "reproduction_notice": "Thông báo bản quyền",
    "text": "Đoạn trong bài",
    "reason": "Lý do",
}
QUOTED = {"quote", "period_quote", "clause", "quotes", "text"}


def entry_card(entry: Entry, anchors: dict[int, tuple[str, str]], found: list[Number], text: str) -> str:
    """One entry: what it says in brief, its TODOs (the drafting rules write them in English), the numbers
    it accounts for, then every field under its TOML key."""
    html_id, name = anchors[id(entry)]
    fate = fate_of(entry)
    todo = entry.has_todo
    symbol = FATES[fate][0]
    fields = entry.fields
    summary = ""
    if entry.table == "figure":
        value = " ".join(str(fields.get(key) or "?") for key in ("value", "unit"))
        summary = escape(f"{fields.get('value_as_written', '')} → {value} · {fields.get('indicator') or '?'}")
    elif entry.table in ("conference", "source"):
        summary = escape(str(fields.get("slug", "")))
    elif entry.table == "not_a_figure":
        summary = f"«{escape(str(fields.get('text', '')))}»"
    state = (
        '<span class="state todo">? Cần xem lại <span lang="en">· to review</span></span>'
        if todo
        else '<span class="state ok">✓ Không có TODO <span lang="en">· no TODO</span></span>'
    )
    notes = [note for note in entry.notes if "TODO" in note]
    others = [note for note in entry.notes if "TODO" not in note]
    todo_list = [*notes, *(f"{key}: {comment}" for key, comment in entry.comments.items() if "TODO" in comment)]
    if entry.table == "not_a_figure" and "TODO" in str(fields.get("reason", "")):
        todo_list.append(f"reason: {fields['reason']}")
    todos = (
        '<div class="todos"><strong>Cần quyết định <span lang="en">· To decide</span>:</strong>\n<ul>\n'
        + "".join(f'<li lang="en">{escape(item)}</li>\n' for item in todo_list)
        + "</ul></div>\n"
        if todo_list
        else ""
    )
    extra = "".join(f'<p class="note" lang="en"># {escape(note)}</p>\n' for note in others)
    links = [n for n in found if n.entry is entry]
    back = (
        '<p class="back">Trong bài <span lang="en">· In the article</span>: '
        + ", ".join(
            f'<a href="#n-{n.start}">↑ dòng {n.line} <span lang="en">(line {n.line})</span>: '
            f"{escape(text[n.start : n.end])}</a>"
            for n in links
        )
        + "</p>\n"
        if links
        else ""
    )
    rows = "".join(_row(key, value, entry.comments.get(key, "")) for key, value in fields.items())
    return (
        f'<article class="card {fate}{" has-todo" if todo else ""}" id="{html_id}" aria-labelledby="{html_id}-h">\n'
        f'<h3 id="{html_id}-h"><span aria-hidden="true">{symbol}</span> {escape(name)} · {summary}</h3>\n'
        f"<p>{state}</p>\n{todos}{extra}{back}<dl>\n{rows}</dl>\n</article>\n"
    )


def _row(key: str, value, comment: str) -> str:
    if isinstance(value, list):
        shown = "".join(f"<blockquote>{escape(item)}</blockquote>" for item in value) or "—"
    elif str(value) == "":
        shown = '<span class="empty">— (trống <span lang="en">· empty</span>)</span>'
    elif key in QUOTED:
        shown = f"<blockquote>{escape(str(value))}</blockquote>"
    else:
        shown = escape(str(value))
    kind = "comment todo" if "TODO" in comment else "comment"
    flag = f'<span class="{kind}" lang="en"># {escape(comment)}</span>' if comment else ""
    label = escape(LABELS.get(key, key))
    return f'<dt>{label} <code lang="en">{escape(key)}</code></dt>\n<dd>{shown} {flag}</dd>\n'
