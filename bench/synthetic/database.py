"""Writes the synthetic benchmark data (the other modules of ``bench.synthetic``) into the database, fast.

Sessions, sources, mentions and officials are few and go through ``bulk_create``. Figures are
millions: on PostgreSQL they are streamed with ``COPY … FROM STDIN`` in batches, elsewhere they go
through ``bulk_create`` in batches. The caller holds the transaction (``generate_synthetic`` wraps
everything in ``transaction.atomic``).
"""

import json
import random
import time
from dataclasses import dataclass

from django.conf import settings
from django.core import serializers
from django.utils import timezone

from bench.synthetic.figures import FigureFactory
from bench.synthetic.search import SearchColumns
from bench.synthetic.sessions import PREFIX, RefIndicator, RefProvince, RefRegion, dataset_version, plan_conferences
from bench.synthetic.texts import conference_text, person, place_of, source_fields
from conferences import signals
from conferences.bulk import indexes_deferred, insert_rows, stored_columns
from conferences.figure_count_rebuild import rebuild_figure_counts
from conferences.models import (
    Conference,
    ConferenceMention,
    ConferenceOfficial,
    Dataset,
    FigureCount,
    Indicator,
    IndicatorReport,
    MembershipStatement,
    QualityCount,
    QualityRun,
    Source,
)
from conferences.quality_store import rebuild_quality_report
from conferences.table_statistics import analyse
from listings.search import refresh_search_columns
from regions.models import Province, Region, RegionMembership

# The tables ``generate`` rewrites: their planner statistics are renewed in its transaction.
CHANGED_MODELS = (
    IndicatorReport,
    FigureCount,
    QualityRun,
    QualityCount,
    Conference,
    Source,
    ConferenceMention,
    ConferenceOfficial,
)


@dataclass
class Summary:
    conferences: int
    sources: int
    figures: int
    version: str
    seconds: dict


def holds_curated_data() -> bool:
    """True when the database holds the real, curated data: any source that is not synthetic."""
    return Source.objects.exclude(slug__startswith=PREFIX).exists()


def ensure_reference_data() -> None:
    """Groups, provinces, memberships and indicators, from the fixtures when the database has none."""
    if Region.objects.exists() and Indicator.objects.exists():
        return
    fixtures = settings.FIXTURE_DIRS[0]
    regions = (fixtures / "regions.json").read_text(encoding="utf-8")
    indicators = [
        obj
        for obj in json.loads((fixtures / "conferences.json").read_text(encoding="utf-8"))
        if obj["model"] == "conferences.indicator"
    ]
    for text in (regions, json.dumps(indicators, ensure_ascii=False)):
        for obj in serializers.deserialize("json", text, handle_forward_references=True):
            obj.save()
    for model in (Region, Province, Indicator):
        refresh_search_columns(model)


def clear() -> None:
    """Every conference, source and figure, and what sources state of memberships (the reference data
    stays)."""
    with signals.muted():  # the generator rebuilds the counts and records its version after writing
        for model in (MembershipStatement, IndicatorReport, ConferenceOfficial, ConferenceMention, Conference, Source):
            model.objects.all().delete()


def reference() -> tuple[list[RefRegion], list[RefIndicator]]:
    members: dict[int, list[RefProvince]] = {}
    memberships = (
        RegionMembership.objects.filter(province__administrative_map=Province.Map.BEFORE_2025)
        .select_related("province")
        .order_by("province__name_folded", "province__slug")
    )
    for membership in memberships:
        province = membership.province
        members.setdefault(membership.region_id, []).append(RefProvince(province.pk, province.name, province.kind))
    regions = [
        RefRegion(r.pk, r.slug, r.name_vi, r.name_en, r.declared_size, tuple(members[r.pk]))
        for r in Region.objects.order_by("position", "slug")
        if members.get(r.pk)
    ]
    indicators = [
        RefIndicator(i.pk, i.code, i.unit, i.name_vi, i.name_en) for i in Indicator.objects.order_by("position")
    ]
    return regions, indicators


def generate(*, figures: int, seed: int, log=None) -> Summary:
    """Replace conferences, sources and figures with synthetic ones. Call inside a transaction."""
    log = log or (lambda message: None)
    timings = {}
    started = time.monotonic()
    ensure_reference_data()
    clear()
    timings["clear"] = time.monotonic() - started

    rng = random.Random(seed)
    regions, indicators = reference()
    plan = plan_conferences(regions, figures, rng)
    conferences = _create_conferences(plan, rng)
    sources = _create_sources(plan, conferences)
    _create_mentions_and_officials(plan, conferences, sources, rng)
    for model in (Conference, Source, ConferenceOfficial):
        refresh_search_columns(model)
    timings["sessions"] = time.monotonic() - started - timings["clear"]
    log(f"{len(conferences)} sessions and {len(sources)} sources planned; writing {figures} figures…")

    mark = time.monotonic()
    columns = stored_columns(IndicatorReport)
    factory = FigureFactory(rng, indicators, regions, _search_columns(conferences), columns)
    written = _insert_figures(
        (
            row
            for conference in plan
            for source in conference.sources
            for row in factory.figures(source, conferences[conference.key].pk, sources[source.key].pk)
        ),
        columns,
        log=log,
        total=figures,
    )
    timings["figures"] = time.monotonic() - mark

    mark = time.monotonic()
    rebuild_figure_counts()
    timings["facet counts"] = time.monotonic() - mark

    mark = time.monotonic()
    rebuild_quality_report()
    timings["quality report"] = time.monotonic() - mark

    version = dataset_version(seed, figures, str(time.time_ns()))
    Dataset.objects.all().delete()
    Dataset.objects.create(version=version, loaded_at=timezone.now())

    mark = time.monotonic()
    analyse(CHANGED_MODELS)
    timings["analyse"] = time.monotonic() - mark
    return Summary(len(conferences), len(sources), written, version, timings)


def _search_columns(conferences: dict[int, Conference]) -> SearchColumns:
    """``SearchColumns`` for figures, with their related objects (loaded once) as the model reads them."""
    provinces = {province.pk: province for province in Province.objects.select_related("successor")}
    indicators = {indicator.pk: indicator for indicator in Indicator.objects.all()}
    regions = {region.pk: region for region in Region.objects.all()}
    by_pk = {}
    for conference in conferences.values():
        conference.region = regions[conference.region_id]
        conference.host = provinces.get(conference.host_id)
        conference.next_host = provinces.get(conference.next_host_id)
        by_pk[conference.pk] = conference
    return SearchColumns(
        IndicatorReport,
        {
            "indicator": lambda values: indicators[values["indicator_id"]],
            "province": lambda values: provinces.get(values["province_id"]),
            "conference": lambda values: by_pk[values["conference_id"]],
        },
    )


def _create_conferences(plan, rng) -> dict[int, Conference]:
    objects = []
    for planned in plan:
        text = conference_text(planned)
        chair = person(rng)
        objects.append(
            Conference(
                slug=planned.slug,
                region_id=planned.region.pk,
                session_number=planned.session_number,
                year=planned.year,
                date=planned.date,
                date_as_written=text["date_as_written"],
                status=planned.status,
                host_id=planned.host.pk,
                host_basis=Conference.HostBasis.STATED,
                venue=text["venue"] if planned.date else "",
                organisers=text["organisers"],
                chairs=f"Thứ trưởng Bộ Công Thương {chair}" if planned.date else "",
                theme=text["theme"] if planned.date else "",
                next_host_id=planned.next_host.pk if planned.next_host else None,
            )
        )
    created = Conference.objects.bulk_create(objects, batch_size=500)
    return {planned.key: conference for planned, conference in zip(plan, created, strict=True)}


def _create_sources(plan, conferences) -> dict[int, Source]:
    planned = [source for conference in plan for source in conference.sources]
    objects = [Source(**source_fields(source, source.conference)) for source in planned]
    created = Source.objects.bulk_create(objects, batch_size=500)
    return {source.key: obj for source, obj in zip(planned, created, strict=True)}


def _create_mentions_and_officials(plan, conferences, sources, rng) -> None:
    mentions, officials = [], []
    by_region: dict[int, list] = {}
    for planned in plan:
        by_region.setdefault(planned.region.pk, []).append(planned)
    for planned in plan:
        if not planned.sources:
            continue
        conference = conferences[planned.key]
        text = conference_text(planned)
        for source in planned.sources:
            mentions.append(
                ConferenceMention(
                    conference=conference,
                    source=sources[source.key],
                    kind=ConferenceMention.Kind.REPORT,
                    quote=text["report"],
                    quote_line=1,
                )
            )
        first_source = sources[planned.sources[0].key]
        sessions = by_region[planned.region.pk]
        following = next((c for c in sessions if c.session_number == planned.session_number + 1), None)
        if following is not None:
            host = place_of(planned.next_host)
            mentions.append(
                ConferenceMention(
                    conference=conferences[following.key],
                    source=first_source,
                    kind=ConferenceMention.Kind.ANNOUNCEMENT,
                    quote=f"Tại hội nghị, Bộ Công Thương đã trao cờ đăng cai hội nghị lần thứ {following.roman} "
                    f"năm {following.year} cho {host}.",
                    quote_line=2,
                )
            )
        chair = conference.chairs.removeprefix("Thứ trưởng Bộ Công Thương ")
        host_chair = person(rng)
        officials += [
            ConferenceOfficial(
                conference=conference,
                source=first_source,
                name=chair,
                title="Thứ trưởng Bộ Công Thương",
                role=ConferenceOfficial.Role.CHAIR,
                quote=f"Thứ trưởng Bộ Công Thương {chair} chủ trì hội nghị.",
                quote_line=3,
                position=0,
            ),
            ConferenceOfficial(
                conference=conference,
                source=first_source,
                name=host_chair,
                title=f"Chủ tịch UBND {place_of(planned.host)}",
                role=ConferenceOfficial.Role.SPEAKER,
                quote=f"Chủ tịch UBND {place_of(planned.host)} {host_chair} phát biểu chào mừng hội nghị.",
                quote_line=4,
                position=1,
            ),
        ]
    ConferenceMention.objects.bulk_create(mentions, batch_size=1000)
    ConferenceOfficial.objects.bulk_create(officials, batch_size=1000)


def _insert_figures(rows, columns: tuple[str, ...], *, log, total: int) -> int:
    with indexes_deferred(IndicatorReport):
        written = insert_rows(IndicatorReport, columns, rows, log=log)
        log(f"  {written:,} figures written; building their indexes")
    return written
