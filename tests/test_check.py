"""`factcheck check`: each verdict pinned with real seed sentences, against the committed store."""

from __future__ import annotations

import datetime as dt
import json
import tomllib
from pathlib import Path

import pytest
from conftest import project_store

from factcheck.app.config import load_config
from factcheck.cli import main
from factcheck.extract.subject import gazetteer
from factcheck.judge.draft import check_document
from factcheck.reading.source import Document, read_document
from factcheck.store.folder import Store
from factcheck.store.protocol import ClaimList

ROOT = Path(__file__).resolve().parents[1]


# The bodies the project configures for the seeds, as `factcheck check` in this folder uses them.
BODIES = gazetteer(dict(load_config(cwd=ROOT).bodies))


@pytest.fixture(scope="module")
def store():
    return ClaimList.of(Store(ROOT / "claims").load())


def verdicts(text: str, store, date: str = "2026-03-05") -> dict[str, str]:
    """Figure as written → verdict, for a one-paragraph draft."""
    doc = Document("draft.md", text, 0, dt.date.fromisoformat(date), False)
    return {f.text: f.verdict for f in check_document(doc, store, bodies=BODIES)}


def finding(text: str, figure: str, store, date: str = "2026-03-05"):
    doc = Document("draft.md", text, 0, dt.date.fromisoformat(date), False)
    return next(f for f in check_document(doc, store, bodies=BODIES) if f.text == figure)


# --- ok: supported, with the source cited --------------------------------------------------

@pytest.mark.parametrize(
    "sentence, figure",
    [
        ("自“周六招商日”设立以来，平湖全市各主体“一把手”共参与招商484人次，对接招商项目233个。", "484人次"),
        ("独山能源三期项目总投资102亿元，位于原中嘉华宸能源公司530亩的地块上。", "102亿元"),
        ("银座箱包正投资5亿元建设新工厂，将使废品率下降90%、一线员工减少40%。", "90%"),
        ("朱云观10年来累计公益服务近3000人次。", "近3000人次"),
        ("平湖技师学院毕业生就业率连续多年稳定在96.2%。", "96.2%"),
        ("平湖经开钟溪汇国际青年社区共有885套人才住房。", "885套"),
        ("“邻大姐工作室”已吸纳成员30余名。", "30余名"),
    ],
)
def test_a_figure_a_source_gives_is_ok_and_cited(sentence, figure, store):
    f = finding(sentence, figure, store)
    assert f.verdict == "ok", f.message
    assert f.evidence and f.evidence[0].source.startswith("seeds/")


def test_notation_and_units_that_differ_only_in_writing_agree(store):
    # 十余名 in seed 000, 10余名 in seed 001: one figure.
    assert verdicts("德西福格组建了由3名全职培训师和10余名技术骨干构成的讲师团。", store)["10余名"] == "ok"
    # 30850万美元 = 3.085亿美元, printed to the same precision.
    assert verdicts("津上精密投资总额达到3.085亿美元。", store)["3.085亿美元"] == "ok"
    # 超百万方 and 超百万平方米 are one claim about floor space.
    assert verdicts("平湖经开加快推进超百万平方米标准厂房建设。", store)["超百万平方米"] == "ok"


def test_a_rounded_figure_agrees_with_the_precise_one(store):
    # 7.58亿元 printed to one decimal place is 7.6亿元.
    assert verdicts("2024年，平湖经开民生财政支出7.6亿元。", store)["7.6亿元"] == "ok"


# --- contradicted ---------------------------------------------------------------------------

@pytest.mark.parametrize(
    "sentence, figure, source_says",
    [
        ("平湖技师学院毕业生就业率连续多年稳定在98.2%。", "98.2%", "96.2%"),
        ("尼得科冲压自动化设备（浙江）有限公司与50多家本地供应商建立了稳定合作。", "50多家", "30多家"),
        ("2023年5月9日，平湖市举行产业链高质量发展签约大会，集中签约项目38个，总投资122亿元。", "38个", "28个"),
        ("“邻大姐工作室”成功化解152起矛盾纠纷。", "152起", "125起"),
        ("2024年，平湖经开民生财政支出7.85亿元。", "7.85亿元", "7.58亿元"),
        ("海优新材建设年产30GW光伏胶膜材料项目，达产后年产值将超55亿元。", "超55亿元", "超45亿元"),
        ("平湖经开钟溪汇国际青年社区共有885套人才住房，入住率超过95%。", "超过95%", "近90%"),
    ],
)
def test_a_figure_the_source_gives_differently_is_contradicted(sentence, figure, source_says, store):
    f = finding(sentence, figure, store)
    assert f.verdict == "contradicted", f.message
    assert f.evidence[0].text == source_says
    assert source_says in f.message


def test_one_wrong_figure_in_an_enumeration_is_the_only_one_flagged(store):
    got = verdicts("平湖经开2024年成功引进机床产业链项目8个、汽车电子产业链项目5个、生物医药产业链项目2个。", store)
    assert got == {"8个": "ok", "5个": "ok", "2个": "contradicted"}


# --- stale ----------------------------------------------------------------------------------

def test_a_partial_period_is_stale_once_the_full_year_is_known(store):
    f = finding("2025年前11个月，平湖经开区24家规上数控机床企业实现产值88亿元，同比增长9%。", "88亿元", store)
    assert f.verdict == "stale"
    assert f.evidence[0].text == "98亿元" and f.evidence[0].source.startswith("seeds/001")
    # The growth rate goes stale with the figure it qualifies.
    assert verdicts("2025年前11个月，平湖经开区24家规上数控机床企业实现产值88亿元，同比增长9%。", store)["9%"] == "stale"


def test_an_older_as_of_figure_is_stale_once_a_newer_one_exists(store):
    got = verdicts("津上精密机床（浙江）有限公司经过10次增资，现有员工1900名。", store)
    assert got == {"10次": "stale", "1900名": "stale"}
    f = finding("津上精密机床（浙江）有限公司经过10次增资，现有员工1900名。", "1900名", store)
    assert f.evidence[0].text == "2000余名"


def test_the_full_year_figure_itself_is_ok(store):
    assert verdicts("2025年，平湖经开24家规模以上数控机床企业实现产值98亿元，同比增长8.1%。", store) == {
        "24家": "ok", "98亿元": "ok", "8.1%": "ok",
    }


# --- unsupported ----------------------------------------------------------------------------

def test_a_figure_no_source_gives_is_unsupported(store):
    assert verdicts("平湖经开数控机床核心园计划引进外资项目12个。", store)["12个"] == "unsupported"
    assert verdicts("平湖经开数控机床产业基金规模达20亿元。", store)["20亿元"] == "unsupported"


def test_a_period_the_store_does_not_have_is_unsupported(store):
    # The store has Q1 2023 (seed 002), not Q1 2026.
    f = finding("2026年一季度，平湖全市完成实际外资1.59亿美元。", "1.59亿美元", store)
    assert f.verdict == "unsupported"
    assert any("for 今年一季度 (2023-01-01..2023-03-31), not 2026年一季度" in r for r in f.reasons)
    # A ten-month figure when the store has the full year: no source gives it.
    assert verdicts("2025年，平湖经开前10个月解决企业困难诉求300余件。", store)["300余件"] == "unsupported"


def test_a_banks_figure_attributed_to_the_zone_is_unsupported(store):
    f = finding("截至11月末，平湖经开科技型企业贷款余额近200亿元。", "近200亿元", store, date="2025-12-25")
    assert f.verdict == "unsupported"
    assert any("工行绍兴分行" in r for r in f.reasons)
    # …and the bank's own figure is ok.
    assert verdicts("截至11月末，工行绍兴分行科技型企业贷款余额近200亿元。", store, date="2025-12-25")["近200亿元"] == "ok"


# --- relative periods resolve against the draft's date ---------------------------------------

def test_relative_periods_resolve_against_the_draft_date(store):
    # In a draft dated 2026, 去年 is 2025: the full-year figure is ok.
    assert verdicts("去年，平湖经开24家规模以上数控机床企业实现产值98亿元。", store, "2026-02-01")["98亿元"] == "ok"
    # Dated 2025, 今年前11个月 is January–November 2025: the 88亿元 figure, since superseded.
    got = verdicts("今年前11个月，平湖经开区24家规上数控机床企业实现产值88亿元。", store, "2025-12-20")
    assert got["88亿元"] == "stale"


# --- not claims -------------------------------------------------------------------------------

def test_dates_labels_and_identifiers_get_no_verdict(store):
    got = verdicts("2023年12月签约落户的企业深化“1+3+N”涉企服务体系，入驻两创产业园3号楼，拨打96871热线。", store)
    assert got == {}


# --- the seeds against their own store --------------------------------------------------------

def _seed_date(name: str) -> dt.date:
    meta = tomllib.loads((ROOT / "seeds" / "sources.toml").read_text(encoding="utf-8"))
    return dt.date.fromisoformat(meta[name]["date"])


def _flags(prefix: str, store) -> dict[str, str]:
    path = next((ROOT / "seeds").glob(f"{prefix}_*.txt"))
    doc = read_document(path, display=f"seeds/{path.name}", date=_seed_date(path.name))
    return {f.text: f.verdict for f in check_document(doc, store, bodies=BODIES) if f.verdict != "ok"}


@pytest.mark.parametrize("prefix", ["001", "003", "004"])
def test_current_seeds_check_clean_against_the_store(prefix, store):
    assert _flags(prefix, store) == {}


def test_seed_000_flags_what_seed_001_has_since_superseded(store):
    assert _flags("000", store) == {"88亿元": "stale", "9%": "stale", "突破2.5亿元": "stale"}


def test_seed_002_flags_the_company_figures_seed_004_updated(store):
    assert _flags("002", store) == {"10次": "stale", "1900名": "stale"}


# --- the command line -------------------------------------------------------------------------

def test_check_json_is_the_documented_contract(capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    code = main(["check", "examples/draft_pinghu_review.md", "--format", "json"])
    out = json.loads(capsys.readouterr().out)
    assert code == 1
    assert out["version"] == 1
    assert out["summary"]["numbers"] == len(out["findings"]) > 0
    for f in out["findings"]:
        assert {"path", "line", "column", "text", "verdict", "message", "claim", "evidence"} <= set(f)
        for e in f["evidence"]:
            assert {"source", "line", "text", "value", "period", "published", "paragraph"} <= set(e)
    assert {f["verdict"] for f in out["findings"]} == {"ok", "contradicted", "stale", "unsupported"}


def test_fail_on_decides_the_exit_code(capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    assert main(["check", "examples/draft_pinghu_review.md", "--fail-on", "contradicted"]) == 1
    capsys.readouterr()
    # Only unsupported figures fail the run: the draft has two.
    assert main(["check", "examples/draft_pinghu_review.md", "--fail-on", "unsupported", "--format", "json"]) == 1
    capsys.readouterr()
    assert main(["check", "examples/draft_pinghu_review.md", "--fail-on", "", "--format", "json"]) == 0


def test_a_clean_draft_from_stdin_exits_zero(capsys, monkeypatch):
    import io

    monkeypatch.chdir(ROOT)
    text = "---\ndate: 2026-02-01\n---\n\n平湖技师学院毕业生就业率连续多年稳定在96.2%。\n"
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8"))))
    assert main(["check", "-"]) == 0
    assert "1 ok" in capsys.readouterr().out


@pytest.mark.parametrize(
    "args, problem",
    [
        (["check", "no-such-draft.md"], "no such file"),
        (["check", "examples/*.nothing"], "no drafts match"),
        (["check", "examples/draft_pinghu_review.md", "--format", "xml"], "'xml' is not one of 'text', 'json', 'sarif', 'github'"),
        (["check", "examples/draft_pinghu_review.md", "--fail-on", "wrong"], "unknown verdict"),
        (["check", "examples/draft_pinghu_review.md", "--store", "no-such-store"], "no claims store"),
        (["check", "examples/draft_pinghu_review.md", "--bogus"], "No such option"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(args, problem, capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    assert main(args) == 2
    err = capsys.readouterr().err
    assert problem in err
    assert err.count("\n") == 1 and "Traceback" not in err


@pytest.mark.parametrize(
    "args, said",
    [
        (["check", "examples/draft_pinghu_review.md", "--bogus"],
         "No such option '--bogus'. Try 'factcheck check --help' for help."),  # not "did you mean --jobs"
        (["check", "examples/draft_pinghu_review.md", "--jbos", "2"],
         "No such option '--jbos'; did you mean '--jobs'? Try 'factcheck check --help' for help."),
        (["ingest", "--forse"], "No such option '--forse'; did you mean '--force'? Try 'factcheck ingest --help' for help."),
        (["hook", "install", "--bogus"], "No such option '--bogus'. Try 'factcheck hook install --help' for help."),
        (["chek"], "No such command 'chek'; did you mean 'check'? Try 'factcheck --help' for help."),
        (["bogus"], "No such command 'bogus'. Try 'factcheck --help' for help."),
        (["check", "examples/draft_pinghu_review.md", "--format", "xml"],
         "Invalid value for '--format': 'xml' is not one of 'text', 'json', 'sarif', 'github', 'html'. "
         "Try 'factcheck check --help' for help."),
    ],
    ids=["far-from-any", "transposed", "ingest", "subcommand", "near-command", "command", "bad-value"],
)
def test_a_usage_mistake_says_where_help_is_and_suggests_only_a_near_option(args, said, capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    assert main(args) == 2
    assert capsys.readouterr().err == f"factcheck: {said}\n"


def test_an_empty_draft_named_alone_is_an_error(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    empty = tmp_path / "empty.md"
    empty.write_text("---\ndate: 2026-01-01\n---\n\n", encoding="utf-8")
    assert main(["check", str(empty)]) == 2
    err = capsys.readouterr().err
    assert "empty draft" in err and err.count("\n") == 1


@pytest.fixture
def drafts_with_empty_ones(tmp_path, monkeypatch) -> Path:
    """drafts/: one wrong figure (the source says 96.2%), an empty file, and front matter with only blank lines."""
    (tmp_path / "factcheck.toml").write_text(f"store = {project_store(tmp_path)}\n", encoding="utf-8")
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    (drafts / "school.md").write_text(
        "---\ndate: 2026-03-05\n---\n\n平湖技师学院毕业生就业率连续多年稳定在98.2%。\n", encoding="utf-8"
    )
    (drafts / "blank.md").write_text("", encoding="utf-8")
    (drafts / "headed.md").write_text("---\ndate: 2026-03-05\n---\n\n  \n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return drafts


def test_an_empty_draft_in_a_folder_is_clean_and_the_others_are_checked(drafts_with_empty_ones, capsys):
    assert main(["check", "drafts", "--format", "json"]) == 1  # the wrong figure's exit code, not 2
    captured = capsys.readouterr()
    report = json.loads(captured.out)
    assert [(f["path"], f["text"], f["verdict"]) for f in report["findings"]] == [
        ("drafts/school.md", "98.2%", "contradicted")
    ]
    assert sorted(captured.err.splitlines()) == [
        "drafts/blank.md: empty draft, no figures to check",
        "drafts/headed.md: empty draft, no figures to check",
    ]


@pytest.mark.parametrize(
    "args", [["drafts/blank.md", "drafts/headed.md"], ["drafts/*.md"], ["--force-exclude", "drafts/blank.md"]],
    ids=["two-named", "a-glob", "pre-commit-passes-one"],
)
def test_empty_drafts_among_others_or_from_pre_commit_are_clean(drafts_with_empty_ones, capsys, args):
    (drafts_with_empty_ones / "school.md").unlink()
    assert main(["check", *args]) == 0
    err = capsys.readouterr().err
    assert "drafts/blank.md: empty draft, no figures to check" in err.splitlines()
    assert "factcheck:" not in err


def test_a_figure_about_another_company_is_never_called_contradicted(store):
    # 津上精密 has 2000余名 employees (seed 004); 轩田 has about 200 (seed 004): no conflict.
    assert verdicts("轩田智能科技公司现有员工约200人。", store)["约200人"] != "contradicted"


def test_text_report_is_plain_in_a_pipe_and_coloured_only_on_a_terminal(store, monkeypatch):
    import io

    from factcheck.judge.draft import check_documents
    from factcheck.report.formats import wants_colour
    from factcheck.report.text import render_text

    doc = Document("draft.md", "平湖技师学院毕业生就业率连续多年稳定在98.2%。", 0, dt.date(2026, 3, 5), False)
    report = check_documents([doc], store, bodies=BODIES)
    pipe = io.StringIO()
    render_text(report, pipe, colour=wants_colour(pipe))
    assert "\x1b[" not in pipe.getvalue()
    assert "draft.md:1:20: contradicted [FC001] 98.2% — the source says 96.2%" in pipe.getvalue()

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.delenv("NO_COLOR", raising=False)
    assert wants_colour(Terminal())
    monkeypatch.setenv("NO_COLOR", "1")
    assert not wants_colour(Terminal())


def test_a_draft_may_name_a_company_by_its_short_name_only(store):
    # The draft never spells out 津上精密机床（浙江）有限公司; the store knows the body.
    assert verdicts("津上精密注册资本达到13370万美元。", store)["13370万美元"] == "contradicted"
    assert verdicts("津上精密注册资本达到11370万美元。", store)["11370万美元"] == "ok"
