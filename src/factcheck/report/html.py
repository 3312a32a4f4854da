"""The report as one self-contained HTML page: each draft as written, every figure marked by its verdict.

An editor opens the file in a browser, offline: no CDN, no fonts to fetch,
the CSS and a few lines of script inline. Each figure is a link to its
finding (verdict, reason, the evidence paragraph with its figure marked,
source and date, the near misses), so the page works by keyboard and with
script off. A verdict is shown by colour and by a text mark (✓ ✗ ⟳ ?, and
its code), so it reads in grey-scale and to a colour-blind reader.

Everything from a draft or the store is escaped; a Content-Security-Policy
lets only this module's own script run, should anything ever slip through.
"""

from __future__ import annotations

import base64
import hashlib
import html
import os
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from ..i18n import _, ngettext
from ..reading.source import Document
from ..record.claim import Claim
from ..record.finding import (
    CONTRADICTED,
    INCONSISTENT,
    OK,
    STALE,
    UNSUPPORTED,
    VERDICTS,
    DirectiveWarning,
    Finding,
    Report,
)
from ..record.rules import RULES
from .text import kind_name, verdict_name, word_place

if TYPE_CHECKING:
    from ..judge.conflicts import Conflict

MARKS = {"ok": "✓", "contradicted": "✗", "stale": "⟳", "unsupported": "?", "inconsistent": "≠"}
# The verdicts that fail a check unless the config says otherwise (app.config.DEFAULT_FAIL_ON); the others
# that are not ok are warnings: shown muted, counted apart, and hidden with one switch.
FAIL_ON = (CONTRADICTED, STALE, INCONSISTENT)

# System fonts with CJK glyphs on macOS, Windows and Linux, in that order, then whatever the browser has.
FONTS = (
    '-apple-system, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", '
    '"Source Han Sans SC", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Segoe UI", sans-serif'
)

CSS = """
:root { --ok: #1a7f37; --contradicted: #c62828; --stale: #9a6700; --unsupported: #8250df; --ink: #1f2328;
  --muted: #59636e; --line: #d1d9e0; --focus: #0969da; }
* { box-sizing: border-box; }
body { margin: 0; font-family: FONTS; color: var(--ink); background: #fff; line-height: 1.7; }
main { max-width: 72rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.4rem; margin: 0 0 .5rem; }
h2 { font-size: 1.15rem; margin: 2rem 0 .5rem; overflow-wrap: anywhere; }
h3 { font-size: 1rem; margin: 1rem 0 .25rem; }
a { color: var(--focus); }
a:focus-visible, .finding:focus, .fig:focus { outline: 3px solid var(--focus); outline-offset: 2px; }
.summary { display: flex; flex-wrap: wrap; gap: .5rem; padding: .5rem 0; border-bottom: 1px solid var(--line); }
.count { padding: .1rem .6rem; border: 2px solid currentColor; border-radius: 1rem; white-space: nowrap; }
.toc ol, .index ol { margin: .25rem 0; padding-left: 1.5rem; }
.index { font-size: .9rem; }
.index li, .toc li { overflow-wrap: anywhere; }
.draft-body { display: grid; gap: 1rem; grid-template-columns: minmax(0, 1fr); }
@media (min-width: 60rem) { .draft-body { grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); }
  .draft { position: sticky; top: .5rem; max-height: calc(100vh - 1rem); overflow-y: auto; align-self: start; } }
.draft { white-space: pre-wrap; overflow-wrap: anywhere; word-break: break-word; font-size: 1.05rem;
  padding: .75rem; border: 1px solid var(--line); border-radius: .4rem; margin: 0; font-family: inherit; }
.fig { color: inherit; text-decoration: none; border-bottom: 3px solid currentColor; padding: 0 .1rem;
  border-radius: .2rem; }
.fig .mark, .finding .mark { font-size: .8em; font-weight: bold; white-space: nowrap; }
.v-ok { --v: var(--ok); } .v-contradicted { --v: var(--contradicted); }
.v-stale { --v: var(--stale); } .v-unsupported { --v: var(--unsupported); }
.fig.v-ok { border-bottom-style: dotted; } .fig.v-stale { border-bottom-style: dashed; }
.fig.v-contradicted { border-bottom-style: double; }
.fig, .count, .finding .mark { color: var(--v, inherit); }
.fig { background: color-mix(in srgb, var(--v) 12%, transparent); }
.fig .figure { color: var(--ink); }
.fig.suppressed { opacity: .6; }
.findings { list-style: none; margin: 0; padding: 0; }
.finding { border: 1px solid var(--line); border-left: 6px solid var(--v); border-radius: .4rem;
  padding: .5rem .75rem; margin: 0 0 .75rem; overflow-wrap: anywhere; scroll-margin-top: 1rem; }
.finding:target, .finding.current { box-shadow: 0 0 0 3px var(--v); }
.finding p { margin: .25rem 0; }
.where { color: var(--muted); font-size: .9rem; }
.warnings { border-left: 4px solid var(--line); padding: 0 .75rem; margin: .5rem 0; }
blockquote { margin: .25rem 0; padding: .25rem .75rem; border-left: 3px solid var(--line); }
mark { background: #fff1a8; color: inherit; outline: 1px solid #9a6700; padding: 0 .1rem; }
.reasons { margin: .25rem 0; padding-left: 1.25rem; color: var(--muted); }
.tally .problems { font-weight: bold; } .tally .unverified { color: var(--muted); }
.summary .apart { display: flex; flex-wrap: wrap; gap: .5rem; margin-left: auto; }
.count.warn, .fig.warn, .finding.warn .mark { --v: var(--muted); }
.count.warn { border-style: dashed; }
.fig.warn { background: none; border-bottom: 1px dotted var(--muted); }
.finding.warn { border-left: 3px solid var(--line); color: var(--muted); }
.finding.warn b { color: var(--ink); }
.toggle { display: inline-block; margin: .25rem 0; color: var(--muted); cursor: pointer; }
body:has(#show-warnings:not(:checked)) .finding.warn,
body:has(#show-warnings:not(:checked)) .index .warn { display: none; }
body:has(#show-warnings:not(:checked)) .fig.warn { border-bottom-color: transparent; pointer-events: none; }
body:has(#show-warnings:not(:checked)) .fig.warn .mark { display: none; }
.use-now { font-weight: bold; } .use-now .figure { color: var(--ok); }
.superseded .figure { text-decoration: line-through; }
@media print { .fig { background: none; } .draft-body { display: block; } }
""".replace("FONTS", FONTS)

# Clicking a figure moves focus to its finding, so a keyboard or screen-reader user lands there too.
SCRIPT = """
document.addEventListener("click", function (e) {
  var a = e.target.closest && e.target.closest("a.fig, a.back");
  if (!a) return;
  var target = document.getElementById(a.getAttribute("href").slice(1));
  if (!target) return;
  document.querySelectorAll(".finding.current").forEach(function (el) { el.classList.remove("current"); });
  if (target.classList.contains("finding")) target.classList.add("current");
  setTimeout(function () { target.focus(); }, 0);
});
// Unverified figures hidden: out of the Tab order too, as their findings are out of sight.
document.addEventListener("change", function (e) {
  if (e.target.id !== "show-warnings") return;
  var shown = e.target.checked;
  document.querySelectorAll("a.fig.warn").forEach(function (a) { a.tabIndex = shown ? 0 : -1; });
});
""".strip()


def _script_hash() -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(SCRIPT.encode("utf-8")).digest()).decode("ascii")


# Only the inline style and this page's own script may run: nothing from the network, nothing injected.
CSP = f"default-src 'none'; style-src 'unsafe-inline'; script-src '{_script_hash()}'; img-src data:"


def esc(text: object) -> str:
    return html.escape(str(text), quote=True)


@dataclass(frozen=True, slots=True)
class Placed:
    """A finding with its anchor and its place in the draft's text (character offsets, end exclusive)."""

    finding: Finding
    anchor: str
    start: int
    end: int
    warning: bool = False  # a verdict that does not fail the check (unsupported, by default): shown muted

    @property
    def problem(self) -> bool:
        """A finding that fails the check: flagged, not a warning, not suppressed."""
        return self.finding.verdict != OK and not self.warning and not self.finding.suppressed

    @property
    def unverified(self) -> bool:
        return self.warning and not self.finding.suppressed


def to_html(
    report: Report,
    docs: Sequence[Document] = (),
    title: str | None = None,
    evidence: str = "paragraph",
    root: Path | None = None,
    fail_on: Sequence[str] = FAIL_ON,
) -> str:
    """The whole page. `docs` gives each draft's text; a draft not among them is shown by its findings alone.

    `evidence` is how much of each source the page quotes, as for JSON: its `paragraph`, its `sentence`,
    or `none` (the source and line alone), for a page that goes where the sources may not. Drafts are named
    relative to the project `root`. A verdict in `fail_on` is a finding; any other but ok is a warning.
    """
    title = _("factcheck report") if title is None else title
    texts = {d.path: d.text for d in docs}
    by_draft: dict[str, list[Finding]] = {path: [] for path in report.drafts}
    for f in report.findings:
        by_draft.setdefault(f.path, []).append(f)
    names = {path: project_path(path, root) for path in by_draft}
    report = report.with_findings([_renamed(f, names[f.path]) for f in report.findings])
    by_draft = {names[path]: [_renamed(f, names[path]) for f in found] for path, found in by_draft.items()}
    texts = {names.get(path, path): text for path, text in texts.items()}
    warn = frozenset(v for v in VERDICTS if v != OK and v not in fail_on)
    sections = [_placed(i, path, by_draft[path], texts.get(path), warn) for i, path in enumerate(by_draft)]
    parts = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{esc(CSP)}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="factcheck">',
        f"<title>{esc(title)}</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
        "<main>",
        f"<h1>{esc(title)}</h1>",
        _summary(report, sections, warn),
        _toc(by_draft, sections),
    ]
    warnings: dict[str, list[DirectiveWarning]] = {}
    for w in report.warnings:
        warnings.setdefault(names.get(w.path, w.path), []).append(w)
    for i, (path, placed) in enumerate(zip(by_draft, sections)):
        parts.append(_section(i, path, placed, texts.get(path), warnings.get(path, []), evidence))
    parts += ["</main>", f"<script>{SCRIPT}</script>", "</body>", "</html>", ""]
    return "\n".join(parts)


def project_path(path: str, root: Path | None) -> str:
    """A draft as the project names it (drafts/a.md), wherever the check ran; one outside it by its full path.

    Never `../../drafts/a.md`: the page is read away from the folder it was made in. Standard input's name
    (`<stdin>`, or --stdin-filename) is shown as given.
    """
    if root is None or path.startswith("<"):
        return path
    full = Path(os.path.abspath(path))
    try:
        return full.relative_to(Path(os.path.abspath(root))).as_posix()
    except ValueError:
        return str(full)


def _renamed(f: Finding, path: str) -> Finding:
    return f if f.path == path else replace(f, path=path)


def _placed(draft: int, path: str, findings: list[Finding], text: str | None, warn: frozenset[str]) -> list[Placed]:
    """Each finding where its figure stands in the draft; one overlapping an earlier figure gets an empty span."""
    starts = _line_starts(text) if text is not None else []
    placed = []
    for j, f in enumerate(findings):
        start, end = _span(f, text, starts)
        placed.append(Placed(f, f"f{draft}-{j}", start, end, f.verdict in warn))
    placed.sort(key=lambda p: (p.start, p.end))
    out: list[Placed] = []
    reached = 0
    for p in placed:
        if p.start < reached:  # two findings on one figure: the second is marked just after the first
            p = Placed(p.finding, p.anchor, reached, reached, p.warning)
        out.append(p)
        reached = max(reached, p.end)
    return out


def _line_starts(text: str) -> list[int]:
    starts = [0]
    for i, ch in enumerate(text):
        if ch == "\n":
            starts.append(i + 1)
    return starts


def _span(f: Finding, text: str | None, starts: list[int]) -> tuple[int, int]:
    """Line and column (1-based, in characters) to offsets; a figure broken across lines is found by its text."""
    if text is None or not 1 <= f.line <= len(starts):
        return (-1, -1)
    line_start = starts[f.line - 1]
    start = line_start + f.column - 1
    if text.startswith(f.text, start):
        return (start, start + len(f.text))
    if f.claim.end_column > f.column:
        return (start, line_start + f.claim.end_column - 1)
    line_end = starts[f.line] - 1 if f.line < len(starts) else len(text)
    return (start, max(start, line_end))  # the figure goes on past the line: mark its first part


def tally(placed: Sequence[Placed]) -> str:
    """`3 findings · 73 unverified`: what fails the check, and apart from it the warnings."""
    problems = sum(1 for p in placed if p.problem)
    unverified = sum(1 for p in placed if p.unverified)
    shown = ngettext("{count} finding", "{count} findings", problems).format(count=problems)
    text = f'<span class="problems" data-count="{problems}">{esc(shown)}</span>'
    if unverified:
        shown = _("{count} unverified").format(count=unverified)
        text += f' · <span class="unverified" data-count="{unverified}">{esc(shown)}</span>'
    return text


def _summary(report: Report, sections: list[list[Placed]], warn: frozenset[str]) -> str:
    counts = report.counts()
    suppressed = sum(1 for f in report.findings if f.suppressed)

    def chip(v: str) -> str:
        muted = " warn" if v in warn else ""
        return (
            f'<a class="count v-{v}{muted}" href="#index-{v}" data-verdict="{v}" data-count="{counts[v]}">'
            f'<span class="mark">{MARKS[v]} {RULES[v].code}</span> {esc(verdict_name(v))} <b>{counts[v]}</b></a>'
        )

    chips = [chip(v) for v in VERDICTS if v not in warn]
    if suppressed:
        word = esc(_("suppressed"))
        chips.append(f'<span class="count" data-verdict="suppressed" data-count="{suppressed}">{word} '
                     f"<b>{suppressed}</b></span>")
    apart = [chip(v) for v in VERDICTS if v in warn]
    if apart:
        label = _("warnings, which do not fail the check")
        chips.append(f'<span class="apart" aria-label="{esc(label)}">{"".join(apart)}</span>')
    every = [p for placed in sections for p in placed]
    checked = _("{drafts} draft(s), {numbers} numbers, checked against {claims} claims.").format(
        drafts=len(report.drafts), numbers=len(report.findings), claims=report.store_claims)
    head = f'<p class="tally">{tally(every)} — {esc(checked)}</p>'
    unverified = sum(1 for p in every if p.unverified)
    if unverified:
        # Shown at first: a page that is mailed or printed must not hide a figure nobody could source.
        head += (
            '\n<label class="toggle"><input type="checkbox" id="show-warnings" checked> '
            + esc(_("show the unverified figures ({count}: no source gives them; they do not fail the check)").format(
                count=unverified))
            + "</label>"
        )
    index = []
    for v in VERDICTS:
        mine = [p for p in every if p.finding.verdict == v]  # listed when empty too: every count links somewhere
        links = "".join(
            f'<li><a href="#{p.anchor}">{esc(p.finding.path)}:{p.finding.line}:{p.finding.column} '
            f"{esc(p.finding.text)}</a></li>"
            for p in mine
        )
        muted = " warn" if v in warn else ""
        index.append(f'<details id="index-{v}" class="v-{v}{muted}"><summary>{MARKS[v]} {esc(verdict_name(v))} '
                     f"({len(mine)})</summary><ol>{links}</ol></details>")
    verdicts, by_verdict = esc(_("verdicts")), esc(_("findings by verdict"))
    return (
        f'<nav class="summary" aria-label="{verdicts}">{"".join(chips)}</nav>\n{head}\n'
        f'<nav class="index" aria-label="{by_verdict}">{"".join(index)}</nav>'
    )


def _toc(by_draft: dict[str, list[Finding]], sections: list[list[Placed]]) -> str:
    items = []
    for i, (path, placed) in enumerate(zip(by_draft, sections)):
        numbers = esc(_("{count} numbers:").format(count=len(placed)))
        items.append(f'<li><a href="#draft-{i}">{esc(path)}</a> — {numbers} {tally(placed)}</li>')
    label, heading = esc(_("drafts")), esc(_("Drafts"))
    return f'<nav class="toc" aria-label="{label}"><h2>{heading}</h2><ol>{"".join(items)}</ol></nav>'


def _section(
    i: int, path: str, placed: list[Placed], text: str | None, warnings: list[DirectiveWarning], evidence: str
) -> str:
    counts = dict.fromkeys(VERDICTS, 0)
    for p in placed:
        if not p.finding.suppressed:
            counts[p.finding.verdict] += 1
    tally = esc(_(", ")).join(f"{MARKS[v]} {n} {esc(verdict_name(v))}" for v, n in counts.items())
    missing = esc(_("(the draft text is not available)"))
    draft = _draft_text(text, placed) if text is not None else f'<p class="where">{missing}</p>'
    findings = "\n".join(_finding(p, evidence) for p in placed)
    line = _("line {line}:")
    unread = "".join(f"<li>{esc(line.format(line=w.line))} {esc(w.message)}</li>" for w in warnings)
    if unread:
        note = esc(_("factcheck comments that silence nothing:"))
        unread = (f'<div class="warnings" role="note"><p>{note}</p>'
                  f"<ul>{unread}</ul></div>\n")
    label = esc(_("findings in {path}").format(path=path))
    return (
        f'<section class="draft-section" id="draft-{i}" data-path="{esc(path)}">\n'
        f"<h2>{esc(path)}</h2>\n<p class=\"where\">{tally}</p>\n{unread}"
        f'<div class="draft-body">\n<pre class="draft">{draft}</pre>\n'
        f'<ol class="findings" aria-label="{label}">\n{findings}\n</ol>\n</div>\n</section>'
    )


def _draft_text(text: str, placed: list[Placed]) -> str:
    out = []
    at = 0
    for p in placed:
        if p.start < 0:
            continue
        out.append(esc(text[at : p.start]))
        out.append(_figure_link(p, text[p.start : p.end]))
        at = p.end
    out.append(esc(text[at:]))
    return "".join(out)


def _figure_link(p: Placed, shown: str) -> str:
    f = p.finding
    v = f.verdict
    suppressed = (" suppressed" if f.suppressed else "") + (" warn" if p.warning else "")
    label = f"{f.text}: {verdict_name(v)} {f.code}" + (
        _(" (suppressed: {why})").format(why=f.suppressed) if f.suppressed else "")
    return (
        f'<a class="fig v-{v}{suppressed}" id="at-{p.anchor}" href="#{p.anchor}" tabindex="0" '
        f'data-verdict="{v}" data-code="{f.code}" aria-label="{esc(label)}" title="{esc(f.message)}">'
        f'<span class="figure">{esc(shown)}</span><span class="mark"> {MARKS[v]}{f.code}</span></a>'
    )


def _finding(p: Placed, evidence: str = "paragraph") -> str:
    f = p.finding
    v = f.verdict
    rule = RULES[v]
    muted = " warn" if p.warning else ""
    parts = [
        f'<li class="finding v-{v}{muted}" id="{p.anchor}" tabindex="-1" data-verdict="{v}" data-code="{f.code}">',
        f'<p><span class="mark">{MARKS[v]} {esc(verdict_name(v))} [{f.code}]</span> <b>{esc(f.text)}</b> '
        f'<span class="where">{esc(f.path)}:{f.line}:{f.column}</span></p>',
        *([f'<p class="where">{esc(word_place(f.place))}</p>'] if f.place is not None else []),
        f"<p>{esc(f.message)}</p>",
        f'<p class="where">{esc(_(rule.summary))}</p>',  # a message of data/rules.toml (babel.cfg)
    ]
    if f.suppressed:
        why = esc(_("suppressed: {why}").format(why=f.suppressed))
        parts.append(f'<p class="where">{why}</p>')
    if v == STALE and f.evidence:
        parts.extend(_superseded(f.evidence, evidence))
    elif v == UNSUPPORTED and (f.evidence or f.reasons):
        parts.append("<h3>" + esc(_("Near misses")) + "</h3>")
        parts.extend(_near_misses(f, evidence))
    elif f.evidence:
        parts.append("<h3>" + esc(_("Evidence")) + "</h3>")
        parts.extend(_evidence(e, evidence) for e in f.evidence)
    if f.reasons and v != UNSUPPORTED:
        parts.append("<h3>" + esc(_("Near misses")) + "</h3>")
        parts.append(_reasons(f.reasons))
    if p.start >= 0:
        back = esc(_("back to the figure in the draft"))
        parts.append(f'<p><a class="back" href="#at-{p.anchor}">{back}</a></p>')
    parts.append("</li>")
    return "\n".join(parts)


def _reasons(reasons: Sequence[str]) -> str:
    return '<ul class="reasons">' + "".join(f"<li>{esc(r)}</li>" for r in reasons) + "</ul>"


def _quoted(e: Claim, evidence: str) -> str:
    """The text of the source the page may quote: its paragraph, its sentence, or nothing."""
    return "" if evidence == "none" else e.paragraph or e.sentence if evidence == "paragraph" else e.sentence


def _superseded(claims: Sequence[Claim], evidence: str) -> list[str]:
    """A stale figure's card: the figure to use now (the newer claim, its period and source), then the one
    it superseded, which the draft repeats."""
    parts = []
    for role, c in zip(("use-now", "superseded"), claims):
        period = f" ({esc(c.period.label)})" if c.period else ""
        lead = _("Use now:") if role == "use-now" else _("Superseded:")
        parts.append(
            f'<p class="{role}" data-role="{role}">{esc(lead)} <span class="figure">{esc(c.text)}</span>{period} · '
            f'<span class="where">{esc(c.source)}:{c.line} · {esc(_published(c))}</span></p>'
        )
        quoted = _quoted(c, evidence)
        if quoted:
            parts.append(f"<blockquote>{highlighted(quoted, c.text, c.sentence)}</blockquote>")
    return parts


def _near_misses(f: Finding, evidence: str) -> list[str]:
    """An unsupported figure's candidates: each paragraph quoted once, its figures marked, and after it the
    reason each of them is not this figure; reasons about no candidate shown come last."""
    groups: dict[tuple[str, int, str], list[Claim]] = {}
    for e in f.evidence:
        groups.setdefault((e.source, e.line, _quoted(e, evidence)), []).append(e)
    left = list(f.reasons)
    parts = []
    for (source, line, quoted), claims in groups.items():
        figures = " · ".join(esc(c.text) for c in claims)
        where = f"{esc(source)}:{line}" + ("" if quoted else f" · {figures}") + f" · {esc(_published(claims[0]))}"
        parts.append(f'<div class="candidate"><p class="where">{where}</p>')
        if quoted:
            parts.append(f"<blockquote>{highlighted_all(quoted, [(c.text, c.sentence) for c in claims])}</blockquote>")
        mine = []
        for c in claims:
            prefix = f"{c.source}:{c.line} {c.text}"
            for r in left:
                if r.startswith(prefix):
                    mine.append(f"{c.text}{r[len(prefix):]}")
                    left.remove(r)
                    break
        if mine:
            parts.append(_reasons(mine))
        parts.append("</div>")
    if left:
        parts.append(_reasons(left))
    return parts


def _published(c: Claim) -> str:
    return _("published {date}").format(date=c.published.isoformat()) if c.published else _("undated")


def _evidence(e: Claim, evidence: str = "paragraph") -> str:
    published = esc(_published(e))
    quoted = "" if evidence == "none" else e.paragraph or e.sentence if evidence == "paragraph" else e.sentence
    if not quoted:  # no text of the source (as JSON's null): the figure it gives, at least
        return f'<p class="where">{esc(e.source)}:{e.line} · {esc(e.text)} · {published}</p>'
    return (
        f'<p class="where">{esc(e.source)}:{e.line} · {published}</p>'
        f"<blockquote>{highlighted(quoted, e.text, e.sentence)}</blockquote>"
    )


def highlighted_all(paragraph: str, figures: Sequence[tuple[str, str]]) -> str:
    """The paragraph escaped, with each (figure, its sentence) marked once, as `highlighted` finds it."""
    spans = sorted({s for s in (_find(paragraph, fig, sentence) for fig, sentence in figures) if s[0] >= 0})
    out, at = [], 0
    for start, end in spans:
        if start < at:
            continue  # two figures on one place: marked once
        out += [esc(paragraph[at:start]), f"<mark>{esc(paragraph[start:end])}</mark>"]
        at = end
    return "".join(out) + esc(paragraph[at:])


def _find(paragraph: str, figure: str, sentence: str = "") -> tuple[int, int]:
    if not figure:
        return (-1, -1)
    at = paragraph.find(sentence) if sentence else -1
    idx = paragraph.find(figure, max(at, 0))
    if idx < 0:
        idx = paragraph.find(figure)
    return (idx, idx + len(figure)) if idx >= 0 else (-1, -1)


def highlighted(paragraph: str, figure: str, sentence: str = "") -> str:
    """The paragraph escaped, with the figure marked: in its sentence where the sentence is found, else the first."""
    return highlighted_all(paragraph, [(figure, sentence)])



# Each kind of conflict by colour and by a text mark, so the page reads in grey-scale too.
CONFLICT_MARKS = {"disagreement": "≠", "inconsistent": "∑", "revision": "✎", "update": "↻", "superseded": "⤴",
                  "reconciled": "="}
TIMELINE_CSS = """
.k-disagreement, .k-inconsistent { --v: var(--contradicted); } .k-revision { --v: #8250df; } .k-update { --v: #0969da; }
.k-superseded { --v: var(--stale); } .k-reconciled { --v: var(--ok); }
.fact { border: 1px solid var(--line); border-left: 6px solid var(--v); border-radius: .4rem; padding: .5rem .75rem;
  margin: 0 0 1rem; overflow-wrap: anywhere; }
.fact h2 { margin: 0 0 .25rem; font-size: 1.05rem; } .fact .kind { color: var(--v); font-weight: bold; }
.why { color: var(--muted); margin: 0 0 .5rem; }
.timeline { list-style: none; margin: 0; padding: 0 0 0 1.25rem; border-left: 2px solid var(--line); }
.timeline li { position: relative; margin: 0 0 .75rem; }
.timeline li::before { content: ""; position: absolute; left: -1.65rem; top: .55rem; width: .7rem; height: .7rem;
  border-radius: 50%; background: #fff; border: 2px solid var(--muted); }
.timeline li.current::before { background: var(--v); border-color: var(--v); }
.timeline .value { font-weight: bold; } .timeline .now { color: var(--v); font-weight: bold; }
"""


def conflicts_to_html(conflicts: Sequence[Conflict], title: str = "factcheck conflicts", include_reconciled: bool = False) -> str:
    """Each fact's figures as a timeline, oldest first, the current one marked; the count of each kind on top."""
    from ..judge.conflicts import counts

    found = counts(conflicts)
    summary = "".join(
        f'<span class="count k-{k}">{CONFLICT_MARKS[k]} {n} {esc(kind_name(k))}</span>'
        for k, n in found.items() if k != "reconciled" or include_reconciled
    )
    facts = [_fact(i, g) for i, g in enumerate(conflicts)]
    parts = [
        "<!DOCTYPE html>", '<html lang="zh-CN">', "<head>", '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{esc(CSP)}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="factcheck">', f"<title>{esc(title)}</title>",
        f"<style>{CSS}{TIMELINE_CSS}</style>", "</head>", "<body>", "<main>", f"<h1>{esc(title)}</h1>",
        f'<p class="summary">{summary}</p>',
        *(facts or [f"<p>{esc(_('No conflicts between the store’s sources.'))}</p>"]),
        "</main>", "</body>", "</html>", "",
    ]
    return "\n".join(parts)


def _fact(i: int, g: Conflict) -> str:
    kind, subject, metric = g.kind, g.subject, g.metric
    now = _("does not add up") if kind == "inconsistent" else _("current")  # the entry's figure to look at
    items = []
    for c in g.claims:
        current = c.id == g.current.id
        period = c.period.label if c.period else _("undated")
        published = c.published.isoformat() if c.published else _("undated")
        opening = '<li class="current">' if current else "<li>"
        items.append(
            f"{opening}"
            f'<time datetime="{esc(published)}">{esc(published)}</time> · '
            f'<span class="value">{esc(c.text)}</span> · {esc(period)}'
            + (f' · <span class="now">{esc(now)}</span>' if current else "")
            + f'<p class="where">{esc(c.source)}:{c.line}</p>'
            f"<blockquote>{highlighted(c.paragraph or c.sentence, c.text, c.sentence)}</blockquote></li>"
        )
    return (
        f'<section class="fact k-{esc(kind)}" id="fact-{i}" aria-labelledby="fact-{i}-h">'
        f'<h2 id="fact-{i}-h"><span class="kind">{CONFLICT_MARKS.get(kind, "")} {esc(kind_name(kind))}</span> · '
        f"{esc(subject or _('(no subject)'))} · {esc(metric)}</h2>"
        f'<p class="why">{esc(g.why)}</p>'
        f'<ol class="timeline">{"".join(items)}</ol></section>'
    )
