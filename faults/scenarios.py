"""The four proofs. Each returns the problems it found: an empty list means the proof holds.

- load: sustained traffic on every kind of page gives no error and no 5xx;
- reload: while the data is reloaded again and again, no request fails and no response mixes old and
  new data (a list's count and its rows come from one version);
- corrupt: a broken fixture is refused with a clear message while the previous data stays served;
- restart: PostgreSQL stopped and restarted under traffic gives 503s while it is down (never a 500 or
  a dropped connection) and full recovery once it is back.
"""

import json
import re
import shutil
import tempfile
import threading
import time
from pathlib import Path

from faults.loadgen import Response, run_load
from faults.server import PROJECT, manage

PAGES = [
    "/",
    "/conferences/?region=north-28&year=2022-2024",
    "/conferences/north-28-x-2024/",
    "/figures/?indicator=export_turnover",
    "/figures/hanoimoi-north-28-x-2024-exports/",
    "/provinces/?q=thanh+hoa",
    "/regions/south-20/",
    "/search/?q=thanh+hoa",
    "/en/figures/",
    "/api/figures/?region=north-28",
    "/api/conferences/",
    "/conferences.csv",
]
# Two views whose count and rows come from separate queries: a mix of versions would disagree.
CONSISTENCY_PAGES = ["/api/conferences/?page_size=500", "/api/figures/?page_size=500", "/conferences/"]
DROPPED_SESSION = "north-28-2016"  # the smaller dataset is the real one without it (``smaller_dataset``)


def _kept(obj: dict) -> bool:
    return obj["fields"].get("slug") != DROPPED_SESSION and obj["fields"].get("conference") != [DROPPED_SESSION]


def dataset_counts(objects: list[dict]) -> dict[str, int]:
    """How many sessions and figures a fixture holds: what the API must count when it is served."""
    models = {"conferences": "conferences.conference", "figures": "conferences.indicatorreport"}
    return {kind: sum(obj["model"] == model for obj in objects) for kind, model in models.items()}


_REAL = json.loads((PROJECT / "fixtures" / "conferences.json").read_text(encoding="utf-8"))
FULL = dataset_counts(_REAL)
SMALLER = dataset_counts([obj for obj in _REAL if _kept(obj)])
LEAD = re.compile(r'<p class="lead">\s*(\d+) ')


def consistent(response: Response) -> str | None:
    """A problem when the response's count and rows disagree, or match neither dataset."""
    if response.status != 200:
        return f"status {response.status}"
    if response.path.startswith("/api/"):
        kind = "conferences" if "conferences" in response.path else "figures"
        data = json.loads(response.body)
        if data["count"] != len(data["results"]):
            return f"count {data['count']} but {len(data['results'])} rows: old and new data mixed"
        if data["count"] not in (FULL[kind], SMALLER[kind]):
            return f"{data['count']} {kind}, which is neither dataset"
        return None
    page = response.body.decode("utf-8")
    lead = LEAD.search(page)
    rows = page.count('<th scope="row">')
    if not lead or int(lead.group(1)) != rows:
        return f"the page says {lead.group(1) if lead else '?'} sessions but lists {rows}: old and new data mixed"
    return None


def only_ok(response: Response) -> str | None:
    return None if response.status == 200 else f"status {response.status}"


def prove_load(base_url: str, *, seconds: float, connections: int) -> tuple[list[str], str]:
    result = run_load(base_url, PAGES, connections=connections, seconds=seconds, check=only_ok)
    errors = [f"{r.path}: {r.error}" for r in result.responses if r.status is None]
    return errors + result.problems, result.summary()


def smaller_dataset(folder: Path) -> Path:
    """The real fixtures without the 2016 northern session (and what refers to it), in ``folder``."""
    shutil.copy(PROJECT / "fixtures" / "regions.json", folder / "regions.json")
    kept = [obj for obj in _REAL if _kept(obj)]
    (folder / "conferences.json").write_text(json.dumps(kept, ensure_ascii=False), encoding="utf-8")
    return folder


def prove_reload(base_url: str, database_url: str, *, seconds: float, connections: int) -> tuple[list[str], str]:
    problems, reloads = [], []
    stop = threading.Event()
    with tempfile.TemporaryDirectory() as folder:
        smaller = smaller_dataset(Path(folder))

        def reload_again_and_again():
            use_smaller = True
            while not stop.is_set():
                args = ["load_data", "--force"] + (["--fixtures-dir", str(smaller)] if use_smaller else [])
                result = manage(database_url, *args)
                reloads.append(result.returncode)
                if result.returncode:
                    problems.append(f"a reload failed: {result.stderr.strip()[-300:]}")
                use_smaller = not use_smaller

        reloader = threading.Thread(target=reload_again_and_again)
        reloader.start()
        try:
            result = run_load(base_url, CONSISTENCY_PAGES, connections=connections, seconds=seconds, check=consistent)
        finally:
            stop.set()
            reloader.join()
    restored = manage(database_url, "load_data", "--force")
    if restored.returncode:
        problems.append("restoring the real data failed")
    if len(reloads) < 2:
        problems.append(f"only {len(reloads)} reload(s) happened: the proof needs several")
    errors = [f"{r.path}: {r.error}" for r in result.responses if r.status is None]
    return problems + errors + result.problems, f"{result.summary()}; {len(reloads)} reloads"


def prove_corrupt_fixture(
    base_url: str, database_url: str, *, seconds: float, connections: int
) -> tuple[list[str], str]:
    problems = []
    with tempfile.TemporaryDirectory() as folder:
        broken = Path(folder)
        shutil.copy(PROJECT / "fixtures" / "regions.json", broken / "regions.json")
        text = (PROJECT / "fixtures" / "conferences.json").read_text(encoding="utf-8")
        (broken / "conferences.json").write_text(text[: len(text) // 2], encoding="utf-8")  # a partial file
        outcome = {}

        def load_broken():
            time.sleep(seconds / 3)
            outcome["result"] = manage(database_url, "load_data", "--force", "--fixtures-dir", str(broken))

        loader = threading.Thread(target=load_broken)
        loader.start()
        result = run_load(base_url, CONSISTENCY_PAGES, connections=connections, seconds=seconds, check=full_data)
        loader.join()
    attempt = outcome["result"]
    if attempt.returncode == 0:
        problems.append("the partial fixture was loaded")
    elif "previous data is unchanged" not in attempt.stderr:
        problems.append(f"the refusal does not say the data is unchanged: {attempt.stderr.strip()[-300:]}")
    errors = [f"{r.path}: {r.error}" for r in result.responses if r.status is None]
    return problems + errors + result.problems, f"{result.summary()}; load_data said: {attempt.stderr.strip()[-120:]}"


def full_data(response: Response) -> str | None:
    """Consistent, and still the full (previous) dataset."""
    problem = consistent(response)
    if problem or not response.path.startswith("/api/"):
        return problem
    data = json.loads(response.body)
    kind = "conferences" if "conferences" in response.path else "figures"
    return None if data["count"] == FULL[kind] else f"{data['count']} {kind}: the previous data is not served"


def prove_restart(base_url: str, cluster, *, before: float, outage: float, after: float, connections: int):
    """Stop the throwaway PostgreSQL under traffic, start it again, and look at every response."""
    paths = ["/conferences/north-28-x-2024/", "/api/figures/?region=north-28", "/figures/?indicator=export_turnover"]
    holder = {}
    timeline = {}

    def traffic():
        holder["result"] = run_load(base_url, paths, connections=connections, seconds=before + outage + after)

    thread = threading.Thread(target=traffic)
    thread.start()
    time.sleep(before)
    timeline["stopped"] = time.monotonic()
    cluster.stop()
    time.sleep(outage)
    cluster.start()
    timeline["started"] = time.monotonic()
    thread.join()
    result = holder["result"]
    problems = []
    unexpected = {status for status in result.statuses if status not in (200, 503)}
    if unexpected:
        problems.append(f"statuses other than 200 and 503: {sorted(unexpected, key=str)}")
    during = [r for r in result.responses if timeline["stopped"] + 0.5 < r.started < timeline["started"]]
    if not any(r.status == 503 for r in during):
        problems.append("no 503 while the database was down")
    recovered = [r for r in result.responses if r.started > timeline["started"] + 3]
    if not recovered or any(r.status != 200 for r in recovered):
        bad = sum(r.status != 200 for r in recovered)
        problems.append(f"no full recovery: {bad} of {len(recovered)} responses after the restart were not 200")
    return problems, result.summary()
