"""What every check of an annotated article's entries reads and writes, and the checks they share.

The article, its annotation, the reference data, the build's problem list and the curated result; a
quote must stand verbatim in the article, a fact must be stated in the quotes given for it, a province
must be named as the map named it on the day. ``curation.curate`` checks the source, the sessions and
the officials with it, ``curation.article_figures`` the figures.
"""

from datetime import date

from curation.annotations import Annotation
from curation.articles import Article
from curation.curated import CuratedArticle
from curation.field_checks import iso_date
from curation.problems import Problem
from curation.reference import Reference

MAX_QUOTE_LENGTH = 400


class ArticleContext:
    def __init__(self, article: Article, annotation: Annotation, reference: Reference, problems: list[Problem]):
        self.article = article
        self.annotation = annotation
        self.reference = reference
        self.problems = problems
        self.result = CuratedArticle(source={})
        self.reported_on = self._reporting_date()

    def _reporting_date(self) -> date:
        """When the article's statements were made: the reported session's date, else the article's
        publication date, else 1 January of the reported year. Names of provinces resolve on it."""
        for entry in self.annotation.conferences:
            if entry.kind == "report" and entry.date:
                try:
                    return date.fromisoformat(entry.date)
                except ValueError:
                    break
        try:
            return date.fromisoformat(self.annotation.source.published_on)
        except ValueError:
            pass
        years = [entry.year for entry in self.annotation.conferences if entry.kind == "report" and entry.year >= 1]
        return date(min(years), 1, 1) if years else date.today()

    def province(self, line: int, quotes: list[str], label: str, name: str, *, on: date | None = None) -> str | None:
        if not name:
            return None
        self.stated(line, quotes, label, name)
        on = on or self.reported_on
        province = self.reference.province_named(name, on=on)
        if province is None:
            self.problem(line, f"{label} {name!r} is not a province on {on:%d/%m/%Y}")
            return None
        return province.slug

    def verbatim(self, line: int, what: str, excerpt: str) -> int | None:
        """The article line of a verbatim excerpt; a problem when it is absent or too long."""
        if len(excerpt) > MAX_QUOTE_LENGTH:
            self.problem(line, f"{what} is {len(excerpt)} characters; quotes stay under {MAX_QUOTE_LENGTH}")
        found = self.article.line_of(excerpt)
        if found is None:
            self.problem(line, f"{what} does not occur verbatim in {self.article.name}: {excerpt[:80]!r}")
        return found

    def stated(self, line: int, quotes: list[str], label: str, value: str) -> bool:
        if any(value in quote for quote in quotes):
            return True
        self.problem(line, f"{label} {value!r} is not stated in the quotes given for it")
        return False

    def iso_date(self, line: int, label: str, value: str) -> date | None:
        return iso_date(value, label, lambda message: self.problem(line, message))

    def problem(self, line: int | None, message: str):
        self.problems.append(Problem(str(self.annotation.path), line, message))
