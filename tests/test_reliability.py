"""The store never loses a claim: writers at once, kills, interrupts, damage and repair.

These run the real command in subprocesses, because locks, signals and
killed processes are what they are about. Sources are the seed articles cut
into many small files, so an ingest runs on every core for a second or two.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from conftest import as_in_a_terminal, processes_marked

from factcheck.app.ingest import ingest
from factcheck.store.files import repair
from factcheck.store.folder import Store, source_of_store_file, store_file_name
from factcheck.store.index import index_path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
DATE = "2025-06-30"
KILL_ROUNDS = int(os.environ.get("FACTCHECK_KILL_ROUNDS", "20"))


def cut_seeds(folder: Path, copies: int = 1, lines_per_file: int = 6) -> list[Path]:
    """The seeds as many short articles (a page's stories one per file), `copies` times over."""
    folder.mkdir(parents=True, exist_ok=True)
    made = []
    for copy in range(copies):
        for seed in SEEDS:
            lines = [line for line in seed.read_text(encoding="utf-8").splitlines() if line.strip()]
            for start in range(0, len(lines), lines_per_file):
                path = folder / f"{copy:02d}_{seed.stem[:3]}_{start:03d}.txt"
                body = "\n".join(lines[start : start + lines_per_file])
                path.write_text(f"---\ndate: {DATE}\n---\n{body}\n", encoding="utf-8")
                made.append(path)
    return made


def factcheck(*args: str, cwd: Path, env: dict[str, str] | None = None, **kw) -> subprocess.Popen:  # type: ignore[no-untyped-def]
    pipes = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, **kw}
    return subprocess.Popen(
        [sys.executable, "-m", "factcheck", *args], cwd=cwd, env={**os.environ, **(env or {})}, text=True,
        preexec_fn=as_in_a_terminal, **pipes,
    )


def run(*args: str, cwd: Path) -> tuple[int, str, str]:
    proc = factcheck(*args, cwd=cwd)
    out, err = proc.communicate(timeout=300)
    return proc.returncode, out, err


def contents(store: Path) -> dict[str, bytes]:
    """The store as git would see it: every file but the derived index and the writers' lock."""
    return {p.name: p.read_bytes() for p in sorted(store.iterdir()) if p.is_file() and p.name != ".lock"}


def debris(store: Path) -> list[str]:
    """What a dead writer could leave: temporary files, and store files the manifest does not name."""
    named = {e.file for e in Store(store).manifest().values()}
    return sorted(p.name for p in store.iterdir() if p.name.endswith(".tmp") or (p.suffix == ".jsonl" and p.name not in named))


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "pyproject.toml").write_text('[tool.factcheck]\nstore = "claims"\nsources = ["news"]\n', encoding="utf-8")
    return tmp_path


# --- writers at once --------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("writers", [2, 4])
def test_ingests_running_at_once_keep_every_claim_of_every_writer(project: Path, writers: int) -> None:
    for round_ in range(2):
        store = project / f"claims{round_}"
        folders = []
        for w in range(writers):
            cut_seeds(project / f"desk{round_}{w}", lines_per_file=4 + w)
            folders.append(f"desk{round_}{w}")
        procs = [factcheck("ingest", folder, "--store", store.name, "--date", DATE, cwd=project) for folder in folders]
        results = [(p.communicate(timeout=300)[1], p.returncode) for p in procs]
        said = [line for err, code in results if code for line in err.splitlines() if "waiting" not in line]
        assert [code for _, code in results] == [0] * writers, said
        alone = Store(project / f"alone{round_}")
        expected = ingest([project / f for f in folders], alone, project, dt_date())
        manifest = Store(store).manifest()
        assert sorted(manifest) == sorted(Store(alone.root).manifest())
        assert len(Store(store).load()) == expected.claims
        assert debris(store) == []


def dt_date():  # type: ignore[no-untyped-def]
    import datetime as dt

    return dt.date.fromisoformat(DATE)


@pytest.mark.slow
def test_a_writer_that_finds_the_store_locked_says_it_is_waiting_then_lands(project: Path) -> None:
    from filelock import FileLock

    cut_seeds(project / "news")
    (project / "claims").mkdir()
    lock = FileLock(project / "claims" / ".lock")
    with lock:
        proc = factcheck("ingest", "--date", DATE, cwd=project)
        time.sleep(3)
        assert proc.poll() is None  # still waiting for the lock
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    assert "waiting for another ingest to finish writing" in err and "claims/.lock" in err
    assert len(Store(project / "claims").load()) > 0


# --- store file names -------------------------------------------------------------------------


def test_sources_whose_flat_names_would_meet_get_store_files_of_their_own(project: Path) -> None:
    (project / "news" / "a").mkdir(parents=True)
    seed = SEEDS[1].read_text(encoding="utf-8")
    (project / "news" / "a__b.txt").write_text(seed[:1500], encoding="utf-8")
    (project / "news" / "a" / "b.txt").write_text(seed[1500:3000], encoding="utf-8")
    code, _, err = run("ingest", "--date", DATE, cwd=project)
    assert code == 0, err
    manifest = Store(project / "claims").manifest()
    assert {s: e.file for s, e in manifest.items()} == {
        "news/a/b.txt": "news__a__b.txt.jsonl", "news/a__b.txt": "news__a%5F%5Fb.txt.jsonl"}
    sources = {c.source for c in Store(project / "claims").load()}
    assert sources == {"news/a/b.txt", "news/a__b.txt"}
    code, _, err = run("check", str(ROOT / "examples" / "draft_pinghu_review.md"), cwd=project)
    assert code in (0, 1), err


@pytest.mark.parametrize("source", [
    "seeds/000_c16f9ac0725775b3.txt", "news/a__b.txt", "news/a/b.txt", "news/_a.txt", "news/a_/b_.txt",
    "news/100%.txt", "news/a%5F%5Fb.txt", "平湖/2023年/日报_第3版.md", "x___y/z.txt",
])
def test_a_store_file_name_reads_back_as_its_source(source: str) -> None:
    assert source_of_store_file(store_file_name(source)) == source


def test_store_file_names_never_meet() -> None:
    parts = ["a", "b", "_", "__", "a_", "_b", "a__b", "%", "%5F", "a%5F"]
    paths = {f"{x}/{y}" for x in parts for y in parts} | {f"{x}{y}" for x in parts for y in parts} | set(parts)
    names = {store_file_name(p): p for p in paths}
    assert len(names) == len(paths)


def test_seed_names_keep_their_readable_store_files() -> None:
    assert store_file_name("seeds/000_c16f9ac0725775b3.txt") == "seeds__000_c16f9ac0725775b3.txt.jsonl"


def test_two_sources_one_letter_case_apart_are_refused_naming_both(project: Path) -> None:
    (project / "news").mkdir()
    seed = SEEDS[1].read_text(encoding="utf-8")
    (project / "news" / "Report.txt").write_text(seed[:1500], encoding="utf-8")
    (project / "news" / "report.txt").write_text(seed[1500:3000], encoding="utf-8")
    code, _, err = run("ingest", "--date", DATE, cwd=project)
    assert code == 2
    assert err.count("\n") == 1 and "news/Report.txt" in err and "news/report.txt" in err and "rename" in err
    assert not (project / "claims" / "manifest.json").exists()  # nothing half-written


# --- kill -9 and interrupts --------------------------------------------------------------------


@pytest.mark.slow
def test_an_ingest_killed_at_any_point_is_made_whole_by_one_rerun(project: Path) -> None:
    cut_seeds(project / "news", copies=3)
    reference = project / "reference"
    code, _, err = run("ingest", "--store", reference.name, "--date", DATE, cwd=project)
    assert code == 0, err
    rng = random.Random(14)
    for round_ in range(KILL_ROUNDS):
        store = project / f"claims{round_}"
        if round_ % 2:  # half the rounds kill an update of a store that already holds every source
            run("ingest", "--store", store.name, "--date", DATE, cwd=project)
        mark = uuid.uuid4().hex
        # No pipes: a worker that outlived its parent would hold them open, and the test would wait on it.
        proc = factcheck("ingest", "--store", store.name, "--date", DATE, "--force", cwd=project,
                         env={"FACTCHECK_MARK": mark}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.2, 2.5))
        proc.kill()
        proc.wait()
        deadline = time.monotonic() + 5
        while processes_marked(mark) and time.monotonic() < deadline:
            time.sleep(0.1)
        survivors = processes_marked(mark)
        for pid in survivors:
            os.kill(pid, signal.SIGKILL)
        assert survivors == [], f"round {round_}: workers outlived their parent"
        code, _, err = run("ingest", "--store", store.name, "--date", DATE, cwd=project)
        assert code == 0, (round_, err)
        assert contents(store) == contents(reference), f"round {round_}"
        assert debris(store) == []


@pytest.mark.slow
@pytest.mark.parametrize("how", [signal.SIGINT, signal.SIGTERM])
def test_an_interrupted_ingest_stops_its_workers_and_exits_130(project: Path, how: int) -> None:
    cut_seeds(project / "news", copies=8)
    store = project / "claims"
    before = contents(store) if store.exists() else {}
    mark = uuid.uuid4().hex
    proc = factcheck("ingest", "--date", DATE, cwd=project, env={"FACTCHECK_MARK": mark})
    deadline = time.monotonic() + 30
    while len(processes_marked(mark)) < 3 and time.monotonic() < deadline:  # the parent and its workers
        time.sleep(0.05)
    time.sleep(0.2)
    proc.send_signal(how)  # to the parent alone, as a supervisor or `kill` would
    _, err = proc.communicate(timeout=60)  # a bound on a hang, not a measure of speed (no timings in tests)
    assert proc.returncode == 130, err
    assert "Traceback" not in err
    time.sleep(0.2)
    assert processes_marked(mark) == []
    after = contents(store) if store.exists() else {}
    assert {k: v for k, v in after.items() if k != ".gitignore"} == {k: v for k, v in before.items() if k != ".gitignore"}


# --- damage and repair --------------------------------------------------------------------------


@pytest.fixture(scope="session")
def filled_once(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One real ingest of the cut seeds per test session; each test damages a copy of what it left."""
    project = tmp_path_factory.mktemp("filled")
    (project / "pyproject.toml").write_text('[tool.factcheck]\nstore = "claims"\nsources = ["news"]\n', encoding="utf-8")
    cut_seeds(project / "news")
    code, _, err = run("ingest", "--date", DATE, cwd=project)
    assert code == 0, err
    return project


@pytest.fixture
def filled(project: Path, filled_once: Path) -> Path:
    # copy2 keeps each file's size and mtime, which is all the index's freshness looks at: the copy is as fresh
    shutil.copytree(filled_once, project, dirs_exist_ok=True)
    return project


def _damage(path: Path, seed: int, blocks: int = 20, size: int = 16 << 10) -> None:
    rng = random.Random(seed)
    length = path.stat().st_size
    with path.open("r+b") as f:
        for _ in range(blocks):
            f.seek(rng.randrange(min(4096, length // 2), max(length - size, 4097)))
            f.write(rng.randbytes(size))


@pytest.mark.slow
@pytest.mark.parametrize("seed", range(4))
def test_random_blocks_written_into_the_index_never_change_a_verdict(filled: Path, seed: int) -> None:
    draft = str(ROOT / "examples" / "draft_pinghu_review.md")
    expected = run("check", draft, "--format", "json", cwd=filled)
    index = index_path(Store(filled / "claims"))
    _damage(index, seed, blocks=20, size=4096)
    code, out, err = run("check", draft, "--format", "json", cwd=filled)
    assert (code, out) == expected[:2]
    assert err in ("", f"factcheck: claims/.index/{index.name}: the index was damaged "
                       "(database disk image is malformed); rebuilt it from claims\n")
    assert run("check", draft, "--format", "json", cwd=filled) == expected  # healed: quiet again


def test_an_index_damaged_past_its_first_page_is_rebuilt_from_the_store_and_says_so(filled: Path) -> None:
    draft = str(ROOT / "examples" / "draft_pinghu_review.md")
    expected = run("check", draft, "--format", "json", cwd=filled)
    index = index_path(Store(filled / "claims"))
    with index.open("r+b") as f:
        f.seek(4096)
        f.write(random.Random(3).randbytes(index.stat().st_size - 4096))
    code, out, err = run("check", draft, "--format", "json", cwd=filled)
    assert (code, out) == expected[:2]
    assert err.startswith(f"factcheck: claims/.index/{index.name}: the index was damaged (")
    assert err.endswith("rebuilt it from claims\n") and err.count("\n") == 1


def test_damage_met_only_while_checking_rebuilds_the_index_and_checks_again(filled: Path) -> None:
    import sqlite3

    from factcheck.store.index import with_index

    calls, notices = [], []

    def work(index):  # type: ignore[no-untyped-def]
        calls.append(len(index))
        if len(calls) == 1:
            raise sqlite3.DatabaseError("database disk image is malformed")
        return len(index)

    assert with_index(Store(filled / "claims"), work, notices.append) == calls[0]
    assert len(calls) == 2 and len(notices) == 1 and "the index was damaged" in notices[0]


def test_ingest_repair_checks_the_index_page_by_page(filled: Path) -> None:
    index = index_path(Store(filled / "claims"))
    _damage(index, 9, blocks=3, size=4096)
    code, _, err = run("ingest", "--repair", cwd=filled)
    assert code == 0, err
    import sqlite3

    assert sqlite3.connect(index_path(Store(filled / "claims"))).execute("PRAGMA quick_check").fetchall() == [("ok",)]


def test_a_corrupt_manifest_names_the_repair_and_the_repair_rebuilds_it(filled: Path) -> None:
    store = filled / "claims"
    whole = contents(store)
    (store / "manifest.json").write_text('{"version": 1, "sources": {', encoding="utf-8")
    code, _, err = run("check", str(ROOT / "examples" / "draft_pinghu_review.md"), cwd=filled)
    assert code == 2 and "corrupt manifest" in err and "factcheck ingest --repair" in err
    code, _, err = run("ingest", cwd=filled)
    assert code == 2 and "factcheck ingest --repair" in err
    code, _, err = run("ingest", "--repair", cwd=filled)
    assert code == 0, err
    assert "rebuilt it from the store files" in err
    assert contents(store) == whole


def test_a_truncated_store_line_is_read_again_from_its_source(filled: Path) -> None:
    store = filled / "claims"
    whole = contents(store)
    victim = sorted(store.glob("*.jsonl"))[3]
    victim.write_bytes(victim.read_bytes()[:-40])
    code, _, err = run("claims", cwd=filled)
    assert code == 2 and f"{victim.name}:" in err and "factcheck ingest --repair" in err
    code, _, err = run("ingest", "--repair", cwd=filled)
    assert code == 0, err
    assert contents(store) == whole


def test_repair_takes_back_store_files_the_manifest_lost_and_sweeps_temporaries(filled: Path) -> None:
    store = filled / "claims"
    whole = contents(store)
    manifest = json.loads((store / "manifest.json").read_text(encoding="utf-8"))
    dropped = sorted(manifest["sources"])[:3]
    for source in dropped:
        del manifest["sources"][source]
    (store / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    (store / ".manifest.json.k3j2.tmp").write_text("half", encoding="utf-8")
    done = repair(Store(store), filled)
    assert set(dropped) <= set(done.reread)
    ingest([filled / s for s in done.reread], Store(store), filled, dt_date())
    assert contents(store) == whole
    assert debris(store) == []


def test_a_read_only_store_is_one_line_naming_it(filled: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import tempfile

    from factcheck.cli import main

    def refuse(*args, **kw):  # type: ignore[no-untyped-def]
        raise PermissionError(13, "Permission denied", str(filled / "claims" / ".x.tmp"))

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    monkeypatch.chdir(filled)
    (filled / "news" / "new.txt").write_text(SEEDS[0].read_text(encoding="utf-8")[:800], encoding="utf-8")
    assert main(["ingest", "--date", DATE]) == 2


def test_a_killed_index_build_leaves_nothing_that_outlives_the_next_build(filled: Path) -> None:
    from factcheck.store.index import discard, index_path, open_index

    folder = filled / "claims" / ".index"
    old_parts, old_tmp = folder / ".parts.dead", folder / ".claims.sqlite3.dead.tmp"
    old_parts.mkdir()
    (old_parts / "0.sqlite3").write_bytes(b"half")
    old_tmp.write_bytes(b"half")
    young = folder / ".claims.sqlite3.live.tmp"  # another check building now
    young.write_bytes(b"being written")
    an_hour_ago = time.time() - 3700
    for path in (old_parts, old_tmp):
        os.utime(path, (an_hour_ago, an_hour_ago))
    store = Store(filled / "claims")
    left = folder / "claims.0123456789ab.sqlite3"  # a builder killed after its rename, before pointing to it
    left.write_bytes(b"whole but never used")
    os.utime(left, (an_hour_ago, an_hour_ago))
    discard(store)
    open_index(store).close()
    # Left: the live builder's temporary, the index in use, and the writers' store-wide generation.
    assert sorted(p.name for p in folder.iterdir()) == sorted([young.name, "current", index_path(store).name, "written"])
