"""Where the claims are kept: a claims/ folder or a PostgreSQL database, behind one interface.

The choice is made here and nowhere else (`open_storage`): a postgresql://
URL is the database store (postgres.py; psycopg is imported only then),
anything else is a folder (files.py, read through its derived SQLite index).
Ingest writes through `Storage.write`; check, accept, the hook, claims,
conflicts and the editor read through `reading` or `open`, and never learn
which store they have.
"""

from __future__ import annotations

from pathlib import Path

from .protocol import Storage, Where, is_url


def open_storage(where: Where) -> Storage:
    """The one place a URL or a path picks the store."""
    if is_url(where):
        from .postgres import PostgresStorage  # psycopg only for a database store

        return PostgresStorage(str(where))
    from .files import FileStorage

    return FileStorage(Path(where))
