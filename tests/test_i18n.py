"""The interface in the editor's language: the locale, --lang and the config's `lang`; catalogues that match the code.

Machines read English in every language: JSON and SARIF keys, verdicts and rule codes.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck import i18n
from factcheck.cli import main

babel = pytest.importorskip("babel", reason="babel not installed: pip install -e '.[test]'")
from babel.messages.extract import extract_from_dir  # noqa: E402
from babel.messages.mofile import read_mo  # noqa: E402
from babel.messages.pofile import read_po  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "factcheck"
PO = PACKAGE / "locale" / "zh" / "LC_MESSAGES" / "factcheck.po"
MO = PO.with_suffix(".mo")

# Two real sentences of the example draft: a figure the source contradicts, one no source gives, one that agrees.
DRAFT = (
    "---\ndate: 2026-02-10\n---\n\n"
    "平湖技师学院累计培养高素质技术技能人才1500余名，毕业生就业率连续多年稳定在98.2%。\n\n"
    "平湖经开数控机床产业基金规模达20亿元。\n"
)
EVIDENCE = ("…6.65%的“大样本”，累计培养高素质技术技能人才1500余名，毕业生就业率连续多年稳定在96.2%。"
            "这种“双元六共”模式，由学校与企业双主体育人，共同招生招工、共订培养方案、共建…")

ENGLISH = f"""\
draft.md:5:40: contradicted [FC001] 98.2% — the source says 96.2%
    平湖技师学院累计培养高素质技术技能人才1500余名，毕业生就业率连续多年稳定在98.2%。
    - seeds/001_09746f9734a70c8c.txt:25's subject 平湖技师学院: carried from line 25
    evidence: seeds/001_09746f9734a70c8c.txt:25 (published 2026-01-20)
      {EVIDENCE}
draft.md:7:16: unsupported [FC003] 20亿元: no source gives this figure for 平湖经开
    平湖经开数控机床产业基金规模达20亿元。
    - seeds/000_c16f9ac0725775b3.txt:5 88亿元: measures 规模以上数控机床产值, not 数控机床基金规模
    - seeds/001_09746f9734a70c8c.txt:5 98亿元: measures 规模以上数控机床产值, not 数控机床基金规模
    - seeds/000_c16f9ac0725775b3.txt:5 120.41亿元: measures 规模以上产值, not 数控机床基金规模
1 draft(s), 3 numbers: 1 ok, 1 contradicted, 0 stale, 1 unsupported, 0 inconsistent
"""

CHINESE = f"""\
draft.md:5:40: 矛盾 [FC001] 98.2%——来源为 96.2%
    平湖技师学院累计培养高素质技术技能人才1500余名，毕业生就业率连续多年稳定在98.2%。
    - seeds/001_09746f9734a70c8c.txt:25 的主体平湖技师学院：沿用自第 25 行
    依据：seeds/001_09746f9734a70c8c.txt:25（发布于 2026-01-20）
      {EVIDENCE}
draft.md:7:16: 未核实 [FC003] 20亿元：没有来源给出平湖经开的这一数字
    平湖经开数控机床产业基金规模达20亿元。
    - seeds/000_c16f9ac0725775b3.txt:5 88亿元: 指标是规模以上数控机床产值，不是数控机床基金规模
    - seeds/001_09746f9734a70c8c.txt:5 98亿元: 指标是规模以上数控机床产值，不是数控机床基金规模
    - seeds/000_c16f9ac0725775b3.txt:5 120.41亿元: 指标是规模以上产值，不是数控机床基金规模
1 篇稿件，3 个数字：1 相符，1 矛盾，0 已过时，1 未核实，0 自相矛盾
"""


@pytest.fixture
def project(tmp_path: Path, monkeypatch) -> Path:
    """The repository's project with one draft beside it: a copy of its config pointing at the real store."""
    (tmp_path / "draft.md").write_text(DRAFT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def check(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["check", "draft.md", "--store", str(ROOT / "claims"), *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def code_messages() -> set[str]:
    """Every message the package marks with _(), N_() or ngettext(), as `pybabel extract -F babel.cfg` finds them."""
    found = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
        str(PACKAGE), keywords={"_": None, "N_": None, "ngettext": (1, 2)},
        method_map=[("**.py", "python"), ("data/rules.toml", "factcheck_rules")],
    ):
        found.add(message if isinstance(message, str) else message[0])
    return found


def po_catalogue():
    with PO.open("rb") as f:
        return read_po(f, locale="zh")


def test_the_chinese_catalogue_has_every_message_of_the_code_and_no_other():
    """Fails when a message is marked in the code and not in the .po, or the .po keeps one the code lost:
    run `pybabel extract` and `pybabel update` (README, 'The interface in Chinese')."""
    catalogue = {m.id if isinstance(m.id, str) else m.id[0] for m in po_catalogue() if m.id}
    messages = code_messages()
    assert messages - catalogue == set(), "marked in the code, missing from the .po"
    assert catalogue - messages == set(), "in the .po, no longer in the code"


def test_every_chinese_message_is_translated_and_keeps_its_placeholders():
    import string

    for m in po_catalogue():
        if not m.id:
            continue
        ids = [m.id] if isinstance(m.id, str) else list(m.id)
        strings = [m.string] if isinstance(m.string, str) else list(m.string)
        assert all(strings) and not m.fuzzy, f"not translated: {ids[0]!r}"
        wanted = {f for _, f, _, _ in string.Formatter().parse(ids[0]) if f}
        for text in strings:
            assert {f for _, f, _, _ in string.Formatter().parse(text) if f} == wanted, text


def _key(text: str | tuple[str, ...] | list[str]) -> str | tuple[str, ...]:
    return text if isinstance(text, str) else tuple(text)  # a plural's forms


def test_the_committed_mo_is_the_po_compiled():
    """The .mo is committed (an install needs no build step); `pybabel compile` after every .po edit."""
    with MO.open("rb") as f:
        compiled = {_key(m.id): _key(m.string) for m in read_mo(f) if m.id}
    written = {_key(m.id): _key(m.string) for m in po_catalogue() if m.id}
    assert compiled == written, "run: pybabel compile -d src/factcheck/locale -D factcheck"


@pytest.mark.parametrize(
    ("environ", "language"),
    [
        ({"LANG": "zh_CN.UTF-8"}, "zh"),
        ({"LANG": "zh_TW.Big5"}, "zh"),
        ({"LC_MESSAGES": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}, "zh"),
        ({"LC_ALL": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}, "zh"),
        ({"LC_ALL": "C.UTF-8", "LANG": "zh_CN.UTF-8"}, "en"),  # LC_ALL overrides LANG
        ({"LANG": "en_GB.UTF-8"}, "en"),
        ({"LANG": "C"}, "en"),
        ({}, "en"),
    ],
)
def test_the_locale_decides_the_language(environ, language):
    assert i18n.from_locale(environ) == language


def test_the_text_report_in_english(project, capsys):
    code, out, _ = check(capsys)
    assert code == 1 and out == ENGLISH


def test_the_text_report_in_chinese_under_a_chinese_locale(project, capsys, monkeypatch):
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    code, out, _ = check(capsys)
    assert code == 1 and out == CHINESE


def test_lang_chooses_against_the_locale_before_or_after_the_command(project, capsys, monkeypatch):
    assert check(capsys, "--lang", "zh")[1] == CHINESE
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert check(capsys, "--lang=en")[1] == ENGLISH
    assert main(["--lang", "en", "check", "draft.md", "--store", str(ROOT / "claims")]) == 1
    assert capsys.readouterr().out == ENGLISH


def test_the_configs_lang_wins_over_the_locale_and_lang_over_the_config(project, capsys):
    (project / "factcheck.toml").write_text('lang = "zh"\n', encoding="utf-8")
    assert check(capsys)[1] == CHINESE
    assert check(capsys, "--lang", "en")[1] == ENGLISH


def test_an_unknown_language_is_one_line_and_exit_2(project, capsys):
    code, out, err = check(capsys, "--lang", "fr")
    assert (code, out, err) == (2, "", "factcheck: --lang: unknown language 'fr' (use en or zh)\n")
    (project / "factcheck.toml").write_text('lang = "fr"\n', encoding="utf-8")
    code, out, err = check(capsys)
    assert code == 2 and err.count("\n") == 1 and "'lang' = 'fr'" in err


def test_errors_are_one_line_in_chinese(project, capsys):
    code = main(["check", "no-such-draft.md", "--lang", "zh"])
    assert (code, capsys.readouterr().err) == (2, "factcheck: no-such-draft.md：文件不存在\n")


def test_json_keeps_english_keys_verdicts_and_codes_in_chinese(project, capsys):
    english = json.loads(check(capsys, "--format", "json")[1])
    chinese = json.loads(check(capsys, "--format", "json", "--lang", "zh")[1])
    assert chinese["summary"] == english["summary"]
    for zh, en in zip(chinese["findings"], english["findings"], strict=True):
        assert zh.keys() == en.keys() and (zh["verdict"], zh["code"]) == (en["verdict"], en["code"])
    assert [f["message"] for f in chinese["findings"]][1] == "98.2%——来源为 96.2%"


def test_the_html_report_in_chinese(project, capsys):
    _, page, _ = check(capsys, "--format", "html", "--lang", "zh")
    for text in ("<title>factcheck 核查报告</title>", "<h2>稿件</h2>", "1 个问题", "1 条未核实", "<h3>依据</h3>",
                 "<h3>相近但不相符的数字</h3>", "显示未核实的数字", "发布于 2026-01-20", "回到稿件中的该数字",
                 "✗ 矛盾 [FC001]"):
        assert text in page
    for english in ("Evidence", "Near misses", "agrees with", "published", "back to the figure"):
        assert english not in page
    assert 'data-verdict="contradicted"' in page  # what a script reads stays English


def test_the_html_report_in_english(project, capsys):
    _, page, _ = check(capsys, "--format", "html")
    for text in ("<title>factcheck report</title>", "<h2>Drafts</h2>", "1 finding<", "1 unverified", "<h3>Evidence</h3>",
                 "<h3>Near misses</h3>", "published 2026-01-20", "✗ contradicted [FC001]"):
        assert text in page


def test_the_conflicts_report_in_chinese_keeps_its_kinds_english_in_json(project, capsys):
    store = str(ROOT / "claims")
    assert main(["--lang", "zh", "conflicts", "--store", store]) == 0
    out = capsys.readouterr().out
    assert out.rstrip().endswith("0 分歧, 0 自相矛盾, 0 修订, 2 更新, 3 被取代") and "发布于" in out and "（当前）" in out
    assert main(["--lang", "zh", "conflicts", "--store", store, "--format", "json"]) == 0
    assert set(json.loads(capsys.readouterr().out)["counts"]) >= {"disagreement", "update", "superseded"}


# --- help ----------------------------------------------------------------------------------------
# typer fixes the help texts at import; cli.HelpFormatter looks each up as click writes it.

def _help(capsys, *argv: str) -> str:
    assert main([*argv]) == 0
    return capsys.readouterr().out


def _commands():
    """Every command and group of the command line, with the path that names it (`hook install`)."""
    import typer.main

    from factcheck.cli import app

    def walk(command, path):
        yield path, command
        for name, sub in getattr(command, "commands", {}).items():
            yield from walk(sub, (*path, name))

    return list(walk(typer.main.get_command(app), ()))


def test_check_help_in_chinese_keeps_option_names_metavars_and_choices(capsys):
    out = _help(capsys, "--lang", "zh", "check", "--help")
    assert out.startswith("用法：factcheck check [OPTIONS] [DRAFTS]...\n\n  为稿件中的每个数字给出结论：ok（相符）")
    for heading in ("\n参数：\n", "\n选项：\n"):
        assert heading in out
    for kept in ("--fail-on VERDICT,...", "-o, --output FILE", "--format [text|json|sarif|github|html]",
                 "-j, --jobs INTEGER RANGE", "--color, --colour [auto|always|never]", "-h, --help"):
        assert kept in out, kept
    flat = "".join(out.split())
    for said in ("报告格式。[默认：text]", "把报告写入FILE（整个替换），而不是标准输出。", "显示本帮助并退出。", "[默认：0;x>=0]",
                 "结论代码：FC000ok（相符）、FC001contradicted（矛盾）"):
        assert said in flat, said
    for english in ("Usage:", "Options:", "Report format", "Show this message", "default:", "Verdict codes"):
        assert english not in out, english


@pytest.mark.parametrize("argv", [["--lang", "zh", "--help"], ["--help", "--lang=zh"]])
def test_the_command_list_in_chinese(capsys, argv):
    out = _help(capsys, *argv)
    assert out.startswith("用法：factcheck [OPTIONS] COMMAND [ARGS]...\n\n  对照取自可信来源的记录库，核查中文新闻稿件中的数字。\n")
    assert "\n命令：\n  ingest     把来源文章中的每一条数字记录存入记录库。\n" in out
    assert "  --lang zh|en   报告、提示和帮助所用的语言" in out


def test_help_follows_the_locale_and_english_is_unchanged_under_lang_c(capsys, monkeypatch):
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert _help(capsys, "rule", "--help").startswith("用法：factcheck rule [OPTIONS] [CODE]\n\n  解释一条结论规则：")
    monkeypatch.setenv("LANG", "C")
    assert _help(capsys, "rule", "--help") == (
        "Usage: factcheck rule [OPTIONS] [CODE]\n\n"
        "  Explain a verdict rule: what it means, what to do, and an example; without a\n  code, list every rule.\n\n"
        "Arguments:\n  [CODE]\n\nOptions:\n  -h, --help  Show this message and exit.\n"
    )


def test_help_follows_the_configs_lang_found_upward_or_named(capsys, tmp_path, monkeypatch):
    project, elsewhere = tmp_path / "project", tmp_path / "elsewhere"
    (project / "drafts").mkdir(parents=True)
    elsewhere.mkdir()
    (project / "factcheck.toml").write_text('lang = "zh"\n', encoding="utf-8")
    monkeypatch.chdir(project / "drafts")
    assert _help(capsys, "ingest", "--help").startswith("用法：factcheck ingest")
    assert _help(capsys, "ingest", "--help", "--lang", "en").startswith("Usage: factcheck ingest")  # --lang wins
    monkeypatch.chdir(elsewhere)
    assert _help(capsys, "ingest", "--help").startswith("Usage: factcheck ingest")
    config = str(project / "factcheck.toml")
    assert _help(capsys, "ingest", "--help", "--config", config).startswith("用法：factcheck ingest")
    assert _help(capsys, "ingest", f"--config={config}", "--help").startswith("用法：factcheck ingest")


def test_a_broken_config_does_not_stop_help(capsys, tmp_path, monkeypatch):
    (tmp_path / "factcheck.toml").write_text('lang = "fr"\nstroe = 1\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert _help(capsys, "check", "--help").startswith("Usage: factcheck check")


def test_a_group_given_no_command_shows_its_help_in_chinese(capsys):
    assert main(["hook", "--lang", "zh"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("用法：factcheck hook [OPTIONS] COMMAND [ARGS]...\n\n  核查已暂存稿件的 git pre-commit 钩子。\n")
    assert "  install  安装 git pre-commit 钩子。\n" in err


def test_every_help_text_is_in_the_catalogue_as_click_writes_it():
    """A docstring's indentation, or a help text cut short, would not be found: it would stay English."""
    import inspect

    translate = i18n.translator("zh")
    for path, command in _commands():
        texts = [inspect.cleandoc(command.help or ""), command.short_help or "", command.epilog or ""]
        if path:  # the list of commands shows a short help, whole
            assert command.short_help, f"factcheck {' '.join(path)} has no short_help"
        texts += [param.help or "" for param in command.params]
        for text in filter(None, texts):
            assert translate(text) != text, f"factcheck {' '.join(path)}: not in the catalogue: {text!r}"


@pytest.mark.parametrize("columns", ["60", "80", "120"])
def test_chinese_help_fits_the_terminal_counting_two_columns_a_character(capsys, monkeypatch, columns):
    monkeypatch.setenv("COLUMNS", columns)
    width = min(int(columns), 80) - 2
    for path, _command in _commands():
        for line in _help(capsys, "--lang", "zh", *path, "--help").splitlines():
            if " " in line.strip():  # a single long word (a URL) may overflow, as click lets it
                assert i18n.cells(line) <= width, (path, line)
            words = line.strip()
            if words:  # no line opens on a closing mark, nor ends on an opening one
                assert words[0] not in "，。、；：）" and words[-1] != "（", (path, line)


@pytest.mark.parametrize("columns", [60, 80])
def test_english_help_is_what_click_itself_writes(columns):
    """The formatter adds a language; in English it changes nothing, byte for byte, but where a line holds
    Chinese characters (十余名), which it measures at the two columns each takes on a terminal."""
    from factcheck.cli import HelpContext, click

    for path, command in _commands():
        name = " ".join(("factcheck", *path))
        settings = {"info_name": name, "help_option_names": ["-h", "--help"], "terminal_width": columns}
        ours, clicks = command.get_help(HelpContext(command, **settings)), command.get_help(click.Context(command, **settings))
        if i18n.cells(clicks) == len(clicks):
            assert ours == clicks, name
        else:
            assert "".join(ours.split()) == "".join(clicks.split()), name  # the same words, broken elsewhere
            assert max(map(i18n.cells, ours.splitlines())) <= columns, name


def test_shell_completion_still_completes_commands_and_options():
    import importlib

    import typer.main

    from factcheck.cli import app, click

    shell_completion = importlib.import_module(f"{click.__name__}.shell_completion")
    complete = shell_completion.BashComplete(typer.main.get_command(app), {}, "factcheck", "_FACTCHECK_COMPLETE")
    assert [c.value for c in complete.get_completions([], "ch")] == ["check"]
    assert {c.value for c in complete.get_completions(["check"], "--f")} == {"--format", "--fail-on", "--force-exclude"}
