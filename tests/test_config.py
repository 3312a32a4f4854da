"""Configuration: found by walking up, overridden by --config, strict about keys, honoured by every command."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from factcheck.app.config import load_config
from factcheck.cli import main
from factcheck.errors import ConfigError

ROOT = Path(__file__).resolve().parents[1]
STORE = '"claims"'  # a copy of the project's store, made by with_store: a configured store lies inside its project

WRONG = "平湖技师学院毕业生就业率连续多年稳定在98.2%。"
STALE = "津上精密机床（浙江）有限公司经过10次增资，现有员工1900名。"


def with_store(project: Path) -> None:
    import shutil

    shutil.copytree(ROOT / "claims", project / "claims", ignore=shutil.ignore_patterns(".index", ".lock"))


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# --- finding the config -----------------------------------------------------------------------------

def test_pyproject_is_found_from_a_subfolder_and_paths_resolve_against_it(tmp_path):
    write(
        tmp_path / "pyproject.toml",
        '[project]\nname = "newsroom"\n\n[tool.factcheck]\nstore = "data/claims"\ndrafts = ["drafts/*.md"]\n',
    )
    cfg = load_config(cwd=tmp_path / "drafts" / "2026")
    assert cfg.root == tmp_path and cfg.origin == tmp_path / "pyproject.toml"
    assert cfg.store == tmp_path / "data" / "claims"
    assert cfg.sources == (tmp_path / "seeds",)
    assert cfg.drafts == ("drafts/*.md",)
    assert cfg.accept_path == tmp_path / ".factcheck-accept.json"


def test_a_pyproject_without_a_factcheck_table_is_passed_over(tmp_path):
    write(tmp_path / "factcheck.toml", 'store = "claims"\n')
    write(tmp_path / "site" / "pyproject.toml", '[project]\nname = "site"\n')
    assert load_config(cwd=tmp_path / "site").root == tmp_path


def test_factcheck_toml_wins_over_pyproject_beside_it(tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.factcheck]\nstore = "from-pyproject"\n')
    write(tmp_path / "factcheck.toml", '[tool.factcheck]\nstore = "from-factcheck-toml"\n')
    assert load_config(cwd=tmp_path).store == tmp_path / "from-factcheck-toml"


def test_without_a_config_the_current_folder_is_the_project(tmp_path):
    cfg = load_config(cwd=tmp_path)
    assert (cfg.root, cfg.store, cfg.origin) == (tmp_path, tmp_path / "claims", None)
    assert cfg.fail_on == ("contradicted", "stale", "inconsistent")  # unsupported warns unless a newsroom asks for more


def test_an_explicit_config_wins_over_discovery(tmp_path):
    write(tmp_path / "factcheck.toml", 'store = "nearby"\n')
    other = write(tmp_path / "elsewhere" / "review.toml", 'store = "far"\naccept-file = "reviewed.json"\n')
    cfg = load_config(other, cwd=tmp_path)
    assert cfg.root == tmp_path / "elsewhere"
    assert cfg.store == tmp_path / "elsewhere" / "far"
    assert cfg.accept_path == tmp_path / "elsewhere" / "reviewed.json"


def test_every_key_is_read(tmp_path):
    write(
        tmp_path / "factcheck.toml",
        'store = "claims"\nsources = "archive"\ndrafts = "drafts/*.md"\nfail-on = "contradicted, stale"\n'
        'date = 2026-03-05\naccept-file = "review/accepted.json"\n',
    )
    cfg = load_config(cwd=tmp_path)
    assert cfg.sources == (tmp_path / "archive",)
    assert cfg.drafts == ("drafts/*.md",)
    assert cfg.fail_on == ("contradicted", "stale")
    assert cfg.date == dt.date(2026, 3, 5)
    assert cfg.accept_file == tmp_path / "review" / "accepted.json"


@pytest.mark.parametrize("value", ['"2026-03-05"', "2026-03-05", "2026-03-05T08:00:00"])
def test_a_date_may_be_a_toml_date_or_a_string(tmp_path, value):
    write(tmp_path / "factcheck.toml", f"date = {value}\n")
    assert load_config(cwd=tmp_path).date == dt.date(2026, 3, 5)


# --- mistakes ------------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "toml, problem",
    [
        ('stor = "claims"\n', "unknown key 'stor'"),
        ('[tool.factcheck]\nfail_on = ["stale"]\n', "unknown key 'fail_on'"),
        ('fail-on = ["contradicted", "wrong"]\n', "'fail-on': unknown verdict 'wrong'"),
        ('date = "next tuesday"\n', "'date' must be YYYY-MM-DD"),
        ('store = ["a", "b"]\n', "'store' must be a path"),
        ("drafts = 3\n", "'drafts' must be a string or a list of strings"),
        ('store = "claims\n', "not valid TOML"),
    ],
)
def test_a_bad_config_names_the_problem(tmp_path, toml, problem):
    write(tmp_path / "factcheck.toml", toml)
    with pytest.raises(ConfigError, match=problem.replace("[", r"\[")) as caught:
        load_config(cwd=tmp_path)
    assert str(tmp_path / "factcheck.toml") in str(caught.value)


def test_an_unknown_key_in_pyproject_names_the_table(tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.factcheck]\ndraft = "drafts/*.md"\n')
    with pytest.raises(ConfigError, match=r"unknown key 'draft' in \[tool.factcheck\]"):
        load_config(cwd=tmp_path)


@pytest.mark.parametrize(
    "key, hint",
    [("stroe", "did you mean 'store'? "), ("fail_on", "did you mean 'fail-on'? "), ("verbose", "")],
    ids=["transposed", "underscore", "nothing-near"],
)
def test_an_unknown_key_names_the_known_key_it_is_near(tmp_path, key, hint):
    write(tmp_path / "factcheck.toml", f'{key} = "claims"\n')
    with pytest.raises(ConfigError) as caught:
        load_config(cwd=tmp_path)
    assert str(caught.value) == (
        f"{tmp_path / 'factcheck.toml'}: unknown key {key!r} in the config ({hint}known keys: accept-file, bodies, "
        "date, drafts, exclude, fail-on, growth-tolerance, lang, multiple-tolerance, points-tolerance, share-tolerance, sources, store)"
    )


def test_a_missing_explicit_config_is_an_error(tmp_path):
    with pytest.raises(ConfigError, match="no such config file"):
        load_config(tmp_path / "nope.toml", cwd=tmp_path)


# --- every command honours --config ---------------------------------------------------------------

@pytest.mark.parametrize(
    "command",
    [
        ["check", "draft.md"],
        ["accept", "draft.md"],
        ["claims"],
        ["conflicts"],
        ["ingest"],
        ["hook", "install"],
        ["hook", "run"],
    ],
)
def test_every_command_reads_the_config_it_is_given(tmp_path, monkeypatch, capsys, command):
    # A good config where the command runs, a broken one passed with --config: only --config can fail it.
    write(tmp_path / "factcheck.toml", f"store = {STORE}\n")
    write(tmp_path / "draft.md", f"---\ndate: 2026-03-05\n---\n\n{WRONG}\n")
    broken = write(tmp_path / "ci" / "factcheck.toml", f"store = {STORE}\nstores = 'typo'\n")
    monkeypatch.chdir(tmp_path)
    assert main([*command, "--config", str(broken)]) == 2
    err = capsys.readouterr().err
    assert "unknown key 'stores'" in err and str(broken) in err
    assert err.count("\n") == 1
    assert not (tmp_path / ".git").exists() and not (tmp_path / ".factcheck-accept.json").exists()


def test_check_takes_store_drafts_fail_on_and_date_from_the_config(tmp_path, monkeypatch, capsys):
    project = tmp_path / "newsroom"
    config = write(
        project / "factcheck.toml",
        f'store = {STORE}\ndrafts = ["drafts/*.md"]\nfail-on = ["contradicted"]\ndate = 2026-03-05\n',
    )
    with_store(project)
    write(project / "drafts" / "jinshang.md", STALE + "\n")  # no front matter: the configured date applies
    monkeypatch.chdir(tmp_path)  # outside the project: only --config finds it
    assert main(["check", "--config", str(config), "--format", "json"]) == 0  # stale does not fail this project
    out = json.loads(capsys.readouterr().out)
    assert [(Path(f["path"]).name, f["text"], f["verdict"]) for f in out["findings"]] == [
        ("jinshang.md", "10次", "stale"),
        ("jinshang.md", "1900名", "stale"),
    ]
    write(project / "drafts" / "school.md", WRONG + "\n")
    assert main(["check", "--config", str(config)]) == 1
    assert "98.2% — the source says 96.2%" in capsys.readouterr().out


def test_the_configured_accept_file_is_where_accept_writes(tmp_path, monkeypatch, capsys):
    write(tmp_path / "factcheck.toml", f'store = {STORE}\naccept-file = "review/accepted.json"\n')
    with_store(tmp_path)
    write(tmp_path / "draft.md", f"---\ndate: 2026-03-05\n---\n\n{WRONG}\n")
    monkeypatch.chdir(tmp_path)
    assert main(["accept", "draft.md"]) == 0
    assert "in review/accepted.json" in capsys.readouterr().err
    accepted = json.loads((tmp_path / "review" / "accepted.json").read_text(encoding="utf-8"))["accepted"]
    assert [e["text"] for e in accepted] == ["98.2%"]
    assert main(["check", "draft.md"]) == 0


def test_bodies_are_a_list_of_names_or_a_table_of_each_bodys_other_names(tmp_path):
    listed = load_config(write(tmp_path / "a" / "factcheck.toml", 'bodies = ["海优新材", "银座箱包"]\n'))
    assert listed.bodies == (("海优新材", ()), ("银座箱包", ()))
    table = load_config(write(tmp_path / "b" / "factcheck.toml", '[bodies]\n"三宏汽车零部件" = ["三宏"]\n'))
    assert table.bodies == (("三宏汽车零部件", ("三宏",)),)


def test_bodies_of_the_wrong_shape_are_a_one_line_error(tmp_path):
    with pytest.raises(ConfigError, match="'bodies': the names of '三宏' must be a list of strings"):
        load_config(write(tmp_path / "factcheck.toml", '[bodies]\n"三宏" = [1]\n'))
    with pytest.raises(ConfigError, match="'bodies' must be a list of names or a table"):
        load_config(write(tmp_path / "c" / "factcheck.toml", 'bodies = 3\n'))


def test_changing_the_configured_bodies_re_reads_the_sources(tmp_path, monkeypatch, capsys):
    import shutil

    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    write(tmp_path / "factcheck.toml", 'bodies = ["海优新材"]\n')
    monkeypatch.chdir(tmp_path)
    assert main(["ingest"]) == 0
    assert main(["ingest"]) == 0 and "│       5 │" in capsys.readouterr().err.split("claims store")[-1]  # all skipped
    write(tmp_path / "factcheck.toml", 'bodies = ["海优新材", "银座箱包"]\n')
    assert main(["ingest"]) == 0
    record = next(json.loads(line) for line in (tmp_path / "claims" / "seeds__002_0bfc2728c4c24ec3.txt.jsonl")
                  .read_text(encoding="utf-8").splitlines() if "银座箱包正投资5亿元" in line)
    assert record["subject"] == "银座箱包"
