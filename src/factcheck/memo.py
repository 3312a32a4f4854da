"""Caches bounded by the bytes they hold, not by how many entries: a long draft cannot fill memory with them.

`functools.lru_cache(maxsize=65536)` bounds entries, and an entry can be a
12-character clause or the tokens of a 4,000-character paragraph; against a
big store, a 2 MB draft filled such caches with hundreds of megabytes. Here
each entry is weighed when it is stored (`weigh`, about what it holds, in
bytes) and the oldest entries go once the total passes the budget.

Eviction is first in, first out: a hit costs one dict lookup (an LRU's
reordering would cost more than the misses it saves on these workloads,
where what is reused is reused soon). cachetools' LRUCache(getsizeof=...)
bounds by size too, but its hits measured ~0.9 µs against ~0.2 µs here, on
caches hit hundreds of thousands of times a check.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable, Hashable, Iterable
from typing import Any, Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")
F = TypeVar("F", bound=Callable[..., Any])

MB = 1 << 20


class Bounded(Generic[K, V]):
    """A mapping that forgets its oldest entries once they weigh more than `max_bytes` together."""

    __slots__ = ("_sizes", "_values", "max_bytes", "used", "weigh")

    def __init__(self, max_bytes: int, weigh: Callable[[K, V], int]) -> None:
        self.max_bytes = max_bytes
        self.weigh = weigh
        self.used = 0  # bytes the entries weigh together
        self._values: dict[K, V] = {}
        self._sizes: dict[K, int] = {}

    def __len__(self) -> int:
        return len(self._values)

    def __contains__(self, key: object) -> bool:
        return key in self._values

    def __getitem__(self, key: K) -> V:
        return self._values[key]

    def get(self, key: K, default: V | None = None) -> V | None:
        return self._values.get(key, default)

    def __setitem__(self, key: K, value: V) -> None:
        size = self.weigh(key, value)
        old = self._sizes.pop(key, None)
        if old is not None:
            self.used -= old
            del self._values[key]
        self._values[key] = value
        self._sizes[key] = size
        self.used += size
        if self.used > self.max_bytes:
            self._evict()

    def update(self, items: Iterable[tuple[K, V]]) -> None:
        for key, value in items:
            self[key] = value

    def _evict(self) -> None:
        """Oldest first, down to three quarters of the budget, so a full cache does not evict on every store."""
        values, sizes = self._values, self._sizes
        target = self.max_bytes * 3 // 4
        while self.used > target and len(values) > 1:
            key = next(iter(values))
            del values[key]
            self.used -= sizes.pop(key)

    def clear(self) -> None:
        self._values.clear()
        self._sizes.clear()
        self.used = 0


def memo(max_bytes: int, weigh: Callable[[tuple[Any, ...], Any], int]) -> Callable[[F], F]:
    """`functools.lru_cache` for pure functions of positional arguments, bounded by bytes (see Bounded)."""

    def decorate(func: F) -> F:
        cache: Bounded[tuple[Any, ...], Any] = Bounded(max_bytes, weigh)
        values = cache._values

        @functools.wraps(func)
        def cached(*args: Any) -> Any:
            try:
                return values[args]
            except KeyError:
                pass
            result = func(*args)
            cache[args] = result
            return result

        cached.cache = cache  # type: ignore[attr-defined]
        cached.cache_clear = cache.clear  # type: ignore[attr-defined]
        return cached  # type: ignore[return-value]

    return decorate


_STR = sys.getsizeof("")
_TUPLE = sys.getsizeof(())
_ENTRY = 120  # a dict slot in each of the two dicts, and the key tuple


def text_bytes(text: str) -> int:
    """What a str of CJK text holds: two bytes a character (four for characters past U+FFFF) and its header."""
    return sys.getsizeof(text)


def args_bytes(args: tuple[Any, ...]) -> int:
    """The arguments a cache keeps alive: its strings, chiefly (a key may outlive the claim it came from)."""
    return _ENTRY + sum(sys.getsizeof(a) if isinstance(a, str) else 16 for a in args)


def strings_bytes(strings: Iterable[str]) -> int:
    return sum(map(sys.getsizeof, strings))


__all__ = ["MB", "Bounded", "args_bytes", "memo", "strings_bytes", "text_bytes"]
