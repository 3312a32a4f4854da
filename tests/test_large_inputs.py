"""Huge drafts: output that grows with the draft, not its square; reports written as they are judged.

A draft pasted without line breaks is one paragraph of megabytes; every
claim used to carry it whole into the JSON. The timings live in
bench/large_drafts.py: these tests pin the shapes that make them linear.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from conftest import project_store

from factcheck.app.check import build_report
from factcheck.app.config import load_config
from factcheck.cli import main
from factcheck.extract import claims
from factcheck.reading import layout
from factcheck.reading.source import Document
from factcheck.report import text as report

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "draft_pinghu_review.md"


@pytest.fixture
def project(tmp_path, monkeypatch) -> Path:
    """A project with a copy of the committed store, in a folder of its own."""
    (tmp_path / "factcheck.toml").write_text(f"store = {project_store(tmp_path)}\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def seeds_on_one_line(chars: int) -> str:
    """The seed articles with every line break removed, repeated to `chars` characters: real text, one paragraph."""
    text = "".join(p.read_text(encoding="utf-8").replace("\n", "") for p in sorted((ROOT / "seeds").glob("*.txt")))
    return (text * (chars // len(text) + 1))[:chars]


def one_line_draft(folder: Path, chars: int, name: str) -> Path:
    path = folder / name
    path.write_text("---\ndate: 2026-03-05\n---\n" + seeds_on_one_line(chars) + "\n", encoding="utf-8")
    return path


def check_output(*argv: str, capsys) -> tuple[int, str]:
    code = main(["check", *argv])
    return code, capsys.readouterr().out


# --- the streamed report is the report ----------------------------------------------------------


def test_streamed_json_is_byte_for_byte_what_json_dumps_wrote_of_the_whole_report(project, capsys):
    code, out = check_output(str(EXAMPLE), "--format", "json", capsys=capsys)
    whole = build_report([str(EXAMPLE)], load_config(), None, None)
    body = {
        "version": 1,
        "findings": [report.finding_record(f) for f in whole.findings],
        "warnings": [report.warning_record(w) for w in whole.warnings],
        "summary": {
            "drafts": 1,
            "numbers": len(whole.findings),
            **whole.counts(),
            "suppressed": sum(1 for f in whole.findings if f.suppressed),
        },
    }
    assert code == 1
    assert out == json.dumps(body, ensure_ascii=False, indent=2) + "\n"


def test_streamed_text_is_the_text_report(project, capsys):
    code, out = check_output(str(EXAMPLE), "--all", capsys=capsys)
    whole = io.StringIO()
    report.render_text(build_report([str(EXAMPLE)], load_config(), None, None), whole, show_all=True)
    assert code == 1
    assert out == whole.getvalue()


@pytest.mark.parametrize("comment", ["", "<!-- factcheck: of -->"])
@pytest.mark.parametrize("fmt", ["sarif", "github"])
def test_streamed_sarif_and_annotations_are_byte_for_byte_the_whole_reports(project, capsys, fmt, comment):
    from factcheck.report.sarif import to_github, to_sarif

    draft = project / "draft.md"
    text = EXAMPLE.read_text(encoding="utf-8")
    draft.write_text(text.replace("同比增长9%。", "同比增长9%。<!-- factcheck: ignore -->", 1) + f"\n{comment}\n",
                     encoding="utf-8")
    code, out = check_output("draft.md", "--format", fmt, capsys=capsys)
    cfg = load_config()
    whole = build_report(["draft.md"], cfg, None, None)
    assert any(f.suppressed for f in whole.findings) and bool(whole.warnings) == bool(comment)
    assert code == 1
    assert out == (to_sarif(whole, cfg.root) + "\n" if fmt == "sarif" else to_github(whole, cfg.root))


@pytest.mark.parametrize("fmt", ["sarif", "github"])
def test_a_draft_with_nothing_flagged_is_still_a_whole_sarif_log_or_no_annotation(project, capsys, fmt):
    from factcheck.report.sarif import to_github, to_sarif

    (project / "fine.md").write_text("---\ndate: 2026-03-05\n---\n平湖经开钟溪汇国际青年社区共有885套人才住房。\n",
                                     encoding="utf-8")
    code, out = check_output("fine.md", "--format", fmt, capsys=capsys)
    cfg = load_config()
    whole = build_report(["fine.md"], cfg, None, None)
    assert [f.verdict for f in whole.findings] == ["ok"] and code == 0
    assert out == (to_sarif(whole, cfg.root) + "\n" if fmt == "sarif" else to_github(whole, cfg.root))
    if fmt == "sarif":
        assert json.loads(out)["runs"][0]["results"] == []


def test_a_report_with_no_findings_is_still_one_json_document(project, capsys):
    (project / "quiet.md").write_text("---\ndate: 2026-03-05\n---\n平湖经开区举行招商推介会。\n", encoding="utf-8")
    code, out = check_output("quiet.md", "--format", "json", capsys=capsys)
    assert code == 0
    assert out == json.dumps(
        {"version": 1, "findings": [], "warnings": [], "summary": {"drafts": 1, "numbers": 0, "ok": 0, "contradicted": 0,
                                                   "stale": 0, "unsupported": 0, "inconsistent": 0, "suppressed": 0}},
        ensure_ascii=False, indent=2,
    ) + "\n"


@pytest.mark.parametrize("fmt", ["json", "text"])
def test_a_check_that_fails_before_its_first_finding_writes_nothing_to_stdout(project, capsys, fmt):
    (project / "empty").mkdir()
    assert main(["check", str(EXAMPLE), "--format", fmt, "--store", "empty"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and "the claims store is empty" in err


def test_an_index_found_damaged_mid_report_is_rebuilt_and_no_finding_is_written_twice(project, monkeypatch, capsys):
    import sqlite3

    from factcheck.app import check as gate

    _, whole = check_output(str(EXAMPLE), "--format", "json", capsys=capsys)
    real, calls = gate.judge_documents, []

    def damaged_after_three(*args, **kw):  # type: ignore[no-untyped-def]
        calls.append(1)
        for i, f in enumerate(real(*args, **kw)):
            if len(calls) == 1 and i == 3:
                raise sqlite3.DatabaseError("database disk image is malformed")
            yield f

    monkeypatch.setattr(gate, "judge_documents", damaged_after_three)
    code = main(["check", str(EXAMPLE), "--format", "json"])
    out, err = capsys.readouterr()
    assert (code, len(calls), out) == (1, 2, whole)  # three findings written, then judged again: written once
    assert "the index was damaged" in err


@pytest.mark.parametrize(
    "value",
    [{"a": [1.5, -0.0, float("inf"), float("nan"), 10**30, True, None, [], {}]}, {"quote": "“98.2%”\n\t\"\\\u2028"}],
)
def test_the_indenting_encoder_writes_what_json_dumps_writes(value):
    assert report.json_nested(value, 0) == json.dumps(value, ensure_ascii=False, indent=2)


# --- --evidence ----------------------------------------------------------------------------------


def test_evidence_sentence_and_none_keep_every_field_and_null_the_text(project, capsys):
    runs = {}
    for evidence in ("paragraph", "sentence", "none"):
        code, out = check_output(str(EXAMPLE), "--format", "json", "--evidence", evidence, capsys=capsys)
        assert code == 1
        runs[evidence] = json.loads(out)["findings"]
    full, sentence, bare = runs["paragraph"], runs["sentence"], runs["none"]
    def records(findings):  # type: ignore[no-untyped-def]
        return [r for f in findings for r in [f["claim"], *f["evidence"]]]

    assert all(r["paragraph"] and r["sentence"] for r in records(full))
    assert all(r["paragraph"] is None and r["sentence"] for r in records(sentence))
    assert all(r["paragraph"] is None and r["sentence"] is None for r in records(bare))
    assert [list(r) for r in records(bare)] == [list(r) for r in records(full)]  # the same fields, in order
    assert [f["verdict"] for f in bare] == [f["verdict"] for f in full]


def test_an_unknown_evidence_value_is_a_usage_error(project, capsys):
    assert main(["check", str(EXAMPLE), "--evidence", "all"]) == 2
    assert "Invalid value for '--evidence': 'all' is not one of 'paragraph', 'sentence', 'none'" in capsys.readouterr().err


# --- a paragraph of megabytes ---------------------------------------------------------------------


def test_a_one_line_draft_gives_json_in_proportion_to_it(project, capsys):
    sizes = {}
    for chars in (30_000, 60_000):
        path = one_line_draft(project, chars, f"one_line_{chars}.md")
        _, out = check_output(path.name, "--format", "json", capsys=capsys)
        sizes[chars] = (len(out.encode("utf-8")), path.stat().st_size)
    (small, _), (big, big_draft) = sizes[30_000], sizes[60_000]
    assert big < 40 * big_draft  # it was the draft once per figure: 700× at 250 KB
    assert big < 2.3 * small  # twice the draft, about twice the JSON


def test_a_figure_in_a_paragraph_of_megabytes_records_its_sentence_and_those_around_it():
    text = seeds_on_one_line(40_000)
    (whole,) = layout.paragraphs(text)
    found = claims.extract(Document("draft.txt", text, 0, None, False, ""))
    assert len(found) > 100
    longest = max(len(c.sentence) for c in found)
    for c in found:
        assert c.sentence in c.paragraph and c.paragraph in whole.text
        assert len(c.paragraph) <= 2 * claims.STRETCH + 2 * longest
    assert len({id(c.paragraph) for c in found}) <= len(whole.text) // claims.STRETCH + 1  # shared, one per stretch


def test_a_long_real_paragraph_is_recorded_whole():
    sentence = "平湖经开区2025年实现规上工业产值980亿元，同比增长8.1%。"
    paragraph = sentence * (claims.PARAGRAPH_MAX // len(sentence))
    assert len(paragraph) <= claims.PARAGRAPH_MAX
    found = claims.extract(Document("draft.txt", paragraph + "\n", 0, None, False, ""))
    assert found and all(c.paragraph == paragraph for c in found)


def test_a_paragraph_of_megabytes_in_traditional_script_is_recorded_as_written():
    import opencc

    text = opencc.OpenCC("s2t").convert(seeds_on_one_line(20_000))
    found = claims.extract(Document("draft.txt", text, 0, None, False, ""))
    assert found and all(c.sentence in c.paragraph for c in found)
    assert any("億元" in c.text for c in found) and all("亿" not in c.paragraph for c in found)


def test_a_source_of_more_figures_than_any_article_is_refused_in_one_line_and_the_store_kept(project, monkeypatch, capsys):
    """A megabytes-long line of figures would write a claims file hundreds of times its size (#30 item 8)."""
    from factcheck.app import ingest as ingest_mod

    monkeypatch.setattr(ingest_mod, "MAX_FIGURES", 50)  # the real bound is 20,000: ten times a newswire's busiest day
    dump = project / "dump.txt"
    dump.write_text("---\ndate: 2025-12-01\n---\n" + seeds_on_one_line(20_000), encoding="utf-8")
    store = project / "claims"
    before = {p.name: p.read_bytes() for p in store.iterdir() if p.is_file()}
    assert main(["ingest", "dump.txt"]) == 2
    err = capsys.readouterr().err
    assert "dump.txt: more than 50 figures, more than any article holds; split it into articles" in err
    assert {p.name: p.read_bytes() for p in store.iterdir() if p.is_file()} == before
