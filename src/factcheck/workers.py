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
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, NoReturn, TypeVar

T = TypeVar("T")
R = TypeVar("R")

_PR_SET_PDEATHSIG = 1


def _worker_started(parent: int, die_with_parent: bool = True) -> None:
    """`die_with_parent` False: the worker learns of its parent's death otherwise (its results pipe breaks)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # a terminal's Ctrl-C reaches the whole group: the parent decides
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if die_with_parent and sys.platform.startswith("linux"):
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
    # Let the executor's manager thread close its wake-up pipe now: at exit, concurrent.futures writes to that
    # pipe, and a close racing the write printed "Exception ignored … Bad file descriptor" after a Ctrl-C.
    manager = getattr(pool, "_executor_manager_thread", None)
    if manager is not None:
        with contextlib.suppress(Exception):
            manager.join(timeout=2)


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


def usable_cores() -> int:
    """The cores this process may run on (a container's CPU set, not the machine's)."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def can_fork() -> bool:
    """Forking without exec is safe on Linux; macOS's system libraries are not fork-safe, Windows has no fork."""
    return hasattr(os, "fork") and sys.platform.startswith("linux")


def forked_map(
    func: Callable[[T], R],
    items: Sequence[T],
    workers: int,
    block: int = 8,
    in_child: Callable[[], None] | None = None,
) -> Iterator[R]:
    """`map(func, items)`, in order, with forked children taking turns at blocks of `block` items.

    For work whose set-up is the whole process (a check has its modules
    imported, the store open and the draft read): a fork inherits all of it
    at no cost, where a process pool would start Python and import it all
    again. Each child pickles its results down a pipe; the parent computes
    every `workers`-th block itself and yields the results as they come, in
    order, so a report still streams. The parent makes the first call before
    it forks, so what that call builds lazily is built once. A child that
    fails or dies leaves its blocks to the parent, whose own run raises what
    the child hit. `in_child` runs first in each child (to reopen what must
    not be shared across a fork, such as a database connection).
    """
    blocks = [items[i : i + block] for i in range(0, len(items), block)]
    workers = min(workers, len(blocks))
    if workers < 2 or not can_fork():
        yield from map(func, items)
        return
    import pickle

    first = func(items[0])  # before the fork: what a first call builds lazily is inherited, not built again
    parent = os.getpid()
    children: dict[int, tuple[int, Any]] = {}  # k -> (pid, the read end of its pipe); a k not here is the parent's
    try:
        for k in range(1, workers):
            started = _fork_child(func, blocks[k::workers], [f.fileno() for _, f in children.values()], parent, in_child)
            if started is None:
                break  # no more processes to be had (a container's limit): the parent judges the rest
            children[k] = started
        for b, chunk in enumerate(blocks):
            k = b % workers
            if b == 0:
                yield first
                yield from map(func, chunk[1:])
                continue
            for item in chunk:
                if k in children:
                    try:
                        result = pickle.load(children[k][1])
                    except Exception:  # an end of file or a torn pickle: the child is gone
                        _end(*children.pop(k))
                    else:
                        yield result
                        continue
                yield func(item)
    finally:
        for pid, stream in children.values():
            _end(pid, stream)


_SIGNALS = {signal.SIGINT, signal.SIGTERM}


def _fork_child(
    func: Callable[[T], R],
    blocks: list[Sequence[T]],
    others: list[int],
    parent: int,
    in_child: Callable[[], None] | None,
) -> tuple[int, Any] | None:
    """A child working on `blocks`, and the read end of its results; None when the system will not fork.

    Ctrl-C and SIGTERM wait while the fork is made, so neither the child
    (before it has its own handlers) nor the parent (before it holds the
    child's pipe) is interrupted half way.
    """
    read_end, write_end = os.pipe()
    old = signal.pthread_sigmask(signal.SIG_BLOCK, _SIGNALS)
    try:
        try:
            pid = os.fork()
        except OSError:
            os.close(read_end)
            os.close(write_end)
            return None
        if pid == 0:
            _child(func, blocks, write_end, [read_end, *others], parent, in_child, old)
        os.close(write_end)
        return pid, os.fdopen(read_end, "rb")
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


def _end(pid: int, stream: Any) -> None:
    stream.close()
    with contextlib.suppress(OSError):
        os.kill(pid, signal.SIGKILL)  # done already, or no longer wanted
    with contextlib.suppress(OSError):
        os.waitpid(pid, 0)


def _child(
    func: Callable[[T], R],
    blocks: list[Sequence[T]],
    write_end: int,
    others: list[int],
    parent: int,
    in_child: Callable[[], None] | None,
    mask: Iterable[int],
) -> NoReturn:
    status = 1
    try:
        import pickle

        for fd in others:
            os.close(fd)
        # No death signal (its ctypes import is ~8 ms of a child's start): if the parent dies, the pipe's
        # only reader is gone, and the child's next block of results fails to write and ends it.
        _worker_started(parent, die_with_parent=False)
        signal.pthread_sigmask(signal.SIG_SETMASK, mask)  # the signals held over the fork, now with our handlers
        if in_child is not None:
            in_child()
        with os.fdopen(write_end, "wb") as out:
            for chunk in blocks:
                for item in chunk:
                    pickle.dump(func(item), out, pickle.HIGHEST_PROTOCOL)
                out.flush()
        status = 0
    finally:
        os._exit(status)  # no atexit handlers, no flushing of the parent's buffered output, no traceback
