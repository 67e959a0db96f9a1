"""The portal under test: migrated and loaded into a given database, served by gunicorn on loopback."""

import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from faults.cluster import free_port

PROJECT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable


def manage(database_url: str, *args: str) -> subprocess.CompletedProcess:
    """Run a management command against ``database_url``; the result keeps its output for messages."""
    return subprocess.run(
        [PYTHON, "manage.py", *args], cwd=PROJECT, env=environment(database_url), capture_output=True, text=True
    )


def environment(database_url: str) -> dict[str, str]:
    return {**os.environ, "DATABASE_URL": database_url, "DJANGO_DEBUG": "0", "PYTHONUNBUFFERED": "1"}


class PortalServer:
    """gunicorn serving the project, with the project's own gunicorn.conf.py where there is one: its
    threads, connections and keep-alive, with ``workers`` processes. Without one, gthread workers of
    ``threads`` threads."""

    def __init__(self, database_url: str, *, workers: int = 2, threads: int = 4):
        self.database_url = database_url
        self.port = free_port()
        self.workers, self.threads = workers, threads
        self.process = None
        self.log = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def prepare(self) -> None:
        for args in (("migrate", "--no-input", "-v0"), ("load_data",), ("collectstatic", "--no-input", "-v0")):
            result = manage(self.database_url, *args)
            if result.returncode:
                raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stdout}{result.stderr}")

    def start(self) -> "PortalServer":
        gunicorn = str(Path(PYTHON).with_name("gunicorn"))
        command = [gunicorn, "portal.wsgi:application", "--bind", f"127.0.0.1:{self.port}"]
        if (PROJECT / "gunicorn.conf.py").exists():
            command += ["--config", str(PROJECT / "gunicorn.conf.py"), "--workers", str(self.workers)]
        else:
            command += ["--workers", str(self.workers), "--threads", str(self.threads), "--worker-class", "gthread"]
        self.log = open(Path(os.environ.get("TMPDIR", "/tmp")) / f"portal-faults-gunicorn-{self.port}.log", "w")  # noqa: SIM115
        self.process = subprocess.Popen(
            command, cwd=PROJECT, env=environment(self.database_url), stdout=self.log, stderr=subprocess.STDOUT
        )
        self._wait_until_serving()
        return self

    def _wait_until_serving(self, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited with {self.process.returncode}; see {self.log.name}")
            try:
                with urllib.request.urlopen(self.base_url + "/", timeout=2) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.2)
        raise RuntimeError(f"gunicorn did not serve within {timeout} s; see {self.log.name}")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
        if self.log:
            self.log.close()
