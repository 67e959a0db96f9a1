"""A list's whole download kept as a file per load (api/download_files.py): the same bytes as the stream, sent
from disk once written, and never kept when it could be wrong or incomplete."""

from datetime import timedelta
from pathlib import Path

import pytest
from django.core.signals import request_finished
from django.db import close_old_connections
from django.http import FileResponse

from api import download_files
from conferences.models import Dataset, IndicatorReport
from regions.models import Region

pytestmark = pytest.mark.django_db

DOWNLOADS = ["/figures.csv", "/en/figures.csv", "/figures.json", "/conferences.csv", "/en/provinces.json"]


def kept_files(settings) -> list[Path]:
    return sorted(path for path in Path(settings.PORTAL_DOWNLOADS_DIR).rglob("*") if path.is_file())


def body(response) -> bytes:
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def close_unread(response) -> None:
    """Close ``response`` before its end, as a server does when the client goes away. The test client's
    own closing keeps the test's connection open (``request_finished`` would close it); so does this."""
    request_finished.disconnect(close_old_connections)
    try:
        response.close()
    finally:
        request_finished.connect(close_old_connections)


def sent_from_disk(response) -> bool:
    """Whether ``response``, a download, is a kept file; closed unread."""
    assert response.status_code == 200
    close_unread(response)
    return isinstance(response, FileResponse)


def new_load():
    """What ``load_data`` leaves behind: a new version, loaded later (here, without replacing the rows)."""
    loaded_at = Dataset.objects.get().loaded_at + timedelta(seconds=1)
    Dataset.objects.update(version="f" * 64, loaded_at=loaded_at)


@pytest.mark.parametrize("url", DOWNLOADS)
def test_a_whole_download_is_kept_once_written_and_then_sent_from_disk(
    client, settings, url, django_assert_num_queries
):
    streamed = client.get(url)
    assert not isinstance(streamed, FileResponse)
    assert kept_files(settings) == []  # nothing under its final name before the last row
    first = body(streamed)
    [kept] = kept_files(settings)
    assert kept.read_bytes() == first
    with django_assert_num_queries(1):  # the data version only
        response = client.get(url)
    assert isinstance(response, FileResponse)
    assert int(response["Content-Length"]) == len(first)
    assert response["Content-Type"] == streamed["Content-Type"]
    assert response["Content-Disposition"] == streamed["Content-Disposition"]
    assert response["ETag"] == streamed["ETag"]
    assert body(response) == first


def test_each_language_and_format_is_a_file_of_its_own(client, settings):
    bodies = {url: body(client.get(url)) for url in ("/figures.csv", "/en/figures.csv", "/figures.json")}
    assert len(kept_files(settings)) == 3
    assert len(set(bodies.values())) == 3
    for url, first in bodies.items():
        response = client.get(url)
        assert isinstance(response, FileResponse) and body(response) == first


def test_each_host_gets_its_own_file_since_the_links_are_absolute(client, settings):
    settings.ALLOWED_HOSTS = ["testserver", "mirror.example"]
    here = body(client.get("/figures.csv"))
    there = client.get("/figures.csv", headers={"host": "mirror.example"})
    assert not isinstance(there, FileResponse)
    assert b"http://mirror.example/" in body(there) and b"http://mirror.example/" not in here
    assert len(kept_files(settings)) == 2


@pytest.mark.parametrize("query", ["?region=north-28", "?sort=-period", "?format=csv"])
def test_a_filtered_or_sorted_download_streams_and_is_not_kept(client, settings, query):
    body(client.get("/figures.csv" + query))
    response = client.get("/figures.csv" + query)
    assert not isinstance(response, FileResponse)
    body(response)
    assert kept_files(settings) == []


def test_an_abandoned_download_keeps_nothing_not_even_a_part(client, settings):
    response = client.get("/figures.csv")
    pieces = iter(response.streaming_content)
    next(pieces)
    assert len(list(Path(settings.PORTAL_DOWNLOADS_DIR).rglob("*.part"))) == 1  # being written
    close_unread(response)  # the client went away
    assert list(Path(settings.PORTAL_DOWNLOADS_DIR).rglob("*.*")) == []


def test_a_head_request_writes_nothing_but_is_answered_from_a_kept_file(client, settings):
    assert not sent_from_disk(client.head("/figures.csv"))
    assert kept_files(settings) == []
    size = len(body(client.get("/figures.csv")))
    response = client.head("/figures.csv")
    assert int(response["Content-Length"]) == size and sent_from_disk(response)


def test_after_a_load_the_new_data_is_streamed_and_the_older_load_s_files_go(client, settings):
    body(client.get("/figures.csv"))
    [before] = kept_files(settings)
    IndicatorReport.objects.filter(pk=IndicatorReport.objects.order_by("pk").first().pk).update(
        value_as_written="424242 tỷ đồng"
    )  # as a load would have changed it
    new_load()
    response = client.get("/figures.csv")
    assert not isinstance(response, FileResponse)
    assert "424242 tỷ đồng" in body(response).decode()
    [after] = kept_files(settings)
    assert after.parent != before.parent and not before.parent.exists()


def test_a_change_outside_a_load_keeps_nothing_and_is_downloaded_as_it_is(client, settings):
    body(client.get("/figures.csv"))
    region = Region.objects.get(slug="north-28")
    region.name_vi = "Sửa trong shell"
    region.save()  # forgets the load (conferences.signals)
    for _ in range(2):
        response = client.get("/figures.csv")
        assert not isinstance(response, FileResponse)
        assert "Sửa trong shell" in body(response).decode()
    assert len(kept_files(settings)) == 1  # the load's file, never sent again for this data


def test_with_no_folder_set_every_download_streams(client, settings):
    settings.PORTAL_DOWNLOADS_DIR = ""
    first = body(client.get("/figures.csv"))
    response = client.get("/figures.csv")
    assert not isinstance(response, FileResponse) and body(response) == first


def test_a_disk_nearly_full_keeps_nothing_and_the_download_is_whole(client, settings):
    settings.PORTAL_DOWNLOADS_MIN_FREE_MB = 10**12
    first = body(client.get("/figures.csv"))
    assert kept_files(settings) == [] and first.count(b"\r\n") == IndicatorReport.objects.count() + 1


def test_a_disk_filling_up_while_writing_abandons_the_copy_not_the_download(client, settings, monkeypatch):
    monkeypatch.setattr(download_files, "FREE_SPACE_CHECK_BYTES", 1)
    reads = iter([True, True, False])  # room at the start and for the first piece, then the disk fills
    monkeypatch.setattr(download_files, "_room_left", lambda folder: next(reads, False))
    first = body(client.get("/figures.csv"))
    assert list(Path(settings.PORTAL_DOWNLOADS_DIR).rglob("*.*")) == []
    settings.PORTAL_DOWNLOADS_DIR = ""
    assert body(client.get("/figures.csv")) == first


def test_two_downloads_writing_the_same_file_at_once_leave_one_whole_file(client, settings):
    one, two = client.get("/figures.csv"), client.get("/figures.csv")
    pieces_one, pieces_two = iter(one.streaming_content), iter(two.streaming_content)
    first = [next(pieces_one), next(pieces_two)]
    assert len(list(Path(settings.PORTAL_DOWNLOADS_DIR).rglob("*.part"))) == 2
    body_one = first[0] + b"".join(pieces_one)
    body_two = first[1] + b"".join(pieces_two)
    assert body_one == body_two
    [kept] = kept_files(settings)
    assert kept.read_bytes() == body_one


def test_a_request_still_naming_the_previous_load_keeps_nothing(client, settings):
    """For up to ``PORTAL_DATA_VERSION_RECHECK_MS`` after a load a worker may still name the one before; the
    newer load's folder may be there by then, and a file kept for the older one would never be removed."""
    body(client.get("/figures.csv"))
    [kept] = kept_files(settings)
    kept.unlink()
    kept.parent.with_name("ffffffffffff-newer-load").mkdir()  # a later load's, as its first download made it
    body(client.get("/figures.csv"))
    assert kept_files(settings) == []
