"""``make run`` serves the portal with gunicorn, the production server, on 127.0.0.1, and Ctrl-C stops it.

The run uses a database file of its own, so the project's ``db.sqlite3`` is left alone.
"""

import os
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(url: str, seconds: float):
    deadline = time.monotonic() + seconds
    while True:
        try:
            return urllib.request.urlopen(url, timeout=2)
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.25)


def test_make_run_serves_with_gunicorn_on_loopback_and_stops_on_ctrl_c(tmp_path):
    port = free_port()
    env = {**os.environ, "PORT": str(port), "DATABASE_URL": f"sqlite:///{tmp_path / 'run.sqlite3'}"}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    server = subprocess.Popen(
        ["make", "--no-print-directory", "run"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,  # its own process group, as a terminal's Ctrl-C reaches
    )
    try:
        with wait_for(f"http://127.0.0.1:{port}/", seconds=90) as response:
            assert response.status == 200
            assert response.headers["Server"].startswith("gunicorn")
        own_address = socket.gethostbyname(socket.gethostname())
        if not own_address.startswith("127."):  # the machine's other interface: nothing listens there
            with socket.socket() as other_interface:
                assert other_interface.connect_ex((own_address, port)) != 0
        os.killpg(server.pid, signal.SIGINT)
        output = server.communicate(timeout=20)[0].decode()  # make run waits at most 3 s for open connections
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGKILL)
        server.communicate()  # reaps it and closes its output pipe
    assert "gunicorn" in output and "runserver" not in output
    assert "Traceback" not in output
