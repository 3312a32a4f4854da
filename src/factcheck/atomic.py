"""Files replaced whole: written beside, then renamed over, so a reader never sees half of one.

The store's files, the manifest, the accept file, a report written with -o
and the git hook are all written this way: an interrupted write leaves the
old file, never a torn one.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def atomic_replace(path: Path, mode: int | None = None) -> Iterator[Path]:
    """Yield a temporary path beside `path`; on success it replaces `path` in one rename, on failure it goes.

    Readers never see half a file, and an interrupted write leaves the old
    one. The temporary file gets `mode`, by default the umask's usual mode,
    not mkstemp's 0600, so a reviewable store does not turn private.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    import tempfile  # here, not at the top: a check never writes, and tempfile imports random
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp = Path(name)
    if mode is None:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    try:
        os.chmod(tmp, mode)
        yield tmp
        os.replace(tmp, path)
    except BaseException as exc:
        tmp.unlink(missing_ok=True)
        if isinstance(exc, OSError) and exc.filename is None:  # a full disk fails a write() naming no file
            raise OSError(exc.errno, exc.strerror, str(path)) from None
        raise


def atomic_write(path: Path, text: str, mode: int | None = None) -> None:
    with atomic_replace(path, mode) as tmp, tmp.open("w", encoding="utf-8", newline="\n") as f:
        f.write(text)
        f.flush()
        os.fsync(f.fileno())
