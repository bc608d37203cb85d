"""Start a real Neo4j 5.26 Community server (with OpenGDS when it loads) for tests and benchmarks.

No Docker and nothing downloaded from outside Maven Central: the Maven module in
``tools/neo4j-server`` resolves Neo4j's own artifacts (``org.neo4j.test:neo4j-harness``) and the
OpenGDS modules (``org.neo4j.gds:*``), and a tiny Java main runs the DBMS in one JVM, bound to
127.0.0.1 on a free Bolt port. The JVM prints ``READY bolt://127.0.0.1:PORT gds=...`` on stdout,
and exits when its stdin reaches EOF, so it dies with the Python process that started it: this
module keeps the write end of that pipe open for the server's lifetime and never hands it to
another process. See ``tools/README.md``.

Usage::

    server = neo4j_launcher.start(tmp_path / "neo4j")   # builds once, then ~15-20 s to ready
    try:
        ...  # neo4j.GraphDatabase.driver(server.uri, auth=(server.user, server.password))
    finally:
        server.stop()

Persistent, restartable mode: ``start(workdir, home=DIR, bolt_port=PORT)`` keeps the database in
``DIR`` (a Neo4j home); stopping and starting again with the same ``home`` and port gives the same
data on the same ``uri``. Without ``home`` every start is an empty, throwaway database.

CLI: ``python tools/neo4j_launcher.py build [--force]`` and ``python tools/neo4j_launcher.py run``.
"""

from __future__ import annotations

import argparse
import atexit
import contextlib
import fcntl
import hashlib
import os
import queue
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import IO

__all__ = [
    "DEFAULT_PASSWORD",
    "DEFAULT_USER",
    "Neo4jLaunchError",
    "Neo4jServer",
    "build",
    "free_port",
    "start",
]

MODULE_DIR = Path(__file__).resolve().parent / "neo4j-server"
TARGET_DIR = MODULE_DIR / "target"
SERVER_JAR = TARGET_DIR / "neo4j-server.jar"
LIB_DIR = TARGET_DIR / "lib"
PLUGINS_DIR = TARGET_DIR / "plugins"
STAMP_FILE = TARGET_DIR / "accountgraph-build.stamp"
MAIN_CLASS = "accountgraph.neo4jserver.Main"

DEFAULT_USER = "neo4j"
DEFAULT_PASSWORD = "accountgraph-test"  # noqa: S105 - throwaway server bound to 127.0.0.1 only
DEFAULT_HEAP = "1g"
DEFAULT_PAGECACHE = "256m"
LOG_NAME = "neo4j-server.log"

_STOP_GRACE_S = 30.0  # stdin EOF -> clean shutdown (normally < 2 s)
_TERM_GRACE_S = 10.0  # then SIGTERM, then SIGKILL

# The flags Neo4j's own launcher passes on Java 17 (see server.jvm.additional in neo4j.conf).
_JVM_FLAGS = (
    "-XX:+UseG1GC",
    "-XX:-OmitStackTraceInFastThrow",
    "-XX:+ExitOnOutOfMemoryError",
    "-Dfile.encoding=UTF-8",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Dlog4j2.disable.jmx=true",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/java.lang=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
)


class Neo4jLaunchError(RuntimeError):
    """The server could not be built or started; the message ends with the relevant log tail."""


@dataclass(frozen=True)
class Neo4jServer:
    """A running (or external) Neo4j server. Only ``stop`` touches the process."""

    uri: str
    user: str
    password: str
    gds: bool
    gds_version: str | None = None
    log_path: Path | None = None
    _proc: subprocess.Popen[bytes] | None = field(default=None, repr=False, compare=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc is not None else None

    def stop(self) -> None:
        """Shut the JVM down and wait for it: stdin EOF, then SIGTERM, then SIGKILL. Idempotent."""
        proc = self._proc
        if proc is None:
            return
        with self._lock:
            if proc.stdin is not None and not proc.stdin.closed:
                with contextlib.suppress(OSError):
                    proc.stdin.close()
            _reap(proc, _STOP_GRACE_S)

    def __enter__(self) -> Neo4jServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def _reap(proc: subprocess.Popen[bytes], grace: float) -> None:
    """Wait ``grace`` seconds for ``proc`` to exit, then SIGTERM, then SIGKILL."""
    try:
        proc.wait(timeout=grace)
        return
    except subprocess.TimeoutExpired:
        pass
    with contextlib.suppress(ProcessLookupError):
        proc.terminate()
    try:
        proc.wait(timeout=_TERM_GRACE_S)
        return
    except subprocess.TimeoutExpired:
        pass
    with contextlib.suppress(ProcessLookupError):
        proc.kill()
    proc.wait()


# --------------------------------------------------------------------------- build


def _fingerprint() -> str:
    digest = hashlib.sha256()
    files = [MODULE_DIR / "pom.xml", *sorted((MODULE_DIR / "src").rglob("*.java"))]
    for path in files:
        digest.update(path.relative_to(MODULE_DIR).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()


def _is_built(fingerprint: str) -> bool:
    try:
        stamp = STAMP_FILE.read_text().strip()
    except OSError:
        return False
    return (
        stamp == fingerprint
        and SERVER_JAR.is_file()
        and any(LIB_DIR.glob("neo4j-kernel-*.jar"))
        and PLUGINS_DIR.is_dir()
    )


def _tool(name: str, env_var: str) -> str:
    explicit = os.environ.get(env_var)
    if explicit:
        return explicit
    if name == "java" and os.environ.get("JAVA_HOME"):
        candidate = Path(os.environ["JAVA_HOME"]) / "bin" / "java"
        if candidate.is_file():
            return str(candidate)
    found = shutil.which(name)
    if found is None:
        raise Neo4jLaunchError(f"`{name}` was not found on PATH (or set {env_var})")
    return found


@contextlib.contextmanager
def _build_lock() -> Iterator[None]:
    TARGET_DIR.mkdir(parents=True, exist_ok=True)
    with (TARGET_DIR / ".build.lock").open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _tail(path: Path, lines: int = 60) -> str:
    try:
        text = path.read_text(errors="replace")
    except OSError:
        return f"(no log at {path})"
    return "\n".join(text.splitlines()[-lines:])


def build(force: bool = False) -> None:
    """Build ``tools/neo4j-server`` with Maven unless the cached build matches pom.xml and sources.

    Tries offline first (everything already in ~/.m2), then online against Maven Central.
    Safe to call from several processes at once (a file lock serialises the builds).
    """
    with _build_lock():
        fingerprint = _fingerprint()
        if not force and _is_built(fingerprint):
            return
        mvn = _tool("mvn", "ACCOUNTGRAPH_MVN")
        STAMP_FILE.unlink(missing_ok=True)
        for stale in (LIB_DIR, PLUGINS_DIR):  # a changed pom must not leave old jars behind
            shutil.rmtree(stale, ignore_errors=True)
        log = TARGET_DIR / "maven-build.log"
        attempts = [[mvn, "-B", "-q", "-o", "package"], [mvn, "-B", "-q", "package"]]
        for number, cmd in enumerate(attempts, start=1):
            with log.open("w") as out:
                out.write(f"$ {' '.join(cmd)}\n")
                out.flush()
                result = subprocess.run(  # noqa: S603 - fixed argv, no shell
                    cmd,
                    cwd=MODULE_DIR,
                    stdin=subprocess.DEVNULL,
                    stdout=out,
                    stderr=subprocess.STDOUT,
                    check=False,
                )
            if result.returncode == 0 and SERVER_JAR.is_file():
                STAMP_FILE.write_text(fingerprint + "\n")
                return
            if number == len(attempts):
                raise Neo4jLaunchError(
                    f"maven build of {MODULE_DIR} failed (exit {result.returncode}); "
                    f"last lines of {log}:\n{_tail(log)}"
                )


# --------------------------------------------------------------------------- start


def _pump_stdout(stream: IO[bytes], lines: queue.Queue[str | None]) -> None:
    """Forward the JVM's stdout lines to ``lines`` and keep draining it so the JVM never blocks."""
    try:
        for raw in iter(stream.readline, b""):
            lines.put(raw.decode("utf-8", "replace").rstrip("\r\n"))
    except (OSError, ValueError):
        pass
    finally:
        lines.put(None)


def _wait_for_ready(
    proc: subprocess.Popen[bytes], lines: queue.Queue[str | None], deadline: float, log: Path
) -> tuple[str, bool]:
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise Neo4jLaunchError(f"Neo4j did not report READY in time; last lines of {log}:\n{_tail(log)}")
        try:
            line = lines.get(timeout=min(remaining, 0.5))
        except queue.Empty:
            continue
        if line is None:
            code = proc.wait()
            raise Neo4jLaunchError(
                f"Neo4j JVM exited with code {code} before READY; last lines of {log}:\n{_tail(log)}"
            )
        if line.startswith("FAILED"):
            raise Neo4jLaunchError(
                f"Neo4j failed to start: {line[6:].strip()}\nlast lines of {log}:\n{_tail(log)}"
            )
        if line.startswith("READY "):
            parts = line.split()
            return parts[1], "gds=true" in parts[2:]


def _verify(uri: str, user: str, password: str, deadline: float) -> str | None:
    """Run ``RETURN 1`` through the official driver (retrying until ``deadline``); return the GDS
    version from ``CALL gds.version()``, or None when GDS is not callable."""
    import neo4j  # noqa: PLC0415 - third-party, kept out of the module's import-time dependencies
    from neo4j.exceptions import DriverError, Neo4jError  # noqa: PLC0415

    last: Exception | None = None
    with neo4j.GraphDatabase.driver(uri, auth=(user, password), connection_timeout=5.0) as driver:
        while time.monotonic() < deadline:
            try:
                records, _, _ = driver.execute_query("RETURN 1 AS one")
                if records and records[0]["one"] == 1:
                    break
            except (DriverError, Neo4jError, OSError) as exc:
                last = exc
            time.sleep(0.5)
        else:
            raise Neo4jLaunchError(f"Bolt at {uri} did not answer RETURN 1: {last!r}")
        try:
            records, _, _ = driver.execute_query("CALL gds.version() YIELD gdsVersion RETURN gdsVersion")
        except Exception:  # any failure means "GDS not usable", never an error
            return None
        return str(records[0]["gdsVersion"]) if records else None


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port on ``host`` that was free a moment ago (the OS picks it; nothing keeps it reserved)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        port: int = sock.getsockname()[1]
        return port


def start(
    workdir: Path,
    timeout: float = 240.0,
    *,
    bolt_port: int = 0,
    password: str = DEFAULT_PASSWORD,
    heap: str = DEFAULT_HEAP,
    pagecache: str = DEFAULT_PAGECACHE,
    home: Path | None = None,
) -> Neo4jServer:
    """Build if needed, start Neo4j under ``workdir`` and wait for Bolt.

    Without ``home``: an empty database in a fresh subdirectory of ``workdir`` that Neo4j deletes
    on ``stop``; ``bolt_port=0`` lets the server bind any free port (reported in ``uri``).

    With ``home``: a persistent database in that Neo4j home directory (``home/data``, Neo4j's logs
    in ``home/logs``), created on first use. ``stop`` shuts it down cleanly and a later ``start``
    with the same ``home`` (and ``bolt_port``) serves the same data; the password given wins. The
    port must be concrete in this mode, so ``bolt_port=0`` picks one with ``free_port()`` first;
    pass that ``uri``'s port back to restart on the same port. Only one server per ``home``.

    The JVM log is ``workdir/neo4j-server.log`` (appended to) in both modes. ``timeout`` covers
    the JVM start and the Bolt check, not a first Maven build. Raises Neo4jLaunchError (with the
    log tail) on failure or timeout.
    """
    build()
    deadline = time.monotonic() + timeout
    java = _tool("java", "ACCOUNTGRAPH_JAVA")
    workdir = Path(workdir).resolve()
    workdir.mkdir(parents=True, exist_ok=True)
    log = workdir / LOG_NAME
    home_args: list[str] = []
    if home is not None:
        home = Path(home).resolve()
        home.mkdir(parents=True, exist_ok=True)
        if bolt_port == 0:
            bolt_port = free_port()
        home_args = ["--home", str(home)]
    cmd = [
        java,
        f"-Xmx{heap}",
        "-Xms128m",
        *_JVM_FLAGS,
        "-cp",
        f"{SERVER_JAR}{os.pathsep}{LIB_DIR / '*'}",
        MAIN_CLASS,
        "--workdir",
        str(workdir),
        "--bolt-port",
        str(bolt_port),
        "--plugins",
        str(PLUGINS_DIR),
        "--pagecache",
        pagecache,
        "--password",
        password,
        *home_args,
    ]
    with log.open("ab") as log_handle:
        log_handle.write(f"\n=== {time.strftime('%Y-%m-%d %H:%M:%S')} starting Neo4j ===\n".encode())
        log_handle.flush()
        proc = subprocess.Popen(  # noqa: S603 - fixed argv, no shell
            cmd,
            stdin=subprocess.PIPE,  # held open by us; EOF tells the JVM to shut down
            stdout=subprocess.PIPE,
            stderr=log_handle,
            cwd=workdir,
            start_new_session=True,  # a terminal's Ctrl-C reaches us; we stop the JVM in order
            close_fds=True,
        )
    assert proc.stdout is not None
    lines: queue.Queue[str | None] = queue.Queue()
    threading.Thread(target=_pump_stdout, args=(proc.stdout, lines), name="neo4j-stdout", daemon=True).start()
    server = Neo4jServer(uri="", user=DEFAULT_USER, password=password, gds=False, log_path=log, _proc=proc)
    try:
        uri, _ = _wait_for_ready(proc, lines, deadline, log)
        gds_version = _verify(uri, DEFAULT_USER, password, deadline)
    except BaseException:
        _kill_quietly(server)
        raise
    running = Neo4jServer(
        uri=uri,
        user=DEFAULT_USER,
        password=password,
        gds=gds_version is not None,
        gds_version=gds_version,
        log_path=log,
        _proc=proc,
        _lock=server._lock,
    )
    atexit.register(running.stop)
    return running


def _kill_quietly(server: Neo4jServer) -> None:
    """Failure path: ask for a shutdown (stdin EOF) but escalate quickly."""
    proc = server._proc
    if proc is None:
        return
    with contextlib.suppress(Exception):
        if proc.stdin is not None:
            proc.stdin.close()
        _reap(proc, 5.0)


# --------------------------------------------------------------------------- CLI


def _run(args: argparse.Namespace) -> int:
    stop_requested = threading.Event()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        stop_requested.set()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    with contextlib.ExitStack() as stack:
        if args.workdir is None:
            workdir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="accountgraph-neo4j-")))
        else:
            workdir = Path(args.workdir)
        began = time.monotonic()
        server = start(
            workdir,
            timeout=args.timeout,
            bolt_port=args.port,
            password=args.password,
            heap=args.heap,
            pagecache=args.pagecache,
            home=None if args.home is None else Path(args.home),
        )
        stack.callback(server.stop)
        elapsed = time.monotonic() - began
        print(f"NEO4J_URI={server.uri}")
        print(f"NEO4J_USER={server.user}")
        print(f"NEO4J_PASSWORD={server.password}")
        gds = f"true ({server.gds_version})" if server.gds else "false"
        print(f"NEO4J_GDS={gds}")
        print(f"# ready in {elapsed:.1f}s, pid {server.pid}, log {server.log_path}", flush=True)
        print("# Ctrl-C or SIGTERM stops it", flush=True)
        while not stop_requested.wait(1.0):
            proc = server._proc
            if proc is not None and proc.poll() is not None:
                print(f"Neo4j exited (code {proc.returncode}); see {server.log_path}", file=sys.stderr)
                return 1
        print("# stopping", flush=True)
    return 0


def main(argv: list[str] | None = None) -> int:
    summary = (__doc__ or "").split("\n\n")[0]
    parser = argparse.ArgumentParser(prog="neo4j_launcher", description=summary)
    sub = parser.add_subparsers(dest="command", required=True)
    p_build = sub.add_parser("build", help="build tools/neo4j-server with Maven if the cached build is stale")
    p_build.add_argument("--force", action="store_true", help="rebuild even if the cached build is current")
    p_run = sub.add_parser("run", help="start Neo4j in the foreground, print its URI, stop on Ctrl-C/SIGTERM")
    p_run.add_argument("--workdir", help="where the JVM log and (temporary) database go; default: a temp dir")
    p_run.add_argument("--port", type=int, default=0, help="Bolt port on 127.0.0.1 (default: any free port)")
    p_run.add_argument("--home", help="persistent Neo4j home (database kept across runs); default: throwaway")
    p_run.add_argument("--password", default=DEFAULT_PASSWORD)
    p_run.add_argument("--heap", default=DEFAULT_HEAP, help="JVM -Xmx (default %(default)s)")
    p_run.add_argument("--pagecache", default=DEFAULT_PAGECACHE, help="page cache size (default %(default)s)")
    p_run.add_argument("--timeout", type=float, default=240.0)
    args = parser.parse_args(argv)
    try:
        if args.command == "build":
            began = time.monotonic()
            build(force=args.force)
            print(f"built {MODULE_DIR} in {time.monotonic() - began:.1f}s (classpath in {LIB_DIR})")
            return 0
        return _run(args)
    except Neo4jLaunchError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
