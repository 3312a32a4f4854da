"""How check and ingest grow with the input: drafts of 0.1 to 20 MB, with and without line breaks.

    .venv/bin/python bench/large_drafts.py [--corpus DIR] [--sizes 0.1,1,5,20] [--one-line 0.1,1,5]
                                           [--ingest-mb 5] [--src DIR] [--timeout S] [--workdir DIR]

Drafts are cut from real news (the 新闻联播 transcripts, kept outside this
repository), newest day first, at a line break near the size, in bytes of
UTF-8, under front matter `date:`; a one-line variant is the same text with
every line break removed, one paragraph of megabytes. Each is checked with
`factcheck check DRAFT --format json` against the project's store in a fresh
process, reaped with wait4 for its own wall time and peak RSS, and the size of
the JSON is kept. The slope is the CPU seconds per MB at each size (and between sizes), and the ratio of
that at the biggest size to that at 1 MB (1.0 is linear; quadratic doubles it
with every doubling). CPU time is reported beside wall time because the
machine these ran on was shared: CPU seconds move less with the neighbours' load.

Ingest: one source of --ingest-mb MB against the same days as separate files,
each into a fresh store (`factcheck ingest --store TMP SRC --date D`).

--src runs the factcheck package from another source tree (a `git archive` of
an older commit, say) to measure before and after on one machine in one hour.
Prints a markdown section for bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

# The launcher that reports its child's own usage: Linux counts in a child's peak RSS the memory of the
# process it was forked from (the bench holds the corpus, ~100 MB).
from run import LAUNCHER

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
CORPUS = ROOT.parent / "shared" / "external" / "cctv-xwlb-yuekcc" / "news"
MB = 1_000_000


@dataclass(frozen=True, slots=True)
class Run:
    """One fresh process: wall and CPU time, peak resident memory, exit code (None: stopped), output size."""

    wall: float
    cpu: float
    rss_mb: float
    code: int | None
    out_bytes: int

    def cell(self) -> str:
        if self.code is None:
            return f"> {self.wall:.0f} s (stopped)"
        return f"{self.wall:.2f} s"




def run(cmd: list[str], out: Path, timeout: float, src: Path | None) -> Run:
    """One fresh process, its stdout to `out`; stopped (its whole session) after `timeout` seconds."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    if src is not None:
        env["PYTHONPATH"] = str(src)
    usage = out.with_suffix(".usage")
    with open(out, "wb") as sink:
        launcher = [sys.executable, "-c", LAUNCHER, str(usage), *cmd]
        proc = subprocess.Popen(launcher, cwd=ROOT, env=env, stdout=sink, stderr=subprocess.DEVNULL, start_new_session=True)
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            return Run(timeout, float("nan"), float("nan"), None, out.stat().st_size)
    wall, cpu, rss_kb, code = usage.read_text().split()
    usage.unlink()
    return Run(float(wall), float(cpu), int(rss_kb) / 1024, int(code), out.stat().st_size)


def corpus_text(corpus: Path, limit: int) -> tuple[list[str], str]:
    """Whole days, newest first, until `limit` bytes; and the day after the newest, as the drafts' date."""
    days = sorted(corpus.glob("*.md"), reverse=True)
    if not days:
        raise SystemExit(f"{corpus}: no news days (*.md) here; pass --corpus")
    texts, size = [], 0
    for day in days:
        text = day.read_text(encoding="utf-8")
        texts.append(text)
        size += len(text.encode("utf-8"))
        if size >= limit:
            break
    stem = days[0].stem
    date = f"{stem[:4]}-{stem[4:6]}-{stem[6:8]}"
    return texts, date


def cut(text: str, size: int) -> str:
    """The text up to the last line break before `size` bytes."""
    head = text.encode("utf-8")[:size].decode("utf-8", "ignore")
    return head[: head.rfind("\n") + 1] or head


def write_drafts(workdir: Path, text: str, date: str, sizes: list[float], one_line: list[float]) -> list[tuple[str, float, Path]]:
    out = []
    front = f"---\ndate: {date}\n---\n"
    for mb in sizes:
        path = workdir / f"draft_{mb:g}MB.md"
        path.write_text(front + cut(text, int(mb * MB)), encoding="utf-8")
        out.append(("lines", mb, path))
    for mb in one_line:
        path = workdir / f"draft_{mb:g}MB_one_line.md"
        path.write_text(front + cut(text, int(mb * MB)).replace("\n", "") + "\n", encoding="utf-8")
        out.append(("one line", mb, path))
    return out


def check_table(drafts: list[tuple[str, float, Path]], args: argparse.Namespace) -> list[str]:
    rows = [
        "| draft | MB | wall | CPU | CPU s/MB | CPU s/MB since the last size | peak RSS MB | JSON MB | JSON / draft | exit |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    per_mb: dict[str, dict[float, float]] = {}
    last: dict[str, tuple[float, float]] = {}  # kind: (MB, CPU) of the size before
    for kind, mb, path in drafts:
        real_mb = path.stat().st_size / MB
        cmd = [sys.executable, "-m", "factcheck", "check", str(path), "--format", "json", *args.check_args]
        r = run(cmd, path.with_suffix(".json"), args.timeout, args.src)
        marginal = ""
        if r.code is not None:
            per_mb.setdefault(kind, {})[mb] = r.cpu / real_mb
            if kind in last:
                marginal = f"{(r.cpu - last[kind][1]) / (real_mb - last[kind][0]):.2f}"
            last[kind] = (real_mb, r.cpu)
        rows.append(
            f"| {kind} | {real_mb:.2f} | {r.cell()} | {r.cpu:.1f} s | {r.cpu / real_mb:.2f} | {marginal} | {r.rss_mb:.0f} | "
            f"{r.out_bytes / MB:.1f} | {r.out_bytes / path.stat().st_size:.1f}× | {r.code} |"
        )
        print(rows[-1], file=sys.stderr, flush=True)
        path.with_suffix(".json").unlink()
    rows.append("")
    for kind, slopes in per_mb.items():
        if 1 in slopes and max(slopes) > 1:
            top = max(slopes)
            rows.append(f"- {kind}: CPU per MB at {top:g} MB is {slopes[top] / slopes[1]:.2f}× that at 1 MB (1.0 is linear).")
    return rows


def ingest_table(texts: list[str], date: str, args: argparse.Namespace) -> list[str]:
    """One big source against the same days as files of their own."""
    limit = int(args.ingest_mb * MB)
    days, size = [], 0
    for text in texts:
        if size >= limit:
            break
        days.append(text)
        size += len(text.encode("utf-8"))
    rows = ["| sources | MB | wall | CPU | peak RSS MB | exit |", "|---|---:|---:|---:|---:|---:|"]
    for label, files in (("1 file", ["".join(days)]), (f"{len(days)} files", days)):
        src = args.workdir / f"sources_{len(files)}"
        src.mkdir()
        for i, text in enumerate(files):
            (src / f"{i:04d}.md").write_text(text, encoding="utf-8")
        store = args.workdir / f"store_{len(files)}"
        cmd = [sys.executable, "-m", "factcheck", "ingest", "--store", str(store), str(src), "--date", date]
        r = run(cmd, args.workdir / "ingest.out", args.timeout, args.src)
        rows.append(f"| {label} | {size / MB:.2f} | {r.cell()} | {r.cpu:.1f} s | {r.rss_mb:.0f} | {r.code} |")
        print(rows[-1], file=sys.stderr, flush=True)
        shutil.rmtree(src)
        shutil.rmtree(store, ignore_errors=True)
    return rows


def sizes(value: str) -> list[float]:
    return [float(v) for v in value.split(",") if v.strip()]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--sizes", type=sizes, default=[0.1, 1, 5, 20], help="MB, drafts with line breaks")
    parser.add_argument("--one-line", type=sizes, default=[0.1, 1, 5, 20], help="MB, drafts with none")
    parser.add_argument("--ingest-mb", type=float, default=5, help="0 to skip the ingest comparison")
    parser.add_argument("--src", type=Path, help="run factcheck from this source tree (PYTHONPATH)")
    parser.add_argument("--timeout", type=float, default=1200, help="seconds before a run is stopped")
    parser.add_argument("--workdir", type=Path, help="default: a temporary directory, removed after")
    parser.add_argument("--check-args", nargs=argparse.REMAINDER, default=[], help="more arguments for check")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="factcheck-large-") as tmp:
        args.workdir = args.workdir or Path(tmp)
        args.workdir.mkdir(parents=True, exist_ok=True)
        biggest = max(args.sizes + args.one_line + [args.ingest_mb])
        texts, date = corpus_text(args.corpus, int(biggest * MB) + MB)
        drafts = write_drafts(args.workdir, "".join(texts), date, args.sizes, args.one_line)
        lines = [f"### Large drafts ({time.strftime('%Y-%m-%d %H:%M')}, {os.cpu_count()} cores, Python {sys.version.split()[0]}"
                 + (f", factcheck from {args.src}" if args.src else "") + ")", ""]
        lines += ["`factcheck check DRAFT --format json " + " ".join(args.check_args) + "`, seeds' store:", ""]
        lines += check_table(drafts, args)
        if args.ingest_mb:
            lines += ["", f"`factcheck ingest` of {args.ingest_mb:g} MB of news days into a fresh store:", ""]
            lines += ingest_table(texts, date, args)
        print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
