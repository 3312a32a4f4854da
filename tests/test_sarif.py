"""SARIF 2.1.0 for code scanning and workflow commands for GitHub annotations, from the example draft."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path
from urllib.parse import urlparse

import pytest
from conftest import project_store

from factcheck.cli import main
from factcheck.report.sarif import github_command

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = "examples/draft_pinghu_review.md"
RULE_IDS = {"contradicted": "FC001", "stale": "FC002", "unsupported": "FC003", "inconsistent": "FC004"}
PROJECT_URLS = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["urls"]


def run(capsys, *args: str) -> tuple[int, str]:
    code = main(["check", *args])
    return code, capsys.readouterr().out


@pytest.fixture
def sarif(capsys, monkeypatch) -> dict:
    monkeypatch.chdir(ROOT)
    code, out = run(capsys, EXAMPLE, "--format", "sarif")
    assert code == 1  # the format never changes the exit code
    return json.loads(out)


@pytest.fixture
def findings(capsys, monkeypatch) -> list[dict]:
    monkeypatch.chdir(ROOT)
    return json.loads(run(capsys, EXAMPLE, "--format", "json")[1])["findings"]


def test_the_log_has_the_shape_sarif_2_1_0_requires(sarif):
    assert sarif["$schema"].startswith("https://") and sarif["$schema"].endswith("sarif-2.1.0.json")
    assert sarif["version"] == "2.1.0"
    (run_,) = sarif["runs"]
    driver = run_["tool"]["driver"]
    assert driver["name"] == "factcheck"
    assert urlparse(driver["informationUri"]).scheme  # an absolute URI
    assert run_["columnKind"] == "unicodeCodePoints"
    assert run_["originalUriBaseIds"]["%SRCROOT%"]["uri"] == ROOT.as_uri() + "/"
    for result in run_["results"]:
        assert set(result) >= {"ruleId", "level", "message", "locations", "partialFingerprints"}
        assert result["message"]["text"]
        (location,) = result["locations"]
        region = location["physicalLocation"]["region"]
        assert all(isinstance(region[k], int) and region[k] >= 1 for k in ("startLine", "startColumn", "endColumn"))
        assert all(isinstance(v, str) for v in result["partialFingerprints"].values())


def test_rules_have_stable_ids_one_per_flagging_verdict(sarif):
    rules = sarif["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == sorted(RULE_IDS.values())
    levels = {r["id"]: r["defaultConfiguration"]["level"] for r in rules}
    # What fails the gate by default (contradicted, stale) is an error; unsupported is a warning.
    assert levels == {"FC001": "error", "FC002": "error", "FC003": "warning", "FC004": "error"}
    for result in sarif["runs"][0]["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]


def test_each_rule_carries_its_explanation_from_the_registry(sarif):
    """What `factcheck rule FC001` prints travels with the log, so a review tool can show it beside the finding."""
    from factcheck.record.rules import describe, lookup, markdown

    driver = sarif["runs"][0]["tool"]["driver"]
    for r in driver["rules"]:
        rule = lookup(r["id"])
        assert r["shortDescription"] == {"text": rule.summary}
        assert r["fullDescription"] == {"text": rule.explanation}
        assert r["help"] == {"text": describe(rule), "markdown": markdown(rule)}
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert all(f"\n#### {r['id']}\n" in readme for r in driver["rules"])


def test_rules_are_named_as_the_readme_names_them(sarif):
    """#26 item 11: `contradicted-figure`, as in the README's rules table and data/rules.toml, not the verdict."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = dict(re.findall(r"^\| \[(FC\d{3})\]\(#fc\d{3}\) \| `\w+` \| `([a-z-]+)` \|", readme, re.MULTILINE))
    rules = sarif["runs"][0]["tool"]["driver"]["rules"]
    assert {r["id"]: r["name"] for r in rules} == {
        "FC001": "contradicted-figure", "FC002": "superseded-figure", "FC003": "unsourced-figure",
        "FC004": "inconsistent-figures",
    }
    assert all(table[r["id"]] == r["name"] for r in rules)


def test_the_log_links_to_the_project_and_each_rule_to_its_section_of_the_docs(sarif):
    """#26 item 11: real https links from pyproject's [project.urls], not `urn:factcheck#fc001`."""
    driver = sarif["runs"][0]["tool"]["driver"]
    assert driver["informationUri"] == PROJECT_URLS["Homepage"]
    for r in driver["rules"]:
        # The README's section for the rule (its `#### FC001` heading) in the documentation.
        assert r["helpUri"] == f"{PROJECT_URLS['Documentation']}#{r['id'].lower()}"
        link = urlparse(r["helpUri"])
        assert link.scheme == "https" and link.netloc and link.fragment == r["id"].lower()


def test_every_flagged_figure_is_a_result_and_ok_figures_are_not(sarif, findings):
    flagged = [f for f in findings if f["verdict"] != "ok"]
    results = sarif["runs"][0]["results"]
    assert len(results) == len(flagged) == 8
    for f, r in zip(flagged, results, strict=True):
        assert r["ruleId"] == RULE_IDS[f["verdict"]] == f["code"]
        assert r["level"] == ("error" if f["verdict"] in ("contradicted", "stale") else "warning")
        assert f["message"] in r["message"]["text"]


def test_a_result_points_at_the_figure_in_the_draft(sarif):
    wrong = next(r for r in sarif["runs"][0]["results"] if r["properties"]["figure"] == "98.2%")
    location = wrong["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": EXAMPLE, "uriBaseId": "%SRCROOT%"}
    assert location["region"] == {"startLine": 12, "startColumn": 40, "endColumn": 45}  # 98.2% is five characters
    line = (ROOT / EXAMPLE).read_text(encoding="utf-8").splitlines()[11]
    assert line[39:44] == "98.2%"
    assert wrong["message"]["text"] == "contradicted: 98.2% — the source says 96.2%"
    (evidence,) = wrong["relatedLocations"]
    assert evidence["physicalLocation"]["artifactLocation"]["uri"].startswith("seeds/001_")


def test_the_fingerprint_is_the_accept_fingerprint(sarif, findings, monkeypatch):
    from factcheck.app.check import build_report
    from factcheck.app.config import load_config

    monkeypatch.chdir(ROOT)
    report = build_report([EXAMPLE], load_config(), None, None)
    expected = [f.fingerprint for f in report.findings if f.verdict != "ok"]
    got = [next(iter(r["partialFingerprints"].values())) for r in sarif["runs"][0]["results"]]
    assert got == expected and all(re.fullmatch(r"[0-9a-f]{64}", fp) for fp in got)


def test_paths_are_relative_to_the_project_root_wherever_it_runs(capsys, monkeypatch, sarif):
    monkeypatch.chdir(ROOT / "examples")
    _, out = run(capsys, "draft_pinghu_review.md", "--format", "sarif")
    from_subfolder = json.loads(out)
    results = from_subfolder["runs"][0]["results"]
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results}
    assert uris == {EXAMPLE}
    assert from_subfolder["runs"][0]["results"] == sarif["runs"][0]["results"]


def test_a_suppressed_finding_is_marked_not_dropped(tmp_path, capsys, monkeypatch):
    (tmp_path / "factcheck.toml").write_text(f"store = {project_store(tmp_path)}\n", encoding="utf-8")
    (tmp_path / "draft.md").write_text(
        "---\ndate: 2026-03-05\n---\n\n平湖技师学院毕业生就业率连续多年稳定在98.2%。<!-- factcheck: ignore -->\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    code, out = run(capsys, "draft.md", "--format", "sarif")
    assert code == 0
    (result,) = json.loads(out)["runs"][0]["results"]
    assert result["suppressions"] == [{"kind": "inSource", "justification": "ignore comment"}]
    # GitHub annotations show only what still needs a look.
    assert run(capsys, "draft.md", "--format", "github") == (0, "")


def test_github_annotations_are_workflow_commands(tmp_path, capsys, monkeypatch):
    (tmp_path / "factcheck.toml").write_text(f"store = {project_store(tmp_path)}\n", encoding="utf-8")
    (tmp_path / "draft.md").write_text(
        "---\ndate: 2026-03-05\n---\n\n平湖技师学院毕业生就业率连续多年稳定在98.2%。\n\n"
        "津上精密机床（浙江）有限公司经过10次增资，现有员工1900名。\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    code, out = run(capsys, "draft.md", "--format", "github")
    assert code == 1
    assert out.splitlines() == [
        "::error file=draft.md,line=5,col=20,endColumn=25,title=FC001 contradicted::98.2%25 — the source says 96.2%25",
        "::error file=draft.md,line=7,col=17,endColumn=20,title=FC002 stale::"
        "10次 has been superseded: 11次 in seeds/004_bbd399b75d63cd0b.txt (2023-07-15)",
        "::error file=draft.md,line=7,col=27,endColumn=32,title=FC002 stale::"
        "1900名 has been superseded: 2000余名 (现有) in seeds/004_bbd399b75d63cd0b.txt (2023-07-15)",
    ]


def test_annotation_properties_are_escaped(tmp_path, monkeypatch):
    class Claim:
        end_column = 0

    class Finding:
        path, line, column, verdict, code = "稿件,初稿:v2.md", 3, 1, "stale", "FC002"
        message = "10%\nsecond line"
        claim = Claim()
        place = None  # not a Word draft

    monkeypatch.chdir(tmp_path)
    assert github_command(Finding(), tmp_path) == (
        "::error file=稿件%2C初稿%3Av2.md,line=3,col=1,title=FC002 stale::10%25%0Asecond line"
    )
