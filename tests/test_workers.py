"""A long draft shared among forked processes: the same findings, in the same order, and no process left behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path
from typing import Any

import pytest
from conftest import as_in_a_terminal, processes_marked, project_store

from factcheck import workers
from factcheck.workers import forked_map

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "draft_pinghu_review.md"

pytestmark = pytest.mark.skipif(not workers.can_fork(), reason="forked checking is for Linux")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def square_and_pid(n: int) -> tuple[int, int]:
    return n * n, os.getpid()


@pytest.mark.parametrize("count, block, processes", [(0, 8, 2), (5, 8, 2), (40, 8, 2), (41, 4, 3), (100, 8, 4)])
def test_results_come_in_the_order_of_the_items(count: int, block: int, processes: int) -> None:
    found = list(forked_map(square_and_pid, list(range(count)), processes, block=block))
    assert [square for square, _ in found] == [n * n for n in range(count)]


def test_each_process_takes_its_turn_at_the_blocks() -> None:
    found = list(forked_map(square_and_pid, list(range(32)), 2, block=8))
    pids = [pid for _, pid in found]
    assert set(pids[0:8]) == set(pids[16:24]) == {os.getpid()}  # the parent's blocks
    assert len(set(pids[8:16])) == 1 and pids[8] != os.getpid()  # one child's
    assert pids[24:32] == pids[8:16]
    assert not _alive(pids[8])


def test_a_child_that_fails_leaves_its_blocks_to_the_parent() -> None:
    def fail() -> None:
        raise RuntimeError("the child could not reopen the store")

    found = list(forked_map(square_and_pid, list(range(32)), 2, block=8, in_child=fail))
    assert [square for square, _ in found] == [n * n for n in range(32)]
    assert {pid for _, pid in found} == {os.getpid()}


def test_a_child_killed_half_way_leaves_the_rest_to_the_parent() -> None:
    def die_at_20(n: int) -> tuple[int, int]:
        if n == 20 and os.getpid() != parent:
            os._exit(9)
        return square_and_pid(n)

    parent = os.getpid()
    found = list(forked_map(die_at_20, list(range(32)), 2, block=8))
    assert [square for square, _ in found] == [n * n for n in range(32)]
    assert found[9][1] != parent and found[20][1] == parent


def test_what_the_parent_hits_is_raised_and_the_children_end() -> None:
    def fail_at_20(n: int) -> tuple[int, int]:
        if n == 20:
            raise ValueError("a damaged index page")
        return square_and_pid(n)

    results = forked_map(fail_at_20, list(range(40)), 2, block=8)
    seen = [next(results) for _ in range(9)]  # the first child result: a child is running
    child = seen[8][1]
    with pytest.raises(ValueError, match="damaged index"):
        list(results)
    assert not _alive(child)


def test_a_reader_that_stops_early_ends_the_children() -> None:
    results = forked_map(square_and_pid, list(range(4000)), 3, block=8)
    pids = {next(results)[1] for _ in range(30)}
    results.close()
    children = pids - {os.getpid()}
    assert children and not any(_alive(pid) for pid in children)


def test_a_system_that_will_not_fork_leaves_the_work_to_the_parent(monkeypatch: pytest.MonkeyPatch) -> None:
    def refused() -> int:
        raise BlockingIOError(11, "Resource temporarily unavailable")  # a container's process limit

    open_fds = len(os.listdir("/proc/self/fd"))
    monkeypatch.setattr(os, "fork", refused)
    found = list(forked_map(square_and_pid, list(range(40)), 3, block=8))
    assert [square for square, _ in found] == [n * n for n in range(40)]
    assert {pid for _, pid in found} == {os.getpid()}
    assert len(os.listdir("/proc/self/fd")) == open_fds  # the pipes made for the children are closed


def test_a_child_reads_the_index_the_parent_reads_or_none(tmp_path: Path) -> None:
    """Another check may update the index in place, or rebuild it, between the open and the fork."""
    import sqlite3

    from factcheck.store.folder import Store
    from factcheck.store.index import open_index
    from factcheck.store.index.opening import index_path, rebuild_file

    project_store(tmp_path)
    store = Store(tmp_path / "claims")
    index = open_index(store)
    try:
        reopen = index.fork_point()
        reopen()  # the same file: a read-only connection of the child's own
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            index.conn.execute("DELETE FROM meta")
        index.conn.rollback()  # the refused DELETE began a transaction, which would hold off every writer
        reopen = index.fork_point()
        manifest = store.manifest()
        gone = sorted(manifest)[0]
        (store.root / manifest[gone].file).unlink()
        store.write_manifest({k: v for k, v in manifest.items() if k != gone})
        open_index(store).close()  # another check's update, in place
        with pytest.raises(sqlite3.DatabaseError, match="replaced since the check opened it"):
            reopen()
        reopen = index.fork_point()
        rebuild_file(store, index_path(store))  # another check's rebuild: a new file, the old one let go
        with pytest.raises(sqlite3.DatabaseError):
            reopen()
    finally:
        index.close()


def test_one_process_or_one_block_forks_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_fork() -> int:
        raise AssertionError("forked")

    monkeypatch.setattr(os, "fork", no_fork)
    assert [s for s, _ in forked_map(square_and_pid, list(range(50)), 1)] == [n * n for n in range(50)]
    assert [s for s, _ in forked_map(square_and_pid, list(range(8)), 4, block=8)] == [n * n for n in range(8)]


@pytest.fixture
def long_draft(tmp_path: Path) -> tuple[Path, Path]:
    """The example draft four times over and a seed article after it: 90-odd figures of every verdict."""
    project_store(tmp_path)
    store = tmp_path / "claims"
    seed = sorted((ROOT / "seeds").glob("*.txt"))[0].read_text(encoding="utf-8")
    draft = tmp_path / "long.md"
    draft.write_text(EXAMPLE.read_text(encoding="utf-8") * 4 + "\n" + seed, encoding="utf-8")
    return draft, store


def _check(draft: Path, store: Path, *options: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "factcheck", "check", str(draft), "--store", str(store), "--date", "2026-02-01", *options],
        capture_output=True, cwd=draft.parent, check=False,
    )


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["json", "text", "sarif"])
def test_a_long_draft_checked_by_several_processes_reads_as_checked_by_one(long_draft, fmt: str) -> None:
    draft, store = long_draft
    one = _check(draft, store, "--format", fmt, "--jobs", "1")
    assert one.returncode == 1 and one.stdout.count(b"FC001") + one.stdout.count(b"contradicted") >= 4
    for jobs in ("2", "3"):
        shared = _check(draft, store, "--format", fmt, "--jobs", jobs)
        assert (shared.returncode, shared.stdout, shared.stderr) == (one.returncode, one.stdout, one.stderr)


def test_the_check_forks_for_a_long_draft_and_not_for_a_short_one(long_draft, monkeypatch: pytest.MonkeyPatch) -> None:
    from factcheck.app.check import judge_drafts, read_drafts
    from factcheck.app.config import load_config

    draft, store = long_draft
    forks = []
    real_fork = os.fork

    def counted_fork() -> int:
        pid = real_fork()
        if pid:
            forks.append(pid)
        return pid

    monkeypatch.setattr(os, "fork", counted_fork)
    cfg = load_config(None)
    docs = read_drafts([str(draft), str(EXAMPLE)], cfg, None)
    shared = judge_drafts(docs, cfg, store, workers=2)
    assert len(forks) == 1  # the long draft's; the example's 16 figures are judged at home
    assert shared == judge_drafts(docs, cfg, store, workers=1)


COPIES = 600  # of the example draft, whose 16 figures make a long draft of 9,600


def sharing_check(folder: Path, stdout: Any = subprocess.DEVNULL) -> tuple[subprocess.Popen[str], str]:
    """A check of ~10,000 figures on three processes, returned once all three run; its processes carry the mark."""
    project_store(folder)
    draft = folder / "long.md"
    draft.write_text(EXAMPLE.read_text(encoding="utf-8") * COPIES, encoding="utf-8")
    mark = uuid.uuid4().hex
    proc = subprocess.Popen(
        [sys.executable, "-m", "factcheck", "check", str(draft), "--store", "claims", "--format", "json", "--jobs", "3"],
        cwd=folder, env={**os.environ, "FACTCHECK_MARK": mark}, stdout=stdout, stderr=subprocess.PIPE,
        text=True, preexec_fn=as_in_a_terminal,
    )
    deadline = time.monotonic() + 60
    while len(processes_marked(mark)) < 3 and time.monotonic() < deadline:  # the parent and its children
        time.sleep(0.05)
    assert len(processes_marked(mark)) == 3, "the check never shared the draft"
    return proc, mark


@pytest.mark.slow
@pytest.mark.parametrize("how", [signal.SIGINT, signal.SIGTERM])
def test_an_interrupted_check_ends_its_children_and_exits_130(tmp_path: Path, how: int) -> None:
    """It stops where it is: the figures not yet judged never are, and no child outlives the check."""
    with (tmp_path / "report.json").open("w", encoding="utf-8") as report:
        proc, mark = sharing_check(tmp_path, stdout=report)
        proc.send_signal(how)  # to the parent alone, as a supervisor or `kill` would
        _, err = proc.communicate(timeout=60)  # a bound on a hang, not a measure of speed (no timings in tests)
    assert proc.returncode == 130, err
    assert "Traceback" not in err
    judged = (tmp_path / "report.json").read_text(encoding="utf-8").count('"verdict"')
    assert judged < 16 * COPIES  # the rest of the draft was given up, not judged to the end first
    time.sleep(0.2)
    assert processes_marked(mark) == []


@pytest.mark.slow
def test_children_of_a_check_killed_outright_end_within_a_block(tmp_path: Path) -> None:
    """SIGKILL leaves no parent to end them: each child's next write to its broken pipe does."""
    proc, mark = sharing_check(tmp_path)
    proc.kill()
    proc.communicate(timeout=10)
    deadline = time.monotonic() + 5
    while processes_marked(mark) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert processes_marked(mark) == []


# --- how many workers: the cores this process may run on ------------------------------------------


@pytest.mark.parametrize("cores", [{0}, {0, 1, 2}])
def test_ingest_sizes_its_workers_by_the_cpu_affinity(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cores: set[int]) -> None:
    """A container limited to one core (taskset, a cgroup CPU set) got a worker per core of the whole machine."""
    from factcheck.app import ingest as ingest_mod
    from factcheck.store.folder import Store

    seeds = sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))
    for i in range(24):  # past the 20 sources below which ingest stays in one process
        seed = seeds[i % len(seeds)]
        (tmp_path / f"{i:02d}_{seed.name}").write_text(seed.read_text(encoding="utf-8") + f"\n第{i}篇。\n", encoding="utf-8")
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: set(cores))
    monkeypatch.setattr(os, "cpu_count", lambda: 64)
    asked: list[int] = []
    extract_all = ingest_mod._extract_all

    def in_one_process(jobs, workers, tick):  # type: ignore[no-untyped-def]
        asked.append(workers)
        return extract_all(jobs, 1, tick)

    monkeypatch.setattr(ingest_mod, "_extract_all", in_one_process)
    report = ingest_mod.ingest([tmp_path], Store(tmp_path / "claims"), tmp_path)
    assert asked == [len(cores)] and report.claims > 0


@pytest.mark.parametrize("cores", [{0}, {0, 1, 2}])
def test_the_index_build_sizes_its_workers_by_the_cpu_affinity(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cores: set[int]) -> None:
    import shutil

    from factcheck.store.folder import Store
    from factcheck.store.index import build, open_index

    root = tmp_path / "claims"
    shutil.copytree(Path(__file__).resolve().parents[1] / "claims", root, ignore=shutil.ignore_patterns(".index"))
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: set(cores))
    monkeypatch.setattr(os, "cpu_count", lambda: 64)
    monkeypatch.setattr(build, "PARALLEL_BYTES", 0)
    asked: list[int] = []
    real = workers.run_parallel
    monkeypatch.setattr(workers, "run_parallel", lambda func, items, n, done: asked.append(n) or real(func, items, n, done))
    assert list(open_index(Store(root))) == Store(root).load()
    assert asked == ([] if len(cores) == 1 else [len(cores)])  # one core: built in this process, no pool
