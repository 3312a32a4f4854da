"""The verdict rules as a registry: every rule documented, its example run as a test, the README generated from it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from factcheck.cli import main
from factcheck.errors import InputError
from factcheck.judge import examples
from factcheck.record import rules
from factcheck.record.finding import VERDICTS
from factcheck.record.rules import RULES

ROOT = Path(__file__).resolve().parents[1]
BY_CODE = {rule.code: rule for rule in rules.REGISTRY}


def test_every_verdict_has_exactly_one_rule_with_a_stable_code():
    assert {rule.verdict: rule.code for rule in rules.REGISTRY} == {
        "ok": "FC000", "contradicted": "FC001", "stale": "FC002", "unsupported": "FC003", "inconsistent": "FC004",
    }
    assert set(RULES) == set(VERDICTS)
    assert len(set(rules.CODES)) == len(rules.CODES)


@pytest.mark.parametrize("code", BY_CODE)
def test_every_rule_is_documented(code):
    rule = BY_CODE[code]
    assert rule.name and rule.name == rule.name.lower() and " " not in rule.name
    assert rule.summary.endswith(".")
    assert len(rule.explanation) > 100 and "\n" not in rule.explanation  # one paragraph
    assert rule.fix


@pytest.mark.parametrize("code", BY_CODE)
def test_every_rule_has_an_example(code):
    """The meta-test: a rule without an example is a rule nobody has seen fire."""
    example = BY_CODE[code].example
    assert example is not None, f"{code} has no example in data/rules.toml"
    assert example.figure in example.draft and example.sources


@pytest.mark.parametrize("code", BY_CODE)
def test_each_rules_example_gets_that_rules_verdict(code):
    rule = BY_CODE[code]
    finding = examples.example_finding(rule)
    assert (finding.verdict, finding.code) == (rule.verdict, rule.code), finding.message


def test_the_stale_example_names_the_newer_figure():
    finding = examples.example_finding(BY_CODE["FC002"])
    assert finding.message == "88亿元 has been superseded: 98亿元 (2025年) in source2.txt (2026-01-20)"


def test_the_unsupported_example_says_which_check_the_near_miss_failed():
    (reason,) = examples.example_finding(BY_CODE["FC003"]).reasons
    assert reason == "source1.txt:1 98亿元: measures 规模以上数控机床产值, not 数控机床基金规模"


def test_the_readme_verdict_section_is_generated_from_the_registry():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert rules.with_readme_section(readme) == readme, "run: python -m factcheck.record.rules --readme README.md"


def test_a_readme_without_the_markers_is_an_error():
    with pytest.raises(InputError, match="rules:start"):
        rules.with_readme_section("# factcheck\n")


def test_a_code_is_looked_up_in_any_case_and_an_unknown_one_is_an_input_error():
    assert rules.lookup("fc002").verdict == "stale"
    with pytest.raises(InputError, match=r"unknown rule 'FC009' \(use FC000, FC001, FC002, FC003, FC004\)"):
        rules.lookup("FC009")


# --- factcheck rule ------------------------------------------------------------------------------

def test_factcheck_rule_explains_one_rule_with_its_example(capsys):
    assert main(["rule", "FC002"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("FC002 stale (superseded-figure)\nThe figure matches a source that a newer or fuller")
    assert "What to do: Use the newer figure" in out
    assert "  draft:  2025年前11个月，平湖经开区24家规上数控机床企业实现产值88亿元，同比增长9%。\n" in out
    assert out.endswith("  → 88亿元 is stale [FC002]\n")


def test_factcheck_rule_alone_lists_every_rule(capsys):
    assert main(["rule"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[:4] == [
        "FC000  ok            A source agrees with this figure.",
        "FC001  contradicted  A source gives a different figure for the same subject, metric and period.",
        "FC002  stale         The figure matches a source that a newer or fuller figure has superseded.",
        "FC003  unsupported   No source speaks to this subject and metric for this period.",
    ]


def test_an_unknown_rule_is_one_line_and_exit_2(capsys):
    assert main(["rule", "FC9"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == "factcheck: unknown rule 'FC9' (use FC000, FC001, FC002, FC003, FC004)\n"


def test_check_help_lists_the_codes_and_points_to_factcheck_rule(capsys):
    assert main(["check", "--help"]) == 0
    help_text = " ".join(capsys.readouterr().out.split())
    for rule in rules.REGISTRY:
        assert f"{rule.code} {rule.verdict}" in help_text
    assert "factcheck rule CODE" in help_text


# --- in the reader's language --------------------------------------------------------------------
# Each rule's summary, explanation and fix are messages of the catalogue (record/rules.py's babel_extract);
# code, verdict and name stay English, as configs, ignore comments and SARIF write them.

def _translated(text: str) -> str:
    from factcheck import i18n

    return i18n.translator("zh")(text)


@pytest.mark.parametrize("code", BY_CODE)
def test_every_rule_reads_in_chinese_with_its_figures_and_commands_as_they_are(code):
    """98亿元 stays 98亿元 and `factcheck accept` stays a command: only the prose around them is translated."""
    rule = BY_CODE[code]
    for field in rules.TRANSLATED_FIELDS:
        english = getattr(rule, field)
        chinese = _translated(english)
        assert chinese != english, f"{code} {field} has no Chinese in the catalogue"
        assert sorted(re.findall(r"\d+(?:\.\d+)?", chinese)) == sorted(re.findall(r"\d+(?:\.\d+)?", english)), (code, field)
        assert re.findall(r"`[^`]+`", chinese) == re.findall(r"`[^`]+`", english), (code, field)


def test_factcheck_rule_in_chinese_under_a_chinese_locale(capsys, monkeypatch):
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert main(["rule", "FC001"]) == 0
    out = capsys.readouterr().out
    rule = BY_CODE["FC001"]
    assert out.startswith(f"FC001 contradicted 矛盾 (contradicted-figure)\n{_translated(rule.summary)}\n\n")
    assert f"\n{_translated(rule.explanation)}\n" in out and "常见的是数字打错（98亿元写成89亿元）" in out
    assert f"\n处理办法：{_translated(rule.fix)}\n" in out
    assert "示例（2026-03-05 的稿件）：\n  稿件：平湖技师学院毕业生就业率连续多年稳定在98.2%。\n" in out
    assert "  来源：平湖技师学院累计培养高素质技术技能人才1500余名，毕业生就业率连续多年稳定在96.2%。（发布于 2026-01-20）\n" in out
    assert out.endswith("  → 98.2% 判为矛盾 [FC001]\n")
    for english in (rule.summary, rule.explanation, rule.fix, "What to do", "Example", "published"):
        assert english not in out


def test_factcheck_rule_alone_in_chinese_names_each_verdict_as_the_report_does(capsys):
    assert main(["--lang", "zh", "rule"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[:5] == [
        "FC000  ok            相符      有来源与这一数字相符。",
        "FC001  contradicted  矛盾      有来源就同一主体、指标和时期给出了不同的数字。",
        "FC002  stale         已过时    这一数字与某来源相符，但该来源已被更新或更完整的数字取代。",
        "FC003  unsupported   未核实    没有来源提到这一主体、指标和时期。",
        "FC004  inconsistent  自相矛盾  稿件自身的其他数字与这个数字对不上。",
    ]
    assert lines[-1] == "`factcheck rule CODE` 解释其中一条，并附示例。"


def test_factcheck_rule_follows_the_configs_lang_and_lang_wins_over_it(capsys, monkeypatch, tmp_path):
    (tmp_path / "factcheck.toml").write_text('lang = "zh"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["rule", "FC003"]) == 0
    assert capsys.readouterr().out.startswith("FC003 unsupported 未核实 (unsourced-figure)\n没有来源")
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert main(["rule", "FC003", "--lang", "en"]) == 0
    assert capsys.readouterr().out.startswith("FC003 unsupported (unsourced-figure)\nNo source speaks")


def test_a_broken_config_does_not_stop_factcheck_rule(capsys, monkeypatch, tmp_path):
    """The config is the check's to complain about; a rule is documentation, explained all the same."""
    (tmp_path / "factcheck.toml").write_text('lang = "fr"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["rule", "FC000"]) == 0
    assert capsys.readouterr().out.startswith("FC000 ok (sourced-figure)\nA source agrees")


def test_an_unknown_rule_is_one_line_in_chinese(capsys):
    assert main(["rule", "FC9", "--lang", "zh"]) == 2
    assert capsys.readouterr().err == "factcheck: 未知规则 'FC9'（可用 FC000, FC001, FC002, FC003, FC004）\n"


def test_sarif_and_the_readme_keep_the_rules_in_english_whatever_the_language(capsys, monkeypatch):
    """Code-review tools show SARIF's rule help as it is, to whoever reads the repository."""
    import json

    monkeypatch.chdir(ROOT)
    assert main(["check", "examples/draft_pinghu_review.md", "--format", "sarif", "--lang", "zh"]) == 1
    (run,) = json.loads(capsys.readouterr().out)["runs"]
    for entry in run["tool"]["driver"]["rules"]:
        rule = BY_CODE[entry["id"]]
        assert entry["shortDescription"]["text"] == rule.summary
        assert entry["help"]["text"] == rules.describe(rule, "en") and "What to do: " in entry["help"]["text"]
    assert rules.with_readme_section((ROOT / "README.md").read_text(encoding="utf-8")).count("What to do") == 5
