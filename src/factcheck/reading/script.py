"""Script: traditional characters read as simplified, one character for one.

A Hong Kong or Taiwan release, or a draft typed in traditional script, says
前11個月 and 88億元; every word the extractor knows is simplified. OpenCC's
t2s folds the text before extraction. Its tables map one code point to one
(checked here all the same), so an offset into the folded text is an offset
into the text as written, and what an editor is shown stays in the script
the author used.

Most text is simplified: a regular expression of the characters only
traditional script writes (data/script.toml, derived from OpenCC) decides,
at ~10 ns a character, whether OpenCC is loaded at all.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import opencc

# The Basic Multilingual Plane's CJK blocks: Extension A, the unified ideographs, compatibility ideographs.
# (The astral blocks are left out of the test: a character class with them is a hundred times slower.)
CJK = (*range(0x3400, 0x4DC0), *range(0x4E00, 0xA000), *range(0xF900, 0xFB00))


@lru_cache(maxsize=1)
def _traditional() -> re.Pattern[str]:
    from ..data import load_data

    return re.compile(f"[{load_data('script.toml')['traditional']}]")


@lru_cache(maxsize=1)
def _converter() -> opencc.OpenCC:
    import opencc  # only for text that has traditional characters: ~13 ms that simplified text never pays

    return opencc.OpenCC("t2s")


def has_traditional(text: str) -> bool:
    """A character that simplified text never uses (個, 億, 萬, 們, 這); 著 and 乾 are written in both."""
    return _traditional().search(text) is not None


def simplified(text: str) -> str:
    """The text in simplified script, of the same length, character i for character i; unchanged when simplified."""
    if not has_traditional(text):
        return text
    converted = _converter().convert(text)
    if len(converted) == len(text):
        return converted
    # A phrase table that changed a length would shift every offset after it: fall back, line by
    # line, to converting that line one character at a time.
    lines = text.splitlines(keepends=True)
    return "".join(_line(line) for line in lines)


def _line(line: str) -> str:
    converted = _converter().convert(line)
    if len(converted) == len(line):
        return converted
    return "".join(c if len(c := _converter().convert(ch)) == 1 else ch for ch in line)


@lru_cache(maxsize=1 << 14)
def plain(sentence: str) -> str:
    """A claim's sentence or paragraph as the rules read it: simplified, cached, since each is compared many times."""
    return simplified(sentence)


def derive() -> str:
    """The characters only traditional script writes: t2s changes them, and s2t gives them back.

    著 (t2s: 着) and 乾 (t2s: 干) are written in simplified text too (著名, 乾隆): s2t does not
    give them back, so they are left out, and a simplified text with them is not folded.
    """
    import opencc

    chars = [chr(c) for c in CJK]
    to_simplified = opencc.OpenCC("t2s").convert("\n".join(chars)).split("\n")
    back = opencc.OpenCC("s2t").convert("\n".join(to_simplified)).split("\n")
    return "".join(c for c, s, t in zip(chars, to_simplified, back) if s != c and t == c)


if __name__ == "__main__":  # regenerate data/script.toml after an OpenCC upgrade
    from pathlib import Path

    path = Path(__file__).with_name("data") / "script.toml"
    path.write_text(
        "# Characters only traditional script writes (t2s changes them, s2t gives them back),\n"
        "# derived from OpenCC: python -m factcheck.reading.script. tests/test_script.py checks it.\n"
        f'traditional = "{derive()}"\n',
        encoding="utf-8",
    )
