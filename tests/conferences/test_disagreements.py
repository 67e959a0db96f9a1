"""Which statements of a session's sources disagree (conferences.disagreements)."""

from types import SimpleNamespace

from conferences.disagreements import session_disagreements


def mention(source: str, kind: str, host: str | None, **facts) -> SimpleNamespace:
    fields = {"session_number": None, "session_as_written": "", "date": None, "venue": "", "chairs": ""}
    return SimpleNamespace(
        source=source,
        kind=kind,
        host_id=host,
        host=SimpleNamespace(name=host),
        next_host_id=None,
        next_host=None,
        **{**fields, **facts},
    )


def test_a_report_of_where_the_session_was_held_is_no_rival_to_the_host_it_was_announced_with():
    mentions = [mention("article", "announcement", "Long An"), mention("page", "report", "Tây Ninh")]
    assert session_disagreements(mentions) == []


def test_two_reports_naming_different_hosts_disagree():
    mentions = [
        mention("article", "announcement", "Long An"),
        mention("page", "report", "Tây Ninh"),
        mention("other page", "report", "Cần Thơ"),
    ]
    (disagreement,) = session_disagreements(mentions)
    assert disagreement.fact == "host"
    assert [statement.shown for statement in disagreement.statements] == ["Cần Thơ", "Tây Ninh"]


def test_two_announcements_naming_different_hosts_disagree():
    mentions = [mention("article", "announcement", "Long An"), mention("page", "announcement", "Tây Ninh")]
    assert [d.fact for d in session_disagreements(mentions)] == ["host"]


def test_other_facts_of_an_announcement_still_count():
    mentions = [
        mention("article", "announcement", "Long An", session_number=11, session_as_written="lần thứ 11"),
        mention("page", "report", "Tây Ninh", session_number=12, session_as_written="lần thứ XII"),
    ]
    assert [d.fact for d in session_disagreements(mentions)] == ["session_number"]
