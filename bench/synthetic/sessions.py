"""The plan of the synthetic data: every group's sessions, and the sources that report them.

Session numbers follow the years (session N is held in ``FIRST_YEAR + N - 1``), hosts rotate among
the group's members, and each handover names the next session's host. The ``N`` figures are spread
over the held sessions (later sessions report more), and each session's over its sources.
"""

import calendar
import hashlib
import random
from dataclasses import dataclass, field
from datetime import date

from vietnamese.roman import to_roman

GENERATOR_VERSION = 1
PREFIX = "synthetic-"  # every synthetic source's slug starts with it, and the Dataset version too
FIRST_YEAR = 1991  # session I; session N is held in FIRST_YEAR + N - 1
LAST_HELD_YEAR = 2024  # the next session (2025) is announced, with its host named at the handover
FIGURES_PER_SOURCE = 2500  # keeps ``position`` (a small integer) far from its limit


# Reference data, as the generator needs it (read from the database by ``bench.synthetic.database``).


@dataclass(frozen=True)
class RefProvince:
    pk: int
    name: str
    kind: str  # "province" or "city"


@dataclass(frozen=True)
class RefRegion:
    pk: int
    slug: str
    name_vi: str
    name_en: str
    declared_size: int
    members: tuple[RefProvince, ...]  # pre-2025 units, in a stable order


@dataclass(frozen=True)
class RefIndicator:
    pk: int
    code: str
    unit: str
    name_vi: str
    name_en: str


# The plan: sessions, sources, mentions and officials.


@dataclass
class PlannedConference:
    key: int  # index in the plan
    region: RefRegion
    session_number: int
    year: int
    status: str
    host: RefProvince
    next_host: RefProvince | None
    date: date | None
    figures: int = 0
    sources: list["PlannedSource"] = field(default_factory=list)

    @property
    def slug(self) -> str:
        return f"{self.region.slug}-{to_roman(self.session_number).lower()}-{self.year}"

    @property
    def roman(self) -> str:
        return to_roman(self.session_number)


@dataclass
class PlannedSource:
    key: int
    conference: PlannedConference
    letter: str
    figures: int

    @property
    def slug(self) -> str:
        return f"{PREFIX}{self.conference.slug}-{self.letter}"


def plan_conferences(regions: list[RefRegion], figures: int, rng: random.Random) -> list[PlannedConference]:
    """Every group's sessions from FIRST_YEAR, hosts rotating among members, figures spread over them."""
    conferences = []
    for region in regions:
        rotation = list(region.members)
        rng.shuffle(rotation)
        last_session = LAST_HELD_YEAR - FIRST_YEAR + 2  # the announced one
        hosts = [rotation[(number - 1) % len(rotation)] for number in range(1, last_session + 1)]
        for number in range(1, last_session + 1):
            year = FIRST_YEAR + number - 1
            held = year <= LAST_HELD_YEAR
            month = rng.randint(4, 11)
            day = rng.randint(1, calendar.monthrange(year, month)[1])
            conferences.append(
                PlannedConference(
                    key=len(conferences),
                    region=region,
                    session_number=number,
                    year=year,
                    status="held" if held else "announced",
                    host=hosts[number - 1],
                    next_host=hosts[number] if held else None,
                    date=date(year, month, day) if held else None,
                )
            )
    held = [conference for conference in conferences if conference.status == "held"]
    # Later sessions report more: weights grow with the session number.
    weights = [1 + conference.session_number / 10 for conference in held]
    for conference, share in zip(held, _apportion(figures, weights), strict=True):
        conference.figures = share
    sources = 0
    for conference in held:
        count = max(2, -(-conference.figures // FIGURES_PER_SOURCE))
        for index, share in enumerate(_apportion(conference.figures, [1] * count)):
            conference.sources.append(PlannedSource(sources, conference, _letters(index), share))
            sources += 1
    return conferences


def _letters(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(ord("a") + remainder) + letters
    return letters


def _apportion(total: int, weights: list[float]) -> list[int]:
    """``total`` split in proportion to ``weights``, exactly (largest remainders)."""
    whole = sum(weights)
    exact = [total * weight / whole for weight in weights]
    shares = [int(value) for value in exact]
    by_remainder = sorted(range(len(weights)), key=lambda i: (exact[i] - shares[i], -i), reverse=True)
    for i in by_remainder[: total - sum(shares)]:
        shares[i] += 1
    return shares


def dataset_version(seed: int, figures: int, salt: str) -> str:
    """Unique per run, so that anything keyed by the version sees the new data; 64 characters."""
    digest = hashlib.sha256(f"{GENERATOR_VERSION}:{seed}:{figures}:{salt}".encode()).hexdigest()
    return f"{PREFIX}s{seed}-n{figures}-{digest}"[:64]
