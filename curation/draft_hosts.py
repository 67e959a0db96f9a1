"""Who hosts a session, and where it meets: the host and venue fields of a drafted conference.

The host is a province that co-organises ("UBND tỉnh X … tổ chức", "phối hợp với tỉnh X tổ chức"), hosts
("X đã đăng cai") or organises through its department ("Sở Công Thương tỉnh X phối hợp … tổ chức");
else the province of the venue, the one it is written in rather than one recalled in brackets. The
flag handover names the next host ("Long An nhận cờ…", "trao cờ … cho Sở Công Thương tỉnh X").

Names resolve on the day the build resolves the article's names on; a name that resolves otherwise on
1 January of the session's year, when the page's date stands in for a day the text does not give, is
left to the reviewer. A ward or commune of the 2025 map in the venue is resolved for the reviewer.
"""

import re
from datetime import date

from curation.draft_entries import Entry
from curation.draft_places import Place, ProvinceNames
from curation.draft_text import Sentence, fold_in_place
from curation.draft_venues import Venues
from curation.draft_wards import Wards
from curation.reference import MAP_2025, Reference

# "UBND tỉnh X … tổ chức", "Bộ Công Thương phối hợp với tỉnh X tổ chức": X co-organises.
_CO_ORGANISER = re.compile(
    r"(?:UBND|Ủy\s+ban\s+nhân\s+dân)\s+(?:tỉnh|thành\s+phố|TP\.?)?\s*$|phối\s+hợp\s+với\s+(?:tỉnh|thành\s+phố|TP\.?)\s*$",
    re.IGNORECASE,
)
_DEPARTMENT = re.compile(r"Sở\s+Công\s+thương\s+(?:tỉnh|thành\s+phố|TP\.?)?\s*$", re.IGNORECASE)
_HOSTING = re.compile(
    r"^\s+(?:đã\s+|sẽ\s+)?(?:vinh\s+dự\s+)?(?:được\s+(?:giao|chọn)\s+(?:nhiệm\s+vụ\s+)?|là\s+(?:đơn\s+vị|địa\s+phương|tỉnh|thành\s+phố)\s+)?"
    r"đăng\s+cai",
    re.IGNORECASE,
)
_ORGANISING = re.compile(r"^\s+(?:đã\s+|sẽ\s+)?(?:đăng\s+cai|phối\s+hợp|tổ\s+chức|chủ\s+trì\s+tổ\s+chức)", re.I)
ORGANISED_LATER = re.compile(r"tổ\s+chức|đăng\s+cai", re.IGNORECASE)
_FLAG_GIVEN = re.compile(
    r"(?:trao|bàn\s+giao|chuyển\s+giao)\s+(?:lại\s+)?(?:lá\s+)?cờ.*?\scho\s+(?:(?:Sở\s+Công\s+thương|UBND|Ủy\s+ban\s+nhân\s+dân|lãnh\s+đạo|đại\s+diện)\s+)*"
    r"(?:tỉnh\s+|thành\s+phố\s+|TP\.?\s*)?$",
    re.IGNORECASE,
)
_FLAG_TAKEN = re.compile(r"^\s+(?:đã\s+)?(?:vinh\s+dự\s+)?(?:đón\s+|tiếp\s+)?nhận\s+(?:lá\s+)?cờ", re.IGNORECASE)


class Hosts:
    def __init__(
        self,
        reference: Reference,
        names: ProvinceNames,
        venues: Venues,
        wards: Wards,
        on: date,
        undated: date | None,
    ):
        self.reference = reference
        self.names = names
        self.venues = venues
        self.wards = wards
        self.on = on  # the day the build resolves the article's names on
        # 1 January of the session's year, when the text gives no day and the page's date stands in
        self.undated = undated

    def stated(self, text: str) -> Place | None:
        """A province that co-organises ("UBND tỉnh Kiên Giang … tổ chức", "phối hợp với tỉnh Tuyên Quang tổ
        chức"), hosts ("Thanh Hóa đã đăng cai")
        or organises through its department ("Sở Công Thương tỉnh Nghệ An phối hợp … tổ chức")."""
        for place in self.names.find(text):
            before, after = text[: place.start], text[place.end :]
            if _HOSTING.match(after):
                return place
            if _CO_ORGANISER.search(before) and ORGANISED_LATER.search(after):
                return place
            if _DEPARTMENT.search(before) and _ORGANISING.match(after):
                return place
        return None

    def flag_recipient(self, text: str) -> Place | None:
        """The province handed the flag: "trao cờ … cho tỉnh X", "X nhận cờ"."""
        for place in self.names.find(text):
            if _FLAG_GIVEN.search(text[: place.start]) or _FLAG_TAKEN.match(text[place.end :]):
                return place
        return None

    def places_in(self, venue: Place | None) -> list[Place]:
        """The places of a venue, the one it is written in last."""
        return _outside_brackets_first(self.names.find(venue.written), venue.written) if venue else []

    def draft(self, entry: Entry, quotes: list[Sentence]):
        """The venue and host ``quotes`` give: the host stated, else the venue's province."""
        venue = next((v for v in (self.venues.find(s.text) for s in quotes) if v), None)
        stated = next((h for h in (self.stated(s.text) for s in quotes) if h), None)
        in_venue = self.places_in(venue)
        # "thành phố Huế" in 2023 is a city of Thừa Thiên Huế, not a province to compare with the host
        provinces = [place for place in in_venue if self.reference.province_named(place.written, on=self.on)]
        if venue:
            entry.fields["venue"] = venue.written
        if stated:
            self.record(entry, stated.written, "stated")
            if provinces and _fold(provinces[-1].written) != _fold(stated.written):
                entry.todo(f"the venue {venue.written!r} and the host {stated.written!r} differ: check", "host")
        elif in_venue:
            self.record(entry, in_venue[-1].written, "venue")
            if entry.fields["host_basis"]:
                entry.comments["host_basis"] = "the text says where it was held, not who hosted it"
        if venue:
            self._ward_of_venue(entry, venue)

    def record(self, entry: Entry, name: str, basis: str):
        """``name`` as the host, when it names a province on the day names resolve on."""
        unit = self.reference.province_named(name, on=self.on)
        if unit is None:
            entry.todo(
                f"{name!r} is named, but no province had that name on {self.on:%d/%m/%Y}, the day the build "
                "resolves this article's names on",
                "host",
            )
            return
        earlier = self.reference.province_named(name, on=self.undated) if self.undated else unit
        if earlier is not None and earlier.slug != unit.slug:
            entry.todo(
                f"no day in the text: the build reads {name!r} on the page's date {self.on:%d/%m/%Y} as {unit.slug}, "
                f"but on {self.undated:%d/%m/%Y} it was {earlier.slug}; give the session's date if the text states it",
                "host",
            )
        entry.fields["host"], entry.fields["host_basis"] = name, basis

    def _ward_of_venue(self, entry: Entry, venue: Place):
        """A ward or commune of the 2025 map in the venue: its province, for the reviewer."""
        if self.on < min(p.valid_from for p in self.reference.provinces if p.administrative_map == MAP_2025):
            return  # before July 2025 a "phường" is one of the old map's, which the list does not hold
        host = self.reference.province_named(entry.fields["host"], on=self.on) if entry.fields["host"] else None
        for ward in self.wards.find(venue.written):
            province = self.wards.province_of(ward.written, within=host)
            if host is not None and province is None:
                entry.todo(f"the statistics office's list has no {ward.written!r} in {host.name}: check", "host")
            elif host is None and province is not None:
                entry.todo(
                    f"the venue {ward.written!r} is a unit of {province.name} on the 2025 map (the statistics "
                    f"office's list), but the text does not name the province with it: the host is not stated",
                    "host",
                )
            elif host is None:
                entry.todo(f"{ward.written!r} is the name of units in several provinces: which is not stated", "host")
            return


def _outside_brackets_first(places: list[Place], text: str) -> list[Place]:
    """The places of a venue, those in brackets first, so that the last is the one it is written as:
    "TP Phú Quốc (tỉnh Kiên Giang)" is in Kiên Giang, "phường Tân An, tỉnh Tây Ninh (trước đây là …, tỉnh
    Long An)" in Tây Ninh."""
    bracketed = [place for place in places if text[: place.start].count("(") > text[: place.start].count(")")]
    return [*bracketed, *(place for place in places if place not in bracketed)]


def _fold(text: str) -> str:
    return " ".join(fold_in_place(text).split())
