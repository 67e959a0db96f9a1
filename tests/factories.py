"""Builders for the data a test asserts on: a group, a province, a source, a session, a figure, ….

Plain Django ORM, keyword-only arguments, defaults that make a valid row: a test names only what it
asserts on. Rows get their search columns as ``load_data`` would give them, so searches find them.
Start from an empty database with the ``empty_database`` fixture (tests/conftest.py), or assert
relative to what the test adds.

(factory_boy was weighed: these few builders need no sequences, traits or lazy attributes beyond a
counter, and plain functions keep the defaults readable in one place without a new dependency.)
"""

import hashlib
import itertools
from datetime import date
from decimal import Decimal

from conferences.models import (
    Conference,
    ConferenceMention,
    ConferenceOfficial,
    Indicator,
    IndicatorReport,
    MembershipStatement,
    Source,
)
from listings.search import SearchableModel
from regions.models import Basis, Province, Region, RegionMembership
from vietnamese.folding import fold

_numbers = itertools.count(1)


def _next() -> int:
    return next(_numbers)


def _saved(instance):
    """Save ``instance`` with its search columns filled, as a load fills them."""
    if isinstance(instance, SearchableModel):
        instance.search_name, instance.search_text = instance.search_columns()
    instance.full_clean(validate_unique=False, validate_constraints=False)
    instance.save()
    return instance


def region(*, slug: str = "", name_vi: str = "", name_en: str = "", declared_size: int = 3, **fields) -> Region:
    number = _next()
    return _saved(
        Region(
            slug=slug or f"test-group-{number}",
            name_vi=name_vi or f"các tỉnh nhóm thử {number}",
            name_en=name_en or f"test group {number}",
            declared_size=declared_size,
            position=fields.pop("position", number),
            **fields,
        )
    )


def province(*, name: str = "", slug: str = "", kind: str = Province.Kind.PROVINCE, **fields) -> Province:
    number = _next()
    name = name or f"Tỉnh Thử {number}"
    return _saved(
        Province(
            slug=slug or f"tinh-thu-{number}",
            name=name,
            name_folded=fold(name),
            kind=kind,
            administrative_map=fields.pop("administrative_map", Province.Map.BEFORE_2025),
            **fields,
        )
    )


def membership(*, region: Region, province: Province, basis: str = Basis.INFERRED, **fields) -> RegionMembership:
    return _saved(RegionMembership(region=region, province=province, basis=basis, **fields))


def membership_statement(
    *, membership: RegionMembership, source: Source, locator: str = "đoạn 1"
) -> MembershipStatement:
    return _saved(MembershipStatement(membership=membership, source=source, locator=locator))


def source(*, slug: str = "", publication: str = "Báo Thử", title: str = "", **fields) -> Source:
    number = _next()
    slug = slug or f"test-source-{number}"
    return _saved(
        Source(
            slug=slug,
            file_name=fields.pop("file_name", f"{slug}.txt"),
            text_sha256=fields.pop("text_sha256", hashlib.sha256(slug.encode()).hexdigest()),
            publication=publication,
            title=title or f"Bài thử {number}",
            **fields,
        )
    )


def conference(
    *,
    region: Region | None = None,
    year: int = 2024,
    session_number: int | None = None,
    status: str = Conference.Status.HELD,
    host: Province | None = None,
    source: Source | None = None,
    **fields,
) -> Conference:
    """A session; with ``source``, also the mention that reports it (a mention's quote is its own)."""
    region = region or _a_region()
    host_basis = fields.pop("host_basis", Conference.HostBasis.VENUE if host else "")
    conference = _saved(
        Conference(
            slug=fields.pop("slug", f"{region.slug}-{year}-{_next()}"),
            region=region,
            year=year,
            session_number=session_number,
            status=status,
            host=host,
            host_basis=host_basis,
            **fields,
        )
    )
    if source is not None:
        mention(conference=conference, source=source)
    return conference


def mention(*, conference: Conference, source: Source, **fields) -> ConferenceMention:
    return _saved(
        ConferenceMention(
            conference=conference,
            source=source,
            kind=fields.pop("kind", ConferenceMention.Kind.REPORT),
            quote=fields.pop("quote", f"Câu thử {_next()} về hội nghị."),
            quote_line=fields.pop("quote_line", 1),
            **fields,
        )
    )


def official(*, conference: Conference, name: str = "", role: str = "", **fields) -> ConferenceOfficial:
    number = _next()
    return _saved(
        ConferenceOfficial(
            conference=conference,
            source=fields.pop("source", None) or conference.sources.first() or source(),
            name=name or f"Nguyễn Văn Thử {number}",
            title=fields.pop("title", "Thứ trưởng Bộ Công Thương"),
            role=role or ConferenceOfficial.Role.CHAIR,
            quote=fields.pop("quote", f"Câu thử {number} về người chủ trì."),
            quote_line=fields.pop("quote_line", 1),
            position=fields.pop("position", number),
            **fields,
        )
    )


def indicator(*, code: str = "", unit: str = "USD", name_vi: str = "", name_en: str = "", **fields) -> Indicator:
    """The indicator ``code``: the existing row if there is one, otherwise a new one."""
    if code and (existing := Indicator.objects.filter(code=code).first()):
        return existing
    number = _next()
    return _saved(
        Indicator(
            code=code or f"test_indicator_{number}",
            unit=unit,
            name_vi=name_vi or f"Chỉ tiêu thử {number}",
            name_en=name_en or f"Test indicator {number}",
            position=fields.pop("position", 1000 + number),
            **fields,
        )
    )


def figure(
    *,
    conference: Conference | None = None,
    source: Source | None = None,
    indicator: Indicator | None = None,
    value: Decimal | str = "120700000000",
    value_as_written: str = "120,7 tỷ USD",
    unit_as_written: str = "tỷ USD",
    period_start: date | None = date(2024, 1, 1),
    period_end: date = date(2024, 6, 30),
    period_label: str = "6 tháng đầu năm 2024",
    scope: str = IndicatorReport.Scope.REGION,
    province: Province | None = None,
    qualifier: str = IndicatorReport.Qualifier.ACTUAL,
    **fields,
) -> IndicatorReport:
    """A figure of ``conference`` (a new session unless given), printed by ``source`` (likewise)."""
    conference = conference or _a_conference()
    source = source or conference.sources.first() or _a_source()
    if not conference.mentions.filter(source=source).exists():
        mention(conference=conference, source=source)
    indicator = indicator or _export_turnover()
    number = _next()
    sentence = f"{period_label}, {indicator.name_vi.lower()} đạt {value_as_written} (câu thử {number})."
    quote = fields.pop("quote", sentence)
    return _saved(
        IndicatorReport(
            slug=fields.pop("slug", f"test-figure-{number}"),
            conference=conference,
            source=source,
            indicator=indicator,
            indicator_as_written=fields.pop("indicator_as_written", indicator.name_vi.lower()),
            scope=IndicatorReport.Scope.PROVINCE if province else scope,
            province=province,
            period_start=period_start,
            period_end=period_end,
            is_stock=period_start is None,
            period_label=period_label,
            value=Decimal(value),
            unit=fields.pop("unit", indicator.unit),
            unit_as_written=unit_as_written,
            value_as_written=value_as_written,
            qualifier=qualifier,
            quote=quote,
            quote_line=fields.pop("quote_line", 1),
            position=fields.pop("position", number),
            **fields,
        )
    )


# Defaults for the builders whose arguments share these functions' names.


def _a_region() -> Region:
    return region()


def _a_source() -> Source:
    return source()


def _a_conference() -> Conference:
    return conference()


def _export_turnover() -> Indicator:
    return indicator(code="export_turnover", unit="USD", name_vi="Kim ngạch xuất khẩu", name_en="Export turnover")
