"""Data a browser test builds on top of the real data when the real data lacks what the test needs."""


def announce_next_session(region_slug: str, host_slug: str):
    """Construct an announced session of a group, after the latest it has on record, hosted by ``host_slug``.

    The tasks of who hosts next need a designation still ahead, and the real data may have none (the
    2025 sessions it announced are reported held now): the test builds it, in a year not yet past so
    that it is "next", not overdue. The live server shares the test's database, so it sees the row.
    """
    import factories
    from django.db.models import Max
    from django.utils import timezone

    from conferences.models import Conference
    from regions.models import Province, Region

    region = Region.objects.get(slug=region_slug)
    latest = Conference.objects.filter(region=region).aggregate(number=Max("session_number"), year=Max("year"))
    return factories.conference(
        region=region,
        session_number=(latest["number"] or 0) + 1,
        year=max(timezone.localdate().year, (latest["year"] or 0) + 1),
        status=Conference.Status.ANNOUNCED,
        host=Province.objects.get(slug=host_slug),
        host_basis=Conference.HostBasis.STATED,
        source=factories.source(),
    )
