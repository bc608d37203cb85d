"""Run a self-contained, slow stage in a forked child while the parent goes on.

Only used where ``fork`` exists (Linux, macOS) and for large scales: a forked child
shares the world read-only without pickling it. Results (small) come back through a
pipe. Every stage draws from its own random streams, so the files are byte-identical
whether a stage ran in a child or inline.
"""

from __future__ import annotations

import multiprocessing as mp
import traceback
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any, TypeVar

T = TypeVar("T")
MIN_SCALE = 5.0
"""Below this scale the fork costs more than it saves."""


def _child(fn: Callable[[], Any], send: Connection) -> None:
    try:
        send.send(("ok", fn()))
    except BaseException:  # report any failure to the parent, which re-raises
        send.send(("error", traceback.format_exc()))
    finally:
        send.close()


def start(fn: Callable[[], T], scale: float) -> Callable[[], T]:
    """Begin ``fn``; return a function that waits for and returns its result."""
    if scale < MIN_SCALE or "fork" not in mp.get_all_start_methods():
        result = fn()
        return lambda: result
    ctx = mp.get_context("fork")
    recv, send = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(fn, send), daemon=True)
    proc.start()
    send.close()

    def join() -> T:
        try:
            status, value = recv.recv()
        except EOFError as exc:
            raise RuntimeError("a generator stage process died without a result") from exc
        finally:
            recv.close()
            proc.join()
        if status != "ok":
            raise RuntimeError(f"a generator stage failed in its process:\n{value}")
        return value  # type: ignore[no-any-return]

    return join
