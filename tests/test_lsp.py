"""`factcheck lsp`: a real client session over stdio, and the protocol mapping on records.

The session test speaks JSON-RPC with Content-Length framing to
`python -m factcheck lsp` in a copy of the project, and holds its diagnostics
to the verdicts, codes and positions of `factcheck check --format json`.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import queue
import shutil
import stat
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("pygls")

from factcheck.app.config import load_config
from factcheck.app.session import FULL_LOOK_EVERY, Session
from factcheck.lsp import UNITS, evidence_range, figure_range, finding_at, hover_text, utf16_units

ROOT = Path(__file__).resolve().parents[1]
DRAFT = "examples/draft_pinghu_review.md"
WAIT = 15.0  # seconds any one reply may take before the test fails instead of hanging


class Client:
    """Just enough of an LSP client: framed JSON-RPC on a subprocess, every read with a timeout."""

    def __init__(self, cwd: Path) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "factcheck", "lsp"], cwd=cwd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        self.inbox: queue.Queue[dict[str, Any]] = queue.Queue()
        self.seen: list[dict[str, Any]] = []  # every message read so far, in order, replies included
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        out = self.proc.stdout
        assert out is not None
        try:
            while True:
                headers = {}
                while (line := out.readline()) not in (b"\r\n", b""):
                    name, _, value = line.decode("ascii").partition(":")
                    headers[name.strip().lower()] = value.strip()
                if not headers:
                    return
                self.inbox.put(json.loads(out.read(int(headers["content-length"]))))
        except (OSError, ValueError):  # the pipe closed under us: the session is over
            return

    def send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        assert self.proc.stdin is not None
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def notify(self, method: str, params: Any) -> None:
        self.send({"method": method, "params": params})

    def request(self, method: str, params: Any) -> Any:
        self.next_id += 1
        self.send({"id": self.next_id, "method": method, "params": params})
        reply = self.wait(lambda m: m.get("id") == self.next_id and "method" not in m)
        assert "error" not in reply, reply
        return reply["result"]

    def wait(self, wanted: Any) -> dict[str, Any]:
        while True:
            try:
                message = self.inbox.get(timeout=WAIT)
            except queue.Empty:
                raise AssertionError(f"no reply within {WAIT} s; server stderr: {self._stderr()}") from None
            self.seen.append(message)
            if wanted(message):
                return message

    def diagnostics(self, uri: str) -> list[dict[str, Any]]:
        message = self.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri)
        return message["params"]["diagnostics"]

    def close(self) -> None:
        """Ended, and its pipes closed (pytest treats an unclosed file as an error)."""
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait(timeout=WAIT)
        for pipe in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
            if pipe is not None:
                pipe.close()

    def _stderr(self) -> str:
        self.proc.kill()
        assert self.proc.stderr is not None
        return self.proc.stderr.read().decode("utf-8", "replace")[-2000:]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The config, store, sources and example draft, copied writable (the real claims/ is held read-only)."""
    for name in ("claims", "seeds", "examples"):
        shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns(".index"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    for folder, _, files in os.walk(tmp_path):
        for p in [folder, *(os.path.join(folder, f) for f in files)]:
            os.chmod(p, os.stat(p).st_mode | stat.S_IWUSR)
    return tmp_path


def _text_at(lines: list[str], r: dict[str, Any]) -> str:
    """The text an LSP range covers (one line, UTF-16 units)."""
    line = lines[r["start"]["line"]].encode("utf-16-le")
    return line[2 * r["start"]["character"] : 2 * r["end"]["character"]].decode("utf-16-le")


def test_an_editor_session_gets_the_verdicts_of_the_command_line(project: Path) -> None:
    expected = json.loads(
        subprocess.run(
            [sys.executable, "-m", "factcheck", "check", DRAFT, "--format", "json"], cwd=project, capture_output=True,
            text=True, timeout=60,
        ).stdout
    )["findings"]
    flagged = [f for f in expected if f["verdict"] != "ok"]
    assert sorted(f["verdict"] for f in flagged) == ["contradicted"] * 2 + ["stale"] * 4 + ["unsupported"] * 2

    text = (project / DRAFT).read_text(encoding="utf-8")
    lines = text.split("\n")
    uri = (project / DRAFT).as_uri()
    client = Client(project)
    try:
        init = client.request("initialize", {"processId": os.getpid(), "rootUri": project.as_uri(), "capabilities": {}})
        assert init["capabilities"]["hoverProvider"]
        client.notify("initialized", {})
        client.notify("textDocument/didOpen",
                      {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}})
        found = client.diagnostics(uri)

        # The same figures, verdicts, codes and places as `factcheck check`; errors and warnings; no ok hints unasked.
        assert [(d["range"]["start"]["line"] + 1, d["code"], _text_at(lines, d["range"])) for d in found] == [
            (f["line"], f["code"], f["text"]) for f in flagged
        ]
        assert [d["range"]["start"]["character"] for d in found] == [
            utf16_units(lines[f["line"] - 1][: f["column"] - 1]) for f in flagged
        ]
        severity = {"contradicted": 1, "stale": 1, "unsupported": 2}
        assert [d["severity"] for d in found] == [severity[f["verdict"]] for f in flagged]
        assert [d["message"] for d in found] == [f["message"] for f in flagged]
        assert {d["source"] for d in found} == {"factcheck"}
        wrong = next(d for d in found if _text_at(lines, d["range"]) == "98.2%")
        evidence = wrong["relatedInformation"][0]
        assert evidence["location"]["uri"].endswith("seeds/001_09746f9734a70c8c.txt")
        assert evidence["location"]["range"]["start"]["line"] == 24 and "96.2%" in evidence["message"]

        # Hover on the contradicted figure: verdict, reason and the source's paragraph, path:line and date.
        hover = client.request("textDocument/hover",
                               {"textDocument": {"uri": uri}, "position": wrong["range"]["start"]})
        shown = hover["contents"]["value"]
        assert "contradicted" in shown and "96.2%" in shown and "seeds/001_09746f9734a70c8c.txt:25" in shown

        # The quick fix for a contradicted figure puts the source's figure in its place.
        actions = client.request("textDocument/codeAction", {
            "textDocument": {"uri": uri}, "range": wrong["range"], "context": {"diagnostics": [wrong]},
        })
        edits = [e for a in actions for e in a["edit"]["changes"][uri]]
        assert edits == [{"range": wrong["range"], "newText": "96.2%"}]

        # Fix 98.2% as the editor would type it: that diagnostic goes, the others stay.
        at = wrong["range"]
        client.notify("textDocument/didChange", {
            "textDocument": {"uri": uri, "version": 2},
            "contentChanges": [{"range": {"start": {"line": at["start"]["line"], "character": at["start"]["character"]},
                                          "end": {"line": at["start"]["line"], "character": at["start"]["character"] + 2}},
                                "text": "96"}],
        })
        after = client.diagnostics(uri)
        assert "98.2%" not in [d["message"].split()[0] for d in after]
        assert len(after) == len(found) - 1
        assert all(d["range"]["start"] != at["start"] for d in after)

        assert client.request("shutdown", None) is None
        client.notify("exit", None)
        assert client.proc.wait(timeout=WAIT) == 0
    finally:
        client.close()


def test_ok_figures_are_hints_when_asked(project: Path) -> None:
    uri = (project / DRAFT).as_uri()
    client = Client(project)
    try:
        client.request("initialize", {"processId": os.getpid(), "rootUri": project.as_uri(), "capabilities": {},
                                      "initializationOptions": {"factcheck": {"showOk": True}}})
        client.notify("initialized", {})
        client.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "markdown", "version": 1, "text": (project / DRAFT).read_text(encoding="utf-8"),
        }})
        found = client.diagnostics(uri)
        assert sorted(d["code"] for d in found if d["severity"] == 4) == ["FC000"] * 8
        client.request("shutdown", None)
        client.notify("exit", None)
        assert client.proc.wait(timeout=WAIT) == 0
    finally:
        client.close()


def test_an_astral_character_counts_two_utf16_units_before_a_figure(project: Path) -> None:
    session = Session(load_config(cwd=project))
    try:
        checked = session.check("𠮷平湖技师学院毕业生就业率连续多年稳定在98.2%。", "d.md")
        (f,) = [f for f in checked.findings if f.text == "98.2%"]
        row, start, end = figure_range(f, checked.lines, utf16_units)
        assert (row, start, end) == (0, f.column - 1 + 1, f.column - 1 + 1 + 5)
        assert finding_at(checked, 0, start + 1, utf16_units) == f
    finally:
        session.close()


def test_an_ignore_comment_silences_the_diagnostic_as_it_does_the_check(project: Path) -> None:
    session = Session(load_config(cwd=project), today=lambda: dt.date(2026, 3, 5))
    try:
        text = "平湖技师学院毕业生就业率连续多年稳定在98.2%。"
        assert [f.verdict for f in session.check(text, "d.md").findings] == ["contradicted"]
        assert session.check(text + "<!-- factcheck: ignore[FC001] -->", "d.md").findings == ()
    finally:
        session.close()


def test_the_hover_quotes_the_evidence_paragraph_with_its_source_and_date(project: Path) -> None:
    session = Session(load_config(cwd=project), today=lambda: dt.date(2026, 3, 5))
    try:
        (f,) = session.check("平湖技师学院毕业生就业率连续多年稳定在98.2%。", "d.md").findings
        shown = hover_text(f)
        e = f.evidence[0]
        assert f"> {e.paragraph.splitlines()[0]}" in shown and f"`{e.source}:{e.line}`" in shown
        assert f"published {e.published.isoformat()}" in shown
    finally:
        session.close()


def test_the_store_is_reopened_when_its_files_change(project: Path) -> None:
    session = Session(load_config(cwd=project))
    try:
        first = session.store()
        assert session.store() is first
        manifest = project / "claims" / "manifest.json"
        os.utime(manifest, ns=(manifest.stat().st_atime_ns, manifest.stat().st_mtime_ns + 10**9))
        assert session.store() is not first
    finally:
        session.close()


def test_a_store_file_edited_in_place_is_seen_at_the_next_full_look(project: Path) -> None:
    """Between full looks only the folder and manifest are looked at (18,000 files cost 65 ms at 1M claims)."""
    now = [100.0]
    session = Session(load_config(cwd=project), clock=lambda: now[0])
    try:
        first = session.store()
        store_file = next(p for p in (project / "claims").glob("*.jsonl"))
        st = store_file.stat()
        os.utime(store_file, ns=(st.st_atime_ns, st.st_mtime_ns + 10**9))  # as an editor writing in place
        now[0] += FULL_LOOK_EVERY / 2
        assert session.store() is first  # folder and manifest unchanged: not looked at yet
        now[0] += FULL_LOOK_EVERY
        assert session.store() is not first
    finally:
        session.close()


def test_a_new_store_file_is_seen_at_once(project: Path) -> None:
    now = [100.0]
    session = Session(load_config(cwd=project), clock=lambda: now[0])
    try:
        first = session.store()
        folder = project / "claims"
        shutil.copy(next(folder.glob("*.jsonl")), folder / "copy.jsonl")  # the folder's mtime moves
        os.utime(folder, ns=(folder.stat().st_atime_ns, folder.stat().st_mtime_ns + 10**9))
        assert session.store() is not first
    finally:
        session.close()


def test_each_draft_is_checked_against_its_own_project_wherever_the_editor_started_the_server(
    project: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Editors start one server per window, from any folder: the draft's own config and store are used."""
    elsewhere = tmp_path_factory.mktemp("elsewhere")  # the server's folder and workspace: no config, no store
    draft = project / DRAFT
    uri = draft.as_uri()
    client = Client(elsewhere)
    try:
        client.request("initialize", {"processId": os.getpid(), "rootUri": elsewhere.as_uri(), "capabilities": {}})
        client.notify("initialized", {})
        client.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "markdown", "version": 1, "text": draft.read_text(encoding="utf-8")}})
        found = client.diagnostics(uri)
        assert sorted(d["code"] for d in found) == ["FC001"] * 2 + ["FC002"] * 4 + ["FC003"] * 2
        # A buffer never saved belongs to the workspace, which has no store: one quiet line saying so, no crash.
        client.notify("textDocument/didOpen", {"textDocument": {
            "uri": "untitled:Untitled-1", "languageId": "markdown", "version": 1,
            "text": "平湖技师学院毕业生就业率连续多年稳定在98.2%。"}})
        logged = client.wait(lambda m: m.get("method") == "window/logMessage")
        assert "no claims store here" in logged["params"]["message"]
        assert client.request("shutdown", None) is None
        client.notify("exit", None)
        assert client.proc.wait(timeout=WAIT) == 0
    finally:
        client.close()


def test_files_never_opened_are_not_read_and_a_draft_the_cli_refuses_says_so_on_line_1(project: Path, tmp_path_factory) -> None:  # type: ignore[no-untyped-def]
    """#30 items 9 and 13: hover, code action and save answer for open documents only; a refused draft is a diagnostic."""
    outside = tmp_path_factory.mktemp("elsewhere") / "secret.md"
    outside.write_text("---\ndate: 2026-02-01\n---\n平湖经开24家规模以上数控机床企业实现产值98亿元。\n", encoding="utf-8")
    gone = (project / "gone.md").as_uri()
    refused = (project / "broken.md").as_uri()
    client = Client(project)
    try:
        client.request("initialize", {"processId": os.getpid(), "rootUri": project.as_uri(), "capabilities": {}})
        client.notify("initialized", {})
        at = {"line": 3, "character": 20}
        for uri in (outside.as_uri(), gone):
            assert client.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": at}) is None
            assert client.request("textDocument/codeAction", {
                "textDocument": {"uri": uri}, "range": {"start": at, "end": at}, "context": {"diagnostics": []},
            }) is None
            client.notify("textDocument/didSave", {"textDocument": {"uri": uri}})
        text = "---\ndate: 2026-02-30\n---\n平湖经开24家规模以上数控机床企业实现产值98亿元。\n"
        client.notify("textDocument/didOpen",
                      {"textDocument": {"uri": refused, "languageId": "markdown", "version": 1, "text": text}})
        (said,) = client.diagnostics(refused)
        assert said["range"]["start"] == {"line": 0, "character": 0} and said["severity"] == 1
        assert said["message"].startswith("factcheck cannot check this draft: ") and "2026-02-30" in said["message"]
        assert client.request("shutdown", None) is None
        client.notify("exit", None)
        assert client.proc.wait(timeout=WAIT) == 0
        assert client.proc.stderr is not None and b"Traceback" not in client.proc.stderr.read()
    finally:
        client.close()


def test_outside_any_project_the_server_logs_once_and_stays_quiet(tmp_path: Path) -> None:
    """#26 item 7: Neovim starts the server for every Markdown file; with no store there is nothing to check
    against. One window/logMessage (not a pop-up) the first time, then no diagnostics and no error, on open,
    after every change and on save."""
    notes = tmp_path / "notes"
    notes.mkdir()
    draft = notes / "shopping.md"
    text = "2025年前11个月，平湖经开区24家规上数控机床企业实现产值88亿元，同比增长9%。\n"
    draft.write_text(text, encoding="utf-8")
    uri = draft.as_uri()
    client = Client(notes)
    try:
        client.request("initialize", {"processId": os.getpid(), "rootUri": None, "capabilities": {}})
        client.notify("initialized", {})
        client.notify("textDocument/didOpen",
                      {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}})
        for version in (2, 3):
            client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                                     "contentChanges": [{"text": text * version}]})
            client.notify("textDocument/didSave", {"textDocument": {"uri": uri}})  # checked at once, not debounced
        at = {"line": 0, "character": 34}
        assert client.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": at}) is None
        assert client.request("textDocument/codeAction", {
            "textDocument": {"uri": uri}, "range": {"start": at, "end": at}, "context": {"diagnostics": []},
        }) is None
        assert client.request("shutdown", None) is None
        said = [m for m in client.seen if "method" in m]
        assert [m["method"] for m in said] == ["window/logMessage"]
        assert "no claims store here" in said[0]["params"]["message"]
        assert said[0]["params"]["type"] in (3, 4)  # Info or Log: nothing the editor pops up
        client.notify("exit", None)
        assert client.proc.wait(timeout=WAIT) == 0
        assert client.proc.stderr is not None and client.proc.stderr.read() == b""
    finally:
        client.close()


ASTRAL_SOURCE = "本报记者𠀀报道。平湖技师学院累计培养高素质技术技能人才1500余名，毕业生就业率连续多年稳定在96.2%。"
ASTRAL_DRAFT = "𠀀编者按。平湖技师学院毕业生就业率连续多年稳定在98.2%。"
CODECS = {"utf-8": ("utf-8", 1), "utf-16": ("utf-16-le", 2), "utf-32": ("utf-32-le", 4)}


def _covered(line: str, r: dict[str, Any], encoding: str) -> str:
    """The text a one-line LSP range covers, its characters counted in `encoding`'s code units."""
    codec, width = CODECS[encoding]
    data = line.encode(codec)
    return data[width * r["start"]["character"] : width * r["end"]["character"]].decode(codec)


@pytest.mark.parametrize(
    ("offered", "agreed"),
    [(None, "utf-16"), (["utf-8", "utf-16"], "utf-8"), (["utf-32", "utf-16"], "utf-32")],
    ids=["default utf-16", "utf-8 as Neovim offers", "utf-32"],
)
def test_every_position_the_server_sends_is_in_the_agreed_encoding(
    tmp_path: Path, offered: list[str] | None, agreed: str
) -> None:
    """#26 item 6: diagnostics, the evidence's relatedInformation, hover and code action ranges all count in
    the encoding agreed in `initialize`; a CJK line with an astral character (𠀀, two UTF-16 units, four
    UTF-8 bytes) before the figure, in the draft and in the source, tells the encodings apart."""
    from factcheck import Checker

    (tmp_path / "factcheck.toml").write_text('store = "claims"\nsources = ["sources"]\n', encoding="utf-8")
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "a.md").write_text(f"---\ndate: 2026-01-20\n---\n\n{ASTRAL_SOURCE}\n", encoding="utf-8")
    with Checker.for_project(cwd=tmp_path) as checker:
        checker.ingest()
    draft = tmp_path / "d.md"
    text = f"---\ndate: 2026-03-05\n---\n\n{ASTRAL_DRAFT}\n"
    uri = draft.as_uri()
    client = Client(tmp_path)
    try:
        capabilities = {"general": {"positionEncodings": offered}} if offered else {}
        init = client.request("initialize", {"processId": os.getpid(), "rootUri": tmp_path.as_uri(),
                                             "capabilities": capabilities})
        assert init["capabilities"]["positionEncoding"] == agreed
        client.notify("initialized", {})
        client.notify("textDocument/didOpen",
                      {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}})
        (found,) = client.diagnostics(uri)
        assert found["range"]["start"]["line"] == 4
        assert _covered(ASTRAL_DRAFT, found["range"], agreed) == "98.2%"

        (related,) = found["relatedInformation"]
        where = related["location"]
        assert where["uri"] == (tmp_path / "sources" / "a.md").resolve().as_uri()
        assert where["range"]["start"]["line"] == 4
        assert _covered(ASTRAL_SOURCE, where["range"], agreed) == "96.2%"

        inside = {"line": 4, "character": found["range"]["start"]["character"] + 1}
        hover = client.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": inside})
        assert hover["range"] == found["range"]

        actions = client.request("textDocument/codeAction", {
            "textDocument": {"uri": uri}, "range": {"start": inside, "end": inside}, "context": {"diagnostics": [found]},
        })
        (edit,) = [e for a in actions for e in a["edit"]["changes"][uri]]
        assert _covered(ASTRAL_DRAFT, edit["range"], agreed) == "98.2%" and edit["newText"] == "96.2%"

        # The editor's own edit, in the agreed units: 98 → 96 (two units in any encoding) puts the figure right.
        start = found["range"]["start"]
        client.notify("textDocument/didChange", {
            "textDocument": {"uri": uri, "version": 2},
            "contentChanges": [{"range": {"start": start, "end": {"line": 4, "character": start["character"] + 2}},
                                "text": "96"}],
        })
        client.notify("textDocument/didSave", {"textDocument": {"uri": uri}})
        assert client.diagnostics(uri) == []
        assert client.request("shutdown", None) is None
        client.notify("exit", None)
        assert client.proc.wait(timeout=WAIT) == 0
    finally:
        client.close()


def test_evidence_in_a_source_edited_since_ingest_points_at_its_line_not_a_wrong_column(project: Path) -> None:
    session = Session(load_config(cwd=project), today=lambda: dt.date(2026, 3, 5))
    try:
        (f,) = session.check("平湖技师学院毕业生就业率连续多年稳定在98.2%。", "d.md").findings
        (e,) = f.evidence
        line = (project / e.source).read_text(encoding="utf-8").split("\n")[e.line - 1]
        row, start, end = evidence_range(e, line, UNITS["utf-8"])
        assert line.encode("utf-8")[start:end].decode("utf-8") == "96.2%" and row == e.line - 1
        assert evidence_range(e, "（此段已删改）" + line, UNITS["utf-8"]) == (e.line - 1, 0, 0)
        assert evidence_range(e, None, UNITS["utf-8"]) == (e.line - 1, 0, 0)
    finally:
        session.close()


def _apply(text: str, edit: dict[str, Any]) -> str:
    """An LSP text edit (one line, UTF-16 units) made to the text, as the editor makes it."""
    r = edit["range"]
    assert r["start"]["line"] == r["end"]["line"]
    lines = text.split("\n")
    line = lines[r["start"]["line"]].encode("utf-16-le")
    start, end = 2 * r["start"]["character"], 2 * r["end"]["character"]
    lines[r["start"]["line"]] = (line[:start] + edit["newText"].encode("utf-16-le") + line[end:]).decode("utf-16-le")
    return "\n".join(lines)


HEADED = ("---\ndate: 2026-02-10\n---\n\n## 2025年前11个月平湖经开数控机床产业回顾\n\n"
          "平湖经开区24家规上数控机床企业实现产值88亿元。\n")


def test_each_quick_fix_leaves_a_draft_the_checker_accepts(project: Path) -> None:
    """#26 item 5: 2025年前11个月…88亿元 made …98亿元 was then contradicted. Each quick fix the server offers on
    the example draft, made as the editor makes it and checked again with the library, must leave its figures
    ok and raise no new alarm; a period-stale figure gets its period words replaced in the same edit."""
    from factcheck import Checker

    text = (project / DRAFT).read_text(encoding="utf-8")
    uri = (project / DRAFT).as_uri()
    headed = (project / "examples" / "headed.md").as_uri()
    client = Client(project)
    checker = Checker.for_project(cwd=project)
    try:
        client.request("initialize", {"processId": os.getpid(), "rootUri": project.as_uri(), "capabilities": {}})
        client.notify("initialized", {})
        client.notify("textDocument/didOpen",
                      {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}})
        alarms = [d for d in client.diagnostics(uri) if d["code"] in ("FC001", "FC002")]
        before = {(f.line, f.text) for f in checker.check_text(text, DRAFT) if f.verdict in ("contradicted", "stale")}
        assert len(alarms) == len(before) == 6
        edits = {}
        for d in alarms:
            actions = client.request("textDocument/codeAction", {
                "textDocument": {"uri": uri}, "range": d["range"], "context": {"diagnostics": [d]},
            })
            (action,) = actions
            (edit,) = action["edit"]["changes"][uri]
            edits[d["range"]["start"]["line"], d["range"]["start"]["character"]] = edit

        for edit in {json.dumps(e, sort_keys=True): e for e in edits.values()}.values():
            fixed = _apply(text, edit)
            after = checker.check_text(fixed, DRAFT)
            line = edit["range"]["start"]["line"] + 1
            start = edit["range"]["start"]["character"]  # the edited lines hold no astral characters
            put = [f for f in after if f.line == line and start <= f.column - 1 < start + len(edit["newText"])]
            assert put and all(f.verdict == "ok" for f in put), (edit, [(f.text, f.verdict) for f in put])
            alarmed = {(f.line, f.text) for f in after if f.verdict in ("contradicted", "stale")}
            assert alarmed < before  # fewer alarms, and none new

        # 88亿元 and 9% share their period 2025年前11个月: one edit, from the period words to the last figure.
        line = text.split("\n")[7]
        (period_fix,) = {json.dumps(e) for k, e in edits.items() if k[0] == 7}
        assert _apply(text, json.loads(period_fix)).split("\n")[7] == line.replace("2025年前11个月", "2025年").replace(
            "88亿元", "98亿元").replace("9%", "8.1%")

        # The period comes from the story's heading: replacing the figure alone would be contradicted, and
        # changing the heading would change the story; no fix is offered.
        client.notify("textDocument/didOpen",
                      {"textDocument": {"uri": headed, "languageId": "markdown", "version": 1, "text": HEADED}})
        (stale,) = [d for d in client.diagnostics(headed) if d["code"] == "FC002"]
        assert client.request("textDocument/codeAction", {
            "textDocument": {"uri": headed}, "range": stale["range"], "context": {"diagnostics": [stale]},
        }) == []
        assert client.request("shutdown", None) is None
        client.notify("exit", None)
        assert client.proc.wait(timeout=WAIT) == 0
    finally:
        checker.close()
        client.close()
