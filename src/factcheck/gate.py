"""The check command as a library call: resolve drafts, load the store, judge, render, pick the exit code."""

from __future__ import annotations

import datetime as dt
import glob
import os
import sys
from pathlib import Path

from .check import Report, check_documents, read_draft
from .config import Config
from .errors import ExitCode, InputError, StoreError
from .store import Store
from .verdict import VERDICTS

FORMATS = ("text", "json", "sarif", "github")


def expand_drafts(patterns: list[str], cfg: Config) -> list[str]:
    if not patterns:
        patterns = [str(cfg.root / d) for d in cfg.drafts]
        if not patterns:
            raise InputError("no drafts given (pass a path, a glob, or - for standard input)")
    out: list[str] = []
    for pattern in patterns:
        if pattern == "-":
            out.append("-")
            continue
        if any(ch in pattern for ch in "*?["):
            matched = sorted(glob.glob(pattern, recursive=True))
            if not matched:
                raise InputError(f"{pattern}: no drafts match this pattern")
            out.extend(matched)
        else:
            out.append(pattern)
    return out


def parse_fail_on(value: str | None, cfg: Config) -> tuple[str, ...]:
    if value is None:
        return cfg.fail_on
    items = tuple(v.strip() for v in value.split(",") if v.strip())
    unknown = [v for v in items if v not in VERDICTS]
    if unknown:
        raise InputError(f"--fail-on: unknown verdict {unknown[0]!r} (use {', '.join(VERDICTS)})")
    return items


def load_store(path: Path) -> list:
    claims = Store(path).load()
    if not claims:
        raise StoreError(f"{path}: the claims store is empty (run `factcheck ingest`)")
    return claims


def build_report(drafts: list[str], cfg: Config, date: dt.date | None, store_path: Path | None) -> Report:
    names = expand_drafts(drafts, cfg)
    docs = []
    for name in names:
        if name == "-":
            docs.append(read_draft(None, "<stdin>", date or cfg.date, sys.stdin.buffer.read()))
        else:
            docs.append(read_draft(Path(name), _display(name), date or cfg.date))
    store = load_store(store_path or cfg.store)
    return check_documents(docs, store)


def _display(name: str) -> str:
    try:
        return os.path.relpath(name)
    except ValueError:
        return name


def run_check(
    drafts: list[str],
    cfg: Config,
    date: dt.date | None,
    store_path: Path | None,
    fmt: str,
    fail_on: str | None,
    show_all: bool,
) -> int:
    if fmt not in FORMATS:
        raise InputError(f"unknown format {fmt!r} (use {', '.join(FORMATS)})")
    failing_verdicts = parse_fail_on(fail_on, cfg)
    report = build_report(drafts, cfg, date, store_path)
    from . import report as render

    if fmt == "json":
        sys.stdout.write(render.to_json(report) + "\n")
    elif fmt == "sarif":
        from .sarif import to_sarif

        sys.stdout.write(to_sarif(report, cfg.root) + "\n")
    elif fmt == "github":
        from .sarif import to_github

        sys.stdout.write(to_github(report))
    else:
        from rich.console import Console

        console = Console(no_color=bool(os.environ.get("NO_COLOR")), highlight=False, soft_wrap=True)
        render.render_text(report, console, show_all)
    return ExitCode.FINDINGS if report.failing(failing_verdicts) else ExitCode.OK
