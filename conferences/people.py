"""People the sources name at a session (``ConferenceOfficial``), one entry per person.

A person is identified by their name folded to a slug (``slugify_vi``: no case, no tone marks, đ as
d), so "Đặng Hoàng An" and "ĐẶNG HOÀNG AN" are one person at ``/people/dang-hoang-an/``. Nothing
else tells people apart: two different people with the same name would be merged into one entry.
No merge happens in the current data, where no folded name occurs twice; a curator adding an article
that names someone already in the data should check that it really is the same person.

Titles are kept as each source states them at each session: a person's title changes over time.
Both selectors run one query whatever the data size.
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from django.http import Http404

from conferences.models import ConferenceOfficial
from vietnamese.folding import fold

ROLE_ORDER = [role for role, _ in ConferenceOfficial.Role.choices]


@dataclass
class Person:
    slug: str
    appearances: list[ConferenceOfficial] = field(default_factory=list)  # in the order of the sessions

    @property
    def name(self) -> str:
        """The spelling the sources use most, the latest one on a tie."""
        counts = Counter(official.name for official in self.appearances)
        best = max(counts.values())
        return [official.name for official in self.appearances if counts[official.name] == best][-1]

    @property
    def other_names(self) -> list[str]:
        """Other spellings of the same folded name, as written."""
        return list(dict.fromkeys(o.name for o in self.appearances if o.name != self.name))

    @property
    def roles(self) -> list[str]:
        present = {official.role for official in self.appearances}
        return [str(ConferenceOfficial.Role(role).label) for role in ROLE_ORDER if role in present]

    @property
    def titles(self) -> list[str]:
        return list(dict.fromkeys(official.title for official in self.appearances))

    @property
    def session_count(self) -> int:
        return len({official.conference_id for official in self.appearances})

    @property
    def name_key(self) -> tuple[str, str]:
        return fold(self.name), self.name


SORTS = {
    "name": lambda people: sorted(people, key=lambda p: p.name_key),
    "-name": lambda people: sorted(people, key=lambda p: p.name_key, reverse=True),
    "-sessions": lambda people: sorted(people, key=lambda p: (-p.session_count, p.name_key)),
}
DEFAULT_SORT = "name"


def people(*, sort: str = DEFAULT_SORT) -> list[Person]:
    """Everyone named, sorted by folded name (``name``, ``-name``) or by sessions (``-sessions``): one query."""
    found: dict[str, Person] = {}
    for official in _officials():
        slug = official.person_slug
        found.setdefault(slug, Person(slug)).appearances.append(official)
    return SORTS[sort](list(found.values()))


def person(*, slug: str) -> Person:
    """One person with every session they are named at; 404 when nobody's name folds to ``slug``: one query.

    Only their own rows are read: an official's ``search_name`` is its name normalised ("|bui duc lan|"),
    and a slug is the same words joined by "-" (``slugify_vi`` and ``normalise`` keep the same runs of
    letters and digits), so the database picks them; ``person_slug`` is checked again on what it gives.
    """
    named = ConferenceOfficial.objects.filter(search_name=f"|{slug.replace('-', ' ')}|")
    appearances = [official for official in _officials(named) if official.person_slug == slug]
    if not appearances:
        raise Http404("No person is named so.")
    return Person(slug, appearances)


def _officials(officials=None) -> list[ConferenceOfficial]:
    """The officials (every one by default) with their session, group and source, in the order of the sessions.

    Sorted in Python: the date and session number may be NULL, and SQLite and PostgreSQL put NULLs
    at opposite ends.
    """
    if officials is None:
        officials = ConferenceOfficial.objects.all()
    return sorted(
        officials.select_related("conference__region", "source"),
        key=lambda o: (
            o.conference.year,
            o.conference.date or date(o.conference.year, 12, 31),
            o.conference.region.position,
            o.conference.session_number or 0,
            o.position,
            o.pk,
        ),
    )
