"""Writing drafted entries as an annotation file, with each reviewer's comment next to what it concerns."""

from curation.draft_entries import Entry

_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r"}


def toml_string(text: str) -> str:
    """A TOML basic string: quotes, backslashes and control characters escaped."""
    out = []
    for ch in text:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04X}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def _value(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, list):
        if not value:
            return "[]"
        return "[\n" + "".join(f"  {toml_string(item)},\n" for item in value) + "]"
    return toml_string(str(value))


def _comment(text: str) -> str:
    return "# " + " ".join(text.split())


def render(header: list[str], entries: list[Entry]) -> tuple[str, dict[int, int]]:
    """The file's text, and the 1-based line of each entry's table header (by ``id(entry)``)."""
    lines = [_comment(line) if line else "#" for line in header]
    headers: dict[int, int] = {}
    for entry in entries:
        lines.append("")
        lines.extend(_comment(note) for note in entry.notes)
        lines.append("[source]" if entry.table == "source" else f"[[{entry.table}]]")
        headers[id(entry)] = sum(line.count("\n") + 1 for line in lines)  # a list value spans lines
        for key, value in entry.fields.items():
            line = f"{key} = {_value(value)}"
            if key in entry.comments:
                line += "  " + _comment(entry.comments[key])
            lines.append(line)
    return "\n".join(lines) + "\n", headers
