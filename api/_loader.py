"""A small asyncio DataLoader: loads in one tick are batched into one call, per request.

The batch function is synchronous (the stores are) and runs in a worker thread, so the
event loop keeps serving while the store works.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Hashable, Mapping, Sequence
from typing import Generic, TypeVar

from starlette.concurrency import run_in_threadpool

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

#: event-loop turns to wait before dispatching, so sibling resolvers that are still
#: being scheduled join the batch
_TICKS = 3


class DataLoader(Generic[K, V]):
    def __init__(self, batch: Callable[[Sequence[K]], Mapping[K, V]], default: V) -> None:
        self._batch = batch
        self._default = default
        self._cache: dict[K, asyncio.Future[V]] = {}
        self._queue: list[K] = []
        self._tasks: set[asyncio.Task[None]] = set()
        self._known: dict[K, V] = {}

    def load(self, key: K) -> asyncio.Future[V]:
        future = self._cache.get(key)
        if future is not None:
            return future
        loop = asyncio.get_running_loop()
        future = loop.create_future()
        self._cache[key] = future
        if key in self._known:
            future.set_result(self._known[key])
            return future
        if not self._queue:
            loop.call_soon(self._schedule, _TICKS)
        self._queue.append(key)
        return future

    async def load_many(self, keys: Sequence[K]) -> list[V]:
        return list(await asyncio.gather(*(self.load(k) for k in keys)))

    def remember(self, key: K, value: V) -> None:
        """A value learnt elsewhere (e.g. across a relationship); safe from any thread."""
        self._known.setdefault(key, value)

    def _schedule(self, ticks: int) -> None:
        if ticks > 0:
            asyncio.get_running_loop().call_soon(self._schedule, ticks - 1)
            return
        keys, self._queue = self._queue, []
        task = asyncio.get_running_loop().create_task(self._dispatch(keys))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _dispatch(self, keys: list[K]) -> None:
        try:
            values = await run_in_threadpool(self._batch, keys)
        except Exception as exc:
            for k in keys:
                if not self._cache[k].done():
                    self._cache[k].set_exception(exc)
            for k in keys:
                self._cache.pop(k, None)
            return
        for k in keys:
            if not self._cache[k].done():
                self._cache[k].set_result(values.get(k, self._default))
