"""The language a person reads: gettext catalogues, chosen by --lang, the config's `lang`, else the locale.

Every layer may import this (it sits with `errors` at the bottom of the stage
order) and marks what a person reads with `_()`: `_("{figure} agrees with
{source}:{line}").format(...)`. The msgid is the English text, so a message
added on another branch in plain English merges and is simply shown in
English until the catalogue has it. What machines read stays English in
every language: JSON and SARIF field names, verdicts, rule codes and ids.
Text fixed before the language is known (a command's --help, which typer
builds at import) is marked `N_()` and translated where it is shown.

The catalogues are `locale/<lang>/LC_MESSAGES/factcheck.po`, built with Babel
(`pybabel extract` / `update` / `compile`, see the README); the compiled
`.mo` is committed beside its `.po`, and tests/test_i18n.py fails when the
code, the `.po` and the `.mo` drift apart. Only the standard library's
gettext is imported at run time.
"""

from __future__ import annotations

import gettext
import os
import unicodedata
from collections.abc import Callable, Mapping
from pathlib import Path

DOMAIN = "factcheck"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
LANGUAGES = ("en", "zh")  # en is the msgids themselves; zh has a catalogue
# The variables a locale is read from, first set wins (POSIX: LC_ALL overrides LC_MESSAGES overrides LANG).
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")

_translation: gettext.NullTranslations = gettext.NullTranslations()
_language = "en"
_chosen_by = ""  # "option" (--lang), "config" (the project's `lang`), "locale", or "" (not yet chosen)


def from_locale(environ: Mapping[str, str] | None = None) -> str:
    """`zh` for a Chinese locale (zh_CN.UTF-8, zh_TW, zh), else `en`; the first of LC_ALL, LC_MESSAGES, LANG set."""
    env = os.environ if environ is None else environ
    for name in LOCALE_VARIABLES:
        value = env.get(name, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def check_language(lang: str, what: str = "--lang") -> str:
    """`lang` if it is one we have, else a one-line error (raised by the caller's error type)."""
    if lang not in LANGUAGES:
        from .errors import InputError

        raise InputError(_("{what}: unknown language {lang!r} (use {choices})").format(
            what=what, lang=lang, choices=" or ".join(LANGUAGES)))
    return lang


def use(lang: str, chosen_by: str = "option") -> None:
    """Speak `lang` from now on. The project's config does not override --lang, nor the locale either."""
    global _translation, _language, _chosen_by
    rank = {"": 0, "locale": 1, "config": 2, "option": 3}
    if rank[chosen_by] < rank[_chosen_by]:
        return
    _language, _chosen_by = lang, chosen_by
    _translation = (
        gettext.NullTranslations() if lang == "en"
        else gettext.translation(DOMAIN, LOCALE_DIR, languages=[lang], fallback=True)
    )


def use_locale(environ: Mapping[str, str] | None = None) -> None:
    """What a command does first: the locale's language, until --lang or a config says otherwise."""
    use(from_locale(environ), "locale")


def reset() -> None:
    """Back to English and nothing chosen (for tests, and a library that wants the default)."""
    global _translation, _language, _chosen_by
    _translation, _language, _chosen_by = gettext.NullTranslations(), "en", ""


def language() -> str:
    return _language


def chosen_by() -> str:
    """What chose the language: "option" (--lang), "config", "locale", or "" (nothing yet)."""
    return _chosen_by


def _(message: str) -> str:
    """`message` in the chosen language; the English itself where the catalogue has no entry."""
    return _translation.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _translation.ngettext(singular, plural, n)


def N_(message: str) -> str:
    """`message` itself, marked for the catalogue: for text fixed at import (a command's --help) that is
    translated where it is shown, by `_(text)` on the very same string."""
    return message


def translator(lang: str | None = None) -> Callable[[str], str]:
    """`_` in `lang`, whatever the reader's language; None: the reader's (`_` itself).

    For text whose readers are fixed, such as SARIF's rule help, which code-review tools show as it is:
    `_ = translator("en")` in the function that renders it, so pybabel still finds its `_("…")` messages.
    """
    if lang is None:
        return _
    if lang == "en":
        return gettext.NullTranslations().gettext
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=[lang], fallback=True).gettext


def cells(text: str) -> int:
    """The columns `text` takes on a terminal: two for a Chinese character (East Asian wide or fullwidth)."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
