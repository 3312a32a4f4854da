"""The test run itself: what the README's command runs and leaves to .ci/run, no wall-clock limits in any
test, the PostgreSQL tests skipping without a server, and .ci/run's installs kept out of its log."""

from __future__ import annotations

import ast
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TESTS = ROOT / "tests"
CI_RUN = ROOT / ".ci" / "run"


def readme_test_command() -> list[str]:
    """The arguments pytest gets from the README's "Install and run the tests" command."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    line = next(line for line in text.splitlines() if "-m pytest" in line and "pip install" in line)
    return shlex.split(line.split("-m pytest", 1)[1])


def ci_test_command() -> list[str]:
    line = next(line for line in CI_RUN.read_text(encoding="utf-8").splitlines() if "-m pytest" in line)
    return shlex.split(line.split("-m pytest", 1)[1])


def collected(args: list[str], *paths: str) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-p", "no:cacheprovider", "-p", "no:xdist",
         *[a for a in args if a not in ("-n", "auto")], *paths],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return [line for line in done.stdout.splitlines() if "::" in line]


# --- which tests run where ----------------------------------------------------------------------------

def test_the_readme_command_runs_on_every_core_and_leaves_the_slow_tests_to_ci():
    assert readme_test_command()[:3] == ["-q", "-n", "auto"]
    quick = collected(readme_test_command(), "tests/test_reliability.py")
    everything = collected(ci_test_command(), "tests/test_reliability.py")
    killed = "tests/test_reliability.py::test_an_ingest_killed_at_any_point_is_made_whole_by_one_rerun"
    assert killed in everything and killed not in quick
    assert set(quick) < set(everything)
    assert "tests/test_reliability.py::test_a_corrupt_manifest_names_the_repair_and_the_repair_rebuilds_it" in quick


def test_the_number_of_test_processes_follows_the_cpu_affinity(monkeypatch):
    from conftest import pytest_xdist_auto_num_workers

    monkeypatch.delenv("PYTEST_XDIST_AUTO_NUM_WORKERS", raising=False)
    assert pytest_xdist_auto_num_workers(None) == len(os.sched_getaffinity(0))  # type: ignore[arg-type]
    monkeypatch.setenv("PYTEST_XDIST_AUTO_NUM_WORKERS", "3")
    assert pytest_xdist_auto_num_workers(None) == 3  # type: ignore[arg-type]


CLOCKS = {"monotonic", "time", "perf_counter", "monotonic_ns", "perf_counter_ns", "time_ns"}


def _reads_a_clock(node: ast.AST) -> bool:
    return any(
        isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr in CLOCKS
        and isinstance(n.func.value, ast.Name) and n.func.value.id == "time"
        for n in ast.walk(node)
    )


def test_no_test_asserts_a_wall_clock_limit():
    """A loaded 2-core machine missed `assert time.monotonic() - sent < 2.0`: tests pin behaviour, not speed.

    A clock may bound a wait (a deadline to stop polling); an assertion may not compare one.
    """
    timed = []
    for path in sorted(TESTS.glob("test_*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        timed += [f"{path.name}:{n.lineno}" for n in ast.walk(tree) if isinstance(n, ast.Assert) and _reads_a_clock(n.test)]
    assert timed == []


def test_without_a_server_the_postgresql_variants_skip_rather_than_error():
    """Two tests parametrised over both stores reach the database at run time, past the collection-time marker:
    on a fresh machine they once errored instead of skipping. (Their folder variants run in this suite.)"""
    env = {k: v for k, v in os.environ.items() if k not in ("FACTCHECK_TEST_DATABASE_URL", "FACTCHECK_REQUIRE_POSTGRES")}
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:xdist", "-rs",
         "tests/test_postgres.py", "-k", "either_store and postgresql"],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    summary = done.stdout.strip().splitlines()[-1]
    assert re.match(r"2 skipped, \d+ deselected in", summary), summary
    assert done.stdout.count("FACTCHECK_TEST_DATABASE_URL is not set") == 2


# --- .ci/run's installs ------------------------------------------------------------------------------------

FAKE_APT = """#!/bin/sh
# apt-get as it looks in a CI log: dpkg's lines on stdout, errors on stderr.
if [ "$1" = install ]; then
    for package in "$@"; do
        case "$package" in
            broken) echo "E: Unable to locate package broken" >&2; exit 100 ;;
        esac
    done
    i=0
    while [ $i -lt 500 ]; do
        echo "Selecting previously unselected package libfoo$i."
        i=$((i + 1))
    done
fi
exit 0
"""


@pytest.fixture
def fake_apt(tmp_path: Path) -> dict[str, str]:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "apt-get").write_text(FAKE_APT, encoding="utf-8")
    (bin_dir / "apt-get").chmod(0o755)
    return {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"}


def test_an_install_keeps_dpkgs_lines_out_of_the_log(fake_apt):
    done = subprocess.run([str(ROOT / ".ci" / "apt-install"), "chromium"], env=fake_apt, capture_output=True, text=True)
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")


def test_a_failed_install_is_still_seen_and_fails(fake_apt):
    done = subprocess.run([str(ROOT / ".ci" / "apt-install"), "broken"], env=fake_apt, capture_output=True, text=True)
    assert done.returncode == 100
    assert done.stderr == "E: Unable to locate package broken\n"


def test_ci_installs_chromium_and_postgresql_the_quiet_way():
    script = CI_RUN.read_text(encoding="utf-8")
    assert ".ci/apt-install chromium" in script and ".ci/apt-install postgresql" in script
    assert "apt-get" not in script
