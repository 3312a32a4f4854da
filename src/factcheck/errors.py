"""One exception root and one exit-code table, so no traceback ever reaches an editor."""

from __future__ import annotations

import difflib
import enum
import os
from collections.abc import Iterable


class ExitCode(enum.IntEnum):
    OK = 0  # nothing flagged
    FINDINGS = 1  # some finding has a verdict in --fail-on
    ERROR = 2  # usage, input or store problem; one line on stderr
    INTERRUPTED = 130  # Ctrl-C


class FactcheckError(Exception):
    """Anything the CLI reports as one line and exit code 2."""


class InputError(FactcheckError):
    """A source or draft we cannot read: missing, binary, undecodable, empty."""


class EmptyText(InputError):
    """A file with no text, or none after its front matter: no figures in it, so a draft like it is clean
    wherever it is one of several (a folder, a glob, the staged drafts), and an error only named alone."""

    def __init__(self, message: str, name: str) -> None:
        super().__init__(message)
        self.name = name

    def skipped(self) -> str:
        """The line an empty draft among others gets on stderr, as a linter says a file has nothing to lint."""
        return f"{self.name}: empty draft, no figures to check"


class StoreError(FactcheckError):
    """The claims store is missing, empty or has a corrupt line."""


class NoStoreError(StoreError):
    """No claims store where one is looked for: a folder outside any project, or one never ingested."""


class ConfigError(FactcheckError):
    """A configuration file with an unknown key or a bad value."""


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The one choice near enough to `word` to be a slip of the keyboard, or None.

    Compared without leading dashes, so that the `--` every option shares
    makes no near miss: `--bogus` is nothing like `--jobs`, `stroe` is `store`.
    """
    names = {choice.lstrip("-"): choice for choice in choices}
    found = difflib.get_close_matches(word.lstrip("-"), list(names), n=1, cutoff=0.6)
    return names[found[0]] if found else None


def shown(path: object) -> str:
    """A path as an editor would type it: relative to where they stand when it is below, else as it is."""
    text = os.fspath(path)  # type: ignore[call-overload]
    try:
        rel = os.path.relpath(text)
    except ValueError:
        return text
    return text if rel.startswith("..") else rel
