"""The review page of a draft: one self-contained HTML file for the person who reviews it.

It shows the article with every number marked by what became of it (its fate, ``curation.draft_fates``),
and beside it every drafted entry with its fields and TODOs (``curation.draft_review_cards``), so that a
ministry clerk can review a draft from this page and the TOML file alone.

Interface text is Vietnamese first, with the English beside it; nothing is conveyed by colour alone
(each fate has a symbol and an underline style too), and the page needs no script and no network.
"""

from html import escape

from curation.draft import Draft
from curation.draft_fates import FATES, Number, numbers
from curation.draft_review_cards import entry_card


def review_page(draft: Draft, toml_name: str = "") -> str:
    """The page, as one UTF-8 HTML document with its style inline."""
    found = numbers(draft)
    anchors = _anchors(draft)
    counts = {fate: sum(n.fate == fate for n in found) for fate in FATES}
    figures = [*(f for f in draft.figures if f.has_todo), *(f for f in draft.figures if not f.has_todo)]
    unexplained = [n for n in found if n.fate == "unexplained"]
    parts = [
        '<!DOCTYPE html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">\n',
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        f"<title>Duyệt bản nháp · Review the draft: {escape(draft.name)}</title>\n<style>{STYLE}</style>\n</head>\n",
        "<body>\n<header>\n",
        f'<h1>Duyệt bản nháp chú giải <span lang="en">· Review the draft annotation</span></h1>\n'
        f'<p>Bài / <span lang="en">article</span>: <code>{escape(draft.name)}</code>'
        + (f' · Tệp TOML / <span lang="en">TOML file</span>: <code>{escape(toml_name)}</code>' if toml_name else "")
        + "</p>\n",
        _warning(draft),
        _legend(counts),
        _instructions(),
        "</header>\n<main>\n",
        '<section class="article" aria-labelledby="article-h">\n'
        '<h2 id="article-h">Bài viết <span lang="en">· The article</span></h2>\n',
        _article(draft.text, found, anchors),
        '</section>\n<div class="entries">\n',
        _section(
            "figures",
            "Số liệu đã soạn",
            "Drafted figures",
            "Mục cần xem lại (TODO) đứng trước; số thứ tự theo tệp TOML.",
            "Entries with a TODO come first; numbered in the TOML file's order.",
            [entry_card(entry, anchors, found, draft.text) for entry in figures],
        ),
        _section(
            "sessions",
            "Phiên họp và nguồn",
            "Sessions and source",
            "",
            "",
            [entry_card(entry, anchors, found, draft.text) for entry in [*draft.conferences, draft.source]],
        ),
        _section(
            "asides",
            "Các con số để riêng, với lý do",
            "Numbers set aside, with the reason",
            "Xác nhận lý do, hoặc chuyển thành số liệu.",
            "Confirm the reason, or make the number a figure.",
            [entry_card(entry, anchors, found, draft.text) for entry in draft.not_figures],
        ),
        _unexplained(draft.text, unexplained) if unexplained else "",
        "</div>\n</main>\n</body>\n</html>\n",
    ]
    return "".join(parts)


def _anchors(draft: Draft) -> dict[int, tuple[str, str]]:
    """id(entry) -> (HTML id, the name shown: "Số liệu 3")."""
    anchors = {id(draft.source): ("source", "Nguồn")}
    for kind, name, entries in (
        ("figure", "Số liệu", draft.figures),
        ("conference", "Phiên họp", draft.conferences),
        ("aside", "Để riêng", draft.not_figures),
    ):
        for position, entry in enumerate(entries, 1):
            anchors[id(entry)] = (f"{kind}-{position}", f"{name} {position}")
    return anchors


def _warning(draft: Draft) -> str:
    if draft.was_nfc:
        return ""
    return (
        '<p class="warning" role="alert">Tệp bài viết chưa chuẩn hóa NFC: lưu lại dạng NFC trước khi dựng dữ liệu. '
        '<span lang="en">The article file is not NFC: save it NFC-normalised before building.</span></p>\n'
    )


def _instructions() -> str:
    steps = [
        (
            "Xem từng số liệu có dấu ?: quyết định điều TODO nêu, sửa trong tệp TOML rồi xóa dòng chú thích # TODO.",
            "Go through every figure marked ?: decide what its TODO says, fix it in the TOML file, then delete "
            "the # TODO comment.",
        ),
        (
            "Đối chiếu các số liệu có dấu ✓ và § với bài viết.",
            "Check the figures marked ✓ and the details marked § against the article.",
        ),
        (
            "Với mỗi con số có dấu ✗: xác nhận lý do (viết lại không có TODO) hoặc chuyển thành số liệu. "
            "Với mỗi con số có dấu !: thêm một số liệu hoặc một mục [[not_a_figure]].",
            "For each number marked ✗: confirm its reason (rewrite it without TODO) or make it a figure. "
            "For each number marked !: add a figure or a [[not_a_figure]].",
        ),
        (
            "Chạy python manage.py build_fixtures và sửa mọi lỗi được báo.",
            "Run python manage.py build_fixtures and fix every problem it reports.",
        ),
    ]
    items = "".join(f'<li>{escape(vi)} <span lang="en">{escape(en)}</span></li>\n' for vi, en in steps)
    return f'<h2>Cách duyệt <span lang="en">· How to review</span></h2>\n<ol class="steps">\n{items}</ol>\n'


def _legend(counts: dict[str, int]) -> str:
    rows = "".join(
        f'<li><span class="n {fate}">12,3<sup>{symbol}</sup></span> {escape(vi)} <span lang="en">· {escape(en)}</span> '
        f'({counts[fate]} số · <span lang="en">{counts[fate]} numbers</span>)</li>\n'
        for fate, (symbol, vi, en) in FATES.items()
    )
    return (
        '<section class="legend" aria-labelledby="legend-h">\n'
        '<h2 id="legend-h">Chú thích màu và ký hiệu <span lang="en">· Legend</span></h2>\n'
        f"<ul>\n{rows}</ul>\n"
        "<p>Bấm vào một con số để đến mục của nó; bấm ↑ ở một mục để trở lại con số trong bài. "
        '<span lang="en">Select a number to go to its entry; select ↑ in an entry to go back to the number '
        "in the article.</span></p>\n</section>\n"
    )


def _article(text: str, found: list[Number], anchors: dict[int, tuple[str, str]]) -> str:
    """The article line by line (numbered as the TOML's "line N" notes count), every number a link."""
    by_line: dict[int, list[Number]] = {}
    for number in found:
        by_line.setdefault(number.line, []).append(number)
    unexplained = {id(n): i for i, n in enumerate((n for n in found if n.fate == "unexplained"), 1)}
    items, offset = [], 0
    for line_number, line in enumerate(text.split("\n"), 1):
        if line.strip():
            out, at = [], offset
            for number in by_line.get(line_number, []):
                out.append(escape(text[at : number.start]))
                symbol, vi, en = FATES[number.fate]
                target = anchors[id(number.entry)] if number.entry else (f"unexplained-{unexplained[id(number)]}", "")
                written = escape(text[number.start : number.end])
                name = f"{written}: {escape(vi)} / {escape(en)}" + (f" ({escape(target[1])})" if target[1] else "")
                out.append(
                    f'<a class="n {number.fate}" id="n-{number.start}" href="#{target[0]}" title="{name}" '
                    f'aria-label="{name}">{written}<sup aria-hidden="true">{symbol}</sup></a>'
                )
                at = number.end
            out.append(escape(text[at : offset + len(line)]))
            items.append(f'<li value="{line_number}">{"".join(out)}</li>\n')
        offset += len(line) + 1
    return f'<ol class="lines" lang="vi">\n{"".join(items)}</ol>\n'


def _section(key: str, vi: str, en: str, note_vi: str, note_en: str, cards: list[str]) -> str:
    note = f'<p>{escape(note_vi)} <span lang="en">{escape(note_en)}</span></p>\n' if note_vi else ""
    body = "".join(cards) or '<p>Không có. <span lang="en">None.</span></p>\n'
    return (
        f'<section aria-labelledby="{key}-h">\n<h2 id="{key}-h">{escape(vi)} <span lang="en">· {escape(en)}</span> '
        f"({len(cards)})</h2>\n{note}{body}</section>\n"
    )


def _unexplained(text: str, unexplained: list[Number]) -> str:
    items = "".join(
        f'<li id="unexplained-{i}"><a href="#n-{n.start}">↑ dòng {n.line} <span lang="en">(line {n.line})</span>: '
        f"{escape(text[n.start : n.end])}</a></li>\n"
        for i, n in enumerate(unexplained, 1)
    )
    return (
        '<section aria-labelledby="unexplained-h">\n'
        '<h2 id="unexplained-h">Con số chưa được giải thích <span lang="en">· Unexplained numbers</span> '
        f"({len(unexplained)})</h2>\n"
        "<p>Không mục nào giải thích các con số này: thêm một số liệu hoặc một mục [[not_a_figure]] cho từng số. "
        '<span lang="en">No entry accounts for these numbers: add a figure or a [[not_a_figure]] for each; '
        "the build refuses them otherwise.</span></p>\n"
        f"<ul>\n{items}</ul>\n</section>\n"
    )


STYLE = """
:root { --ink: #1f2328; --muted: #57606a; font-family: system-ui, "Segoe UI", Roboto, "Noto Sans", sans-serif; }
body { margin: 0; color: var(--ink); background: #fff; line-height: 1.5; }
header { padding: 1rem 1.5rem; border-bottom: 1px solid #d0d7de; background: #f6f8fa; }
h1 { font-size: 1.4rem; margin: 0 0 .5rem; }
h2 { font-size: 1.15rem; margin: 1rem 0 .5rem; }
h3 { font-size: 1rem; margin: 0 0 .4rem; overflow-wrap: anywhere; }
span[lang="en"] { color: var(--muted); }
code { font-size: .85em; background: #eaeef2; padding: 0 .25em; border-radius: 3px; overflow-wrap: anywhere; }
.steps li, .legend li { margin: .2rem 0; }
.legend ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .3rem 1.5rem; }
.warning { background: #ffebe9; border: 2px solid #cf222e; padding: .5rem; }
main { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 1.5rem; padding: 0 1.5rem 2rem; }
.article { position: sticky; top: 0; align-self: start; max-height: 100vh; overflow-y: auto; }
.lines { padding-left: 3rem; margin: 0; }
.lines li { margin: 0 0 .6rem; overflow-wrap: anywhere; }
.lines li::marker { color: var(--muted); font-size: .8em; }
.n { color: inherit; text-decoration: none; padding: 0 .15em; border-radius: 3px; white-space: nowrap; }
.n sup { font-weight: bold; margin-left: .1em; }
.n.certain { background: #d3f5dc; border-bottom: 2px solid #1a7f37; }
.n.todo { background: #fff0b3; border-bottom: 3px dashed #9a6700; }
.n.session { background: #ddf4ff; border-bottom: 2px dotted #0969da; }
.n.aside { background: #eaeef2; border-bottom: 3px double #57606a; }
.n.unexplained { background: #ffcecb; border-bottom: 3px solid #cf222e; font-weight: bold; }
a.n:hover, a.n:focus { outline: 2px solid var(--ink); }
:target { outline: 3px solid #8250df; outline-offset: 2px; }
.card { border: 1px solid #d0d7de; border-left: 6px solid #1a7f37; border-radius: 6px; }
.card { padding: .75rem; margin-bottom: 1rem; }
.card.todo { border-left-color: #9a6700; }
.card.has-todo { background: #fffbea; }
.card.session { border-left-color: #0969da; }
.card.aside { border-left-color: #57606a; }
.state { font-weight: bold; }
.state.todo { color: #7d4e00; }
.state.ok { color: #1a7f37; }
.todos { background: #fff0b3; border: 2px solid #9a6700; border-radius: 4px; padding: .4rem .6rem; margin: .4rem 0; }
.todos ul { margin: .2rem 0; padding-left: 1.2rem; }
.note, .back { font-size: .9em; margin: .3rem 0; }
dl { display: grid; grid-template-columns: minmax(8rem, 14rem) minmax(0, 1fr); gap: .15rem .75rem; margin: .5rem 0 0; }
dt { font-size: .85em; color: var(--muted); }
dd { margin: 0; overflow-wrap: anywhere; }
blockquote { margin: 0 0 .2rem; padding-left: .5rem; border-left: 3px solid #d0d7de; font-style: italic; }
.empty { color: var(--muted); }
.comment { display: block; font-size: .85em; color: var(--muted); }
.comment.todo { color: #7d4e00; font-weight: bold; }
@media (max-width: 900px) {
  main { grid-template-columns: minmax(0, 1fr); padding: 0 .75rem 2rem; }
  header { padding: .75rem; }
  .article { position: static; max-height: none; }
  dl { grid-template-columns: minmax(0, 1fr); }
  dt { margin-top: .3rem; }
}
"""
