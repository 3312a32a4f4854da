"""Reports for code-review tools: SARIF 2.1.0 for code scanning, workflow commands for GitHub Actions annotations.

Only flagged figures are results (an `ok` is not a problem to annotate).
Suppressed findings stay in SARIF with a `suppressions` entry, which is how
SARIF says "reviewed", and are left out of the annotations.
"""

from __future__ import annotations

import io
import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote

from ..judge.suppress import IN_SOURCE
from ..record.finding import (
    CONTRADICTED,
    INCONSISTENT,
    OK,
    STALE,
    UNSUPPORTED,
    DirectiveWarning,
    Finding,
    Report,
    Tally,
)
from ..record.rules import RULES
from .text import json_nested, replay

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_VERSION = "2.1.0"
TOOL_NAME = "factcheck"
FINGERPRINT_KEY = "factcheckContent/v1"  # the accept-file fingerprint: the same finding keeps one identity
SRCROOT = "%SRCROOT%"


def level(verdict: str) -> str:
    """An alarm (contradicted, stale, inconsistent) is an error; an unsupported figure is a warning; an ok one a note.

    The levels follow the gate's default `fail-on`: what fails the run by default is an error.
    """
    if verdict in (CONTRADICTED, STALE, INCONSISTENT):
        return "error"
    return "warning" if verdict == UNSUPPORTED else "note"


def flagged(report: Report) -> list[Finding]:
    return [f for f in report.findings if f.verdict != OK]


def repo_path(path: str, root: Path) -> str | None:
    """The draft's path relative to the project root, POSIX style; None when it lies outside (or is stdin)."""
    if path.startswith("<"):
        return None
    try:
        return Path(os.path.abspath(path)).relative_to(root.absolute()).as_posix()
    except ValueError:
        return None


def _artifact(path: str, root: Path) -> dict[str, Any]:
    rel = repo_path(path, root)
    if rel is not None:
        return {"uri": quote(rel), "uriBaseId": SRCROOT}
    if path.startswith("<"):
        return {"uri": quote(path.strip("<>"))}
    return {"uri": Path(os.path.abspath(path)).as_uri()}


def _region(f: Finding) -> dict[str, Any]:
    region: dict[str, Any] = {"startLine": f.line, "startColumn": f.column}
    if f.claim.end_column > f.column:  # exclusive, as SARIF wants; a figure broken across lines has none
        region["endColumn"] = f.claim.end_column
    return region


def _rules(docs: str | None) -> list[dict[str, Any]]:
    """One rule per flagging verdict, ids and kebab-case names from the rule registry, so FC001 is
    `contradicted-figure` in every log, as the README's rules table names it.

    Each carries the registry's explanation (what `factcheck rule FC001` prints, in English), so a code-review
    tool can show it beside the finding; helpUri is the rule's section of the documentation ([project.urls]).
    English whatever --lang says: the log is read by whoever reads the repository, and SARIF's own way to
    carry a second language (run.translations) is not one GitHub's code scanning reads.
    """
    from ..record.rules import describe, markdown

    rules = []
    for rule in RULES.values():
        if rule.verdict == OK:
            continue
        entry: dict[str, Any] = {
            "id": rule.code,
            "name": rule.name,
            "shortDescription": {"text": rule.summary},
            "fullDescription": {"text": rule.explanation},
            "help": {"text": describe(rule, "en"), "markdown": markdown(rule)},  # English, whatever --lang says
        }
        if docs is not None:
            entry["helpUri"] = f"{docs}#{rule.anchor}"
        entry["defaultConfiguration"] = {"level": level(rule.verdict)}
        rules.append(entry)
    return rules


def _result(f: Finding, root: Path, rule_index: dict[str, int]) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": f.code,
        "ruleIndex": rule_index[f.code],
        "level": level(f.verdict),
        "message": {"text": f"{f.verdict}: {f.message}"},
        "locations": [{"physicalLocation": {"artifactLocation": _artifact(f.path, root), "region": _region(f)}}],
        "partialFingerprints": {FINGERPRINT_KEY: f.fingerprint},
        "properties": {"verdict": f.verdict, "figure": f.text, "sentence": f.claim.sentence},
    }
    if f.place is not None:
        # A Word draft: the region counts in the text factcheck rendered it to (one paragraph or table row a
        # line); the logical location and `properties.word` are the paragraph or cell an editor finds in Word.
        location = result["locations"][0]
        location["logicalLocations"] = [{"kind": "element", "name": f.place.qualified_name(),
                                         "fullyQualifiedName": f.place.qualified_name()}]
        location["physicalLocation"]["region"]["snippet"] = {"text": f.claim.paragraph}
        result["properties"]["word"] = f.place.to_json()
    evidence = [
        {
            "id": i,
            "physicalLocation": {
                "artifactLocation": {"uri": quote(e.source), "uriBaseId": SRCROOT},
                "region": {"startLine": e.line, "startColumn": e.column},
            },
            "message": {"text": f"evidence: {e.text} (published {e.published})"},
        }
        for i, e in enumerate(f.evidence)
    ]
    if evidence:
        result["relatedLocations"] = evidence
    if f.suppressed:
        kind = "inSource" if f.suppressed in IN_SOURCE else "external"
        result["suppressions"] = [{"kind": kind, "justification": f.suppressed}]
    return result


def sarif_log(report: Report, root: Path) -> dict[str, Any]:
    urls = project_urls()
    home = urls.get("homepage")
    rules = _rules(urls.get("documentation", home))
    rule_index = _rule_index(rules)
    return _log(root, home, rules, [_result(f, root, rule_index) for f in flagged(report)], report.warnings)


def _rule_index(rules: list[dict[str, Any]]) -> dict[str, int]:
    return {r["id"]: i for i, r in enumerate(rules)}


def _log(
    root: Path, home: str | None, rules: list[dict[str, Any]], results: list[Any], warnings: Sequence[DirectiveWarning]
) -> dict[str, Any]:
    driver: dict[str, Any] = {"name": TOOL_NAME}
    if home is not None:
        driver["informationUri"] = home
    driver |= {"version": _version(), "rules": rules}
    run: dict[str, Any] = {
        "tool": {"driver": driver},
        "originalUriBaseIds": {SRCROOT: {"uri": root.absolute().as_uri() + "/"}},
        "columnKind": "unicodeCodePoints",  # our columns count characters, and 平 is one of them
        "results": results,
    }
    if warnings:
        # A comment that could not be read configures the run wrongly (it silences nothing): SARIF's
        # toolConfigurationNotifications, with the place, so a viewer can show it beside the results.
        run["invocations"] = [{
            "executionSuccessful": True,
            "toolConfigurationNotifications": [_notification(w, root) for w in warnings],
        }]
    return {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}


def _notification(w: DirectiveWarning, root: Path) -> dict[str, Any]:
    where = {"artifactLocation": _artifact(w.path, root), "region": {"startLine": w.line}}
    return {"level": "warning", "message": {"text": w.message}, "locations": [{"physicalLocation": where}]}


def to_sarif(report: Report, root: Path) -> str:
    return json.dumps(sarif_log(report, root), ensure_ascii=False, indent=2)


_RESULTS = "\0results\0"  # where the results go in the log's skeleton (json writes it \u0000results\u0000)


class SarifReport:
    """The log `to_sarif` writes, the same bytes, one result at a time.

    Results are nearly all of a big draft's log; built whole, the document
    and its string took several times the memory of the findings. The rest
    of the log is written around them from its skeleton. Nothing is written
    before the first result or `close`, so a check that fails early leaves
    stdout empty.
    """

    def __init__(self, out: Any, tally: Tally, root: Path) -> None:
        self.out, self.tally, self.root = out, tally, root
        urls = project_urls()
        self.home = urls.get("homepage")
        self.rules = _rules(urls.get("documentation", self.home))
        self.rule_index = _rule_index(self.rules)
        self.warnings: list[DirectiveWarning] = []
        self.tail: str | None = None  # the log after its last result, once the head is written

    def warning(self, w: DirectiveWarning) -> None:
        self.warnings.append(w)

    def add(self, f: Finding) -> None:
        self.tally.add(f)
        if f.verdict == OK:
            return
        if self.tail is None:
            skeleton = json.dumps(_log(self.root, self.home, self.rules, [_RESULTS], self.warnings),
                                  ensure_ascii=False, indent=2)
            head, self.tail = skeleton.split(json.dumps(_RESULTS))
            self.out.write(head)
        else:
            self.out.write(",\n        ")
        self.out.write(json_nested(_result(f, self.root, self.rule_index), 4))

    def close(self) -> None:
        if self.tail is None:
            self.out.write(json.dumps(_log(self.root, self.home, self.rules, [], self.warnings), ensure_ascii=False,
                                      indent=2))
        else:
            self.out.write(self.tail)
        self.out.write("\n")


class GithubReport:
    """The annotations `to_github` writes, each as its finding is judged (the comments not read come first)."""

    def __init__(self, out: Any, tally: Tally, root: Path) -> None:
        self.out, self.tally, self.root = out, tally, root

    def warning(self, w: DirectiveWarning) -> None:
        self.out.write(github_warning(w, self.root) + "\n")

    def add(self, f: Finding) -> None:
        self.tally.add(f)
        if f.verdict != OK and not f.suppressed:
            self.out.write(github_command(f, self.root) + "\n")

    def close(self) -> None:
        """Nothing to finish: every annotation is a line of its own."""


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("factcheck")
    except PackageNotFoundError:  # pragma: no cover - running from a bare checkout
        return "0"


def project_urls() -> dict[str, str]:
    """pyproject.toml's [project.urls] from the installed metadata, by lower-case label (homepage, documentation).

    Empty when the package is not installed: the log then has no links rather than made-up ones.
    """
    from importlib.metadata import PackageNotFoundError, metadata

    try:
        meta = metadata("factcheck")
    except PackageNotFoundError:  # pragma: no cover - running from a bare checkout
        return {}
    urls: dict[str, str] = {}
    for entry in meta.get_all("Project-URL") or []:  # get_all: a missing key is None, not a warning or a KeyError
        label, _, url = entry.partition(",")
        if url.strip():
            urls.setdefault(label.strip().lower(), url.strip())
    home = meta.get_all("Home-page") or []
    if home and "homepage" not in urls:
        urls["homepage"] = home[0]
    return urls


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_command(f: Finding, root: Path) -> str:
    """`::error file=…,line=…,col=…,title=FC001 contradicted::message`, escaped as the runner expects."""
    props = {"file": repo_path(f.path, root) or f.path, "line": str(f.line), "col": str(f.column)}
    if f.claim.end_column > f.column:
        props["endColumn"] = str(f.claim.end_column)
    props["title"] = f"{f.code} {f.verdict}"
    rendered = ",".join(f"{k}={_escape_property(v)}" for k, v in props.items())
    where = f" ({f.place.qualified_name()}, character {f.place.character})" if f.place is not None else ""
    return f"::{level(f.verdict)} {rendered}::{_escape_data(f.message + where)}"


def github_warning(w: DirectiveWarning, root: Path) -> str:
    """`::warning file=…,line=…,title=factcheck comment::…`: a comment that silences nothing, annotated on its line."""
    props = {"file": repo_path(w.path, root) or w.path, "line": str(w.line), "title": "factcheck comment"}
    rendered = ",".join(f"{k}={_escape_property(v)}" for k, v in props.items())
    return f"::warning {rendered}::{_escape_data(w.message)}"


def to_github(report: Report, root: Path) -> str:
    out = io.StringIO()
    replay(report, GithubReport(out, Tally(len(report.drafts)), root))
    return out.getvalue()
