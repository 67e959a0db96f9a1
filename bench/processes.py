"""The benchmark's processes: the throwaway databases (PostgreSQL, and a SQLite file) and gunicorn.

Only 127.0.0.1 is ever contacted, and every process started here is stopped by its own id.
"""

import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.request
from contextlib import suppress
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
CEILING_PATH = "/bench/ceiling/"  # the trivial view (``bench/urls.py``), served when PORTAL_BENCH_CEILING=1


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def manage(env: dict, *args: str) -> None:
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)


def psql(server: str, sql: str) -> None:
    subprocess.run(["psql", server, "-v", "ON_ERROR_STOP=1", "-qc", sql], check=True, stdout=subprocess.DEVNULL)


def database_version(env: dict) -> str:
    code = "from conferences.models import Dataset; d = Dataset.objects.current(); print(d.version if d else '')"
    out = subprocess.run([PYTHON, "manage.py", "shell", "-c", code], cwd=ROOT, env=env, capture_output=True, text=True)
    lines = out.stdout.strip().splitlines()  # the shell may print its automatic imports first
    return lines[-1] if lines else ""


def holds_the_data(args, env: dict) -> bool:
    """Whether the database holds the synthetic data of this seed and size, every migration applied."""
    if database_version(env).startswith(f"synthetic-s{args.seed}-n{args.figures}-"):
        check = [PYTHON, "manage.py", "migrate", "--check"]
        return subprocess.run(check, cwd=ROOT, env=env, capture_output=True).returncode == 0
    return False


def fill(args, env: dict) -> None:
    """Migrate, load the reference data, and generate the synthetic figures."""
    manage(env, "migrate", "--no-input", "-v0")
    manage(env, "load_data", "-v0")
    started = time.monotonic()
    manage(env, "generate_synthetic", "--figures", str(args.figures), "--seed", str(args.seed), "--replace")
    log(f"generated {args.figures:,} figures in {time.monotonic() - started:.0f}s")
    if not (ROOT / "staticfiles-manifest" / "staticfiles.json").exists():
        manage(env, "collectstatic", "--no-input", "-v0")


def prepare_postgresql(args, env: dict) -> None:
    if args.reuse_db and holds_the_data(args, env):
        log(f"reusing {args.database} ({args.figures:,} figures)")
        apply_settings(args)
        return
    log(f"recreating {args.database} on {args.server}")
    psql(args.server, f'DROP DATABASE IF EXISTS "{args.database}" WITH (FORCE)')
    psql(args.server, f'CREATE DATABASE "{args.database}"')
    apply_settings(args)
    fill(args, env)


def prepare_sqlite(args, env: dict) -> None:
    """The same synthetic data in ``--sqlite-file``, kept when it already holds it (``--reuse-db``)."""
    path = Path(args.sqlite_file)
    if args.reuse_db and path.exists() and holds_the_data(args, env):
        log(f"reusing {path} ({args.figures:,} figures)")
        return
    log(f"recreating {path}")
    path.parent.mkdir(parents=True, exist_ok=True)
    for stale in (path, path.with_name(path.name + "-journal"), path.with_name(path.name + "-wal")):
        stale.unlink(missing_ok=True)
    fill(args, env)


def apply_settings(args) -> None:
    """``--pg-set`` for the database's new sessions (quote units: ``work_mem='32MB'``)."""
    for setting in args.pg_set:
        psql(args.server, f'ALTER DATABASE "{args.database}" SET {setting}')


def portal_env(env: dict, cache: str) -> dict:
    """The environment of a process that runs the portal for the benchmark: ``bench.settings`` with the
    ceiling view, and the cache on or off."""
    return {
        **env,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "PORTAL_BENCH_CEILING": "1",
        "PORTAL_CACHE": "1" if cache == "on" else "0",
    }


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def terminate(process: subprocess.Popen, *, grace: float = 30) -> None:
    """SIGTERM, then SIGKILL if ``process`` has not stopped within ``grace`` seconds."""
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


class Server:
    """gunicorn with the project's gunicorn.conf.py (or explicit options), stopped by its own pid."""

    def __init__(self, args, env: dict, cache: str):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        # Downloads kept per load (api/download_files.py) in a folder of this server's: the first full
        # download of each run streams, whatever an earlier run kept for the same data.
        self.downloads = tempfile.mkdtemp(prefix="bench-downloads-")
        self.env = {
            **portal_env(env, cache),
            "BIND": f"127.0.0.1:{self.port}",
            "PORTAL_DOWNLOADS_DIR": self.downloads,
        }
        if args.workers:
            self.env["WEB_CONCURRENCY"] = str(args.workers)
        if args.max_requests is not None:
            self.env["GUNICORN_MAX_REQUESTS"] = str(args.max_requests)
        config = ROOT / "gunicorn.conf.py"
        if config.exists():
            command = [GUNICORN, "-c", str(config)]
        else:  # before gunicorn.conf.py existed: the same choices on the command line
            command = [GUNICORN, "portal.wsgi:application", "--bind", self.env["BIND"], "--worker-class", "gthread"]
            command += ["--workers", str(args.workers or 5), "--threads", "4", "--preload"]
        log_path = Path(tempfile.gettempdir()) / f"bench-gunicorn-{cache}.log"
        self.log = open(log_path, "w")  # noqa: SIM115 (closed in stop)
        self.process = subprocess.Popen(command, cwd=ROOT, env=self.env, stdout=self.log, stderr=subprocess.STDOUT)
        self._wait()

    def _wait(self) -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"gunicorn exited ({self.process.returncode}); see {self.log.name}")
            try:
                with urllib.request.urlopen(self.base + CEILING_PATH, timeout=5) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.3)
        raise SystemExit("gunicorn did not answer within 60 s")

    def workers(self) -> list[int]:
        out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(self.process.pid)], capture_output=True, text=True)
        return [int(pid) for pid in out.stdout.split()]

    def stop(self) -> None:
        """The master, then any worker still alive: a master killed after its grace period leaves the
        workers that were still serving (a page that takes minutes) running on their own."""
        workers = self.workers()
        terminate(self.process)
        for pid in workers:
            with suppress(OSError):  # gone already
                if b"gunicorn" in Path(f"/proc/{pid}/cmdline").read_bytes():  # still that worker
                    os.kill(pid, signal.SIGKILL)
        self.log.close()
        shutil.rmtree(self.downloads, ignore_errors=True)
