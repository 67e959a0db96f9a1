"""Checks across articles: one record per conference, shares against totals, parts against wholes.

Figures are rounded as printed, so a share is consistent with its total when some values within the
printed rounding of each number agree: "16 tỷ USD, chiếm 13,3%" of "120,7 tỷ USD" holds because
15.5–16.5 out of 120.65–120.75 spans 12.8%–13.7%, which meets 13.25%–13.35%.
"""

from curation.curated import FigureFacts
from curation.problems import Problem
from vietnamese.rounding import bounds, parts_exceed, share_fits, share_range

# Units whose provincial values add up to a regional total; growth rates and shares do not.
ADDITIVE_UNITS = {"VND", "USD", "ha", "km2", "m3", "tonne", "kWh", "person", "count"}

# Where the session was actually held outranks the host named when it was announced: hosts change,
# and in 2025 a designated host could be merged into a new province before its session.
SUPERSEDED_BY_REPORT = ("host", "host_basis")

# How a page prints a fact it states; two pages printing the same day differently agree.
SPELLINGS = ("date_as_written",)

MERGED_FIELDS = (
    "region", "session_number", "year", "date", "date_as_written", "host", "host_basis",
    "venue", "organisers", "chairs", "theme", "next_host",
)  # fmt: skip


def merge_conferences(entries: list[dict], problems: list[Problem]) -> list[dict]:
    """One record per slug. Stated facts must agree, except that a report of the session outranks
    its announcement on where it was held; the result does not depend on which file is read first.

    Two annotations that contradict each other are a curator's error. A record (a page whose text we
    do not keep, ``curation.records``) that contradicts another source is a disagreement between
    pages: neither value is picked, the field stays empty (unknown) and is listed in ``_disputed``;
    each source's statement stays on its mention, for the quality and conference pages to show.
    """
    merged: dict[str, dict] = {}
    for entry in entries:
        record = merged.get(entry["slug"])
        if record is None:
            merged[entry["slug"]] = {**entry, "_disputed": set()}
            continue
        report_supersedes = record["status"] != entry["status"]
        for name in MERGED_FIELDS:
            if name in record["_disputed"]:
                continue
            ours, theirs = record[name], entry[name]
            if name in SPELLINGS and entry.get("_record") and ours not in (None, ""):
                continue  # the day is compared; each page's way of printing it stays on its mention
            if ours in (None, "") or theirs in (None, ""):
                record[name] = ours if ours not in (None, "") else theirs
            elif ours != theirs and name in SUPERSEDED_BY_REPORT and report_supersedes:
                record[name] = theirs if entry["status"] == "held" else ours
            elif name == "host_basis" and {ours, theirs} == {"stated", "venue"} and record["host"] == entry["host"]:
                record[name] = "stated"  # one source names the host, another only where it met: no conflict
            elif ours != theirs and entry.get("_record"):  # records are merged after every annotation
                _dispute(record, name)
            elif ours != theirs:
                problems.append(
                    Problem(
                        entry["_path"],
                        entry["_line"],
                        f"{entry['slug']}: {name} {theirs!r} contradicts "
                        f"{ours!r} from {record['_path']}:{record['_line']}",
                    )
                )
        if entry["status"] == "held":
            record["status"] = "held"
    return list(merged.values())


# A disputed field empties the fields that only make sense with it.
_DISPUTED_TOGETHER = {"host": ("host", "host_basis"), "date": ("date", "date_as_written")}


def _dispute(record: dict, name: str):
    together = _DISPUTED_TOGETHER.get(name.removesuffix("_basis").removesuffix("_as_written"), (name,))
    for field in together:
        record[field] = None if field in ("host", "date", "next_host", "session_number") else ""
        record["_disputed"].add(field)


def check_numbered_slugs(conferences: list[dict], problems: list[Problem]):
    """A slug that names a session number needs an article that states that number."""
    for conference in conferences:
        named = conference.get("_slug_session")
        if named and conference["session_number"] != named:
            problems.append(
                Problem(conference["_path"], conference["_line"], f"{conference['slug']} names session {named}, "
                        "but no article states that number")
            )  # fmt: skip


def check_one_session_a_year(conferences: list[dict], problems: list[Problem]):
    """A group meets once a year: two slugs for one group's year are one session named twice.

    Pages that print no number, or different numbers, still report the same session; its slug is then
    "<group>-<year>" (``curation.record_curator``), and each page's own number stays on its mention.
    """
    seen: dict[tuple[str, int], dict] = {}
    for conference in conferences:
        key = (conference["region"], conference["year"])
        first = seen.setdefault(key, conference)
        if first is not conference:
            problems.append(
                Problem(
                    conference["_path"],
                    conference["_line"],
                    f"{conference['slug']} and {first['slug']} (in {first['_path']}) are both the "
                    f"{conference['year']} session of {conference['region']}: use one slug",
                )
            )


def check_handover(conferences: list[dict], problems: list[Problem], successors: dict[str, str] | None = None):
    """The next host named at a flag handover is the host of the group's next session, where both are known.

    ``successors`` maps a pre-2025 unit to the 2025 unit it became: a province designated before the
    reorganisation hosts, as its successor, a session held after it.
    """
    successors = successors or {}
    by_session = {(c["region"], c["session_number"]): c for c in conferences if c["session_number"]}
    for conference in conferences:
        if not conference["session_number"]:
            continue  # without its own number, which session follows is not known
        following = by_session.get((conference["region"], conference["session_number"] + 1))
        designated = conference["next_host"]
        if designated and following and following["host"] not in (None, designated, successors.get(designated)):
            problems.append(
                Problem(
                    conference["_path"],
                    conference["_line"],
                    f"{conference['slug']} hands over to "
                    f"{conference['next_host']}, but {following['slug']} is hosted by {following['host']}",
                )
            )


def check_shares_and_parts(figures: list[tuple[str, FigureFacts]], problems: list[Problem]):
    """Shares against the total they are a share of; provincial values against the regional total.

    A share of the annual plan (``plan_share_pct``) is a share of a target no figure states, so it is
    never checked here. Neither is a signed value ("giảm 3,7%", "nhập siêu 1,2 tỷ USD"): a balance of
    some provinces can exceed the region's, because the provinces left out may be in deficit.
    """
    totals = {}
    for _, facts in figures:
        if facts.fields["scope"] in ("region", "country") and not facts.signed:
            totals[_total_key(facts, facts.fields["scope"])] = facts
    parts: dict[tuple, list[FigureFacts]] = {}
    for path, facts in figures:
        fields = facts.fields
        if fields["share_of"] in ("region", "country"):
            total = totals.get(_total_key(facts, fields["share_of"]))
            if total is not None:
                low, high = share_range(
                    bounds(fields["value"], facts.half_unit), bounds(total.fields["value"], total.half_unit)
                )
                if not share_fits(fields["share_pct"], facts.share_half_unit, low, high):
                    upper = "no upper limit" if high is None else f"{high:.2f}%"
                    problems.append(
                        Problem(
                            path,
                            facts.line,
                            f"figure {fields['slug']}: a share of {fields['share_pct']}% does not fit "
                            f"{fields['value']:f} out of {total.fields['value']:f} ({low:.2f}%–{upper})",
                        )
                    )
        if fields["scope"] == "province" and fields["unit"] in ADDITIVE_UNITS and not facts.signed:
            parts.setdefault(_total_key(facts, "region"), []).append((path, facts))
    for key, members in parts.items():
        total = totals.get(key)
        if total is None:
            continue
        provincial = [bounds(facts.fields["value"], facts.half_unit) for _, facts in members]
        if parts_exceed(provincial, bounds(total.fields["value"], total.half_unit)):
            path, facts = members[0]
            problems.append(
                Problem(
                    path,
                    facts.line,
                    f"provincial {facts.fields['indicator']} figures add up to more than "
                    f"the regional total {total.fields['slug']}",
                )
            )


def _total_key(facts: FigureFacts, scope: str) -> tuple:
    fields = facts.fields
    return (facts.conference, fields["indicator"], fields["period_start"], fields["period_end"], scope)
