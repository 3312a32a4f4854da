"""Work on every core, and stop at once when asked: Ctrl-C, SIGTERM, or the parent killed.

A process pool left to itself finishes every queued job before an
interrupted parent may exit (a Ctrl-C once hung an ingest for twelve
minutes), and its workers outlive a parent killed with -9. Here the parent
alone answers signals: on any interrupt it cancels what is queued and
terminates the workers; and on Linux each worker asks the kernel to kill it
when its parent dies.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

_PR_SET_PDEATHSIG = 1


def _worker_started(parent: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # a terminal's Ctrl-C reaches the whole group: the parent decides
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            import ctypes

            ctypes.CDLL("libc.so.6", use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before the kernel was asked to tell us: nobody will send work
        os._exit(1)


def run_parallel(
    func: Callable[[T], R], items: Sequence[T], workers: int, done: Callable[[int, R], None]
) -> None:
    """Call `func` on each item on `workers` processes; `done(i, result)` in the parent as each finishes."""
    from concurrent.futures import ProcessPoolExecutor, as_completed

    pool = ProcessPoolExecutor(max_workers=workers, initializer=_worker_started, initargs=(os.getpid(),))
    try:
        futures = {pool.submit(func, item): i for i, item in enumerate(items)}
        for fut in as_completed(futures):
            done(futures[fut], fut.result())
    except BaseException:
        stop(pool)
        raise
    pool.shutdown(wait=True)


def stop(pool: object) -> None:
    """Cancel the queue and end the workers now, not after the jobs they hold."""
    pool.shutdown(wait=False, cancel_futures=True)  # type: ignore[attr-defined]
    processes = dict(getattr(pool, "_processes", None) or {})  # the executor names no public way to end them
    for process in processes.values():
        with contextlib.suppress(Exception):
            process.terminate()
    for process in processes.values():
        with contextlib.suppress(Exception):
            process.join(timeout=2)


@contextlib.contextmanager
def uninterrupted() -> Iterator[None]:
    """Hold Ctrl-C and SIGTERM while the store is being written: short, and then the store is whole.

    The signals are delivered when the block ends, so the run still stops (exit 130) straight after.
    """
    signals = {signal.SIGINT, signal.SIGTERM}
    try:
        old = signal.pthread_sigmask(signal.SIG_BLOCK, signals)
    except (ValueError, OSError, AttributeError):  # not the main thread, or no POSIX masks
        yield
        return
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)
