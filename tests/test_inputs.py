"""Inputs read right or refused in one line: encodings, front matter, paths, globs, symlinks, store paths."""

from __future__ import annotations

import codecs
import datetime as dt
from pathlib import Path

import pytest

from factcheck.app.config import load_config
from factcheck.app.ingest import discover, display_path, ingest
from factcheck.cli import main
from factcheck.errors import ConfigError, InputError
from factcheck.reading.source import decode, publication_date, read_document
from factcheck.store.folder import Store

ROOT = Path(__file__).resolve().parent.parent
SENTENCE = "2025年，平湖经开24家规模以上数控机床企业实现产值98亿元，同比增长8.1%。\n"
TRADITIONAL = "2025年，平湖經開24家規模以上數控機床企業實現產值98億元，同比增長8.1%。香港與臺灣的讀者也關注這個數據。\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (SENTENCE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + SENTENCE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF16_LE + SENTENCE.encode("utf-16-le"), "utf-16"),
        (codecs.BOM_UTF16_BE + SENTENCE.encode("utf-16-be"), "utf-16"),
        ((SENTENCE * 3).encode("gb18030"), "gb18030"),
        ((TRADITIONAL * 3).encode("big5"), "big5"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-le", "utf-16-be", "gb18030", "big5"],
)
def test_every_encoding_a_newsroom_saves_in_is_read_and_named(data: bytes, encoding: str) -> None:
    text, found = decode(data, "draft.md")
    assert found == encoding
    assert text.lstrip("\ufeff").startswith("2025年，平湖")


def test_a_big5_page_is_not_read_as_gb_garbage() -> None:
    text, encoding = decode((TRADITIONAL * 3).encode("big5"), "hk.txt")
    assert encoding == "big5" and "規模以上數控機床企業實現產值98億元" in text


@pytest.mark.parametrize(
    ("data", "why"),
    [
        (b"", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        (SENTENCE.encode("utf-16-le"), "UTF-16 needs a byte-order mark"),
        (bytes(range(128, 256)) * 20, "cannot tell its encoding"),
        (codecs.BOM_UTF16_LE + b"\x00\xd8", "is not UTF-16"),
    ],
    ids=["empty", "png", "utf-16-without-bom", "latin-1-noise", "broken-utf-16"],
)
def test_what_cannot_be_read_is_one_line_naming_the_file(data: bytes, why: str) -> None:
    with pytest.raises(InputError) as caught:
        decode(data, "draft.md")
    assert str(caught.value).startswith("draft.md: ") and why in str(caught.value)
    assert "\n" not in str(caught.value)


def test_a_claim_record_says_which_encoding_its_source_was_in(tmp_path: Path) -> None:
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "hk.txt").write_bytes((TRADITIONAL * 2).encode("big5"))
    (tmp_path / "news" / "gb.txt").write_bytes(SENTENCE.encode("gb18030"))
    ingest([tmp_path / "news"], Store(tmp_path / "claims"), tmp_path, date=dt.date(2026, 1, 20))
    found = {c.source: c.encoding for c in Store(tmp_path / "claims").load()}
    assert found == {"news/hk.txt": "big5", "news/gb.txt": "gb18030"}


def test_a_utf16_draft_is_checked_not_called_binary(tmp_path: Path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    draft = tmp_path / "draft.md"
    draft.write_bytes(codecs.BOM_UTF16_LE + ("---\ndate: 2026-02-01\n---\n" + SENTENCE).encode("utf-16-le"))
    monkeypatch.chdir(ROOT)
    assert main(["check", str(draft), "--format", "json"]) in (0, 1)
    assert '"verdict": "ok"' in capsys.readouterr().out


# --- front matter ---------------------------------------------------------------------------


def test_front_matter_never_closed_is_an_error_not_a_draft_dated_today(tmp_path: Path) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text("---\ndate: 2023-07-15\ntitle: 平湖经开\n" + SENTENCE, encoding="utf-8")
    with pytest.raises(InputError, match=r"draft.md:1: front matter opened with --- is never closed"):
        read_document(draft, display="draft.md", require_date=False)


def test_a_closed_front_matter_still_dates_the_draft(tmp_path: Path) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text("---\ndate: 2023-07-15\n---\n" + SENTENCE, encoding="utf-8")
    assert str(read_document(draft, require_date=False).published) == "2023-07-15"


def test_front_matter_never_closed_on_stdin_is_one_line(monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    import io
    import sys

    monkeypatch.chdir(ROOT)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(("---\ndate: 2023-07-15\n" + SENTENCE).encode())))
    assert main(["check", "-"]) == 2
    err = capsys.readouterr().err
    assert err == "factcheck: <stdin>:1: front matter opened with --- is never closed (add a --- line after it)\n"


# --- paths ----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["草稿[终].md", "draft*.md", "what?.md"])
def test_a_draft_whose_name_looks_like_a_glob_is_checked_by_its_path(tmp_path: Path, monkeypatch, capsys, name: str) -> None:  # type: ignore[no-untyped-def]
    draft = tmp_path / name
    draft.write_text("---\ndate: 2026-02-01\n---\n" + SENTENCE, encoding="utf-8")
    monkeypatch.chdir(ROOT)
    assert main(["check", str(draft)]) == 0
    assert "1 draft(s), 3 numbers: 3 ok" in capsys.readouterr().out


def test_a_glob_still_expands_when_no_file_has_its_name(tmp_path: Path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    for n in (1, 2):
        (tmp_path / f"d{n}.md").write_text("---\ndate: 2026-02-01\n---\n" + SENTENCE, encoding="utf-8")
    monkeypatch.chdir(ROOT)
    assert main(["check", str(tmp_path / "d*.md")]) == 0
    assert "2 draft(s), 6 numbers: 6 ok" in capsys.readouterr().out


def test_a_configured_store_outside_the_project_is_refused_but_one_named_on_the_command_line_is_used(tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    (project / "pyproject.toml").write_text('[tool.factcheck]\nstore = "../../etc"\n', encoding="utf-8")
    cfg = load_config(cwd=project)
    with pytest.raises(ConfigError, match=r"'store' = '../../etc' is outside the project .*; pass --store to use it"):
        cfg.store_dir()
    assert cfg.store_dir(tmp_path / "elsewhere") == tmp_path / "elsewhere"


def test_check_with_a_store_outside_the_project_writes_nothing_there(tmp_path: Path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    project = tmp_path / "project"
    (project / "drafts").mkdir(parents=True)
    outside = tmp_path / "outside"
    outside.mkdir()
    (project / "pyproject.toml").write_text('[tool.factcheck]\nstore = "../outside"\n', encoding="utf-8")
    (project / "drafts" / "d.md").write_text(SENTENCE, encoding="utf-8")
    monkeypatch.chdir(project)
    assert main(["check", "drafts/d.md"]) == 2
    assert "outside the project" in capsys.readouterr().err
    assert list(outside.iterdir()) == []


def test_a_symlinked_source_is_recorded_by_its_place_in_the_project(tmp_path: Path) -> None:
    archive, project = tmp_path / "archive", tmp_path / "project"
    archive.mkdir()
    (project / "news").mkdir(parents=True)
    (archive / "real.txt").write_text(SENTENCE, encoding="utf-8")
    (project / "news" / "linked.txt").symlink_to(archive / "real.txt")
    assert display_path(project / "news" / "linked.txt", project) == "news/linked.txt"


def test_symlinked_folders_are_followed_inside_the_project_and_skipped_with_a_word_outside(tmp_path: Path) -> None:
    project, elsewhere = tmp_path / "project", tmp_path / "elsewhere"
    (project / "news" / "2025").mkdir(parents=True)
    (project / "archive").mkdir()
    elsewhere.mkdir()
    for folder in (project / "news" / "2025", project / "archive", elsewhere):
        (folder / f"{folder.name}.txt").write_text(SENTENCE, encoding="utf-8")
    (project / "news" / "old").symlink_to(project / "archive")
    (project / "news" / "far").symlink_to(elsewhere)
    (project / "news" / "loop").symlink_to(project / "news")
    notes: list[str] = []
    found = discover([project / "news"], project, notes)
    assert [p.relative_to(project).as_posix() for p in found] == ["news/2025/2025.txt", "news/old/archive.txt"]
    assert len(notes) == 2 and "news/far: skipped, a symlink to a folder outside the project" in notes[0]
    assert notes[1].endswith("news/loop: skipped, a symlink back up to a folder that holds these sources")


def test_an_unknown_option_is_one_line_and_exit_2(capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["check", "--frobnicate"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("factcheck: ") and err.count("\n") == 1


def test_running_out_of_memory_is_one_line(monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    import factcheck.app.check as gate

    def exhausted(*args, **kw):  # type: ignore[no-untyped-def]
        raise MemoryError

    monkeypatch.setattr(gate, "judge_into", exhausted)  # what every check judges through
    monkeypatch.chdir(ROOT)
    assert main(["check", "examples/draft_pinghu_review.md"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("factcheck: out of memory") and err.count("\n") == 1 and "internal error" not in err


def test_os_errors_a_user_can_cause_are_not_internal_errors(monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    import factcheck.app.check as gate

    def full(*args, **kw):  # type: ignore[no-untyped-def]
        raise OSError(28, "No space left on device", "claims/.index/claims.sqlite3")

    monkeypatch.setattr(gate, "judge_into", full)
    monkeypatch.chdir(ROOT)
    assert main(["check", "examples/draft_pinghu_review.md"]) == 2
    err = capsys.readouterr().err
    assert err == "factcheck: claims/.index/claims.sqlite3: No space left on device\n"


def test_no_such_draft_is_one_line(monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(ROOT)
    assert main(["check", "drafts/nowhere.md"]) == 2
    assert capsys.readouterr().err == "factcheck: drafts/nowhere.md: no such file\n"


def test_a_locked_index_is_one_line_naming_the_fix(monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    import sqlite3

    import factcheck.app.check as gate

    def busy(*args, **kw):  # type: ignore[no-untyped-def]
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(gate, "judge_into", busy)
    monkeypatch.chdir(ROOT)
    assert main(["check", "examples/draft_pinghu_review.md"]) == 2
    assert capsys.readouterr().err == (
        "factcheck: the claims index: database is locked (delete the store's .index folder and retry)\n")


# --- one dating rule ----------------------------------------------------------------------------

D = dt.date


@pytest.mark.parametrize(
    ("fields", "meta", "given", "configured", "today", "body", "expected"),
    [
        ({"date": "2023-07-15"}, {"date": "2023-01-01"}, D(2024, 1, 1), D(2025, 1, 1), D(2026, 1, 1), None, (D(2023, 7, 15), False)),
        ({}, {"date": "2023-01-01"}, D(2024, 1, 1), D(2025, 1, 1), D(2026, 1, 1), None, (D(2023, 1, 1), False)),
        ({}, {}, D(2024, 1, 1), D(2025, 1, 1), D(2026, 1, 1), None, (D(2024, 1, 1), False)),
        ({}, {}, None, D(2025, 1, 1), D(2026, 1, 1), None, (D(2025, 1, 1), False)),
        ({}, {}, None, None, D(2026, 1, 1), "2023年7月15日，平湖", (D(2026, 1, 1), False)),  # a draft: today
        ({}, {}, None, None, None, "2023年7月15日，平湖", (D(2023, 7, 15), True)),  # a source: from its text
        ({}, {}, None, None, None, "平湖", (None, False)),
    ],
    ids=["front-matter", "sources.toml", "--date", "config", "draft-today", "source-inferred", "undated"],
)
def test_one_rule_dates_sources_and_drafts(fields, meta, given, configured, today, body, expected) -> None:  # type: ignore[no-untyped-def]
    assert publication_date("a.md", fields, meta, given, configured, today, body) == expected


def test_a_staged_draft_a_piped_draft_and_a_draft_file_are_dated_alike(tmp_path: Path) -> None:
    from factcheck.judge.draft import read_draft

    text = SENTENCE.encode("utf-8")
    (tmp_path / "d.md").write_bytes(text)
    dated = {
        read_draft(None, "<stdin>", None, text, D(2025, 3, 1)).published,
        read_draft(tmp_path / "d.md", "d.md", None, configured=D(2025, 3, 1)).published,
    }
    assert dated == {D(2025, 3, 1)}


# --- names that would start a line of their own (#30 item 12) --------------------------------------

def test_a_file_name_with_a_newline_stays_on_its_line_of_the_text_report(tmp_path: Path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    draft = tmp_path / "x\n::error file=a::forged\r.md"
    draft.write_text("---\ndate: 2026-02-01\n---\n" + SENTENCE.replace("98亿元", "89亿元"), encoding="utf-8")
    monkeypatch.chdir(ROOT)
    assert main(["check", str(draft)]) == 1
    out = capsys.readouterr().out
    assert not any(line.startswith("::") for line in out.splitlines())
    assert "x\\n::error file=a::forged\\r.md" in out


# --- files that are not files, folders that lead back (#30 item 7) ----------------------------------

def test_a_pipe_named_as_a_draft_or_a_source_is_refused_not_waited_on(tmp_path: Path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    import os

    pipe = tmp_path / "draft.md"
    os.mkfifo(pipe)  # nobody ever writes to it: reading it would block for good
    monkeypatch.chdir(tmp_path)
    assert main(["check", "draft.md"]) == 2
    assert main(["ingest", "draft.md"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err == ["factcheck: draft.md: not a regular file (a pipe, socket or device)"] * 2


def test_a_symlink_back_up_the_tree_does_not_let_the_drafts_beside_the_sources_vouch_for_themselves(tmp_path: Path) -> None:
    sources = tmp_path / "seeds"
    sources.mkdir()
    (sources / "a.txt").write_text(SENTENCE, encoding="utf-8")
    (tmp_path / "draft.md").write_text(SENTENCE, encoding="utf-8")  # a draft at the project's top
    (sources / "loop").symlink_to("..")
    notes: list[str] = []
    found = discover([sources], tmp_path, notes)
    assert [p.name for p in found] == ["a.txt"]
    assert notes == [f"{sources / 'loop'}: skipped, a symlink back up to a folder that holds these sources"]


# --- messages that say what is wrong and where (#30 item 13) ----------------------------------------

def test_a_draft_with_cr_line_endings_keeps_its_front_matter_date(tmp_path: Path) -> None:
    path = tmp_path / "mac.md"
    path.write_bytes(("---\rdate: 2025-03-01\r---\r" + SENTENCE.replace("\n", "\r")).encode("utf-8"))
    doc = read_document(path)
    assert doc.published == dt.date(2025, 3, 1) and not doc.date_inferred
    assert doc.text[doc.body_start :].startswith("2025年，平湖")


def test_one_stray_byte_is_named_by_its_line_and_column() -> None:
    data = ("第一行\n" + SENTENCE).encode("utf-8").replace("98亿元".encode(), b"98\xff")
    with pytest.raises(InputError) as caught:
        decode(data, "draft.md")
    assert "byte 0xff at line 2, column 30 is not UTF-8" in str(caught.value)


def test_a_config_saved_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    (tmp_path / "factcheck.toml").write_bytes(codecs.BOM_UTF8 + b'fail-on = ["contradicted"]\n')
    assert load_config(None, tmp_path).fail_on == ("contradicted",)


def test_a_store_path_that_is_a_file_is_named_as_such(tmp_path: Path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "a.txt").write_text("---\ndate: 2025-03-01\n---\n" + SENTENCE, encoding="utf-8")
    (tmp_path / "store").write_text("not a folder", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["ingest", "a.txt", "--store", "store"]) == 2
    assert capsys.readouterr().err == "factcheck: store: is a file, not a claims folder\n"


def test_a_full_disk_names_the_file_it_could_not_write(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import errno

    from factcheck.atomic import atomic_write

    def full(fd: int) -> None:  # the disk filled: the data could not be written out, and the error names no file
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("factcheck.atomic.os.fsync", full)
    with pytest.raises(OSError) as caught:
        atomic_write(tmp_path / "manifest.json", "{}")
    assert caught.value.filename == str(tmp_path / "manifest.json") and caught.value.errno == errno.ENOSPC
    assert list(tmp_path.iterdir()) == []  # and no temporary file left behind
