"""Renderers: turn a Report into text, JSON, SARIF or GitHub annotations. They never decide exit codes."""

from __future__ import annotations

import json
from typing import Any

from .check import Finding, Report
from .claims import Claim
from .store import claim_to_record

JSON_VERSION = 1


def _evidence_record(c: Claim) -> dict[str, Any]:
    rec = claim_to_record(c)
    return {
        "source": c.source,
        "line": c.line,
        "column": c.column,
        "text": c.text,
        "value": rec["value"],
        "unit": c.unit,
        "subject": c.subject,
        "metric": c.metric,
        "period": rec["period"],
        "published": rec["published"],
        "sentence": c.sentence,
        "paragraph": c.paragraph,
    }


def finding_record(f: Finding) -> dict[str, Any]:
    return {
        "path": f.path,
        "line": f.line,
        "column": f.column,
        "text": f.text,
        "verdict": f.verdict,
        "code": f.code,
        "message": f.message,
        "claim": claim_to_record(f.claim),
        "evidence": [_evidence_record(c) for c in f.evidence],
        "reasons": list(f.reasons),
        "suppressed": f.suppressed,
    }


def to_json(report: Report) -> str:
    body = {
        "version": JSON_VERSION,
        "findings": [finding_record(f) for f in report.findings],
        "summary": {
            "drafts": len(report.drafts),
            "numbers": len(report.findings),
            **report.counts(),
            "suppressed": sum(1 for f in report.findings if f.suppressed),
        },
    }
    return json.dumps(body, ensure_ascii=False, indent=2)


def _highlight(text: str, needle: str, style: str) -> Any:
    from rich.text import Text

    out = Text(text)
    idx = text.find(needle)
    if idx >= 0:
        out.stylize(style, idx, idx + len(needle))
    return out


def _excerpt(paragraph: str, needle: str, width: int = 90) -> str:
    idx = paragraph.find(needle)
    if idx < 0 or len(paragraph) <= width:
        return paragraph[:width] + ("…" if len(paragraph) > width else "")
    start = max(0, idx - width // 2)
    end = min(len(paragraph), start + width)
    return ("…" if start else "") + paragraph[start:end] + ("…" if end < len(paragraph) else "")


STYLES = {"ok": "green", "contradicted": "bold red", "stale": "bold yellow", "unsupported": "bold magenta"}


def render_text(report: Report, console: Any, show_all: bool = False) -> None:
    """Per draft: each flagged number, its sentence, verdict, reason and the source paragraph."""
    from rich.text import Text

    for f in report.findings:
        if f.suppressed or (f.verdict == "ok" and not show_all):
            continue
        head = Text(f"{f.path}:{f.line}:{f.column}: ")
        head.append(f.verdict, style=STYLES[f.verdict])
        head.append(f" [{f.code}] {f.message}")
        console.print(head)
        console.print(Text("    ") + _highlight(_excerpt(f.claim.sentence, f.text), f.text, "reverse"))
        for line in f.reasons:
            console.print(Text(f"    - {line}", style="dim"))
        for c in f.evidence[: 1 if f.verdict != "unsupported" else 0] + (f.evidence[1:2] if f.verdict == "stale" else ()):
            console.print(Text(f"    evidence: {c.source}:{c.line} (published {c.published})", style="cyan"))
            console.print(Text("      ") + _highlight(_excerpt(c.paragraph, c.text), c.text, "reverse"))
    counts = report.counts()
    summary = ", ".join(f"{n} {v}" for v, n in counts.items())
    suppressed = sum(1 for f in report.findings if f.suppressed)
    tail = f" ({suppressed} suppressed)" if suppressed else ""
    console.print(f"{len(report.drafts)} draft(s), {len(report.findings)} numbers: {summary}{tail}")


def conflicts_to_json(conflicts: list) -> str:
    body = {
        "version": JSON_VERSION,
        "conflicts": [
            {
                "kind": g.kind,
                "subject": g.subject,
                "metric": g.metric,
                "current": g.current.id,
                "claims": [
                    {
                        "id": c.id,
                        "source": c.source,
                        "line": c.line,
                        "text": c.text,
                        "value": claim_to_record(c)["value"],
                        "unit": c.unit,
                        "period": claim_to_record(c)["period"],
                        "published": c.published.isoformat() if c.published else None,
                        "current": c.id == g.current.id,
                        "paragraph": c.paragraph,
                    }
                    for c in g.claims
                ],
            }
            for g in conflicts
        ],
    }
    return json.dumps(body, ensure_ascii=False, indent=2)


def render_conflicts(conflicts: list, console: Any) -> None:
    """Each conflict as a timeline, oldest first, with the current figure marked."""
    from rich.text import Text

    styles = {"contradiction": "bold red", "superseded": "bold yellow", "reconciled": "green"}
    for g in conflicts:
        head = Text()
        head.append(g.kind, style=styles[g.kind])
        head.append(f"  {g.subject or '(no subject)'} · {g.metric}")
        console.print(head)
        for c in g.claims:
            mark = "→" if c.id == g.current.id else " "
            period = c.period.label if c.period else "undated"
            line = Text(f"  {mark} {c.text:<10} {period:<14} {c.source}:{c.line}  published {c.published}")
            if c.id == g.current.id:
                line.append("  (current)", style="bold")
            console.print(line)
            console.print(Text("      ") + _highlight(_excerpt(c.paragraph, c.text, 70), c.text, "reverse"))
    counts = {k: sum(1 for g in conflicts if g.kind == k) for k in ("contradiction", "superseded", "reconciled")}
    console.print(", ".join(f"{n} {k}" for k, n in counts.items() if n or k != "reconciled"))
