"""What every check of a record's entries reads and writes, and the checks they share.

The record, the reference data, the build's problem list and the curated result, with the dates and
groups of the record's sessions that passed their checks (its figures are dated and placed by them);
a fragment stays short, a locator says where on the page the facts stand. ``curation.record_curator``
checks the source and the sessions with it, ``curation.record_figures`` the figures.
"""

from datetime import date

from curation.curated import CuratedArticle
from curation.field_checks import iso_date
from curation.problems import Problem
from curation.records import MAX_FRAGMENT, MAX_LOCATOR, Record
from curation.reference import Reference


class RecordContext:
    def __init__(self, record: Record, reference: Reference, problems: list[Problem]):
        self.record = record
        self.reference = reference
        self.problems = problems
        self.result = CuratedArticle(source={})
        self.conference_dates: dict[str, date | None] = {}
        self.conference_regions: dict[str, str] = {}

    def province(self, line: int, label: str, name: str, on: date) -> str | None:
        if not name:
            return None
        province = self.reference.province_named(name, on=on)
        if province is None:
            self.problem(line, f"{label} {name!r} is not a province on {on:%d/%m/%Y}")
            return None
        return province.slug

    def check_locator(self, line: int, locator: str, say=None):
        say = say or (lambda message: self.problem(line, message))
        if not locator.strip():
            say("locator is required: where on the page the facts stand")
        elif len(locator) > MAX_LOCATOR:
            say(f"locator is {len(locator)} characters; a locator stays under {MAX_LOCATOR}")

    def check_fragment(self, line: int, name: str, value: str, say=None):
        say = say or (lambda message: self.problem(line, message))
        if len(value) > MAX_FRAGMENT:
            say(f"{name} is {len(value)} characters: a printed fragment stays under {MAX_FRAGMENT}, never a sentence")

    def iso_date(self, line: int, label: str, value: str) -> date | None:
        return iso_date(value, label, lambda message: self.problem(line, message))

    def problem(self, line: int | None, message: str):
        self.problems.append(Problem(str(self.record.path), line, message))
