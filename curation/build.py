"""Building the portal's fixtures from the captured articles, their annotations and the reference data.

fixtures/sources/NNN_*.txt        the articles as captured (never published whole)
fixtures/annotations/NNN_*.toml   one curator's file per article
fixtures/records/*.toml           one record per public page whose text we do not keep (facts only)
fixtures/reference/*.csv          groups, both administrative maps, indicators
->  fixtures/regions.json, fixtures/conferences.json
"""

from pathlib import Path

from curation.annotations import read_annotation
from curation.articles import Article
from curation.consistency import (
    check_handover,
    check_numbered_slugs,
    check_one_session_a_year,
    check_shares_and_parts,
    merge_conferences,
)
from curation.coverage import uncovered_numbers
from curation.curate import ArticleCurator
from curation.fixtures import conferences_fixture, dumps, regions_fixture
from curation.problems import CurationError, Problem
from curation.record_curator import RecordCurator
from curation.records import read_record
from curation.reference import read_reference

OUTPUTS = ("regions.json", "conferences.json")


def build(fixtures_dir: Path, *, every_source: bool = True) -> dict[str, str]:
    """The fixture files' contents by name; raises CurationError listing every problem found.

    ``every_source=False`` is for a folder staged with a few articles and the reference data only
    (``curation.corpus``): the sources that state the reference's memberships are not there, so they
    are not looked for.
    """
    reference = read_reference(fixtures_dir / "reference")
    problems: list[Problem] = []
    curated = []
    for article, annotation in _pairs(fixtures_dir, problems):
        result = ArticleCurator(article, annotation, reference, problems).curate()
        curated.append((annotation, result))
        for line, number, context in uncovered_numbers(article, result.covered):
            problems.append(
                Problem(
                    str(article.path),
                    line,
                    f"the number {number!r} (…{context}…) is in no figure, conference "
                    f"fact or [[not_a_figure]] of {annotation.path.name}",
                )
            )
    recorded = list(_records(fixtures_dir, reference, problems))
    _check_unique(curated + recorded, problems)
    # Records after every annotation: a record that contradicts another source is a disagreement (kept),
    # two annotations that contradict each other a curator's error (refused).
    conferences = merge_conferences([c for _, result in curated + recorded for c in result.conferences], problems)
    conferences.sort(key=lambda c: (reference.region(c["region"])["position"], c["year"], c["session_number"] or 0))
    check_numbered_slugs(conferences, problems)
    check_one_session_a_year(conferences, problems)
    check_handover(conferences, problems, {p.slug: p.successor for p in reference.provinces if p.successor})
    figures = [(str(annotation.path), facts) for annotation, result in curated for facts in result.figures]
    check_shares_and_parts(figures, problems)
    for record, result in recorded:  # each page against itself: two pages may disagree (the quality page)
        own = [(str(record.path), facts) for facts in result.figures]
        check_shares_and_parts(own, problems)
        figures += own
    sources = [result.source for _, result in curated + recorded]
    if every_source:
        check_membership_sources(reference.memberships, {source["slug"] for source in sources}, problems)
    if problems:
        raise CurationError(problems)
    objects = conferences_fixture(
        reference,
        sources=sources,
        conferences=conferences,
        mentions=[m for _, result in curated + recorded for m in result.mentions],
        officials=[o for _, result in curated for o in result.officials],
        figures=[facts.fields for _, facts in figures],
    )
    return {"regions.json": dumps(regions_fixture(reference)), "conferences.json": dumps(objects)}


def _pairs(fixtures_dir: Path, problems: list[Problem]):
    """Each article with its annotation; an article without one (or the reverse) is a problem."""
    sources = {path.stem: path for path in sorted((fixtures_dir / "sources").glob("*.txt"))}
    annotations = {path.stem: path for path in sorted((fixtures_dir / "annotations").glob("*.toml"))}
    for stem in sorted(set(sources) ^ set(annotations)):
        missing = "annotation" if stem in sources else "article text"
        problems.append(Problem(str(sources.get(stem) or annotations[stem]), None, f"has no {missing}"))
    for stem in sorted(set(sources) & set(annotations)):
        try:
            annotation = read_annotation(annotations[stem])
        except CurationError as exc:
            problems.extend(exc.problems)
            continue
        yield Article.read(sources[stem]), annotation


def _records(fixtures_dir: Path, reference, problems: list[Problem]):
    """Each record with what it gives; a record that cannot be read is a problem, and is left out."""
    for path in sorted((fixtures_dir / "records").glob("*.toml")):
        try:
            record = read_record(path)
        except CurationError as exc:
            problems.extend(exc.problems)
            continue
        yield record, RecordCurator(record, reference, problems).curate()


def check_membership_sources(memberships: list[dict], source_slugs: set[str], problems: list[Problem]):
    """A stated membership's source is one the build publishes (an article or a record)."""
    for membership in memberships:
        if membership["_source"] and membership["_source"] not in source_slugs:
            problems.append(
                Problem(membership["_path"], membership["_line"], f"unknown source {membership['_source']!r}")
            )


def _check_unique(curated, problems: list[Problem]):
    seen: dict[str, str] = {}
    for annotation, result in curated:
        slug = result.source["slug"]
        if slug in seen:
            problems.append(
                Problem(
                    str(annotation.path), annotation.source.line, f"source slug {slug!r} is also used by {seen[slug]}"
                )
            )
        seen[slug] = str(annotation.path)
