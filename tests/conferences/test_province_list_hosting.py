"""The provinces list's hosting columns, made from every session kept for the load, are each page's
provinces' own summaries made from the sessions read afresh, in both maps' modes."""

import pytest

from conferences.rotation import every_session_for_hosting, hosting_summaries

pytestmark = pytest.mark.django_db


def summary(hosting) -> tuple:
    if hosting is None:
        return None
    turns = [
        (turn.region.pk, *(other and other.pk for other in (turn.session, turn.handover, turn.unit)))
        for turn in hosting.designations
    ]
    return [c.pk for c in hosting.hosted], turns, hosting.through_predecessors


@pytest.mark.parametrize("query", [{}, {"page": "2"}, {"page": "3", "sort": "-sessions"}, {"units": "now"}])
def test_each_row_has_its_province_s_own_hosting_summary(client, settings, query):
    settings.PORTAL_CACHE = False  # every request builds its page
    first = client.get("/provinces/").context["object_list"]  # the sessions are now kept for the load
    assert any(province.hosting.hosted for province in first)
    provinces = list(client.get("/provinces/", query).context["object_list"])
    own = hosting_summaries(every_session_for_hosting(), provinces, through_predecessors="units" in query)
    assert provinces
    assert [summary(province.hosting) for province in provinces] == [summary(own[p.pk]) for p in provinces]
