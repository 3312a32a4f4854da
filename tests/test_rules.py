"""The verdict rules as a registry: every rule documented, its example run as a test, the README generated from it."""

from __future__ import annotations

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
        "ok": "FC000", "contradicted": "FC001", "stale": "FC002", "unsupported": "FC003",
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
    with pytest.raises(InputError, match=r"unknown rule 'FC009' \(use FC000, FC001, FC002, FC003\)"):
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
    assert captured.err == "factcheck: unknown rule 'FC9' (use FC000, FC001, FC002, FC003)\n"


def test_check_help_lists_the_codes_and_points_to_factcheck_rule(capsys):
    assert main(["check", "--help"]) == 0
    help_text = " ".join(capsys.readouterr().out.split())
    for rule in rules.REGISTRY:
        assert f"{rule.code} {rule.verdict}" in help_text
    assert "factcheck rule CODE" in help_text
