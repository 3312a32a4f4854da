"""Which files are drafts: one glob language and one rule, for `check`, the git hook and the pre-commit framework.

Two glob implementations used to disagree (`drafts/*.md` matched `.wip.md`
in one and not the other; `drafts/**` worked in one and made `check` exit
2). Here a glob is matched by one function over project-relative POSIX
paths: `*` and `?` stay in one folder and never match a name's leading dot,
`**` crosses any number of folders (hidden ones excepted), `[abc]`/`[!abc]`
are character sets. A path that exists is a path, whatever its characters.

A file is a draft when a configured `drafts` glob matches it (or, with none
configured, when it is a .md/.txt outside the `sources`), and no `exclude`
glob does. Files named on the command line are checked as named, unless
`force_exclude` is set, as the pre-commit framework's entry sets it: it
passes every staged text file, and a source article or a README must not
block a commit (ruff's `--force-exclude`).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path, PurePosixPath

from ..errors import InputError
from ..i18n import _
from .config import Config

DRAFT_SUFFIXES = (".md", ".markdown", ".txt", ".docx")  # when no `drafts` globs are configured
STDIN = "-"
_WILD = re.compile(r"[*?\[]")


@lru_cache(maxsize=256)
def glob_regex(pattern: str) -> re.Pattern[str]:
    """A glob as a regex over project-relative POSIX paths (see the module docstring for the language)."""
    pattern = PurePosixPath(pattern).as_posix().removeprefix("./")
    out, i, start = [], 0, True  # start: at the beginning of a path segment
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:[^/.][^/]*/)*")
            i += 3
            continue
        if pattern.startswith("**", i):
            out.append("(?:[^/.][^/]*(?:/[^/.][^/]*)*)?")
            i += 2
        elif pattern[i] == "*":
            out.append("(?:[^/.][^/]*)?" if start else "[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/.]" if start else "[^/]")
            i += 1
        elif pattern[i] == "[" and "]" in pattern[i + 2 :]:
            end = pattern.index("]", i + 2)
            body = pattern[i + 1 : end].replace("\\", "\\\\")
            out.append("[" + ("^/" + body[1:] if body.startswith("!") else body) + "]")
            i = end + 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
        start = pattern[i - 1] == "/"
    return re.compile("".join(out) + r"\Z")


def matches(rel: str, patterns: Iterable[str]) -> bool:
    return any(glob_regex(p).match(rel) for p in patterns)


@dataclass(frozen=True, slots=True)
class Selection:
    """The project's rule for what is a draft, from its config."""

    root: Path
    drafts: tuple[str, ...] = ()
    sources: tuple[Path, ...] = ()
    exclude: tuple[str, ...] = ()

    @classmethod
    def of(cls, cfg: Config) -> Selection:
        return cls(cfg.root, cfg.drafts, cfg.sources, cfg.exclude)

    def relative(self, path: Path) -> str | None:
        """The path relative to the project root, or None outside it (symlinks resolved on both sides)."""
        for p, root in ((path.absolute(), self.root.absolute()), (path.resolve(), self.root.resolve())):
            try:
                return PurePosixPath(os.path.normpath(p.relative_to(root))).as_posix()
            except ValueError:
                continue
        return None

    def excluded(self, path: Path) -> bool:
        rel = self.relative(path)
        return rel is not None and matches(rel, self.exclude)

    def is_draft(self, path: Path) -> bool:
        """A configured draft glob matches, or (none configured) a .md/.txt that is not one of the sources."""
        rel = self.relative(path)
        if rel is None or matches(rel, self.exclude):
            return False
        if self.drafts:
            return matches(rel, self.drafts)
        resolved = path.resolve()
        if any(resolved == s or s in resolved.parents for s in (s.resolve() for s in self.sources)):
            return False
        return path.suffix.lower() in DRAFT_SUFFIXES

    def expand(self, arguments: list[str], force_exclude: bool = False) -> list[str]:
        """Command-line arguments as the drafts to check, in order: `-`, files, folders (their drafts) and globs.

        No arguments: the configured `drafts` globs. A folder gives the drafts
        under it; a glob gives what it matches (relative to the current
        folder, or the root for the configured globs); a file is itself,
        unless `force_exclude` and it is not a draft.
        """
        if not arguments:
            if not self.drafts:
                raise InputError(_("no drafts given (pass a path, a folder, a glob, or - for standard input)"))
            found = [p for g in self.drafts for p in glob(str(self.root / g)) if not self.excluded(p)]
            if not found:
                raise InputError(_("no drafts match the configured globs ({globs})").format(globs=", ".join(self.drafts)))
            return list(dict.fromkeys(str(p) for p in found))
        out: list[str] = []
        for arg in arguments:
            if arg == STDIN:
                out.append(STDIN)
            elif os.path.isdir(arg):
                drafts = [p for p in _walk(Path(arg)) if self._draft_in_folder(p)]
                if not drafts:
                    raise InputError(_("{path}: no drafts in this folder").format(path=arg))
                out.extend(str(p) for p in drafts)
            elif os.path.lexists(arg) or not _WILD.search(arg):  # a path that exists is a path: 草稿[终].md
                if not force_exclude or self.is_draft(Path(arg)):
                    out.append(arg)
            else:
                found = glob(arg)
                if not found:
                    raise InputError(_("{path}: no drafts match this pattern").format(path=arg))
                out.extend(str(p) for p in found if not (force_exclude and not self.is_draft(p)))
        return list(dict.fromkeys(out))

    def _draft_in_folder(self, path: Path) -> bool:
        """Inside a folder named on the command line: the configured drafts if any, else its .md/.txt files."""
        if self.excluded(path):
            return False
        if self.drafts and self.relative(path) is not None:
            return self.is_draft(path)
        return path.suffix.lower() in DRAFT_SUFFIXES


def glob(pattern: str) -> list[Path]:
    """Files matching a glob, walked from its literal folder prefix with `glob_regex`: one language everywhere."""
    parts = PurePosixPath(pattern).parts
    fixed = []
    for part in parts:
        if _WILD.search(part):
            break
        fixed.append(part)
    base = Path(*fixed) if fixed else Path(".")
    if len(fixed) == len(parts):
        return [base] if base.is_file() else []
    rest = PurePosixPath(*parts[len(fixed) :]).as_posix()
    regex = glob_regex(rest)
    return [p for p in _walk(base) if regex.match(p.relative_to(base).as_posix())]


def _walk(top: Path) -> list[Path]:
    """Every non-hidden file below `top`, sorted; hidden folders (.git, .venv) are not entered."""
    found = []
    for folder, dirs, names in os.walk(top):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found += [Path(folder) / n for n in names if not n.startswith(".")]
    return sorted(found)
