"""The index's tables, the claim row (derived from the claim record), and the index's own metadata."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from ...record.claim import Claim
from ...record.codec import CLAIM, quote

# Bump when the schema or the keys change: an index of another version is rebuilt.
INDEX_VERSION = "16"
ID_TABLES = ("files", "paragraphs", "claims")
INDEX_DIR = ".index"
INDEX_FILE = "claims.sqlite3"  # the name before builds had names of their own; still read if `current` is absent
CURRENT = "current"  # names the index file in use (see opening.py)  # ids count up across all three (see build.Writer)

# The claims table: the row's own key, file and place in it, then a column per stored field of
# the claim record (record/codec.py), named as in the JSON Lines record. The paragraph is kept once per
# paragraph, in its own table, and the claims table holds its id.
CLAIM_OWN = ("id", "file", "seq")
SCHEMA = f"""
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE files(id INTEGER PRIMARY KEY, name TEXT UNIQUE, position INTEGER, size INTEGER, mtime_ns INTEGER,
                   verified_ns INTEGER, sha256 TEXT, claims INTEGER, last_id INTEGER);
CREATE TABLE paragraphs(id INTEGER PRIMARY KEY, file INTEGER, text TEXT);
{CLAIM.table("claims", "id INTEGER PRIMARY KEY, file INTEGER, seq INTEGER", {"paragraph": "INTEGER"})}
CREATE TABLE postings(key TEXT, n INTEGER, ids BLOB);
CREATE TABLE dead_keys(key TEXT PRIMARY KEY, n INTEGER) WITHOUT ROWID;
CREATE TABLE subjects(subject TEXT PRIMARY KEY, n INTEGER) WITHOUT ROWID;
"""
INDEXES = """
CREATE INDEX claims_file ON claims(file);
CREATE INDEX paragraphs_file ON paragraphs(file);
CREATE INDEX postings_key ON postings(key, n);
"""
INSERT_CLAIM = (
    f"INSERT INTO claims({', '.join((*CLAIM_OWN, *map(quote, CLAIM.column_names)))})"
    f" VALUES ({', '.join('?' * (len(CLAIM_OWN) + len(CLAIM.columns)))})"
)
# A claim row as row_claim reads it: row id, place in the file, file, then the record's fields.
# Checking fetches claims by id without joins (a join per row costs more than the row) and
# resolves file positions and paragraphs through small caches.
ROWID, SEQ, FILE, FIELDS = 0, 1, 2, 3
PARAGRAPH = FIELDS + CLAIM.position("paragraph")
CLAIM_COLUMNS = "c.id, c.seq, {file}, " + ", ".join(
    "{paragraph}" if name == "paragraph" else f"c.{quote(column)}" for name, column in zip(CLAIM.names, CLAIM.column_names)
)
BY_ID = CLAIM_COLUMNS.format(file="c.file", paragraph="c.paragraph")
IN_ORDER = (
    f"SELECT {CLAIM_COLUMNS.format(file='f.position', paragraph='p.text')} FROM claims c"
    " JOIN files f ON f.id = c.file JOIN paragraphs p ON p.id = c.paragraph ORDER BY f.position, c.seq"
)


def claim_row(claim: Claim, file_id: int, seq: int, paragraph: int) -> tuple[object, ...]:
    """The claims table's values after the row id: file, seq, then the record's fields (the paragraph by id)."""
    values = list(CLAIM.to_row(claim))
    values[PARAGRAPH - FIELDS] = paragraph
    return (file_id, seq, *values)


def row_claim(row: Sequence[object]) -> Claim:
    """The Claim that Store.load() gives for the same record (Decimals round-trip exactly through str)."""
    return CLAIM.from_row(row[FIELDS:])


def set_meta(conn: sqlite3.Connection, **values: object) -> None:
    conn.executemany("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", [(k, str(v)) for k, v in values.items()])


def meta(conn: sqlite3.Connection) -> dict[str, str]:
    return dict(conn.execute("SELECT key, value FROM meta").fetchall())


def generation(conn: sqlite3.Connection) -> int:
    """How many updates the index has had: a writer that finds it unmoved need not look at the store twice."""
    return int(meta(conn).get("generation", 0))
