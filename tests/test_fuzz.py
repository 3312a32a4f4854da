"""Whatever bytes arrive as a draft or a source, the answer is verdicts or one line and exit 2: never a crash.

Hypothesis writes the files: Chinese text with figures, scale characters
and percent signs, control characters, stray front matter, and byte
strings that are not UTF-8 at all.
"""

from __future__ import annotations

import contextlib
import functools
import io
import os
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from factcheck.cli import main

ROOT = Path(__file__).resolve().parent.parent

PIECES = [
    "平湖经开", "实现产值", "同比增长", "前11个月", "今年", "去年", "一季度", "超", "近", "余", "约", "突破", "万", "亿", "元",
    "％", "%", "个百分点", "名", "家", "，", "。", "\n", "\n\n", "　", "---\n", "date: 2025-01-01\n", "# ", "**", "<!-- factcheck: ignore -->",
    "三分之一", "十二点五", "1/3", "兩個", "億", "\x00", "\x07", "\ufeff", "\u200b", "\r\n", "🙂", "�",
]
TEXT = st.lists(
    st.one_of(
        st.sampled_from(PIECES),
        st.integers(min_value=0, max_value=10**12).map(str),
        st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False).map(str),
        st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), max_size=8),
        st.text(max_size=4),
    ),
    max_size=40,
).map("".join)
ENCODED = st.one_of(
    TEXT.map(lambda t: t.encode("utf-8")),
    TEXT.map(lambda t: t.encode("gb18030", errors="replace")),
    TEXT.map(lambda t: "\ufeff".join(["", t]).encode("utf-16")),
    st.binary(max_size=200),
    TEXT.map(lambda t: t.encode("utf-8")[:-1]),  # cut mid-character
)


def _run(argv: list[str]) -> tuple[int, str]:
    err = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        code = main(argv)
    return code, err.getvalue()


def _one_line_or_nothing(code: int, err: str) -> None:
    assert code in (0, 1, 2), (code, err)
    assert "internal error" not in err and "Traceback" not in err, err
    if code == 2:
        assert err.startswith("factcheck: ") and err.count("\n") == 1, err


@settings(max_examples=int(os.environ.get("FACTCHECK_FUZZ_EXAMPLES", "150")), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=ENCODED)
def test_any_draft_gets_verdicts_or_one_line(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        draft = Path(tmp) / "draft.md"
        draft.write_bytes(data)
        code, err = _run(["check", str(draft), "--store", str(ROOT / "claims"), "--date", "2026-02-01", "--format", "json"])
    _one_line_or_nothing(code, err)


@settings(max_examples=int(os.environ.get("FACTCHECK_FUZZ_EXAMPLES", "60")), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=ENCODED)
# U+0085, U+2028, U+2029: line breaks to str.splitlines, kept raw inside a JSON string, so a claim's record
# read back by splitlines was cut in two (JSONDecodeError at ingest).
@example(data="\x850万".encode())
@example(data="去年产值\u202898亿元，今年\u2029超100亿元。".encode("utf-8"))
def test_any_source_is_ingested_or_refused_in_one_line_and_the_store_is_kept(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        store = Path(tmp) / "claims"
        shutil.copytree(ROOT / "claims", store, ignore=shutil.ignore_patterns(".index", ".lock"))
        before = {p.name: p.read_bytes() for p in store.iterdir() if p.is_file()}
        source = Path(tmp) / "source.txt"
        source.write_bytes(data)
        code, err = _run(["ingest", str(source), "--store", str(store), "--date", "2025-01-01"])
        _one_line_or_nothing(code, err if code == 2 else "")
        after = {p.name: p.read_bytes() for p in store.iterdir() if p.is_file() and p.name != ".lock"}
        if code == 2:
            assert after == before
        else:
            assert {k: v for k, v in after.items() if k in before and k != "manifest.json"} == {
                k: v for k, v in before.items() if k != "manifest.json"
            }


# Any code point at all: lone surrogates (half a pair from a broken paste), private use, unassigned,
# controls, mixed with the pieces figures are made of (#30: a lone surrogate crashed check_text).
ANY_CHARACTER = st.one_of(
    st.characters(codec=None, exclude_categories=()),
    st.integers(min_value=0xD800, max_value=0xDFFF).map(chr),
)
ANY_TEXT = st.lists(st.one_of(st.sampled_from(PIECES), st.text(alphabet=ANY_CHARACTER, max_size=6),
                              st.integers(min_value=0, max_value=10**30).map(str)), max_size=40).map("".join)


@functools.cache
def seed_claims() -> tuple:
    from factcheck.store.folder import Store

    return tuple(Store(ROOT / "claims").load())


@settings(max_examples=int(os.environ.get("FACTCHECK_FUZZ_EXAMPLES", "150")), deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(text=ANY_TEXT)
def test_check_text_gives_a_verdict_to_every_figure_of_any_unicode_or_refuses_in_one_line(text: str) -> None:
    import datetime as dt

    from factcheck.api import check_text
    from factcheck.errors import InputError

    try:
        found = check_text(text, seed_claims(), dt.date(2026, 2, 1), "draft.md")
    except InputError as exc:  # an empty or binary draft: a reason, on one line
        assert "\n" not in str(exc) and str(exc).startswith("draft.md:")
        return
    assert all(f.verdict in ("ok", "contradicted", "stale", "unsupported") for f in found)
