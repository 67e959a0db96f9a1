"""One drafted table of an annotation file, with the comments a reviewer needs next to it."""

from dataclasses import dataclass, field

TODO = "TODO: "
NOT_FOUND = "TODO: not found in the text"


@dataclass
class Entry:
    table: str  # "source", "conference", "figure" or "not_a_figure"
    fields: dict = field(default_factory=dict)  # key -> str | int | list[str], in file order
    comments: dict[str, str] = field(default_factory=dict)  # key -> comment at the end of its line
    notes: list[str] = field(default_factory=list)  # comment lines above the table's header

    def todo(self, message: str, key: str | None = None):
        """Mark the entry (or one of its keys) as needing a reviewer's decision."""
        text = message if message.startswith(TODO) else TODO + message
        if key is None:
            if text not in self.notes:
                self.notes.append(text)
        elif key in self.comments and text not in self.comments[key]:
            self.comments[key] += "; " + text.removeprefix(TODO)
        else:
            self.comments[key] = text

    def note(self, message: str):
        if message not in self.notes:
            self.notes.append(message)

    @property
    def has_todo(self) -> bool:
        reason = self.fields.get("reason", "")
        return any(TODO in text for text in [*self.notes, *self.comments.values(), reason])
