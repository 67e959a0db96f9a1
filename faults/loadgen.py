"""A small, bounded HTTP/1.1 load generator that keeps every response's status and can check bodies.

wrk measures throughput well but cannot say whether a response's body is consistent; these proofs
need both, on loopback only, bounded in time. Connections are kept alive where the server allows.
"""

import asyncio
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit


@dataclass
class Response:
    path: str
    status: int | None  # None: the connection failed
    body: bytes
    started: float
    seconds: float
    error: str = ""


@dataclass
class LoadResult:
    responses: list[Response] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def statuses(self) -> Counter:
        return Counter(response.status for response in self.responses)

    def latency_ms(self, quantile: float) -> float:
        times = sorted(response.seconds for response in self.responses if response.status)
        return 1000 * times[min(len(times) - 1, int(quantile * len(times)))] if times else float("nan")

    def summary(self) -> str:
        statuses = ", ".join(
            f"{status or 'connection error'}: {count}" for status, count in sorted(self.statuses.items(), key=str)
        )
        return (
            f"{len(self.responses)} requests ({statuses}); p50 {self.latency_ms(0.5):.0f} ms, "
            f"p99 {self.latency_ms(0.99):.0f} ms; {len(self.problems)} body problems"
        )


Check = Callable[[Response], str | None]


async def _read_response(reader: asyncio.StreamReader) -> tuple[int, dict[str, str], bytes]:
    status_line = await reader.readline()
    if not status_line:
        raise ConnectionError("connection closed before a response")
    status = int(status_line.split()[1])
    headers = {}
    while (line := await reader.readline()) not in (b"\r\n", b""):
        name, _, value = line.decode("latin-1").partition(":")
        headers[name.strip().lower()] = value.strip()
    if "content-length" in headers:
        body = await reader.readexactly(int(headers["content-length"]))
    elif headers.get("transfer-encoding", "").lower() == "chunked":
        parts = []
        while (size := int((await reader.readline()).split(b";")[0], 16)) > 0:
            parts.append(await reader.readexactly(size))
            await reader.readline()
        await reader.readline()
        body = b"".join(parts)
    else:
        body = await reader.read()
        headers["connection"] = "close"
    return status, headers, body


async def _connection(host, port, paths, deadline, result: LoadResult, check: Check | None, offset: int):
    reader = writer = None
    index = offset
    while time.monotonic() < deadline:
        path = paths[index % len(paths)]
        index += 1
        started = time.monotonic()
        try:
            if writer is None:
                reader, writer = await asyncio.wait_for(asyncio.open_connection(host, port), 5)
            writer.write(f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nConnection: keep-alive\r\n\r\n".encode())
            await writer.drain()
            status, headers, body = await asyncio.wait_for(_read_response(reader), 30)
            response = Response(path, status, body, started, time.monotonic() - started)
            if headers.get("connection", "").lower() == "close":
                writer.close()
                writer = None
        except (TimeoutError, OSError, ConnectionError, asyncio.IncompleteReadError, ValueError) as exc:
            response = Response(path, None, b"", started, time.monotonic() - started, error=repr(exc))
            if writer is not None:
                writer.close()
            writer = None
            await asyncio.sleep(0.05)
        result.responses.append(response)
        if check and response.status:
            problem = check(response)
            if problem:
                result.problems.append(f"{path}: {problem}")
    if writer is not None:
        writer.close()


def run_load(
    base_url: str, paths: list[str], *, connections: int, seconds: float, check: Check | None = None
) -> LoadResult:
    """Send requests from ``connections`` concurrent connections for ``seconds``, cycling through ``paths``."""
    parts = urlsplit(base_url)
    result = LoadResult()
    deadline = time.monotonic() + seconds

    async def main():
        await asyncio.gather(
            *(_connection(parts.hostname, parts.port, paths, deadline, result, check, n) for n in range(connections))
        )

    asyncio.run(main())
    return result
