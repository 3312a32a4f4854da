"""bench/outlets.py, the real-text regression, run on two tiny outlets of its own: one outlet's copy against
another's store, as the cross-outlet rounds of bench/RESULTS.md ran it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_one_outlets_copy_is_checked_against_another_outlets_store(tmp_path):
    broadcast, wire = tmp_path / "broadcast", tmp_path / "wire"
    broadcast.mkdir()
    wire.mkdir()
    (broadcast / "20260416.md").write_text("统计局数据显示，一季度国内生产总值同比增长5.0%。\n", encoding="utf-8")
    (wire / "20260416.md").write_text("据统计局，一季度国内生产总值同比增长5.2%。\n", encoding="utf-8")
    (wire / "20260515.md").write_text(
        "一季度国内生产总值同比增长5.0%。\n\n巴西央行行长表示，一季度农业GDP增长3.1%。一季度国内生产总值增长1.8%。\n",
        encoding="utf-8")
    run = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "outlets.py"), "--outlet", "wire", "--corpus", str(wire),
         "--store-outlet", "broadcast", "--store-corpus", str(broadcast), "--store-days", "20260101:20260430",
         "--draft-days", "20260501:20260531", "--workdir", str(tmp_path / "work"), "--show", "all"],
        capture_output=True, text=True, encoding="utf-8", check=True)
    summary = run.stdout.splitlines()[-1]
    # The store is the broadcast's alone (the wire's own 5.2% of April would contradict the draft), and the
    # foreign country's growth is told apart from the country's.
    assert summary.startswith("wire against broadcast: 1 drafts, 3 figures: 1 ok, 0 contradicted")
